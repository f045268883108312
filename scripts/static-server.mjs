#!/usr/bin/env node
// Dependency-free static file server for the built app (dist/).
//   node scripts/static-server.mjs <dir> <port>
// Listens on 127.0.0.1 only. Serves index.html for "/" and, as an SPA fallback, for
// unknown paths without a file extension; 404 for other unknown paths.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

import { CSP, cspFor, originOfHost } from './headers.mjs';

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
};

const [dirArg, portArg] = process.argv.slice(2);
const port = Number(portArg);
if (!dirArg || !Number.isInteger(port) || port < 1 || port > 65535) {
  console.error('usage: node scripts/static-server.mjs <dir> <port>');
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
    return info.isFile() ? { file: real, size: info.size } : null;
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
  const headers = {
    'Content-Type': MIME[ext] ?? 'application/octet-stream',
    'Content-Length': String(found.size),
    ...(HEADERS_BY_EXT[ext] ?? {}),
    ...(HEADERS_BY_NAME[path.basename(found.file)] ?? {}),
  };
  if (req.method === 'HEAD') return send(res, 200, headers);
  res.writeHead(200, { ...HEADERS, ...cspHeader(req), ...headers });
  const stream = createReadStream(found.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
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
