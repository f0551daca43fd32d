/**
 * Who reviews on this installation (issue 12 §1): the settings keep a stable random author id and
 * the name and initials the user gave; `reviewer.get` suggests a name from the operating system's
 * user name until then; `reviewer.set` checks the name and initials (the door refuses the rest,
 * ipc-refusals.test.ts) and never changes the id.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../electron/services/app-services';
import { SettingsStore } from '../../electron/services/settings';
import { REVIEW_ID } from '../../shared/review/model';
import { initialsOf, nameFromUserName } from '../../shared/review/reviewer-name';
import { createHarness, type Harness } from './helpers/ipc-harness';
import { tempDir } from './helpers/services-fixtures';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('reviewer');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the reviewer in the settings', () => {
  it('is absent at first, then keeps one id whatever the name becomes, between runs', async () => {
    const first = await SettingsStore.load(dir);
    expect(first.reviewer).toBeNull();
    const ana = await first.setReviewer({ name: '  Ana García ', initials: 'AG' });
    expect(ana).toEqual({ id: expect.stringMatching(/^a[0-9a-z]{9}$/u) as string, name: 'Ana García', initials: 'AG' });
    expect(REVIEW_ID.test(ana.id)).toBe(true);
    const renamed = await first.setReviewer({ name: 'Ana García Ruiz', initials: 'AGR' });
    expect(renamed.id).toBe(ana.id);
    const second = await SettingsStore.load(dir);
    expect(second.reviewer).toEqual({ id: ana.id, name: 'Ana García Ruiz', initials: 'AGR' });
    expect(second.problem).toBeNull();
  });

  it('gives another installation another id', async () => {
    const one = await (await SettingsStore.load(path.join(dir, 'one'))).setReviewer({ name: 'Ana', initials: 'A' });
    const two = await (await SettingsStore.load(path.join(dir, 'two'))).setReviewer({ name: 'Ana', initials: 'A' });
    expect(one.id).not.toBe(two.id);
  });

  it('refuses a name or initials that are not one, and keeps what it had', async () => {
    const store = await SettingsStore.load(dir);
    const ana = await store.setReviewer({ name: 'Ana', initials: 'A' });
    for (const bad of [{ name: '', initials: 'A' }, { name: 'x'.repeat(101), initials: 'X' }, { name: 'Ana\nB', initials: 'A' }, { name: 'Ana', initials: 'ABCDE' }, { name: 'Ana', initials: 'A B' }]) {
      await expect(store.setReviewer(bad), JSON.stringify(bad)).rejects.toThrow();
    }
    expect(store.reviewer).toEqual(ana);
  });

  it('sets aside a settings file whose reviewer is not valid', async () => {
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ version: 1, recent: [], reviewer: { id: '../x', name: 'Ana', initials: 'A' } }));
    const store = await SettingsStore.load(dir);
    expect(store.reviewer).toBeNull();
    expect(store.problem).toMatch(/damaged \(reviewer\.id/u);
  });
});

describe('the suggested name', () => {
  it.each([
    ['ana.garcia', 'Ana Garcia', 'AG'],
    ['jdoe', 'Jdoe', 'J'],
    ['Maria_da_Graça', 'Maria Da Graça', 'MDG'],
    ['McDonald', 'McDonald', 'M'],
    ['', '', ''],
  ])('%j → %j (%j)', (user, name, initials) => {
    expect(nameFromUserName(user)).toBe(name);
    expect(initialsOf(name)).toBe(initials);
  });

  it('keeps initials within the author table’s four characters', () => {
    expect(initialsOf('Maria da Graça Silva Costa')).toBe('MDC');
    expect(initialsOf('élodie ÿ')).toBe('ÉŸ');
  });
});

describe('reviewer.get and reviewer.set through the API door', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('suggests a name first, then answers the reviewer set, with a stable id', async () => {
    const before = await h.call('reviewer.get', undefined);
    expect(before.ok).toBe(true);
    if (!before.ok) return;
    expect(before.value).toMatchObject({ reviewer: null, suggested: { name: expect.any(String) as string, initials: expect.any(String) as string } });
    const set = await h.call('reviewer.set', { name: 'Ana García', initials: 'AG' });
    expect(set).toMatchObject({ ok: true, value: { name: 'Ana García', initials: 'AG' } });
    const again = await h.call('reviewer.set', { name: 'Ana G.', initials: 'AG' });
    const after = await h.call('reviewer.get', undefined);
    if (!set.ok || !again.ok || !after.ok) return expect.unreachable('a call failed');
    expect((again.value as { id: string }).id).toBe((set.value as { id: string }).id);
    expect(after.value).toMatchObject({ reviewer: { id: (set.value as { id: string }).id, name: 'Ana G.', initials: 'AG' } });
    const stored = JSON.parse(await fs.readFile(path.join(h.userData, 'settings.json'), 'utf8')) as { reviewer: unknown };
    expect(stored.reviewer).toEqual((after.value as { reviewer: unknown }).reviewer);
  });

  it('prefills from the operating system user name the services were given', async () => {
    const services = await createAppServices({ userDataDir: path.join(dir, 'u'), documentsDir: path.join(dir, 'd'), trash: () => Promise.resolve(), userName: 'ana.garcia' });
    try {
      expect(services.settings.suggestedReviewer()).toEqual({ name: 'Ana Garcia', initials: 'AG' });
    } finally {
      await services.dispose();
    }
  });
});
