// Serves a built dist/ for the benchmark (scripts/bench.mjs) and Lighthouse
// (scripts/lighthouse.mjs) the way a real host would: the project's own static server
// (scripts/static-server.mjs: the production headers and CSP, and brotli for every
// compressible type, language packs included, as Netlify, Cloudflare Pages or an nginx
// with brotli do). Every file is compressed once before serveDist returns, so no measured
// request waits for brotli quality 11.
//
//   const server = await serveDist('dist', { port: 4471 });
//   server.url  // http://127.0.0.1:4471
//   await server.close();
//
// `compress: false` serves every file uncompressed (static-server.mjs --identity).
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { listServed } from './sizes.mjs';

const STATIC_SERVER = fileURLToPath(new URL('./static-server.mjs', import.meta.url));

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

/** Serves `dist` at http://127.0.0.1:`port` with static-server.mjs. */
export async function serveDist(dist, { port, compress = true } = {}) {
  const args = [STATIC_SERVER, dist, String(port), ...(compress ? [] : ['--identity'])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const stopChild = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stopChild);
  hookSignals();
  await waitForPort(port, child);
  // Compress every file once now (the server keeps each encoding it made).
  for (const file of compress ? ['', ...(await listServed(dist))] : []) {
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
  return { url: `http://127.0.0.1:${port}`, compressed: compress, close: async () => stopChild() };
}
