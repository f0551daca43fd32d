/**
 * The shell's wiring, with a stand-in for the 'electron' module (helpers/fake-electron.ts) and the
 * real services on temporary folders: the scheme is registered and the sandbox enabled before the
 * app is ready, every channel gets an IPC handler that checks the sending frame, the window gets
 * the secure preferences and loads the app page, the protocol answers with the CSP, permissions
 * and new windows are denied, a draft named on a second launch is sent once the renderer is ready,
 * a close or a reload waits until the renderer saved what was typed (the `flush` event, answered
 * by `window.flushed`), and a window whose edits could not be saved asks its renderer before
 * closing. Whether Electron honours all
 * this is for the real-binary suite (tests/electron); this catches a shell that forgot to ask.
 *
 * Nothing here waits on a guess of time: the test awaits `startShell` (main.ts), the shell's
 * `opensHandled` for drafts the OS asks to open, the stand-in's `waitForSent` and 'closed' for
 * what the shell sends and closes, and a later settings write (settings writes are queued in
 * order) for the bounds remembered on close.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { startShell, type StartedShell } from '../../electron/shell/main';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../electron/shell/security';
import * as fake from './helpers/fake-electron';

vi.mock('electron', () => import('./helpers/fake-electron'));

let base: string;
let documents: string;
let shell: StartedShell;
const APP_PAGE = 'copydesk://app/index.html';

function event(url: string, win = fake.BrowserWindow.all[0], subframe = false): Record<string, unknown> {
  const contents = win?.webContents;
  const frame: fake.FakeFrame = subframe ? { url, parent: contents?.mainFrame ?? null } : (contents?.mainFrame ?? { url, parent: null });
  if (!subframe && contents) contents.mainFrame.url = url;
  return { sender: contents, senderFrame: frame };
}

async function call(channel: string, payload?: unknown, url = APP_PAGE, subframe = false): Promise<unknown> {
  const handler = fake.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  try {
    return await handler(event(url, fake.BrowserWindow.all[0], subframe), payload);
  } finally {
    const contents = fake.BrowserWindow.all[0]?.webContents;
    if (contents) contents.mainFrame.url = APP_PAGE;
  }
}

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-shell-'));
  documents = path.join(base, 'documents');
  await fs.mkdir(documents);
  process.env.COPYDESK_USER_DATA_DIR = path.join(base, 'user-data');
  process.env.COPYDESK_DOCUMENTS_DIR = documents;
  delete process.env.COPYDESK_DEV_SERVER_URL;
  const starting = startShell();
  fake.makeReady();
  const started = await starting;
  if (!started) throw new Error('the shell did not get the single-instance lock');
  shell = started;
});

afterAll(async () => {
  fake.app.emit('will-quit', { preventDefault: () => undefined });
  await shell.stop();
  await fs.rm(base, { recursive: true, force: true });
  delete process.env.COPYDESK_USER_DATA_DIR;
  delete process.env.COPYDESK_DOCUMENTS_DIR;
});

describe('before ready', () => {
  it('registers the scheme as privileged, enables the sandbox and takes the single-instance lock', () => {
    const readyAt = fake.calls.indexOf('ready');
    const schemeAt = fake.calls.findIndex((c) => c.startsWith('protocol.registerSchemesAsPrivileged'));
    expect(schemeAt).toBeGreaterThanOrEqual(0);
    expect(schemeAt).toBeLessThan(readyAt);
    expect(fake.calls[schemeAt]).toContain('"scheme":"copydesk"');
    expect(fake.calls[schemeAt]).toContain('"standard":true,"secure":true');
    expect(fake.calls.indexOf('app.enableSandbox')).toBeLessThan(readyAt);
    expect(fake.calls.indexOf('app.requestSingleInstanceLock')).toBeLessThan(readyAt);
    expect(fake.app.paths.get('userData')).toBe(path.join(base, 'user-data'));
  });
});

describe('when ready', () => {
  it('opens one window with the secure preferences on the app page', () => {
    expect(fake.BrowserWindow.all).toHaveLength(1);
    const win = fake.BrowserWindow.all[0];
    const prefs = win?.options.webPreferences as Record<string, unknown>;
    const preload = prefs.preload as string;
    expect(path.basename(preload)).toBe('preload.cjs');
    expect(prefs).toEqual({ ...secureWebPreferences(preload) });
    expect(win?.url).toBe(APP_PAGE);
  });

  it('registers an IPC handler for every channel and nothing else', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('answers calls from the app page, and refuses other frames and subframes', async () => {
    expect(await call('settings.get')).toEqual({ ok: true, value: { folder: path.join(documents, 'Copydesk'), problem: null } });
    for (const url of ['https://evil.example/', 'file:///index.html', '']) {
      expect(await call('settings.get', undefined, url)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    }
    expect(await call('settings.get', undefined, APP_PAGE, true)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(await call('drafts.open', { name: '../x.copydesk' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('serves the app scheme with the CSP and refuses traversal', async () => {
    const handler = fake.defaultSession.protocolHandlers.get('copydesk');
    if (!handler) throw new Error('no protocol handler');
    const missing = await handler(new Request('copydesk://app/index.html'));
    // The renderer is not built beside the sources: 404, still with the security headers.
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const probe = await handler({ url: 'copydesk://app/%2e%2e/package.json', method: 'GET' } as Request);
    expect(probe.status).toBe(403);
    const post = await handler({ url: 'copydesk://app/index.html', method: 'POST' } as Request);
    expect(post.status).toBe(405);
  });

  it('hardens every web contents and the session', () => {
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/a' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.openedExternally).toEqual(['https://example.com/a']);
    let prevented = 0;
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      contents.emit(name, { url: 'https://example.com/', preventDefault: () => (prevented += 1) });
    }
    expect(prevented).toBe(4);
    const answers: unknown[] = [];
    fake.defaultSession.permissionRequest?.(contents, 'media', (granted: boolean) => answers.push(granted), {});
    expect(answers).toEqual([false]);
    expect(fake.defaultSession.permissionCheck?.(contents, 'notifications', '', {})).toBe(false);
    expect(fake.defaultSession.devicePermission?.({})).toBe(false);
  });

  it('sets the application menu', () => {
    const labels = (fake.menuState.template as { label: string }[]).map((menu) => menu.label);
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));
  });
});

describe('drafts from the operating system', () => {
  it('holds a draft named on a second launch until the renderer is ready, then sends it', async () => {
    const win = fake.BrowserWindow.all[0];
    if (!win) throw new Error('no window');
    const created = (await call('drafts.create')) as { value: { name: string } };
    const file = path.join(documents, 'Copydesk', created.value.name);
    fake.app.emit('second-instance', {}, ['/opt/copydesk', '--flag', file], '/');
    await shell.opensHandled();
    expect(win.webContents.sent.filter(([channel]) => channel === 'event.openDraft')).toEqual([]);
    expect(await call('window.ready')).toEqual({ ok: true });
    expect(win.webContents.sent.filter(([channel]) => channel === 'event.openDraft')).toEqual([['event.openDraft', { name: created.value.name }]]);
  });

  it('switches the workspace for a draft elsewhere only when the user agrees', async () => {
    const win = fake.BrowserWindow.all[0];
    if (!win) throw new Error('no window');
    const elsewhere = path.join(base, 'elsewhere');
    await fs.mkdir(elsewhere);
    const file = path.join(elsewhere, 'outside.copydesk');
    fake.dialogAnswers.messageBox = 1;
    fake.app.emit('second-instance', {}, ['/opt/copydesk', file], '/');
    await shell.opensHandled();
    expect((await call('settings.get')) as unknown).toMatchObject({ value: { folder: path.join(documents, 'Copydesk') } });
    fake.dialogAnswers.messageBox = 0;
    fake.app.emit('second-instance', {}, ['/opt/copydesk', file], '/');
    await shell.opensHandled();
    expect((await call('settings.get')) as unknown).toMatchObject({ value: { folder: elsewhere } });
    expect(win.webContents.sent).toContainEqual(['event.workspaceChanged', { folder: elsewhere, problem: null }]);
    expect(win.webContents.sent.at(-1)).toEqual(['event.openDraft', { name: 'outside.copydesk' }]);
  });
});

describe('reloading', () => {
  it('View > Reload asks the renderer to flush, reloads only after its answer, then reopens the draft once the new page is ready', async () => {
    const win = fake.BrowserWindow.all[0];
    if (!win) throw new Error('no window');
    const { runWindowAction } = await import('../../electron/shell/menu');
    const from = win.webContents.sent.length;
    const reloading = runWindowAction('reload');
    await win.webContents.waitForSent('event.flush', from);
    const flush = win.webContents.sent.at(-1);
    expect(flush?.[0]).toBe('event.flush');
    expect(win.webContents.reloads).toEqual([]);
    const { id } = flush?.[1] as { id: number };
    expect(await call('window.flushed', { id, open: 'story.copydesk', saved: true })).toEqual({ ok: true });
    await reloading;
    expect(win.webContents.reloads).toEqual(['reload']);
    // Held until the new page says it listens (the old one is gone).
    expect(win.webContents.sent.at(-1)?.[0]).toBe('event.flush');
    await call('window.ready');
    expect(win.webContents.sent.at(-1)).toEqual(['event.openDraft', { name: 'story.copydesk' }]);
  });

  it('a draft that could not be saved is not reopened over its journal (Force Reload)', async () => {
    const win = fake.BrowserWindow.all[0];
    if (!win) throw new Error('no window');
    const { runWindowAction } = await import('../../electron/shell/menu');
    const from = win.webContents.sent.length;
    const reloading = runWindowAction('force-reload');
    await win.webContents.waitForSent('event.flush', from);
    const request = win.webContents.sent.at(-1);
    expect(request?.[0]).toBe('event.flush');
    expect(win.webContents.reloads).toEqual(['reload']);
    await call('window.flushed', { id: (request?.[1] as { id: number }).id, open: 'story.copydesk', saved: false });
    await reloading;
    expect(win.webContents.reloads).toEqual(['reload', 'ignore-cache']);
    await call('window.ready');
    expect(win.webContents.sent.at(-1)).toEqual(request);
  });
});

describe('closing', () => {
  it('flushes first, and closes once the renderer saved', async () => {
    const win = fake.BrowserWindow.all[0];
    if (!win) throw new Error('no window');
    await call('window.setDirty', { dirty: true });
    expect(win.close()).toBe(true);
    const request = win.webContents.sent.at(-1);
    expect(request?.[0]).toBe('event.flush');
    expect(win.closedCount).toBe(0);
    const closed = new Promise((resolve) => win.once('closed', resolve));
    await call('window.flushed', { id: (request?.[1] as { id: number }).id, open: 'story.copydesk', saved: true });
    await closed;
    expect(win.closedCount).toBe(1);
  });

  it('asks the renderer when it could not save, then closes when told to', async () => {
    // A fresh window (the first one is closed now).
    fake.BrowserWindow.all.splice(0);
    fake.app.emit('activate');
    const win = fake.BrowserWindow.all[0];
    if (!win) throw new Error('no window');
    await call('window.ready');
    await call('window.setDirty', { dirty: true });
    expect(win.documentEdited).toBe(true);
    expect(win.close()).toBe(true);
    const request = win.webContents.sent.at(-1);
    expect(request?.[0]).toBe('event.flush');
    // A second close while the flush runs asks nothing more.
    expect(win.close()).toBe(true);
    expect(win.webContents.sent.filter(([channel]) => channel === 'event.flush')).toHaveLength(1);
    const from = win.webContents.sent.length;
    await call('window.flushed', { id: (request?.[1] as { id: number }).id, open: 'story.copydesk', saved: false });
    await win.webContents.waitForSent('event.menu', from);
    expect(win.webContents.sent.at(-1)).toEqual(['event.menu', { command: 'close' }]);
    expect(win.closedCount).toBe(0);
    await call('window.close');
    expect(win.closedCount).toBe(1);
    // A sentinel settings write (creating a draft adds it to the recent ones): settings writes are
    // queued in order, so the bounds written on close are on disk when it is.
    await call('drafts.create');
    const settings = JSON.parse(await fs.readFile(path.join(base, 'user-data', 'settings.json'), 'utf8')) as { windowBounds?: unknown };
    expect(settings.windowBounds).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });

  it('releases the drafts a window held when it closes (their lock files go)', async () => {
    fake.BrowserWindow.all.splice(0);
    fake.app.emit('activate');
    const win = fake.BrowserWindow.all[0];
    if (!win) throw new Error('no window');
    const created = (await call('drafts.create')) as { ok: true; value: { name: string; access: unknown } };
    expect(created.value.access).toEqual({ kind: 'editing' });
    const workspace = shell.services.settings.workspaceFolder();
    const lockFile = path.join(workspace, `.${created.value.name}.lock`);
    await expect(fs.stat(lockFile)).resolves.toBeTruthy();
    // Another draft taken over by someone else: every window hears lockLost at the next refresh.
    const taken = (await call('drafts.create')) as { ok: true; value: { name: string } };
    const takenLock = path.join(workspace, `.${taken.value.name}.lock`);
    const ours = JSON.parse(await fs.readFile(takenLock, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(takenLock, JSON.stringify({ ...ours, id: 'someone', name: 'Someone Else', instance: 'f'.repeat(16) }));
    await shell.services.locks.refresh();
    expect(win.webContents.sent.at(-1)).toEqual(['event.lockLost', { name: taken.value.name, holder: expect.objectContaining({ id: 'someone' }) as unknown }]);
    win.close();
    await expect.poll(() => fs.stat(lockFile).then(() => 'there', () => 'gone')).toBe('gone');
    // Someone else's lock stays.
    expect(JSON.parse(await fs.readFile(takenLock, 'utf8'))).toMatchObject({ id: 'someone' });
  });

  it('releases the drafts of a page that reloads or goes away, the new page taking them again', async () => {
    fake.BrowserWindow.all.splice(0);
    fake.app.emit('activate');
    const win = fake.BrowserWindow.all[0];
    if (!win) throw new Error('no window');
    const created = (await call('drafts.create')) as { ok: true; value: { name: string } };
    const lockFile = path.join(shell.services.settings.workspaceFolder(), `.${created.value.name}.lock`);
    await expect(fs.stat(lockFile)).resolves.toBeTruthy();
    win.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    await expect.poll(() => fs.stat(lockFile).then(() => 'there', () => 'gone')).toBe('gone');
    await call('drafts.open', { name: created.value.name });
    await expect(fs.stat(lockFile)).resolves.toBeTruthy();
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    await expect.poll(() => fs.stat(lockFile).then(() => 'there', () => 'gone')).toBe('gone');
  });
});

// Last: it stops the services.
describe('quitting', () => {
  it('waits for the services to stop, so the lock files of open drafts are gone, then quits', async () => {
    fake.BrowserWindow.all.splice(0);
    fake.app.emit('activate');
    const created = (await call('drafts.create')) as { ok: true; value: { name: string } };
    const lockFile = path.join(shell.services.settings.workspaceFolder(), `.${created.value.name}.lock`);
    await expect(fs.stat(lockFile)).resolves.toBeTruthy();
    const quits = fake.app.quitCount;
    let prevented = 0;
    fake.app.emit('will-quit', { preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
    await expect.poll(() => fake.app.quitCount).toBe(quits + 1);
    await expect(fs.stat(lockFile)).rejects.toMatchObject({ code: 'ENOENT' });
    // The second will-quit (from that quit) goes through.
    fake.app.emit('will-quit', { preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
  });
});
