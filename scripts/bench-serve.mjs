// Serves a built dist/ for the benchmark (scripts/bench.mjs) and Lighthouse
// (scripts/lighthouse.mjs) the way a real host would: the project's own static server
// (scripts/static-server.mjs, same headers and CSP as production) behind a small proxy
// that compresses responses with brotli, as Netlify, Cloudflare Pages or an nginx with
// brotli do. static-server.mjs itself sends files uncompressed, which would make the
// throttled loads measure 377 KB of raw wasm instead of what goes over the wire.
//
//   const server = await serveDist('dist', { port: 4471 });   // static-server on 4472
//   server.url  // http://127.0.0.1:4471
//   await server.close();
//
// The proxy compresses 200 responses whose type is text, JavaScript, JSON, SVG or wasm
// when the request accepts br (brotli quality 11, cached per path: the files do not
// change during a run; every file of `dist` is compressed once before serveDist returns)
// and passes everything else through unchanged. `compress: false`
// gives the uncompressed server directly.
import { spawn } from 'node:child_process';
import { request, createServer } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { listServed } from './sizes.mjs';

const STATIC_SERVER = fileURLToPath(new URL('./static-server.mjs', import.meta.url));
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|wasm)|image\/svg\+xml)/;

function waitForPort(port, child, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`static-server exited with ${child.exitCode}`));
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > until) reject(new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

// Interrupted: exit, so that the 'exit' handlers below stop the static servers started here.
let signalsHooked = false;
function hookSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
}

/** Serves `dist` at http://127.0.0.1:`port` (brotli proxy) with static-server.mjs on `port`+1. */
export async function serveDist(dist, { port, compress = true } = {}) {
  const upstreamPort = compress ? port + 1 : port;
  const child = spawn(process.execPath, [STATIC_SERVER, dist, String(upstreamPort)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const stopChild = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stopChild);
  hookSignals();
  await waitForPort(upstreamPort, child);
  if (!compress) {
    return {
      url: `http://127.0.0.1:${upstreamPort}`,
      compressed: false,
      close: async () => stopChild(),
    };
  }

  const cache = new Map();
  const proxy = createServer((req, res) => {
    const headers = { ...req.headers };
    delete headers['accept-encoding'];
    const up = request({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers }, (upRes) => {
      const chunks = [];
      upRes.on('data', (c) => chunks.push(c));
      upRes.on('end', () => {
        const body = Buffer.concat(chunks);
        const out = { ...upRes.headers };
        const type = String(out['content-type'] ?? '');
        const wantsBr = /\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''));
        if (upRes.statusCode === 200 && req.method === 'GET' && wantsBr && COMPRESSIBLE.test(type) && body.length > 0) {
          const key = `${req.url.split('?')[0]}\0${body.length}`;
          let br = cache.get(key);
          if (!br) {
            br = brotliCompressSync(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 11,
                [constants.BROTLI_PARAM_MODE]: type.includes('wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            });
            cache.set(key, br);
          }
          out['content-encoding'] = 'br';
          out['content-length'] = String(br.length);
          out.vary = 'Accept-Encoding';
          res.writeHead(200, out);
          res.end(br);
        } else {
          res.writeHead(upRes.statusCode ?? 502, out);
          res.end(body);
        }
      });
    });
    up.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`bench proxy: ${err.message}\n`);
    });
    req.pipe(up);
  });
  await new Promise((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(port, '127.0.0.1', resolve);
  });
  // Compress every file once now, so no measured request waits for brotli quality 11.
  for (const file of ['', ...(await listServed(dist))]) {
    await new Promise((resolve, reject) => {
      const path = '/' + file.split('/').map(encodeURIComponent).join('/');
      request({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': 'br' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
  }
  return {
    url: `http://127.0.0.1:${port}`,
    compressed: true,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
      stopChild();
    },
  };
}
