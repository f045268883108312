#!/usr/bin/env node
// Dependency-free static file server for the built app (dist/).
//   node scripts/static-server.mjs <dir> <port> [--identity]
// Listens on 127.0.0.1 only. Serves index.html for "/" and, as an SPA fallback, for
// unknown paths without a file extension; 404 for other unknown paths.
// Compresses as static hosts do: a file whose type is text, JavaScript, JSON, SVG or wasm
// goes out with brotli (quality 11, the same bytes scripts/sizes.mjs counts) when the
// request accepts br, else gzip when it accepts gzip; each file is compressed once.
// The language packs (lang/*.bin) are typed text/plain; charset=x-user-defined, a type
// every host compresses (application/octet-stream is sent as is), as in public/_headers
// and docs/nginx.conf. --identity sends every file uncompressed.

import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { CSP, cspFor, originOfHost } from './headers.mjs';
import { brotli, isText } from './sizes.mjs';

// Headers sent on every response (the CSP also governs service workers, whose
// policy comes from their own script's response). Access-Control-Allow-Origin: a
// host that sandboxes the widget's frame without allow-same-origin gives it an
// opaque origin, so the app's module scripts and wasm are cross-origin (CORS)
// requests there; every file here is public and no request carries credentials.
const HEADERS = {
  'Content-Security-Policy': CSP,
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Access-Control-Allow-Origin': '*',
};

// Extra headers by file name (matched against the basename) or extension.
const NO_CACHE = { 'Cache-Control': 'no-cache' };
const HEADERS_BY_NAME = { 'sw.js': NO_CACHE, 'embed.js': NO_CACHE };
const HEADERS_BY_EXT = { '.html': NO_CACHE };

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  // The language packs (postcard bytes): a type hosts compress. The charset tells a
  // reader the bytes are not text; the app reads them with arrayBuffer().
  '.bin': 'text/plain; charset=x-user-defined',
};
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|wasm)|image\/svg\+xml)/;

const [dirArg, portArg, ...flags] = process.argv.slice(2);
const port = Number(portArg);
const identity = flags.includes('--identity');
if (!dirArg || !Number.isInteger(port) || port < 1 || port > 65535 || flags.some((f) => f !== '--identity')) {
  console.error('usage: node scripts/static-server.mjs <dir> <port> [--identity]');
  process.exit(2);
}

let root;
try {
  root = await realpath(path.resolve(dirArg));
  if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
} catch (err) {
  console.error(`static-server: cannot serve ${dirArg}: ${err.message}`);
  process.exit(2);
}

function inside(p) {
  return p === root || p.startsWith(root + path.sep);
}

// Resolves a URL path to a regular file inside root, or null.
async function findFile(urlPath) {
  const candidate = path.resolve(root, '.' + urlPath);
  if (!inside(candidate)) return null;
  try {
    let real = await realpath(candidate);
    if (!inside(real)) return null;
    let info = await stat(real);
    if (info.isDirectory()) {
      real = path.join(real, 'index.html');
      info = await stat(real);
    }
    return info.isFile() ? { file: real, size: info.size, mtime: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

// The CSP names this server's own origin next to 'self' (see cspFor): WebKit needs it
// in a sandboxed frame.
function cspHeader(req) {
  const origin = originOfHost(req.headers.host);
  return { 'Content-Security-Policy': origin ? cspFor(origin) : CSP };
}

function send(res, status, headers, body) {
  res.writeHead(status, { ...HEADERS, ...cspHeader(res.req), ...headers });
  res.end(body);
}

// Compressed bodies by encoding, file and version: a file is compressed once.
const compressed = new Map();

/** The body of `found` in the best encoding `accept` (an Accept-Encoding header) allows. */
async function encodedBody(found, type, accept) {
  const wants = (coding) => new RegExp(`\\b${coding}\\b`).test(accept ?? '');
  const coding = identity || !COMPRESSIBLE.test(type) ? null : wants('br') ? 'br' : wants('gzip') ? 'gzip' : null;
  if (!coding) return { body: await readFile(found.file), coding };
  const key = `${coding}\0${found.file}\0${found.mtime}\0${found.size}`;
  if (!compressed.has(key)) {
    const raw = await readFile(found.file);
    compressed.set(key, coding === 'br' ? brotli(raw, { text: isText(found.file) }) : gzipSync(raw, { level: 9 }));
  }
  return { body: compressed.get(key), coding };
}

function sendText(res, status, text, extra = {}) {
  send(res, status, { 'Content-Type': 'text/plain; charset=utf-8', ...NO_CACHE, ...extra }, text + '\n');
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  }
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  } catch {
    return sendText(res, 400, 'Bad Request');
  }
  if (urlPath.includes('\0') || urlPath.includes('\\')) return sendText(res, 400, 'Bad Request');

  let found = await findFile(urlPath);
  if (!found && path.posix.extname(urlPath) === '') {
    found = await findFile('/index.html'); // SPA fallback
  }
  if (!found) return sendText(res, 404, 'Not Found');

  const ext = path.extname(found.file).toLowerCase();
  const type = MIME[ext] ?? 'application/octet-stream';
  const headers = {
    'Content-Type': type,
    ...(COMPRESSIBLE.test(type) && !identity ? { Vary: 'Accept-Encoding' } : {}),
    ...(HEADERS_BY_EXT[ext] ?? {}),
    ...(HEADERS_BY_NAME[path.basename(found.file)] ?? {}),
  };
  if (req.method === 'HEAD') return send(res, 200, { ...headers, 'Content-Length': String(found.size) });
  const { body, coding } = await encodedBody(found, type, req.headers['accept-encoding']);
  send(res, 200, { ...headers, ...(coding ? { 'Content-Encoding': coding } : {}), 'Content-Length': String(body.length) }, body);
}

const server = createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(`static-server: ${req.method} ${req.url}: ${err.stack ?? err}`);
    if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
    else res.destroy();
  });
});

server.on('error', (err) => {
  console.error(`static-server: ${err.message}`);
  process.exit(1);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`static-server: serving ${root} at http://127.0.0.1:${port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
