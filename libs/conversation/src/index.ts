export { ConversationModule } from './conversation.module';
export { ConversationService, type Sender } from './conversation.service';
export { SessionEnding } from './session-ending';
export { escalationStatusEvent, ownEscalationItem, publishEscalationStatus } from './escalation-status';
