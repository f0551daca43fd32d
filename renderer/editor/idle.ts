/**
 * Work put off until the page is idle: loading what the next user action will need (the paste
 * cleaner, the draft screen) without delaying what is being painted.
 */

/** Calls `run` once when the page is idle, or after `timeout` ms at the latest. Returns a function that cancels it. */
export function whenIdle(run: () => void, timeout = 2_000): () => void {
  const handle = requestIdleCallback(run, { timeout });
  return () => cancelIdleCallback(handle);
}
