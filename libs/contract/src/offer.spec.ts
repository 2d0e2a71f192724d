import { offerPayload, type OfferedSession } from './offer';

const session: OfferedSession = {
  sessionId: 's1', language: 'uk', triage: { immediateDanger: false, ageGroup: 'child' }, waitedSeconds: 42, riskFlags: ['weapon'],
  offerExpiresAt: new Date(1_000_000 + 29_600),
};

describe('offerPayload', () => {
  it('gives the contract fields and the seconds left, rounded', () => {
    expect(offerPayload(session, undefined, 1_000_000)).toEqual({
      sessionId: 's1', language: 'uk', triage: { immediateDanger: false, ageGroup: 'child' }, waitedSeconds: 42, expiresInSeconds: 30, riskFlags: ['weapon'],
    });
  });

  it('never says less than a second is left, so the offer can still be accepted', () => {
    expect(offerPayload(session, undefined, 1_000_000 + 60_000).expiresInSeconds).toBe(1);
  });

  it('names who handed it on, and their note only when there is one', () => {
    expect(offerPayload(session, { transferredBy: 'Ola' }, 1_000_000)).toMatchObject({ transferredBy: 'Ola' });
    expect(offerPayload(session, { transferredBy: 'Ola' }, 1_000_000)).not.toHaveProperty('note');
    expect(offerPayload(session, { transferredBy: 'Ola', note: 'asks for a woman' }, 1_000_000)).toMatchObject({ note: 'asks for a woman' });
  });

  it('accepts the expiry as a string, as some rows hold it', () => {
    expect(offerPayload({ ...session, offerExpiresAt: new Date(1_000_000 + 10_000).toISOString() }, undefined, 1_000_000).expiresInSeconds).toBe(10);
  });
});
