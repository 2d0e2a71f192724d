import { isLang, type Lang } from './i18n';

/**
 * What survives a reload of this tab, in sessionStorage only (PRODUCT.md rule 4): the resume
 * token, the token the next resume will move the chat to (`next`, kept before that resume is
 * sent: see session.ts), the chat's language, whether they said they were in danger and the
 * counsellor's first name. Cleared on end and quick exit.
 * Every access is guarded: storage can be disabled or full.
 */
export interface Saved { token: string; next?: string; lang: Lang; danger?: boolean; counsellor?: string }

const SESSION = 'p.session';

export const storage = {
  read(key: string): string | null {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  write(key: string, value: string | null): void {
    try {
      if (value === null) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, value);
    } catch {
      /* the in-memory copy still works */
    }
  },
  clear(): void {
    try {
      sessionStorage.clear();
    } catch {
      /* nothing to clear */
    }
  },
};

export function loadSession(): Saved | undefined {
  try {
    const saved = JSON.parse(storage.read(SESSION) ?? 'null') as Partial<Saved> | null;
    if (saved && typeof saved.token === 'string' && isLang(saved.lang)) {
      return {
        token: saved.token,
        next: typeof saved.next === 'string' ? saved.next : undefined,
        lang: saved.lang,
        danger: saved.danger === true,
        counsellor: typeof saved.counsellor === 'string' ? saved.counsellor : undefined,
      };
    }
  } catch {
    /* unreadable: start afresh */
  }
  return undefined;
}

export function saveSession(saved: Saved | undefined): void {
  storage.write(SESSION, saved ? JSON.stringify(saved) : null);
}

/** A new resume token for the server to move the chat to: 32 random bytes, base64url. */
export function newResumeToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
