#!/usr/bin/env node
// Serves the demo host pages in examples/ (a travel blog that embeds AzSIM) on their
// own origin, to try and test the embed as a real other site would use it.
//   node scripts/serve-example.mjs <app-origin> <port>
//   e.g. node scripts/serve-example.mjs http://127.0.0.1:8080 8081
// Listens on 127.0.0.1 only. In .html files every {{APP_ORIGIN}} becomes <app-origin>,
// where the AzSIM app (dist/) is served. Every page gets the strict
// Content-Security-Policy a host needs for the widget and nothing more (README,
// "Embed AzSIM on your site"): the demo shows the loader works under it.

import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const EXAMPLES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

const [originArg, portArg] = process.argv.slice(2);
const port = Number(portArg);
let appOrigin;
try {
  appOrigin = new URL(originArg).origin;
  if (!/^https?:$/.test(new URL(originArg).protocol)) throw new Error('not http(s)');
} catch {
  appOrigin = null;
}
if (!appOrigin || !Number.isInteger(port) || port < 1 || port > 65535) {
  console.error('usage: node scripts/serve-example.mjs <app-origin, e.g. http://127.0.0.1:8080> <port>');
  process.exit(2);
}

// What a host page embedding AzSIM needs: the loader script and the frame from the
// app's origin. Everything else is the demo's own (one stylesheet, no inline code).
const HEADERS = {
  'Content-Security-Policy': [
    "default-src 'none'",
    `script-src ${appOrigin}`,
    `frame-src ${appOrigin}`,
    "style-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

const root = await realpath(EXAMPLES);

async function findFile(urlPath) {
  const candidate = path.resolve(root, '.' + (urlPath === '/' ? '/embed.html' : urlPath));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(root + path.sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

function sendText(res, status, text) {
  res.writeHead(status, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed');
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  } catch {
    return sendText(res, 400, 'Bad Request');
  }
  if (urlPath.includes('\0') || urlPath.includes('\\')) return sendText(res, 400, 'Bad Request');
  const file = await findFile(urlPath);
  const type = file && MIME[path.extname(file).toLowerCase()];
  if (!type) return sendText(res, 404, 'Not Found');

  let body = await readFile(file);
  if (type.startsWith('text/html')) body = Buffer.from(body.toString('utf8').replaceAll('{{APP_ORIGIN}}', appOrigin));
  res.writeHead(200, { ...HEADERS, 'Content-Type': type, 'Content-Length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const server = createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error(`serve-example: ${req.method} ${req.url}: ${err.stack ?? err}`);
    if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
    else res.destroy();
  });
});

server.on('error', (err) => {
  console.error(`serve-example: ${err.message}`);
  process.exit(1);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serve-example: demo host at http://localhost:${port}/embed.html (app at ${appOrigin})`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
