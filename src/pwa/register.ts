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
  // Registration can fail (a managed browser that forbids service workers, a host that lost sw.js):
  // the app still runs, online only, and that is no unhandled error.
  wb.register().catch((error: unknown) => console.warn('Diagnum: service worker not registered', error));
}
