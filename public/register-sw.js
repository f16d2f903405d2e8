// Registers the service worker (offline use) once the page has loaded, so it
// never competes with the first visit. The dev server has no /sw.js: there, a
// worker left by an earlier `npm run preview` on the same port is removed, so
// it cannot serve stale pages while you edit.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  addEventListener('load', async () => {
    try {
      const built = (await fetch('/sw.js', { method: 'HEAD', cache: 'no-store' })).ok;
      if (built) await navigator.serviceWorker.register('/sw.js');
      else
        for (const registration of await navigator.serviceWorker.getRegistrations())
          await registration.unregister();
    } catch {
      // Offline use is a bonus; the site works without it.
    }
  });
}
