/**
 * Which frames may call the main process. Every IPC call carries the URL of the frame that sent
 * it (`event.senderFrame.url`); only the app's own page is trusted: `copydesk://app/…`, with no
 * credentials and no port. In development only, when the caller passes the dev server's URL
 * explicitly, pages from that exact origin are trusted as well. Anything else (file://, https://
 * anywhere, another host of the app's scheme, an empty or unparsable URL) is refused.
 */
import { APP_HOST, APP_SCHEME } from './origin';

/** Options of `isTrustedSender`. */
export interface SenderPolicy {
  /**
   * Vite's dev server URL (e.g. `http://127.0.0.1:5173/`), set only when the app runs in
   * development mode; its origin is then trusted too. Never set in a packaged app.
   */
  readonly devServerUrl?: string | null;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The origin of the dev server URL, when it is an http(s) URL on this machine; otherwise null. */
export function devServerOrigin(devServerUrl: string | null | undefined): string | null {
  if (typeof devServerUrl !== 'string' || devServerUrl === '') return null;
  const url = parse(devServerUrl);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.origin;
}

/** True when a frame at `frameUrl` may call the main process (see the file comment). */
export function isTrustedSender(frameUrl: string, policy: SenderPolicy = {}): boolean {
  if (typeof frameUrl !== 'string' || frameUrl === '') return false;
  const url = parse(frameUrl);
  if (!url) return false;
  if (url.protocol === `${APP_SCHEME}:`) {
    // `host` includes any port; credentials are checked apart. The WHATWG parser keeps the
    // host's case for non-special schemes, so compare exactly what Chromium sends (lower case).
    return url.host === APP_HOST && url.username === '' && url.password === '' && url.pathname.startsWith('/');
  }
  const dev = devServerOrigin(policy.devServerUrl);
  return dev !== null && url.origin === dev;
}
