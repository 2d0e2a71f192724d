/**
 * The embed loader: `<script src="https://service/widget.js" data-lang="uk" defer></script>`.
 * It adds a launcher button and a panel with an iframe from the service's own origin (taken
 * from this script's own address), so the host page cannot read the chat. It sets no cookie,
 * uses no storage, keeps its styles in a shadow root, closes with Escape, and obeys
 * the chat's quick exit by taking the host page away too.
 */
(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src || document.querySelector('[data-prystan]')) return;
  const origin = new URL(script.src).origin;
  const lang = ['pl', 'uk', 'en'].includes(script.dataset.lang ?? '') ? script.dataset.lang! : 'pl';
  const labels: Record<string, { open: string; close: string; title: string }> = {
    // "minimise", not "close": the chat goes on; the red quick exit under it is what leaves
    pl: { open: 'Porozmawiaj z nami', close: 'Zwiń czat', title: 'Czat' },
    uk: { open: 'Поговоріть із нами', close: 'Згорнути чат', title: 'Чат' },
    en: { open: 'Talk to us', close: 'Minimise chat', title: 'Chat' },
  };
  const text = labels[lang];

  const host = document.createElement('div');
  host.setAttribute('data-prystan', '');
  // an open shadow root: styles stay apart both ways, and assistive tools and tests can reach the
  // launcher; the chat itself is a cross-origin frame the host page cannot read
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial; }
    button { font: 700 16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; cursor: pointer; }
    .launcher { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; min-height: 48px; padding: 0 20px; border: 0;
      border-radius: 24px; background: #2b5a5e; color: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
    .launcher:hover { background: #1e4245; }
    button:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
    .panel { position: fixed; right: 16px; bottom: 76px; z-index: 2147483647; width: min(420px, calc(100vw - 32px));
      height: min(680px, calc(100vh - 96px)); border: 1px solid #cfd6dd; border-radius: 12px; overflow: hidden; background: #f6f4f1;
      box-shadow: 0 4px 24px rgba(0,0,0,.25); display: flex; flex-direction: column; }
    .panel[hidden] { display: none; }
    .top { display: flex; justify-content: flex-end; background: #fff; border-bottom: 1px solid #cfd6dd; }
    .close { min-height: 44px; min-width: 44px; padding: 0 14px; border: 0; background: transparent; color: #1f2328; font-weight: 600; }
    iframe { flex: 1; width: 100%; border: 0; background: #f6f4f1; }
    @media (max-width: 480px) { .panel { inset: 0; width: 100vw; height: 100vh; height: 100dvh; border: 0; border-radius: 0; } }`;

  const launcher = document.createElement('button');
  launcher.className = 'launcher';
  launcher.type = 'button';
  launcher.textContent = text.open;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'prystan-panel');
  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'prystan-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', text.title);
  const top = document.createElement('div');
  top.className = 'top';
  const close = document.createElement('button');
  close.className = 'close';
  close.type = 'button';
  close.textContent = `${text.close} ▾`;
  top.append(close);
  panel.append(top);
  let frame: HTMLIFrameElement | undefined;

  const open = () => {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.title = text.title;
      // the chat posts to this page only if its origin is one the operator listed (and it is really this page's)
      frame.src = `${origin}/chat?lang=${lang}&embed=1&parent=${encodeURIComponent(location.origin)}`;
      frame.referrerPolicy = 'no-referrer';
      panel.append(frame);
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    frame.focus();
  };
  const hide = () => {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  };
  launcher.addEventListener('click', () => (panel.hidden ? open() : hide()));
  close.addEventListener('click', hide);

  // quick exit from the chat: blank the host page at once, then leave it for the neutral site,
  // once; if the chat frame could navigate the top window itself it says so
  let fallback: number | undefined;
  let left = false;
  const go = (url: string) => {
    window.clearTimeout(fallback);
    if (left) return;
    left = true;
    window.location.replace(url);
  };
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || !frame || event.source !== frame.contentWindow) return;
    const data = event.data as { type?: string; url?: string } | null;
    if (data?.type === 'prystan:close') return hide();
    if (data?.type === 'prystan:gone') return window.clearTimeout(fallback);
    if (typeof data?.url !== 'string' || !/^https?:\/\//i.test(data.url)) return;
    const url = data.url;
    if (data.type === 'prystan:blank') {
      document.documentElement.style.setProperty('display', 'none', 'important');
      if (fallback === undefined) fallback = window.setTimeout(() => go(url), 1500);
    }
    if (data.type === 'prystan:quick-exit') go(url);
  });

  // Escape closes the panel while focus is on the host page (inside the frame the chat asks us);
  // with the chat open, Shift pressed three times on the host page is the chat's quick exit too
  let presses: number[] = [];
  document.addEventListener('keydown', (e) => {
    if (panel.hidden) return;
    if (e.key === 'Escape') hide();
    if (e.key !== 'Shift') {
      presses = [];
      return;
    }
    if (e.repeat) return;
    const now = Date.now();
    presses = [...presses.filter((t) => now - t < 2000), now];
    if (presses.length >= 3) frame?.contentWindow?.postMessage({ type: 'prystan:leave' }, origin);
  }, true);

  root.append(style, launcher, panel);
  (document.body ?? document.documentElement).append(host);
})();
