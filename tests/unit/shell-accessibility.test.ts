/**
 * Assistive technology on or off reaches the renderer: the plain state module
 * (electron/shell/accessibility-support.ts), the `system.accessibility` call's validator and
 * handler, and the shell's wiring with a stand-in 'electron' module (helpers/fake-electron.ts)
 * over the real services — Electron's answer at start is what the call returns, and each change
 * Electron reports is sent to the window once.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, type EventMap, type EventName } from '../../shared/ipc/channels';
import { validateRequest } from '../../shared/ipc/validate';
import { trackAccessibilitySupport } from '../../electron/shell/accessibility-support';
import { startShell, type StartedShell } from '../../electron/shell/main';
import { createHarness } from './helpers/ipc-harness';
import * as fake from './helpers/fake-electron';

vi.mock('electron', () => import('./helpers/fake-electron'));

type Sent = [EventName, unknown];

function recorder(): { sent: Sent[]; emit: <E extends EventName>(name: E, payload: EventMap[E]) => void } {
  const sent: Sent[] = [];
  return { sent, emit: (name, payload) => void sent.push([name, payload]) };
}

describe('trackAccessibilitySupport', () => {
  it('starts from the value given and sends nothing for it', () => {
    const { sent, emit } = recorder();
    expect(trackAccessibilitySupport(true, emit).enabled()).toBe(true);
    expect(trackAccessibilitySupport(false, emit).enabled()).toBe(false);
    expect(sent).toEqual([]);
  });

  it('sends the accessibility event on each change, and only on a change', () => {
    const { sent, emit } = recorder();
    const support = trackAccessibilitySupport(false, emit);
    expect(support.changed(false)).toBe(false);
    expect(support.changed(true)).toBe(true);
    expect(support.changed(true)).toBe(false);
    expect(support.enabled()).toBe(true);
    expect(support.changed(false)).toBe(true);
    expect(support.enabled()).toBe(false);
    expect(sent).toEqual([
      ['accessibility', { enabled: true }],
      ['accessibility', { enabled: false }],
    ]);
  });

  it('ignores a value that is not a boolean', () => {
    const { sent, emit } = recorder();
    const support = trackAccessibilitySupport(true, emit);
    for (const odd of [undefined, null, 0, 1, 'false', {}]) expect(support.changed(odd)).toBe(false);
    expect(support.enabled()).toBe(true);
    expect(sent).toEqual([]);
  });
});

describe('the channel', () => {
  it('is in the map as a call and an event', () => {
    expect(EVENT_NAMES).toContain('accessibility');
  });

  it('takes no payload', () => {
    expect(validateRequest('system.accessibility', undefined)).toBeUndefined();
    for (const payload of [{}, { enabled: true }, true, 'on', null]) {
      expect(() => validateRequest('system.accessibility', payload)).toThrow(/malformed “system\.accessibility” request/u);
    }
  });

  it('answers off through the dispatcher when the handlers were given no source', async () => {
    const h = await createHarness();
    try {
      expect(await h.call('system.accessibility', undefined)).toEqual({ ok: true, value: { enabled: false } });
      expect(await h.call('system.accessibility', { enabled: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(await h.call('system.accessibility', undefined, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    } finally {
      await h.dispose();
    }
  });
});

describe('the shell (stand-in electron)', () => {
  let base: string;
  let shell: StartedShell;
  const APP_PAGE = 'copydesk://app/index.html';

  async function call(channel: string, payload?: unknown): Promise<unknown> {
    const handler = fake.ipcHandlers.get(channel);
    const contents = fake.BrowserWindow.all[0]?.webContents;
    if (!handler || !contents) throw new Error(`no handler or window for ${channel}`);
    contents.mainFrame.url = APP_PAGE;
    return handler({ sender: contents, senderFrame: contents.mainFrame }, payload);
  }

  function accessibilityEvents(): unknown[] {
    return (fake.BrowserWindow.all[0]?.webContents.sent ?? []).filter(([channel]) => channel === 'event.accessibility').map(([, payload]) => payload);
  }

  beforeAll(async () => {
    base = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-shell-a11y-'));
    await fs.mkdir(path.join(base, 'documents'));
    process.env.COPYDESK_USER_DATA_DIR = path.join(base, 'user-data');
    process.env.COPYDESK_DOCUMENTS_DIR = path.join(base, 'documents');
    delete process.env.COPYDESK_DEV_SERVER_URL;
    // A screen reader is already running when the app starts.
    fake.app.accessibilitySupport = true;
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

  it("answers Electron's state at start, then follows its changes and sends each one once", async () => {
    expect(fake.BrowserWindow.all).toHaveLength(1);
    expect(await call('system.accessibility')).toEqual({ ok: true, value: { enabled: true } });
    expect(accessibilityEvents()).toEqual([]);

    fake.app.emit('accessibility-support-changed', {}, false);
    expect(accessibilityEvents()).toEqual([{ enabled: false }]);
    expect(await call('system.accessibility')).toEqual({ ok: true, value: { enabled: false } });

    fake.app.emit('accessibility-support-changed', {}, false);
    fake.app.emit('accessibility-support-changed', {}, true);
    expect(accessibilityEvents()).toEqual([{ enabled: false }, { enabled: true }]);
    expect(await call('system.accessibility')).toEqual({ ok: true, value: { enabled: true } });
  });
});
