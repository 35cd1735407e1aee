// Looplab's service worker: after the first visit the app works offline.
//
// Trunk names every asset by its content hash, so a cached asset never goes
// stale; only the pages themselves (index.html, learn/index.html) can
// change. A page is fetched from the network when there is one (and cached
// under its path), else served from the cache; assets are served from the
// cache first. On install the worker reads the playground's page and caches
// every asset it names and the Python modules listed in py/index.txt, so
// the very first visit is enough for it; the course page (learn/) is
// cached when it is first opened. Modules (py/NAME.py), whose names carry
// no hash, come from the network first, like pages.
const CACHE = "looplab-v3";

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch("./", { cache: "no-cache" });
    const html = await page.clone().text();
    await cache.put("./", page);
    const assets = new Set(["manifest.webmanifest"]);
    for (const m of html.matchAll(/(?:href|src)="([^"#?]+)"/g)) {
      if (!/^[a-z]+:/i.test(m[1])) assets.add(m[1]);
    }
    // The Python modules the page fetches when a program imports them.
    try {
      const list = await fetch("py/index.txt", { cache: "no-cache" });
      if (list.ok) for (const name of (await list.text()).split("\n")) if (name) assets.add(`py/${name}`);
    } catch (_) { /* each is cached on first use instead */ }
    await Promise.all([...assets].map(async (url) => {
      try {
        const r = await fetch(url);
        if (r.ok) await cache.put(url, r);
      } catch (_) { /* cached on first use instead */ }
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      // The page's path without the query: `learn/` and `learn/index.html`
      // are one page, as are `/` and `/index.html`.
      const key = new URL(url.pathname.replace(/index\.html$/, ""), url).href;
      try {
        const fresh = await fetch(req);
        if (fresh.ok) await cache.put(key, fresh.clone());
        return fresh;
      } catch (_) {
        return (await cache.match(key)) || Response.error();
      }
    })());
    return;
  }
  // A module's name carries no hash, so like a page it comes from the
  // network when there is one.
  if (/\/py\/\w+\.py$/.test(url.pathname)) {
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      try {
        const fresh = await fetch(req, { cache: "no-cache" });
        if (fresh.ok) await cache.put(req, fresh.clone());
        return fresh;
      } catch (_) {
        return (await cache.match(req)) || Response.error();
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    const r = await fetch(req);
    if (r.ok) await cache.put(req, r.clone());
    return r;
  })());
});
