/**
 * The page itself never scrolls (chat.css): the bar with quick exit is the top of the layout and
 * the content scrolls under it. This keeps it so with the on-screen keyboard open: where the
 * browser does not shrink the page for the keyboard (iOS Safari; Chrome does, see the viewport
 * meta), the page takes the height of what is visible and any pan of the page is undone, so
 * the bar is never pushed above the screen.
 */
export function fitToVisualViewport(): void {
  const vv = window.visualViewport;
  if (!vv) return;
  const root = document.documentElement;
  let frame = 0;
  const fit = () => {
    frame = 0;
    // pinch-zoomed in: the survivor is looking closer, leave their view alone
    if (vv.scale > 1.01) return;
    const visible = Math.round(vv.height);
    if (visible < root.clientHeight - 1) {
      // CSSOM, not a style attribute: allowed by the page's strict CSP
      root.style.setProperty('--viewport-height', `${visible}px`);
      root.classList.add('fit');
    } else if (root.classList.contains('fit')) {
      root.classList.remove('fit');
      root.style.removeProperty('--viewport-height');
    }
    if (window.scrollX !== 0 || window.scrollY !== 0) window.scrollTo(0, 0);
  };
  const schedule = () => { if (!frame) frame = requestAnimationFrame(fit); };
  vv.addEventListener('resize', schedule);
  vv.addEventListener('scroll', schedule);
  window.addEventListener('scroll', schedule, { passive: true });
  fit();
}
