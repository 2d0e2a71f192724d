import type { Triage } from '@prystan/contract';

/** Routing classes: 0 immediate danger or flagged by risk detection, 1 a child, 2 everyone else. */
export const PRIORITY = { danger: 0, child: 1, other: 2 } as const;

export function priorityFor(triage: Triage, riskFlagged = false): number {
  if (triage.immediateDanger || riskFlagged) return PRIORITY.danger;
  if (triage.ageGroup === 'child') return PRIORITY.child;
  return PRIORITY.other;
}

export interface Queued { priority: number; enqueuedAt: Date }

/** The line's order: class first, then the longest wait. */
export function compareRoutingOrder(a: Queued, b: Queued): number {
  return a.priority - b.priority || a.enqueuedAt.getTime() - b.enqueuedAt.getTime();
}
