// Imported by the generated service worker (vite.config.ts, workbox.importScripts).
// Background Sync is an extra where the browser has it (not iPad Safari): when the connection comes
// back, the browser wakes this worker, which asks any open Hearth page to send its outbox now. The
// page does the sending (its outbox is in IndexedDB and its rules in src/sync); with no page open,
// nothing happens here and the page sends when it next opens, as it always does.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'hearth-outbox') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'hearth-sync-now' });
    }),
  );
});
