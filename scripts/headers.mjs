// The app's Content-Security-Policy: only its own files, wasm compiled from them,
// no inline script or style, no other origin. `frame-ancestors *` lets any site
// embed the app (see README, "Embed AzSIM on your site"); public/_headers and
// docs/nginx.conf carry the same headers for real hosting.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  'frame-ancestors *',
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The CSP with `origin` (the app's own, e.g. "http://127.0.0.1:8080") listed after every
 * 'self'. A frame sandboxed without allow-same-origin has an opaque origin, and WebKit
 * (WebKitGTK 2.50, Safari before the fix of https://bugs.webkit.org/show_bug.cgi?id=316847)
 * matches 'self' against that opaque origin instead of the document's URL (CSP3 §2.2.2),
 * so it refused every script, style and fetch of the app: the widget stayed on
 * "Loading…". Chromium and Firefox match 'self' against the URL. Naming the origin adds
 * nothing a non-sandboxed page did not already allow.
 */
export function cspFor(origin) {
  return CSP.replaceAll("'self'", `'self' ${origin}`);
}

/** `http://<host>` from a request's Host header when it is a plain host[:port], else null. */
export function originOfHost(host) {
  return typeof host === 'string' && /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host)
    ? `http://${host.toLowerCase()}`
    : null;
}
