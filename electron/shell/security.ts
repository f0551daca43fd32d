/**
 * Copydesk's Electron security policies as constants and pure functions, so that tests can assert
 * them without loading Electron (this file must never import 'electron'; harden.ts and window.ts
 * apply these policies). They follow Electron's security checklist:
 * https://www.electronjs.org/docs/latest/tutorial/security
 *
 * - web preferences: context isolation, sandbox, no Node integration anywhere, web security on,
 *   no <webview>, no insecure content, no experimental Blink features, no auxclick;
 * - a strict Content-Security-Policy: scripts only from the app itself (`script-src 'self'`);
 * - navigation: denied, always (the app is one page);
 * - window.open: denied; http(s) and mailto links are handed to the operating system instead,
 *   after being parsed with the WHATWG URL parser (never prefix-matched);
 * - permission requests and checks: all denied (Copydesk needs no camera, notification,
 *   clipboard-read, geolocation… permission).
 */

import { createHash } from 'node:crypto';
import { HTML_STYLE } from '../../shared/export/html-style';

export { APP_ENTRY_URL, APP_HOST, APP_ORIGIN, APP_SCHEME } from '../api/origin';

/**
 * CSP source for the HTML export's own stylesheet (the one inline `<style>` it writes). The
 * in-app preview shows the export in a sandboxed srcdoc frame, which inherits this policy; the
 * hash lets exactly that stylesheet apply and no other inline style.
 */
export const EXPORT_STYLE_SOURCE = `'sha256-${createHash('sha256').update(`\n${HTML_STYLE}\n`).digest('base64')}'`;

/**
 * Privileges of the app's scheme (passed to `protocol.registerSchemesAsPrivileged` before the app
 * is ready): standard (real origins, relative URLs) and secure (like https). No CSP bypass, no
 * service workers, no CORS, no fetch from elsewhere, no code cache, no extensions.
 */
export const APP_SCHEME_PRIVILEGES = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  corsEnabled: false,
  stream: false,
  codeCache: false,
  allowExtensions: false,
});

/** The web preferences Copydesk sets; a subset of Electron's `WebPreferences` (window.ts checks). */
export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly experimentalFeatures: false;
  readonly navigateOnDragDrop: false;
  readonly safeDialogs: true;
  readonly spellcheck: true;
  /** Blink's auxclick event (middle-click on links) is turned off. */
  readonly disableBlinkFeatures: 'Auxclick';
  readonly devTools: boolean;
}

/**
 * The web preferences of every Copydesk window. `preload` is the absolute path of the bundled
 * preload script; dev tools are available only in development builds.
 */
export function secureWebPreferences(preload: string, options: { readonly devTools?: boolean } = {}): SecureWebPreferences {
  return Object.freeze({
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    disableBlinkFeatures: 'Auxclick',
    devTools: options.devTools ?? false,
  });
}

/**
 * The Content-Security-Policy directives of the renderer, in order. Scripts, styles and fonts come
 * only from the app itself; images also from https (figures point at https images); nothing is
 * fetched or framed from elsewhere; no plugins, no <base>, no forms posting anywhere, and no page
 * may frame the app.
 */
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = Object.freeze([
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', `'self' ${EXPORT_STYLE_SOURCE}`],
  ['img-src', "'self' copydesk://workspace https:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['media-src', "'none'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['worker-src', "'none'"],
  ['manifest-src', "'none'"],
  ['child-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
]);

/** The Content-Security-Policy header value the app's protocol sends with every response. */
export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/**
 * The policy used only in development, when the renderer comes from Vite's dev server (never in a
 * packaged app): the dev server's origin is added where the app's own origin is allowed, and its
 * websocket for hot reload. Inline scripts stay forbidden.
 */
export function devContentSecurityPolicy(devServerOrigin: string): string {
  const ws = devServerOrigin.replace(/^http/u, 'ws');
  return CSP_DIRECTIVES.map(([name, value]) => {
    if (name === 'connect-src') return `${name} ${value} ${devServerOrigin} ${ws}`;
    if (value.includes("'self'")) return `${name} ${value} ${devServerOrigin}`;
    return `${name} ${value}`;
  }).join('; ');
}

/** Headers sent with every file the app's protocol serves, besides its content type. */
export const RESPONSE_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
});

/**
 * Whether a frame may navigate to `url`. Never: the app is a single page, and in-page anchors
 * (footnote links) do not count as navigation. A link the user follows goes through
 * `window.open` (see `windowOpenDecision`) and opens in the system browser.
 */
export function isNavigationAllowed(_url: string): false {
  return false;
}

const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
const MAX_EXTERNAL_URL_LENGTH = 8192;

/**
 * The URL to hand to the operating system (`shell.openExternal`) for a link the user opened, or
 * null to open nothing. Only http(s) with a host and no credentials, and mailto with an address,
 * parsed with the WHATWG URL parser; the parser's normalised form is returned, so what opens is
 * exactly what was checked.
 */
export function externalUrlToOpen(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  // Whitespace or control characters are stripped by URL parsers; a link holding them is suspect.
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u0020\u007f-\u009f]/u.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === 'mailto:') return url.pathname.includes('@') ? url.href : null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** What to do with a `window.open` (or target=_blank link): always deny; maybe open outside. */
export interface WindowOpenDecision {
  readonly action: 'deny';
  /** The URL to open with the operating system, or null. */
  readonly openExternally: string | null;
}

/** The decision for a request to open a new window on `url`. */
export function windowOpenDecision(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: externalUrlToOpen(url) };
}

/** Answer to every permission request (camera, notifications, clipboard-read, …): no. */
export function isPermissionGranted(_permission: string): false {
  return false;
}

/** Answer to every permission check (`navigator.permissions`, …): no. */
export function isPermissionCheckGranted(_permission: string): false {
  return false;
}

/** Whether a <webview> may be attached: never (the `webviewTag` preference is off as well). */
export function isWebviewAllowed(): false {
  return false;
}
