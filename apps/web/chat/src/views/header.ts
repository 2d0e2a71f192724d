import type { Copy } from '../i18n';

export type Connection = 'none' | 'connecting' | 'online' | 'offline';

/** The sticky bar: quick exit (always there, in chat.html itself) and the connection state. */
export function updateHeader(copy: Copy, connection: Connection): void {
  const exit = document.querySelector('[data-qa="quick-exit"] .label');
  if (exit) exit.textContent = copy.quickExit;
  const hint = document.querySelector('.quick-exit-hint');
  if (hint) hint.textContent = copy.quickExitHint;
  const status = document.getElementById('connection');
  if (!status) return;
  const text = { none: '', connecting: copy.connecting, online: copy.online, offline: copy.offline }[connection];
  if (status.textContent !== text) status.textContent = text;
  status.className = `connection ${connection}`;
}
