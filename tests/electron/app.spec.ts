/**
 * Copydesk in real Electron (run by tests/electron/run.mjs, only where an Electron binary exists):
 * the app starts and opens its window on the app protocol; the page gets exactly the preload API
 * and no Node; the window's web preferences, CSP header, navigation and window.open policies hold
 * in the running app; a draft saved through the API reopens with its content after a restart.
 * Each test runs the app on fresh temporary folders (user data and documents).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { CopydeskApi } from '../../shared/ipc/api';
import { apiShape } from '../unit/helpers/api-shape';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/security';

declare global {
  interface Window {
    copydesk: CopydeskApi;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = path.join(root, 'dist', 'electron', 'main.mjs');

let folders: { base: string; userData: string; documents: string };

test.beforeEach(async () => {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-electron-'));
  folders = { base, userData: path.join(base, 'user-data'), documents: path.join(base, 'documents') };
  await fs.mkdir(folders.userData);
  await fs.mkdir(folders.documents);
});

test.afterEach(async () => {
  await fs.rm(folders.base, { recursive: true, force: true });
});

async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  const executablePath = process.env.ELECTRON_PATH;
  if (!executablePath) throw new Error('ELECTRON_PATH is not set: run these tests with node tests/electron/run.mjs');
  const app = await electron.launch({
    executablePath,
    args: [MAIN],
    env: { ...process.env, COPYDESK_USER_DATA_DIR: folders.userData, COPYDESK_DOCUMENTS_DIR: folders.documents },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

test('the window opens on the app protocol with the secure web preferences', async () => {
  const { app, page } = await launch();
  try {
    expect(page.url()).toBe('copydesk://app/index.html');
    // Electron offers no getter for a window's web preferences: check what each one does.
    const facts = await page.evaluate(() => ({
      // contextBridge refuses to expose anything without context isolation.
      isolated: typeof window.copydesk === 'object' && typeof window.copydesk.drafts.open === 'function',
      webview: document.createElement('webview').constructor.name,
      node: typeof (window as unknown as { require?: unknown }).require,
    }));
    expect(facts).toEqual({ isolated: true, webview: 'HTMLUnknownElement', node: 'undefined' });
    // `sandboxed` is reported on macOS and Windows only.
    const sandboxed = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().filter((m) => m.type === 'Tab').map((m) => m.sandboxed));
    expect(sandboxed.length).toBeGreaterThan(0);
    for (const value of sandboxed) expect([true, undefined]).toContain(value);
  } finally {
    await app.close();
  }
});

test('the page gets exactly the preload API, and no Node', async () => {
  const { app, page } = await launch();
  try {
    const seen = await page.evaluate(() => {
      const api = window.copydesk as unknown as Record<string, Record<string, unknown>>;
      const shape: Record<string, string[]> = {};
      for (const group of Object.keys(api)) shape[group] = Object.keys(api[group] ?? {}).sort();
      const w = window as unknown as Record<string, unknown>;
      return {
        shape,
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
        ipcRenderer: typeof w.ipcRenderer,
        electron: typeof w.electron,
      };
    });
    const expected = Object.fromEntries(Object.entries(apiShape()).map(([group, methods]) => [group, [...methods].sort()]));
    expect(seen.shape).toEqual(expected);
    expect(seen).toMatchObject({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', ipcRenderer: 'undefined', electron: 'undefined' });
  } finally {
    await app.close();
  }
});

test('the protocol sends the CSP and refuses paths outside the renderer; navigation and window.open are denied', async () => {
  const { app, page } = await launch();
  try {
    const headers = await page.evaluate(async () => {
      const response = await fetch('copydesk://app/index.html');
      return { status: response.status, csp: response.headers.get('content-security-policy'), nosniff: response.headers.get('x-content-type-options') };
    });
    expect(headers).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, nosniff: 'nosniff' });
    for (const probe of ['copydesk://app/%2e%2e/package.json', 'copydesk://app/../package.json', 'copydesk://app/..%2fpackage.json']) {
      const status = await page.evaluate(async (url) => (await fetch(url).catch(() => null))?.status ?? 0, probe);
      expect(status, probe).not.toBe(200);
    }
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('copydesk://app/index.html');
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});

test('a draft saves and reopens, also after a restart', async () => {
  let first = await launch();
  let name: string;
  try {
    name = await first.page.evaluate(async () => {
      const created = await window.copydesk.drafts.create();
      const json = JSON.parse(created.draft) as { doc: { content: { type: string }[] } };
      const doc = json.doc;
      const content = doc.content.map((node) => (node.type === 'headline' ? { type: 'headline', content: [{ type: 'text', text: 'Saved in Electron' }] } : node));
      // As the renderer sends a draft: its UTF-8 bytes, through the preload and IPC to the worker threads.
      const bytes = new TextEncoder().encode(JSON.stringify({ ...json, doc: { ...doc, content } }));
      await window.copydesk.recovery.record({ key: 'electron', name: created.name, draft: bytes });
      const saved = await window.copydesk.drafts.save({ name: created.name, draft: bytes, baseHash: created.hash });
      if (!saved.ok) throw new Error(`save failed: ${JSON.stringify(saved)}`);
      await window.copydesk.recovery.discard({ key: 'electron' });
      const reopened = await window.copydesk.drafts.open({ name: created.name });
      if (!reopened.draft.includes('Saved in Electron')) throw new Error('reopened draft lost the headline');
      return created.name;
    });
    expect(name).toBe('untitled.copydesk');
    await expect(first.page.evaluate(() => window.copydesk.drafts.open({ name: '../outside.copydesk' }))).rejects.toThrow(/not a plain file name|malformed/u);
  } finally {
    await first.app.close();
  }
  const onDisk = await fs.readFile(path.join(folders.documents, 'Copydesk', name), 'utf8');
  expect(onDisk).toContain('Saved in Electron');
  first = await launch();
  try {
    const list = await first.page.evaluate(() => window.copydesk.workspace.list());
    expect(list.map((d) => [d.name, d.headline])).toEqual([[name, 'Saved in Electron']]);
    const reopened = await first.page.evaluate((n) => window.copydesk.drafts.open({ name: n }), name);
    expect(reopened.draft).toContain('Saved in Electron');
  } finally {
    await first.app.close();
  }
});
