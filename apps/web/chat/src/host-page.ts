/** What an entry must look like to be a postMessage target at all. */
const ORIGIN = /^https?:\/\/[^/\s]+$/;

/**
 * The host page an embedded chat may talk to. The chat never posts to `'*'`: a message about
 * quick exit or closing the panel goes only to the host page's own origin, and only when the
 * operator listed it. The gateway writes EMBED_ORIGINS into the page (`data-embed-origins`);
 * the loader says which origin it runs on (`?parent=`); Chromium and Safari also tell the frame
 * its parent's origin (`location.ancestorOrigins`), which is used first. The browser delivers a
 * message only when the parent really is the target origin, so a page that lies in `?parent=`
 * hears nothing.
 */
export function hostOrigin(allowedList: string | undefined, ancestor: string | undefined, claimed: string | null, own: string): string | undefined {
  const allowed = new Set((allowedList ?? '').split(/\s+/).filter((o) => ORIGIN.test(o)));
  // frame-ancestors also lets the service's own pages frame the chat
  allowed.add(own);
  const candidate = ancestor || claimed || undefined;
  return candidate && allowed.has(candidate) ? candidate : undefined;
}

/** This page's host origin, when it is embedded by a listed site; undefined otherwise. */
export function embeddingOrigin(): string | undefined {
  if (window.parent === window) return undefined;
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  return hostOrigin(
    document.documentElement.dataset.embedOrigins,
    ancestors && ancestors.length > 0 ? ancestors[0] : undefined,
    new URLSearchParams(location.search).get('parent'),
    location.origin,
  );
}

/** Posts to the host page, if it is one the chat may talk to; else nothing is sent. */
export function tellHostPage(message: { type: string; url?: string }): void {
  const target = embeddingOrigin();
  if (target) window.parent.postMessage(message, target);
}
