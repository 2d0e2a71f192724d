import { storage } from './storage';

export interface Pending { clientId: string; text: string }

const KEY = 'p.outbox';

/**
 * Messages typed but not yet acknowledged, in memory and in sessionStorage, so neither a
 * dropped connection nor a reload loses them. Each keeps its clientId: a retry is
 * de-duplicated by the server.
 */
export class Outbox {
  private items: Pending[];

  constructor() {
    try {
      const stored = JSON.parse(storage.read(KEY) ?? '[]') as Pending[];
      this.items = Array.isArray(stored) ? stored.filter((p) => typeof p?.clientId === 'string' && typeof p.text === 'string') : [];
    } catch {
      this.items = [];
    }
  }

  list(): readonly Pending[] {
    return this.items;
  }

  add(text: string): Pending {
    const item = { clientId: newClientId(), text };
    this.items = [...this.items, item];
    this.persist();
    return item;
  }

  remove(clientId: string): void {
    this.items = this.items.filter((p) => p.clientId !== clientId);
    this.persist();
  }

  clear(): void {
    this.items = [];
    this.persist();
  }

  private persist(): void {
    storage.write(KEY, this.items.length ? JSON.stringify(this.items) : null);
  }
}

export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
