export { PRIORITY, priorityFor, compareRoutingOrder } from './order';
export { pairSessions, DECLINE_COOLDOWN_MS, type Candidate, type WaitingSession, type Pairing } from './pairing';
export { estimateWaitSeconds, DEFAULT_HANDLE_SECONDS, type LineCapacity } from './wait-estimate';
export { RoutingService, type RoutingPassResult, type PositionUpdate } from './routing.service';
export { LineService } from './line.service';
export { RoutingModule } from './routing.module';
