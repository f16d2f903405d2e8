// Registers the service worker once the page has loaded, so it never competes
// with the first visit; the site works without it.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {});
  });
}
