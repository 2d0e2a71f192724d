import { estimateWaitSeconds } from './wait-estimate';

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

  it('falls back to 20 minutes of handling without history (docs/protocol.md), rounded up to 30 s', () => {
    // 1200 s / 7 slots = 171.4 s, rounded up to 180
    expect(estimateWaitSeconds(1, { ...line, totalSlots: 7, medianHandleSeconds: null })).toBe(180);
  });
});
