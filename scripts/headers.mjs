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
