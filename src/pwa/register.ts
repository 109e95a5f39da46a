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
  const register = () =>
    wb.register({ immediate: true }).catch((error: unknown) => console.warn('Diagnum: service worker not registered', error));
  // Precaching the whole app (a few hundred KB) competes with the first screen on a slow laptop:
  // it starts once the page has loaded and the main thread is idle.
  const whenIdle = () =>
    'requestIdleCallback' in window ? window.requestIdleCallback(() => void register(), { timeout: 3000 }) : setTimeout(register, 1000);
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
