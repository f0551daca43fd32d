/**
 * The sender check: only the app's own page (`copydesk://app/…`) may call the main process, and
 * Vite's dev server only when development mode passes its URL explicitly.
 */
import { describe, expect, it } from 'vitest';
import { devServerOrigin, isTrustedSender } from '../../electron/api/sender';

describe('isTrustedSender', () => {
  it.each(['copydesk://app/index.html', 'copydesk://app/', 'copydesk://app/index.html#draft', 'copydesk://app/index.html?x=1', 'copydesk://app/sub/page.html'])(
    'trusts the app page %s',
    (url) => expect(isTrustedSender(url)).toBe(true),
  );

  it.each([
    '',
    'file:///index.html',
    'file:///work/main/dist/renderer/index.html',
    'https://evil.example/',
    'https://evil.example/copydesk://app/',
    'http://localhost:5173/',
    'copydesk://other-host/index.html',
    'copydesk://app.evil.example/',
    'copydesk://evil.example/app/',
    'copydesk://user@app/index.html',
    'copydesk://user:pw@app/index.html',
    'copydesk://app:1/index.html',
    'copydesk:app/index.html',
    'copydesk:/app/index.html',
    'copydesk://APP/index.html',
    'copydesks://app/index.html',
    'about:blank',
    'about:srcdoc',
    'data:text/html,x',
    'blob:copydesk://app/1234',
    'javascript:alert(1)',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
  ])('refuses %j', (url) => expect(isTrustedSender(url)).toBe(false));

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 1, {}, ['copydesk://app/']]) expect(isTrustedSender(value as unknown as string)).toBe(false);
  });

  it('trusts the dev server only when its URL is given, and only its exact origin', () => {
    const devServerUrl = 'http://127.0.0.1:5173/';
    expect(isTrustedSender('http://127.0.0.1:5173/index.html')).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:5173/index.html', { devServerUrl })).toBe(true);
    expect(isTrustedSender('http://127.0.0.1:5174/index.html', { devServerUrl })).toBe(false);
    expect(isTrustedSender('https://127.0.0.1:5173/index.html', { devServerUrl })).toBe(false);
    expect(isTrustedSender('http://localhost:5173/index.html', { devServerUrl })).toBe(false);
    expect(isTrustedSender('copydesk://app/index.html', { devServerUrl })).toBe(true);
    expect(isTrustedSender('https://evil.example/', { devServerUrl: null })).toBe(false);
  });

  it('accepts as a dev server only http(s) on this machine', () => {
    expect(devServerOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(devServerOrigin('http://[::1]:5173/')).toBe('http://[::1]:5173');
    for (const url of ['https://evil.example:5173/', 'http://192.168.1.2:5173/', 'file:///x', 'http://u:p@localhost:5173/', '', 'nonsense', undefined, null]) {
      expect(devServerOrigin(url), String(url)).toBeNull();
      expect(isTrustedSender('https://evil.example:5173/', { devServerUrl: url })).toBe(false);
    }
  });
});
