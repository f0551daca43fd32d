/**
 * The app protocol's path resolution on a real folder with real symbolic links: normal files are
 * served (by their real path), and every way out of the folder is refused: `..` in any spelling,
 * encoded separators, backslashes, other hosts, and links (to files or folders) that point out.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, requestSegments, resolveAppFile } from '../../electron/shell/protocol-path';

let base: string;
let root: string;
let canLink = true;

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-protocol-'));
  root = path.join(base, 'renderer');
  await fs.mkdir(path.join(root, 'assets', 'deep'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await fs.writeFile(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  await fs.writeFile(path.join(root, 'assets', 'deep', 'style.css'), 'p{}');
  await fs.writeFile(path.join(root, 'assets', 'My File.svg'), '<svg/>');
  await fs.writeFile(path.join(base, 'secret.txt'), 'secret');
  await fs.mkdir(path.join(base, 'outside'));
  await fs.writeFile(path.join(base, 'outside', 'x.js'), 'evil');
  // A sibling whose name starts like the root's: a prefix test would let it through.
  await fs.mkdir(path.join(base, 'renderer-evil'));
  await fs.writeFile(path.join(base, 'renderer-evil', 'x.js'), 'evil');
  try {
    await fs.symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.txt'));
    await fs.symlink(path.join(base, 'outside'), path.join(root, 'assets', 'out'));
    await fs.symlink('../../secret.txt', path.join(root, 'assets', 'relative-leak.txt'));
    await fs.symlink(path.join(root, 'index.html'), path.join(root, 'assets', 'inner-link.html'));
  } catch {
    canLink = false;
  }
});
afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

const url = (p: string): string => `copydesk://app${p}`;

describe('served', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/index.html?x=1#top', 'index.html'],
    ['/assets/app-1234.js', 'assets/app-1234.js'],
    ['/assets/deep/style.css', 'assets/deep/style.css'],
    ['/assets/My%20File.svg', 'assets/My File.svg'],
  ])('%s → %s', async (request, file) => {
    const result = await resolveAppFile(root, url(request));
    expect(result).toEqual({ ok: true, file: await fs.realpath(path.join(root, file)), contentType: contentTypeFor(file) });
  });

  it('serves a link that stays inside, by its real path', async () => {
    if (!canLink) return console.warn('symbolic links cannot be made here: inner-link case not run');
    expect(await resolveAppFile(root, url('/assets/inner-link.html'))).toMatchObject({ ok: true, file: await fs.realpath(path.join(root, 'index.html')) });
  });

  it('gives the right content types', () => {
    expect(contentTypeFor('a.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('refused', () => {
  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/%2e./secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/%2F..%2Fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/assets\\..\\..\\secret.txt',
    '/./index.html',
    '/%2e/index.html',
    '//etc/passwd',
    '/assets//app-1234.js',
    '/C:/Windows/win.ini',
    '/C%3A/Windows/win.ini',
    '/index.html%00.png',
    '/%c0%ae%c0%ae/secret.txt',
    '/%',
    '/../renderer-evil/x.js',
  ])('%s', async (request) => {
    const result = await resolveAppFile(root, url(request));
    expect(result.ok, request).toBe(false);
    if (!result.ok) expect([400, 403]).toContain(result.status);
  });

  it.each([
    'copydesk://other/index.html',
    'copydesk://app.evil/index.html',
    'copydesk://user@app/index.html',
    'copydesk://app:80/index.html',
    'copydesk://appindex.html',
    'file:///etc/passwd',
    'https://app/index.html',
    '',
  ])('%s (not the app origin)', async (request) => {
    expect(await resolveAppFile(root, request)).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses symbolic links inside the folder that point outside (file, folder, relative)', async () => {
    if (!canLink) return console.warn('symbolic links cannot be made here: link cases not run');
    for (const request of ['/assets/leak.txt', '/assets/out/x.js', '/assets/relative-leak.txt']) {
      expect(await resolveAppFile(root, url(request)), request).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('refuses folders, missing files and a missing root with 404', async () => {
    expect(await resolveAppFile(root, url('/assets'))).toMatchObject({ ok: false, status: 404 });
    expect(await resolveAppFile(root, url('/nope.js'))).toMatchObject({ ok: false, status: 404 });
    expect(await resolveAppFile(path.join(base, 'missing'), url('/index.html'))).toMatchObject({ ok: false, status: 404 });
  });

  it('checks the raw URL, before a URL parser would quietly resolve `..`', () => {
    // The WHATWG parser turns this into copydesk://app/secret.txt; the raw check refuses it.
    expect(new URL(url('/assets/%2e%2e/secret.txt')).pathname).toBe('/secret.txt');
    expect(requestSegments(url('/assets/%2e%2e/secret.txt'))).toMatchObject({ ok: false, status: 403 });
    expect(requestSegments(url('/assets/My%20File.svg'))).toEqual(['assets', 'My File.svg']);
  });
});
