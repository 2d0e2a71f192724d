import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { SeedServices1763800000100 } from './1763800000100-seed-services';
import { Escalations1763800000200 } from './1763800000200-escalations';
import { CannedResponses1763800100000 } from './1763800100000-canned-responses';
import { StaffSecondFactor1763800300000 } from './1763800300000-staff-second-factor';
import { AuditTrail1765000000000 } from './1765000000000-audit-trail';
import { RiskSignals1765100000000 } from './1765100000000-risk-signals';
import { LineOrderIndex1766000000000 } from './1766000000000-line-order-index';

/** Every migration, in order. A new migration is added here as well as in its own file. */
export const MIGRATIONS = [
  InitialSchema1763800000000, SeedServices1763800000100, Escalations1763800000200, CannedResponses1763800100000, StaffSecondFactor1763800300000,
  AuditTrail1765000000000, RiskSignals1765100000000, LineOrderIndex1766000000000,
];
