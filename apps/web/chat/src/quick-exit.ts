import { tellHostPage } from './host-page';
import { storage } from './storage';

export interface QuickExitOptions {
  exitUrl: string;
  embedded: boolean;
}

/**
 * Dispatched on window as the page goes blank. A listener that must tell the server (the chat:
 * session:end with reason quick-exit) pushes its promise onto `detail.wait`; leaving waits for
 * those at most 300 ms.
 */
export const LEAVING = 'prystan:leaving';
export interface LeavingDetail { wait: Promise<unknown>[] }

/**
 * Quick exit (PRODUCT.md rule 5): blanks the page synchronously, clears sessionStorage, lets the
 * chat tell the server, then replaces the location so Back does not return. Inside the embed
 * it takes the host page away too: the frame navigates the top window where the browser allows
 * it, else the loader on the host page does (it blanks the host page at once either way).
 */
export function installQuickExit(o: QuickExitOptions): () => void {
  let leaving = false;

  const leave = () => {
    if (leaving) return;
    leaving = true;
    document.documentElement.classList.add('leaving');
    document.body?.replaceChildren();
    storage.clear();
    if (o.embedded) tellHostPage({ type: 'prystan:blank', url: o.exitUrl });
    let gone = false;
    const go = () => {
      if (gone) return;
      gone = true;
      if (o.embedded) {
        try {
          window.top!.location.replace(o.exitUrl);
          tellHostPage({ type: 'prystan:gone' });
          return;
        } catch {
          // not allowed from this frame: the loader on the host page does it
          tellHostPage({ type: 'prystan:quick-exit', url: o.exitUrl });
        }
      }
      window.location.replace(o.exitUrl);
    };
    // the page is already blank; give the end-of-chat message at most 300 ms to leave
    window.setTimeout(go, 300);
    const detail: LeavingDetail = { wait: [] };
    try {
      window.dispatchEvent(new CustomEvent(LEAVING, { detail }));
    } catch {
      /* leave regardless */
    }
    if (detail.wait.length) Promise.all(detail.wait).then(go, go);
    else go();
  };

  // Shift pressed three times in a row within two seconds, as GOV.UK's "Exit this page";
  // any other key in between starts the count again, so typing capitals never triggers it
  let presses: number[] = [];
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'Shift') {
      presses = [];
      return;
    }
    if (e.repeat) return;
    const now = performance.now();
    presses = [...presses.filter((t) => now - t < 2000), now];
    if (presses.length >= 3) leave();
  }, true);

  return leave;
}

/** Only an http(s) address is followed; anything else leaves for a blank page. */
export function safeExitUrl(raw: string | undefined): string {
  if (!raw || !/^https?:\/\//i.test(raw)) return 'about:blank';
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    /* fall through */
  }
  return 'about:blank';
}
