/**
 * Checkpoints (issue 13 §1, §3): the saved file kept as a named version at once, whatever the
 * spacing; an existing version named; names kept in a sidecar beside the immutable snapshots;
 * checkpoints never pruned with the time-spaced snapshots (only past MAX_CHECKPOINTS), carried by
 * a rename; each version's status and author (meta.savedBy); the API's calls and refusals.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDraft } from '../../shared/draft/format';
import { MAX_CHECKPOINTS } from '../../electron/services/versions';
import { LABELS_FILE } from '../../electron/services/version-labels';
import { createHarness, draftText } from './helpers/ipc-harness';
import { checkedJson, sampleChecked, sampleJson, servicesFixture, type ServicesFixture } from './helpers/services-fixtures';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let fx: ServicesFixture;
afterEach(async () => {
  await fx.cleanup();
});

/** Saves `headline` (and `status`) as the new content of draft `name`, from hash `base`; returns the new hash. */
async function save(name: string, headline: string, base: string, status?: 'ready-for-edit' | 'edited'): Promise<string> {
  const json = sampleJson(headline);
  const draft = status === undefined ? sampleChecked(headline) : checkedJson({ ...json, meta: { ...(json.meta as object), status } });
  const result = await fx.services.drafts.save(name, draft, base);
  if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result)}`);
  return result.hash;
}

const versionsDir = async (): Promise<string> => {
  const root = path.join(fx.userData, 'versions');
  const dirs = (await fs.readdir(root)).filter((d) => !d.includes('-detached-'));
  expect(dirs).toHaveLength(1);
  return path.join(root, dirs[0] as string);
};

describe('checkpoints', () => {
  it('keep the saved file now, whatever the spacing, with its status and author; the same text is named, not copied', async () => {
    fx = await servicesFixture();
    const { name, hash } = await fx.services.drafts.create();
    let base = await save(name, 'First', hash);
    fx.clock.advance(MINUTE);
    base = await save(name, 'Filed copy', base, 'ready-for-edit');
    // One minute after the first snapshot: no time-spaced version of this save.
    expect((await fx.services.versions.list(name)).map((v) => v.headline)).toEqual(['First']);
    const filed = await fx.services.versions.checkpoint(name, 'Filed');
    const me = fx.services.settings.person();
    expect(filed).toMatchObject({ label: 'Filed', headline: 'Filed copy', status: 'ready-for-edit', author: me, createdAt: '2026-03-01T09:01:00.000Z' });
    // Nothing saved since: a second checkpoint of the same name is the same version.
    expect(await fx.services.versions.checkpoint(name, 'Filed')).toEqual(filed);
    // Another name for the same text: a version of its own, so that neither name is lost.
    fx.clock.advance(MINUTE);
    const edited = await fx.services.versions.checkpoint(name, 'Edited');
    expect(edited.id).not.toBe(filed.id);
    const list = await fx.services.versions.list(name);
    expect(list.map((v) => [v.headline, v.label ?? null])).toEqual([
      ['Filed copy', 'Edited'],
      ['Filed copy', 'Filed'],
      ['First', null],
    ]);
    expect(list[2]).toMatchObject({ status: 'draft', author: me });
    // The draft file itself is untouched by a checkpoint.
    expect((await fx.services.drafts.open(name)).hash).toBe(base);
  });

  it('name the newest snapshot instead of copying it when it holds the saved text', async () => {
    fx = await servicesFixture();
    const { name, hash } = await fx.services.drafts.create();
    await save(name, 'Only', hash);
    const [snapshot] = await fx.services.versions.list(name);
    const named = await fx.services.versions.checkpoint(name, 'Before legal read');
    expect(named).toMatchObject({ id: snapshot?.id, label: 'Before legal read' });
    const files = (await fs.readdir(await versionsDir())).sort();
    expect(files).toEqual([`${snapshot?.id ?? ''}.copydesk`, LABELS_FILE]);
  });

  it('are kept when the time-spaced snapshots are pruned by count and by age', async () => {
    fx = await servicesFixture({ versionPolicy: { minSpacingMs: 5 * MINUTE, maxCount: 3, maxAgeMs: 2 * DAY } });
    const { name, hash } = await fx.services.drafts.create();
    let base = await save(name, 'v1', hash);
    await fx.services.versions.checkpoint(name, 'Filed');
    for (let i = 2; i <= 6; i++) {
      fx.clock.advance(6 * MINUTE);
      base = await save(name, `v${String(i)}`, base);
    }
    // Three time-spaced versions kept, and the checkpoint beyond them.
    expect((await fx.services.versions.list(name)).map((v) => `${v.headline}${v.label ? ` (${v.label})` : ''}`)).toEqual(['v6', 'v5', 'v4', 'v1 (Filed)']);
    fx.clock.advance(3 * DAY);
    await save(name, 'v7', base);
    expect((await fx.services.versions.list(name)).map((v) => v.label ?? v.headline)).toEqual(['v7', 'Filed']);
    // Pruning at start-up keeps it too.
    fx.clock.advance(30 * DAY);
    await fx.services.dispose();
    const again = await servicesFixture({ userDataDir: fx.userData, documentsDir: fx.documents, versionPolicy: { minSpacingMs: 5 * MINUTE, maxCount: 3, maxAgeMs: 2 * DAY } });
    try {
      again.clock.ms = fx.clock.ms;
      await expect.poll(async () => (await again.services.versions.list(name)).map((v) => v.label ?? v.headline)).toEqual(['Filed']);
    } finally {
      await again.cleanup();
    }
  });

  it(`are bounded apart: at most ${String(MAX_CHECKPOINTS)}, the oldest go first`, async () => {
    fx = await servicesFixture({ versionPolicy: { minSpacingMs: 0, maxCount: 50, maxAgeMs: 30 * DAY } });
    const { name, hash } = await fx.services.drafts.create();
    let base = hash;
    for (let i = 1; i <= MAX_CHECKPOINTS + 2; i++) {
      fx.clock.advance(1000);
      base = await save(name, `v${String(i)}`, base);
      await fx.services.versions.checkpoint(name, `c${String(i)}`);
    }
    const labels = (await fx.services.versions.list(name)).map((v) => v.label);
    expect(labels).toHaveLength(MAX_CHECKPOINTS);
    expect(labels.at(0)).toBe(`c${String(MAX_CHECKPOINTS + 2)}`);
    expect(labels.at(-1)).toBe('c3');
  }, 60_000);
});

describe('naming a version', () => {
  it('makes a time-spaced snapshot a checkpoint (kept when pruned); a new name replaces the old one', async () => {
    fx = await servicesFixture({ versionPolicy: { minSpacingMs: 5 * MINUTE, maxCount: 2, maxAgeMs: 30 * DAY } });
    const { name, hash } = await fx.services.drafts.create();
    let base = await save(name, 'v1', hash);
    const [first] = await fx.services.versions.list(name);
    const id = first?.id ?? '';
    expect(await fx.services.versions.label(name, id, 'Draft one')).toMatchObject({ id, label: 'Draft one', headline: 'v1' });
    // The listing (whose summaries are cached) sees each new name.
    expect((await fx.services.versions.list(name))[0]?.label).toBe('Draft one');
    await fx.services.versions.label(name, id, 'First filing');
    expect((await fx.services.versions.list(name))[0]?.label).toBe('First filing');
    for (let i = 2; i <= 5; i++) {
      fx.clock.advance(6 * MINUTE);
      base = await save(name, `v${String(i)}`, base);
    }
    expect((await fx.services.versions.list(name)).map((v) => v.label ?? v.headline)).toEqual(['v5', 'v4', 'First filing']);
    await expect(fx.services.versions.label(name, '0000000000000-000000000000', 'X')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps checkpoints and their names across a rename, and detaches them with a trash', async () => {
    fx = await servicesFixture();
    const { name, hash } = await fx.services.drafts.create();
    await save(name, 'Story', hash);
    await fx.services.versions.checkpoint(name, 'Filed');
    await fx.services.drafts.rename(name, 'story.copydesk');
    expect((await fx.services.versions.list('story.copydesk')).map((v) => v.label)).toEqual(['Filed']);
    expect(await fx.services.versions.list(name)).toEqual([]);
    await fx.services.drafts.trash('story.copydesk');
    expect(await fx.services.versions.list('story.copydesk')).toEqual([]);
    const detached = (await fs.readdir(path.join(fx.userData, 'versions'))).filter((d) => d.includes('-detached-'));
    expect(detached).toHaveLength(1);
    expect((await fs.readdir(path.join(fx.userData, 'versions', detached[0] as string))).sort()).toEqual([expect.stringMatching(/\.copydesk$/u) as string, LABELS_FILE]);
  });

  it('leaves the snapshots unpruned while the names cannot be read', async () => {
    fx = await servicesFixture({ versionPolicy: { minSpacingMs: 5 * MINUTE, maxCount: 1, maxAgeMs: 30 * DAY } });
    const { name, hash } = await fx.services.drafts.create();
    let base = await save(name, 'v1', hash);
    await fx.services.versions.checkpoint(name, 'Filed');
    await fs.writeFile(path.join(await versionsDir(), LABELS_FILE), '{ damaged');
    for (let i = 2; i <= 3; i++) {
      fx.clock.advance(6 * MINUTE);
      base = await save(name, `v${String(i)}`, base);
    }
    expect((await fx.services.versions.list(name)).map((v) => v.headline)).toEqual(['v3', 'v2', 'v1']);
    await expect(fx.services.versions.checkpoint(name, 'Edited')).rejects.toMatchObject({ code: 'unreadable' });
  });
});

describe('saves say who saved', () => {
  it('stamp meta.savedBy with this installation on save, save as and create; the reviewer’s name once given, the same id', async () => {
    fx = await servicesFixture({ userName: 'ana.garcia' });
    const id = fx.services.settings.authorId();
    const created = await fx.services.drafts.create();
    expect(parseDraft(created.draft).meta.savedBy).toEqual({ id, name: 'Ana Garcia' });
    await fx.services.settings.setReviewer({ name: 'Ana García', initials: 'AG' });
    expect(fx.services.settings.reviewer()?.id).toBe(id);
    const saved = await fx.services.drafts.save(created.name, sampleChecked('Story'), created.hash);
    expect(saved.ok).toBe(true);
    const opened = await fx.services.drafts.open(created.name);
    expect(parseDraft(opened.draft).meta.savedBy).toEqual({ id, name: 'Ana García' });
    const copy = await fx.services.drafts.saveAs(created.name, sampleChecked('Copy'), 'copy.copydesk');
    expect(copy.ok).toBe(true);
    expect(parseDraft((await fx.services.drafts.open('copy.copydesk')).draft).meta.savedBy).toEqual({ id, name: 'Ana García' });
  });

  it('keep one author id per installation, made once, before anyone is named', async () => {
    fx = await servicesFixture();
    const id = fx.services.settings.authorId();
    const settings = JSON.parse(await fs.readFile(path.join(fx.userData, 'settings.json'), 'utf8')) as { authorId?: string };
    expect(settings.authorId).toBe(id);
    await fx.services.dispose();
    const again = await servicesFixture({ userDataDir: fx.userData });
    try {
      expect(again.services.settings.authorId()).toBe(id);
    } finally {
      await again.cleanup();
    }
  });
});

describe('versions.checkpoint and versions.label through the API door', () => {
  it('answer the checkpoint; refuse an empty or multi-line name, a bad id, a path for a name', async () => {
    const h = await createHarness();
    try {
      const created = await h.call('drafts.create', undefined);
      if (!created.ok) return expect.unreachable('create failed');
      const { name, hash } = created.value as { name: string; hash: string };
      expect(await h.call('drafts.save', { name, draft: draftText('Filed story'), baseHash: hash })).toMatchObject({ ok: true });
      const checkpoint = await h.call('versions.checkpoint', { name, label: '  Filed ' });
      expect(checkpoint).toMatchObject({ ok: true, value: { label: 'Filed', headline: 'Filed story' } });
      if (!checkpoint.ok) return;
      const id = (checkpoint.value as { id: string }).id;
      expect(await h.call('versions.label', { name, id, label: 'Before legal read' })).toMatchObject({ ok: true, value: { id, label: 'Before legal read' } });
      for (const [channel, payload] of [
        ['versions.checkpoint', { name, label: '' }],
        ['versions.checkpoint', { name, label: 'a\nb' }],
        ['versions.checkpoint', { name, label: 'x'.repeat(101) }],
        ['versions.checkpoint', { name: '../x.copydesk', label: 'Filed' }],
        ['versions.checkpoint', { name }],
        ['versions.label', { name, id: '../../settings', label: 'X' }],
        ['versions.label', { name, id, label: 'X', extra: 1 }],
      ] as const) {
        expect(await h.call(channel, payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      }
    } finally {
      await h.dispose();
    }
  });
});
