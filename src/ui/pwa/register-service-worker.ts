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
