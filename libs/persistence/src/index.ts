export { Db, type Sql } from './db';
export { createDataSource } from './data-source';
export { ensureDatabase, migrate } from './database-setup';
export { ENTITIES, StaffEntity, ServiceEntity, ContactLogEntity } from './entities';
export { SessionRepository, type EndedSessionFacts } from './repositories/session.repository';
export type { SessionRecord, SessionState } from './repositories/session.types';
export { MessageRepository, type StoredMessage, type InsertResult } from './repositories/message.repository';
export { StaffRepository, EmailTakenError, type StaffRecord } from './repositories/staff.repository';
export { TokenRepository, type TokenAccess } from './repositories/token.repository';
export { SecondFactorRepository, type StoredTotp } from './repositories/second-factor.repository';
export { RoutingRepository, type OfferRow, type CandidateRow, type WaitingRow } from './repositories/routing.repository';
export type { LineFigures, LineStanding } from './repositories/line-sql';
export { ContactLogRepository, type ContactLogInput, type CountRow, type WaitBandRow } from './repositories/contact-log.repository';
export { ServiceRepository, type ServiceRecord } from './repositories/service.repository';
export { AuditRepository, type AuditAbout, type AuditEntryRow, type AuditFilter } from './repositories/audit.repository';
export { MaintenanceRepository } from './repositories/maintenance.repository';
export { SealedDataRepository, SEALED_COLUMNS, type SealedColumnName, type SealedRow } from './repositories/sealed-data.repository';
export { EscalationRepository, type EscalationRecord, type EscalationListItem, type OwnEscalationItem } from './repositories/escalation.repository';
export { OperationsRepository, type WaitingCount, type CounsellorCount } from './repositories/operations.repository';
export { CannedRepository, type CannedKind, type CannedPatch, type CannedResponse } from './repositories/canned.repository';
export {
  SupervisionRepository, type ColleagueRow, type HandoverTarget, type LiveSessionRow, type OnDutyRow, type OwnSessionRow,
} from './repositories/supervision.repository';
