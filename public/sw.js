// AzSIM service worker: makes the app work offline after one visit.
//
// This file is a template. scripts/post-build.mjs (a Trunk post_build hook) fills in
// VERSION (a short sha256 of every output file and of this template) and PRECACHE (every
// output file, as URLs relative to this worker) and writes the result to dist/sw.js.
// Every build whose output differs gives a worker whose bytes differ, so the browser
// installs it as an update. The worker must stay at ./sw.js: a worker URL is forever.
//
// Lifecycle:
//   install   precache everything into "azsim-<VERSION>"; one failed file fails the
//             install and the old worker stays in charge. No skipWaiting() here: the
//             page shows "update available" and the user decides.
//   activate  delete the other "azsim-*" caches, then take control of open pages.
//   message   {type: 'SKIP_WAITING'} from the page -> activate now;
//             {type: 'GET_VERSION'} with a MessagePort -> {version} on that port.
//   fetch     same-origin GET only. Navigations: network first, then the precached
//             index.html (whatever the query). Precached files: cache first, then network.
//             Everything else goes to the network untouched.

const VERSION = '__AZSIM_VERSION__';
const PRECACHE = [/* __AZSIM_PRECACHE__ */];

const PREFIX = 'azsim-';
const CACHE = PREFIX + VERSION;
const INDEX = new URL('./index.html', self.location.href).href;
// Absolute URLs (no query, no fragment) of the precached files.
const PRECACHED = new Set(PRECACHE.map((u) => new URL(u, self.location.href).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        // 'reload' bypasses the HTTP cache, so index.html, the manifest and the icons
        // (names without a hash) are the ones on the server now. addAll rejects on any
        // response that is not ok, which fails the install.
        cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))),
      )
      // A failed install leaves no empty cache behind.
      .catch((err) => caches.delete(CACHE).then(() => Promise.reject(err))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'SKIP_WAITING') self.skipWaiting();
  // For tests and diagnostics: reply on the transferred port with this worker's version.
  if (type === 'GET_VERSION' && event.ports[0]) event.ports[0].postMessage({ version: VERSION });
});

// A navigation must not be answered with a redirected response; rebuild such a one.
function unredirected(response) {
  if (!response.redirected) return response;
  return response.blob().then(
    (body) => new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }),
  );
}

function fromCache(request) {
  return caches.open(CACHE).then((cache) => cache.match(request));
}

async function navigate(request) {
  try {
    return await fetch(request);
  } catch (err) {
    // Offline (or the server is unreachable): the app shell of this version.
    const cached = await fromCache(INDEX);
    if (cached) return unredirected(cached);
    throw err;
  }
}

async function cacheFirst(request) {
  const cached = await fromCache(request);
  if (cached) return cached;
  const response = await fetch(request);
  // The entry was lost (storage eviction): put it back.
  if (response.ok && response.status === 200 && response.type === 'basic') {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => {});
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
    return;
  }
  url.hash = '';
  if (PRECACHED.has(url.href)) event.respondWith(cacheFirst(request));
});
