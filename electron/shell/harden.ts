/**
 * Applies the policies of security.ts to Electron: every web contents (windows, and anything else
 * that might be created) gets navigation, redirects, new windows and <webview> denied, with
 * http(s) and mailto links handed to the operating system; every session denies every
 * permission request and check, device access and downloads.
 */
import { shell, type Session, type WebContents } from 'electron';
import { isNavigationAllowed, isPermissionCheckGranted, isPermissionGranted, isWebviewAllowed, windowOpenDecision } from './security';

/** Opens `url` (already checked by `externalUrlToOpen`) in the user's browser or mail program. */
function openOutside(url: string): void {
  // electronegativity: OPEN_EXTERNAL_JS_CHECK `url` comes only from externalUrlToOpen (security.ts): parsed with the
  // WHATWG URL parser, http(s) with a host and no credentials or mailto with an address; tested in shell-security.test.ts.
  shell.openExternal(url).catch((error: unknown) => console.warn(`Copydesk: could not open ${url}:`, error));
}

/** Denies navigation, redirects, new windows and webviews in `contents`. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally !== null) openOutside(decision.openExternally);
    return { action: decision.action };
  });
  contents.on('will-attach-webview', (event) => {
    if (!isWebviewAllowed()) event.preventDefault();
  });
}

/** Denies every permission, device and download in `session`. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionCheckGranted(permission));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
