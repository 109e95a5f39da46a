// Work that may wait until the page is painted and the browser idle (within `timeout` ms): the
// lower part of a long page, say. Returns a cancel function, for an effect's cleanup.
export function whenIdle(run: () => void, timeout = 200): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout });
    return () => cancelIdleCallback(handle);
  }
  // Safari has no requestIdleCallback: after the next frame.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
