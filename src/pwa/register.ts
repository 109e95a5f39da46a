// Registers the service worker that precaches the whole app, so it opens with no network.
// A new version waits until the user accepts the reload: nothing reloads while someone types.
import { Workbox } from 'workbox-window';
import { updatePrompt } from './update.svelte';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const wb = new Workbox(new URL('sw.js', document.baseURI).href);
  wb.addEventListener('waiting', () => {
    updatePrompt.offer(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}
