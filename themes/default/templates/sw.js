// The worker that keeps this site for reading with no signal. It only runs
// once a reader has tapped "Save to read offline", and only for this build:
// a new build's worker saves the same pages again and drops the old copy.
const BUILD = '{{ build }}';
// The files a reader of each language saves, by where its pages live.
const FILES = {{ files | json_encode() | safe }};
const ROOT = new URL('./', self.location.href).href;
// A copy is named after the site, the build and the language's pages:
// promise:https://promise.example/:1a2b3c:ar/
const name = (prefix) => `promise:${ROOT}:${BUILD}:${prefix}`;
const ours = (key) => key.startsWith(`promise:${ROOT}:`);

async function keep(prefix) {
  const cache = await caches.open(name(prefix));
  await cache.addAll(FILES[prefix].map((file) => new Request(ROOT + file, { cache: 'reload' })));
}

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const key of (await caches.keys()).filter(ours)) {
    if (key.startsWith(`promise:${ROOT}:${BUILD}:`)) continue;
    // A copy from an earlier build: save its language again, then drop it.
    const prefix = key.slice(`promise:${ROOT}:`.length).split(':').slice(1).join(':');
    try {
      if (prefix in FILES) await keep(prefix);
    } catch {
      // With no signal the old copy is better than none.
      continue;
    }
    await caches.delete(key);
  }
  await self.clients.claim();
})()));

self.addEventListener('message', (event) => {
  const port = event.ports[0];
  const prefix = event.data && event.data.save;
  if (!port || typeof prefix !== 'string' || !(prefix in FILES)) return;
  event.waitUntil(keep(prefix).then(
    () => port.postMessage({ ok: true, files: FILES[prefix].length }),
    (error) => port.postMessage({ ok: false, error: String(error) }),
  ));
});

// Network first: with a signal a reader always gets today's page; with
// none, the saved copy. A folder's address is its index.html.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(ROOT)) return;
  event.respondWith(fetch(request).catch(async (error) => {
    const url = new URL(request.url);
    url.hash = '';
    url.search = '';
    const copies = (await caches.keys()).filter(ours);
    for (const key of copies) {
      const cache = await caches.open(key);
      const found = await cache.match(url.href) || (url.pathname.endsWith('/') && await cache.match(url.href + 'index.html'));
      if (found) return found;
    }
    throw error;
  }));
});
