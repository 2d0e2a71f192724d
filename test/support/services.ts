import { randomUUID } from 'node:crypto';

/** A Polish mobile team reached through `channel` (webhook, e-mail or phone), under a name of its own. */
export function mobileTeam(channel: object): Record<string, unknown> {
  return { name: `Mobile team ${randomUUID().slice(0, 4)}`, kind: 'mobile-team', phone: '+48 000 000 000', region: 'PL-LU', languages: ['pl'], channel };
}

/** Adds a crisis service as an admin does, through the API (the answer checked: 201); resolves with its id. */
export async function addService(base: string, adminToken: string, service: object): Promise<string> {
  const res = await fetch(`${base}/api/services`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }, body: JSON.stringify(service),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
