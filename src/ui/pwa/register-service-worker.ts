import { Workbox } from 'workbox-window';
import { useUpdateStore } from '../stores/update-store';

/**
 * Registers the service worker made by vite-plugin-pwa (registerType 'prompt'). A new version waits
 * until the organiser chooses "Update now" in <UpdatePrompt>; only then is it activated and the page
 * reloaded. Nothing is registered in development, so the dev server never serves stale files.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const workbox = new Workbox('/sw.js', { scope: '/' });

  workbox.addEventListener('waiting', () => {
    useUpdateStore.getState().offerUpdate(() => {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    });
  });

  void workbox.register().catch(() => undefined);

  // An installed iPad app may stay open for days: look for a new version whenever it comes back into view.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void workbox.update().catch(() => undefined);
  });
}

const BACKGROUND_SYNC_TAG = 'hearth-outbox';

/**
 * An extra where the browser has Background Sync (not iPad Safari, which is why sending is driven by
 * the page): asks to be woken when the connection returns while records wait, and sends then.
 * `sendNow` is the page's own sync; the service worker only says when.
 */
export function listenForBackgroundSync(sendNow: () => void): { requestWakeUp: () => void } {
  const supported = import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator && 'SyncManager' in window;
  if (supported) {
    navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === 'hearth-sync-now') sendNow();
    });
  }
  return {
    requestWakeUp() {
      if (!supported) return;
      void navigator.serviceWorker.ready
        .then((registration) => (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(BACKGROUND_SYNC_TAG))
        .catch(() => undefined); // refused or unsupported: the page's own triggers still send
    },
  };
}
