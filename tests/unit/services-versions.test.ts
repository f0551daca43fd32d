/**
 * Versions: spaced by the (injected) clock, bounded in number and age, listed, restored without
 * writing anything, and kept attached to a draft across a rename.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../electron/node/draft-file';
import { namesIn, sampleChecked, sampleJson, servicesFixture, type ServicesFixture } from './helpers/services-fixtures';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let fx: ServicesFixture;
afterEach(async () => {
  await fx.cleanup();
});

/** Saves `headline` as the new content of draft `name`, from hash `base`; returns the new hash. */
async function save(name: string, headline: string, base: string): Promise<string> {
  const result = await fx.services.drafts.save(name, sampleChecked(headline), base);
  if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result)}`);
  return result.hash;
}

/** The hash of draft `name`'s bytes on disk. */
async function currentHash(name: string): Promise<string> {
  return sha256Hex(await fs.readFile(path.join(fx.workspace, name)));
}

describe('versions', () => {
  it('takes at most one snapshot per five minutes of saving, and none for unchanged text', async () => {
    fx = await servicesFixture();
    const { name, hash } = await fx.services.drafts.create();
    let base = await save(name, 'v1', hash); // First save: first version.
    for (let i = 2; i <= 10; i++) {
      fx.clock.advance(MINUTE); // Saving every minute for nine minutes…
      base = await save(name, `v${String(i)}`, base);
    }
    // …gives versions at 0 and 5 minutes.
    let list = await fx.services.versions.list(name);
    expect(list.map((v) => v.headline)).toEqual(['v6', 'v1']);
    expect(list.map((v) => v.createdAt)).toEqual(['2026-03-01T09:05:00.000Z', '2026-03-01T09:00:00.000Z']);
    expect(list[0]).toMatchObject({ words: 1 + 2 + 5 });

    fx.clock.advance(10 * MINUTE);
    await save(name, 'v10', base);
    list = await fx.services.versions.list(name);
    expect(list.map((v) => v.headline)).toEqual(['v10', 'v6', 'v1']);
    expect(list[0]?.id).toMatch(/^\d{13}-[0-9a-f]{12}$/u);
  });

  it('takes no snapshot of a save whose text the newest version holds already', async () => {
    // No spacing: only the unchanged text holds a snapshot back.
    fx = await servicesFixture({ versionPolicy: { minSpacingMs: 0, maxCount: 50, maxAgeMs: 30 * DAY } });
    const { name, hash } = await fx.services.drafts.create();
    const base = await save(name, 'v1', hash);
    // The same draft saved at the same time (the stamp of `updated` included): the same text.
    await save(name, 'v1', base);
    expect((await fx.services.versions.list(name)).map((v) => v.headline)).toEqual(['v1']);
    expect(await currentHash(name)).toBe(base);
  });

  it('keeps at most maxCount versions and none older than maxAge', async () => {
    fx = await servicesFixture({ versionPolicy: { minSpacingMs: 5 * MINUTE, maxCount: 4, maxAgeMs: 2 * DAY } });
    const { name, hash } = await fx.services.drafts.create();
    let base = hash;
    for (let i = 1; i <= 7; i++) {
      base = await save(name, `v${String(i)}`, base);
      fx.clock.advance(6 * MINUTE);
    }
    expect((await fx.services.versions.list(name)).map((v) => v.headline)).toEqual(['v7', 'v6', 'v5', 'v4']);
    const folder = path.join(fx.userData, 'versions');
    const [dir] = await fs.readdir(folder);
    expect(await fs.readdir(path.join(folder, dir ?? ''))).toHaveLength(4);

    fx.clock.advance(DAY);
    base = await save(name, 'v8', base);
    fx.clock.advance(DAY + 10 * MINUTE);
    await save(name, 'v9', base);
    // v4…v7 are now more than two days old; v8 is one day old.
    expect((await fx.services.versions.list(name)).map((v) => v.headline)).toEqual(['v9', 'v8']);
  });

  it('restores a version as a draft without writing anything', async () => {
    fx = await servicesFixture();
    const { name, hash } = await fx.services.drafts.create();
    const base = await save(name, 'First words', hash);
    fx.clock.advance(6 * MINUTE);
    await save(name, 'Later words', base);
    const [, older] = await fx.services.versions.list(name);
    const before = await fs.readFile(path.join(fx.workspace, name));
    // As saved: stamped with the time of that save and who saved it.
    const saved = sampleJson('First words');
    const savedBy = fx.services.settings.person();
    expect(JSON.parse(await fx.services.versions.restore(name, older?.id ?? ''))).toEqual({ ...saved, meta: { ...(saved.meta as object), updated: '2026-03-01T09:00:00.000Z', savedBy } });
    expect(await fs.readFile(path.join(fx.workspace, name))).toEqual(before);
    await expect(fx.services.versions.restore(name, '../../settings')).rejects.toMatchObject({ code: 'invalid-version' });
    await expect(fx.services.versions.restore(name, '0000000000000-000000000000')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps the versions attached across a rename, and detaches them from a trashed draft', async () => {
    fx = await servicesFixture();
    const { name, hash } = await fx.services.drafts.create();
    const base = await save(name, 'Before rename', hash);
    fx.clock.advance(6 * MINUTE);
    const renamedHash = await save(name, 'Still before', base);
    await fx.services.drafts.rename(name, 'budget.copydesk');
    expect((await fx.services.versions.list('budget.copydesk')).map((v) => v.headline)).toEqual(['Still before', 'Before rename']);
    expect(await fx.services.versions.list(name)).toEqual([]);
    fx.clock.advance(6 * MINUTE);
    await save('budget.copydesk', 'After rename', renamedHash);
    expect((await fx.services.versions.list('budget.copydesk')).map((v) => v.headline)).toEqual(['After rename', 'Still before', 'Before rename']);

    // A new draft that takes a trashed draft's name does not inherit its versions.
    await fx.services.drafts.trash('budget.copydesk');
    await fx.services.drafts.create('budget.copydesk');
    expect(await fx.services.versions.list('budget.copydesk')).toEqual([]);
  });

  it('stores versions outside the workspace, as plain draft files', async () => {
    fx = await servicesFixture();
    const { name, hash } = await fx.services.drafts.create();
    const saved = await save(name, 'Kept', hash);
    expect(await namesIn(fx.workspace)).toEqual([name]);
    const folder = path.join(fx.userData, 'versions');
    const [dir] = await fs.readdir(folder);
    const [snapshot] = await fs.readdir(path.join(folder, dir ?? ''));
    expect(sha256Hex(await fs.readFile(path.join(folder, dir ?? '', snapshot ?? '')))).toBe(saved);
  });
});
