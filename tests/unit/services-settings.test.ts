/**
 * Settings on real files: defaults, values remembered between runs, a corrupt file set aside
 * (never a crash, never silently overwritten), and draft names checked before any file access.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nameFromText, nameProblem, draftPath } from '../../electron/services/names';
import { SettingsStore } from '../../electron/services/settings';
import { createAppServices } from '../../electron/services/app-services';
import { namesIn, tempDir, TestClock } from './helpers/services-fixtures';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('settings');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const settingsFile = (): string => path.join(dir, 'settings.json');

describe('settings store', () => {
  it('starts with defaults and writes nothing until something changes', async () => {
    const store = await SettingsStore.load(dir);
    expect(store.snapshot()).toEqual({ version: 1, recent: [] });
    expect(store.problem).toBeNull();
    expect(await namesIn(dir)).toEqual([]);
  });

  it('remembers the workspace, recent drafts and window bounds between runs', async () => {
    const clock = new TestClock();
    const first = await SettingsStore.load(dir, clock.now);
    await first.setWorkspace('/data/newsroom');
    await first.addRecent('/data/newsroom/a.copydesk');
    clock.advance(1000);
    await first.addRecent('/data/newsroom/b.copydesk');
    clock.advance(1000);
    await first.addRecent('/data/newsroom/a.copydesk');
    await first.setWindowBounds({ x: -1200, y: 40, width: 1100, height: 800, maximized: false });
    const second = await SettingsStore.load(dir);
    expect(second.workspace).toBe('/data/newsroom');
    expect(second.recent.map((r) => r.path)).toEqual(['/data/newsroom/a.copydesk', '/data/newsroom/b.copydesk']);
    expect(second.windowBounds).toEqual({ x: -1200, y: 40, width: 1100, height: 800, maximized: false });
    expect(await namesIn(dir)).toEqual(['settings.json']);
  });

  it('refuses window bounds that are not bounds', async () => {
    const store = await SettingsStore.load(dir);
    await expect(store.setWindowBounds({ x: 0, y: 0, width: 5, height: 800, maximized: false })).rejects.toThrow();
    await expect(store.setWindowBounds({ x: 0.5, y: 0, width: 500, height: 800, maximized: false })).rejects.toThrow();
    expect(store.windowBounds).toBeNull();
  });

  it.each([
    ['not JSON', '{"version": 1, "recent": ['],
    ['the wrong shape', '{"version": 1, "recent": "none"}'],
    ['an unknown key', '{"version": 1, "recent": [], "theme": "dark"}'],
    ['empty', ''],
  ])('sets a corrupt file (%s) aside and uses the defaults', async (_label, content) => {
    await fs.writeFile(settingsFile(), content);
    const store = await SettingsStore.load(dir, new TestClock().now);
    expect(store.snapshot()).toEqual({ version: 1, recent: [] });
    const aside = 'settings.json.corrupt-2026-03-01T09-00-00-000Z';
    expect(store.problem).toMatch(/^The settings file was damaged \(.+\)\. It was kept as .*settings\.json\.corrupt-2026-03-01T09-00-00-000Z and the defaults are used\.$/u);
    expect(await namesIn(dir)).toEqual([aside]);
    expect(await fs.readFile(path.join(dir, aside), 'utf8')).toBe(content);
    // The next change writes a fresh file beside the kept one.
    await store.setWorkspace('/x');
    expect(await namesIn(dir)).toEqual(['settings.json', aside]);
  });

  it('keeps the app starting with a corrupt settings file', async () => {
    const userData = path.join(dir, 'userData');
    await fs.mkdir(userData);
    await fs.writeFile(path.join(userData, 'settings.json'), '\u0000\u0000garbage');
    const services = await createAppServices({ userDataDir: userData, documentsDir: path.join(dir, 'Docs'), trash: () => Promise.resolve() });
    try {
      expect(services.settings.workspaceFolder()).toBe(path.join(dir, 'Docs', 'Copydesk'));
      expect(services.settings.problem()).toMatch(/damaged/u);
    } finally {
      await services.dispose();
    }
  });

  it('does not create a chosen workspace folder that has vanished, and says so when listing', async () => {
    const userData = path.join(dir, 'userData');
    const chosen = path.join(dir, 'usb-stick', 'Stories');
    await fs.mkdir(chosen, { recursive: true });
    const first = await createAppServices({ userDataDir: userData, documentsDir: path.join(dir, 'Docs'), trash: () => Promise.resolve() });
    await first.settings.setWorkspace(chosen);
    await first.dispose();
    await fs.rm(path.join(dir, 'usb-stick'), { recursive: true });
    const second = await createAppServices({ userDataDir: userData, documentsDir: path.join(dir, 'Docs'), trash: () => Promise.resolve() });
    try {
      expect(second.settings.workspaceFolder()).toBe(chosen);
      await expect(second.workspace.list()).rejects.toMatchObject({ code: 'ENOENT', message: expect.stringMatching(/workspace folder is no longer there/u) as string });
      await expect(fs.stat(chosen)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await second.dispose();
    }
  });
});

describe('draft names', () => {
  it.each(['story.copydesk', 'Étude — 2026.copydesk', 'a b c.copydesk', '日本語.copydesk', 'x.y.copydesk'])('accepts %j', (name) => {
    expect(nameProblem(name)).toBeNull();
    expect(draftPath('/ws', name)).toBe(path.join('/ws', name));
  });

  it.each([
    ['..', /not a draft name/u],
    ['../a.copydesk', /character/u],
    ['/abs/a.copydesk', /character/u],
    ['C:\\a.copydesk', /character/u],
    ['a.txt', /end in \.copydesk/u],
    ['.copydesk', /something before/u],
    ['.a.copydesk', /hidden/u],
    ['a .copydesk', /space or a dot/u],
    ['a..copydesk', /space or a dot/u],
    ['nul.copydesk', /reserves/u],
    ['COM1.copydesk', /reserves/u],
    ['a\nb.copydesk', /character/u],
    [`${'é'.repeat(130)}.copydesk`, /too long/u],
    [42, /must be text/u],
  ])('refuses %j', (name, why) => {
    expect(nameProblem(name)).toMatch(why);
    expect(() => draftPath('/ws', name)).toThrow(why);
  });

  it('makes a safe name from free text', () => {
    expect(nameFromText('Budget: what / changes?')).toBe('Budget what changes.copydesk');
    expect(nameFromText('  ..  ')).toBe('untitled.copydesk');
    expect(nameFromText('con')).toBe('untitled.copydesk');
    expect(nameProblem(nameFromText('x'.repeat(500)))).toBeNull();
  });
});
