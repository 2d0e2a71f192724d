import { PermanentDeliveryError } from './errors';
import { buildEscalationPayload, type EscalationPayloadInput } from './payload';

const input = (over: Partial<EscalationPayloadInput> = {}): EscalationPayloadInput => ({
  escalationId: '0b7f7d3e-3c1e-4a57-9c61-3d2f5a8f9b10',
  service: { id: 'svc-1', name: 'Mobile team Lviv' },
  urgency: 'immediate',
  language: 'uk',
  details: { summary: 'Partner threatens with a knife', callbackPhone: '+380 67 000 0000', location: 'Lviv, centre' },
  createdAt: '2025-11-22T13:15:00.000Z',
  ackUrl: 'https://chat.example.org/api/escalations/ack/t',
  ...over,
});

describe('buildEscalationPayload', () => {
  it('is exactly the contract body, keys in its order', () => {
    const p = buildEscalationPayload(input());
    expect(Object.keys(p)).toEqual(['escalationId', 'service', 'urgency', 'language', 'details', 'createdAt', 'ackUrl']);
    expect(p).toEqual(input());
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it('drops empty optional details and anything not consented', () => {
    const raw = { ...input(), extra: 'x', service: { id: 's', name: 'n', secret: 'no' } } as unknown as EscalationPayloadInput;
    raw.details = { summary: 'S', callbackPhone: '', location: '  ', name: 'Olena' } as never;
    const p = buildEscalationPayload(raw);
    expect(p.details).toEqual({ summary: 'S' });
    expect(p.service).toEqual({ id: 's', name: 'n' });
    expect(p).not.toHaveProperty('extra');
  });

  it('writes createdAt as ISO 8601 UTC', () => {
    expect(buildEscalationPayload(input({ createdAt: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)) })).createdAt).toBe('2025-01-02T03:04:05.000Z');
    expect(buildEscalationPayload(input({ createdAt: '2025-01-02T05:04:05+02:00' })).createdAt).toBe('2025-01-02T03:04:05.000Z');
  });

  it('refuses what no retry can fix', () => {
    expect(() => buildEscalationPayload(input({ details: { summary: ' ' } }))).toThrow(PermanentDeliveryError);
    expect(() => buildEscalationPayload(input({ urgency: 'soon' as never }))).toThrow(PermanentDeliveryError);
    expect(() => buildEscalationPayload(input({ createdAt: 'yesterday' }))).toThrow(PermanentDeliveryError);
  });
});
