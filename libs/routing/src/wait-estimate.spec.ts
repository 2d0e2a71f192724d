import { DEFAULT_HANDLE_SECONDS, estimateWaitSeconds } from './wait-estimate';

describe('wait estimate', () => {
  const line = { freeSlots: 0, totalSlots: 2, medianHandleSeconds: 600, offerTimeoutSeconds: 30 };

  it('is unknown (null) when nobody is on duty in the language', () => {
    expect(estimateWaitSeconds(1, { ...line, totalSlots: 0 })).toBeNull();
  });

  it('is about an offer’s time when a slot is free for this position', () => {
    expect(estimateWaitSeconds(1, { ...line, freeSlots: 1 })).toBe(30);
  });

  it('grows with the sessions ahead and shrinks with the slots on duty', () => {
    expect(estimateWaitSeconds(1, line)).toBe(300);
    expect(estimateWaitSeconds(4, line)).toBe(1200);
    expect(estimateWaitSeconds(4, { ...line, totalSlots: 4 })).toBe(600);
  });

  it('falls back to a default handling time without history, rounded up to 30 s', () => {
    expect(estimateWaitSeconds(1, { ...line, totalSlots: 7, medianHandleSeconds: null })).toBe(Math.ceil(DEFAULT_HANDLE_SECONDS / 7 / 30) * 30);
  });
});
