/**
 * The shell's security policies, asserted as values: web preferences, the exact CSP, navigation,
 * window.open and the external-link filter, permissions, and the custom scheme's privileges.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  EXPORT_STYLE_SOURCE,
  RESPONSE_SECURITY_HEADERS,
  devContentSecurityPolicy,
  externalUrlToOpen,
  isNavigationAllowed,
  isPermissionCheckGranted,
  isPermissionGranted,
  isWebviewAllowed,
  secureWebPreferences,
  windowOpenDecision,
} from '../../electron/shell/security';
import { newDraft } from '../../shared/draft/format';
import { newMeta } from '../../shared/draft/meta';
import { exportHtml } from '../../shared/export/html';

describe('web preferences', () => {
  it('isolate, sandbox, and keep Node out of every context', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toEqual({
      preload: '/app/dist/electron/preload.cjs',
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
      devTools: false,
    });
    expect(Object.isFrozen(prefs)).toBe(true);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('allow dev tools only when asked (development)', () => {
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true);
    expect(secureWebPreferences('/p', { devTools: true }).sandbox).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  it('lets exactly the export stylesheet apply inline (the preview), by its hash', () => {
    const page = exportHtml({ meta: newMeta(new Date(0)), doc: newDraft(new Date(0)).doc });
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/gu)].map((m) => m[1] ?? '');
    expect(styles).toHaveLength(1);
    expect(EXPORT_STYLE_SOURCE).toBe(`'sha256-${createHash('sha256').update(styles[0] ?? '').digest('base64')}'`);
  });

  it('is exactly this string', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      `default-src 'none'; script-src 'self'; style-src 'self' ${EXPORT_STYLE_SOURCE}; img-src 'self' copydesk://workspace https:; font-src 'self'; connect-src 'self'; ` +
        "media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; child-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('allows no inline or evaluated script, no remote script, nothing unsafe anywhere', () => {
    const scriptSrc = CSP_DIRECTIVES.find(([name]) => name === 'script-src')?.[1];
    expect(scriptSrc).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|http:|data:|blob:|wasm-unsafe|strict-dynamic/u);
    const names = CSP_DIRECTIVES.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    for (const required of ['default-src', 'object-src', 'base-uri', 'frame-ancestors', 'form-action']) expect(names).toContain(required);
  });

  it('goes with every response of the app protocol, with nosniff', () => {
    expect(RESPONSE_SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(RESPONSE_SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it('in development adds only the dev server and its websocket, still without inline script', () => {
    const dev = devContentSecurityPolicy('http://127.0.0.1:5173');
    expect(dev).toContain("script-src 'self' http://127.0.0.1:5173;");
    expect(dev).toContain("connect-src 'self' http://127.0.0.1:5173 ws://127.0.0.1:5173;");
    expect(dev).toContain("object-src 'none';");
    expect(dev).not.toContain('unsafe');
  });
});

describe('navigation and new windows', () => {
  it.each(['copydesk://app/index.html', 'https://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', ''])('denies navigation to %j', (url) => {
    expect(isNavigationAllowed(url)).toBe(false);
  });

  it('denies every window.open, and opens http(s) and mailto outside', () => {
    expect(windowOpenDecision('https://example.com/a?b=c#d')).toEqual({ action: 'deny', openExternally: 'https://example.com/a?b=c#d' });
    expect(windowOpenDecision('http://example.com')).toEqual({ action: 'deny', openExternally: 'http://example.com/' });
    expect(windowOpenDecision('mailto:desk@example.com?subject=Hi')).toEqual({ action: 'deny', openExternally: 'mailto:desk@example.com?subject=Hi' });
    expect(windowOpenDecision('javascript:alert(1)')).toEqual({ action: 'deny', openExternally: null });
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'file:///etc/passwd',
    'file://server/share/x',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://example.com/1',
    'vbscript:msgbox',
    'copydesk://app/index.html',
    'smb://server/share',
    'ms-msdt:/id',
    'search-ms:query=x',
    'chrome://settings',
    'about:blank',
    'ftp://example.com/x',
    'tel:+3312345',
    'mailto:',
    'mailto:nobody',
    'https://',
    'https://user:pw@example.com/',
    'https://user@example.com/',
    'https://exa mple.com/',
    'https://example.com/\n',
    'http://[not-an-ip]/',
    '//example.com/x',
    '/relative/path',
    'example.com',
    '',
    `https://example.com/${'a'.repeat(9000)}`,
  ])('does not open %j externally', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });

  it('returns the parsed, normalised URL, so what opens is what was checked', () => {
    expect(externalUrlToOpen('HTTPS://Example.COM/a/../b')).toBe('https://example.com/b');
    expect(externalUrlToOpen('https://xn--bcher-kva.example/')).toBe('https://xn--bcher-kva.example/');
    expect(externalUrlToOpen('https://bücher.example/')).toBe('https://xn--bcher-kva.example/');
    // The WHATWG parser reads extra slashes as the start of the host: the normalised URL opens.
    expect(externalUrlToOpen('https:///example.com/x')).toBe('https://example.com/x');
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, {}, new URL('https://example.com/')]) expect(externalUrlToOpen(value)).toBeNull();
  });

  it('refuses webviews', () => {
    expect(isWebviewAllowed()).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'unknown', ''])(
    'denies %j requests and checks',
    (permission) => {
      expect(isPermissionGranted(permission)).toBe(false);
      expect(isPermissionCheckGranted(permission)).toBe(false);
    },
  );
});

describe('the app scheme', () => {
  it('is standard and secure, with nothing that loosens security', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
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
    expect(APP_ENTRY_URL).toBe('copydesk://app/index.html');
  });
});
