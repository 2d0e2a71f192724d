import type { Copy } from '../i18n';

/** What a status means for this kind of escalation, in words (a phone one is delivered by the counsellor's call). */
export function statusText(t: Copy, e: { status: string; channel?: string; phoneResult?: string }, who: 'me' | 'board'): string {
  const s = t.escalation;
  if (e.channel === 'phone') {
    if (e.status === 'delivered') return s.phoneStatus.reached;
    if (e.status === 'failed') return s.phoneStatus['not-reached'];
    if (e.status === 'queued') return e.phoneResult === 'called' ? s.phoneStatus.called : who === 'me' ? s.phoneStatus.waitingForYou : s.phoneStatus.waiting;
  }
  return s.status[e.status] ?? e.status;
}
