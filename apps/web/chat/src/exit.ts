import { embeddingOrigin } from './host-page';
import { installQuickExit, safeExitUrl } from './quick-exit';

/**
 * Quick exit on its own, a tiny blocking script in the page's head: it runs before the button is
 * even parsed (and long before the chat's bundle on a slow connection): the button, Shift
 * pressed three times, and the embed loader's request.
 */
const embedded = new URLSearchParams(location.search).get('embed') === '1';
const leave = installQuickExit({ exitUrl: safeExitUrl(document.documentElement.dataset.exitUrl), embedded });

document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target.closest('[data-qa="quick-exit"]') : null;
  if (!target) return;
  e.preventDefault();
  leave();
}, true);

if (embedded) {
  // the loader asks for quick exit when Shift is pressed three times on the host page (a listed one)
  window.addEventListener('message', (e) => {
    if (e.source !== window.parent || e.origin !== embeddingOrigin()) return;
    if ((e.data as { type?: string } | null)?.type === 'prystan:leave') leave();
  });
}
