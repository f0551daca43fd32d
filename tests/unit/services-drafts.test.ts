/**
 * The draft services on real files: create, open, save (with the conflict check), save as,
 * duplicate, rename, trash, the library listing and recent drafts.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_VERSION, parseDraft, serializeDraft } from '../../shared/draft/format';
import { sha256Hex } from '../../electron/node/draft-file';
import { ServiceError } from '../../electron/services/errors';
import { checkedJson, namesIn, sampleDraft, sampleChecked, sampleJson, servicesFixture, type ServicesFixture } from './helpers/services-fixtures';

let fx: ServicesFixture;
beforeEach(async () => {
  fx = await servicesFixture();
});
afterEach(async () => {
  await fx.cleanup();
});

const file = (name: string): string => path.join(fx.workspace, name);

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
  throw new Error('expected a ServiceError');
}

describe('workspace folder', () => {
  it('defaults to <Documents>/Copydesk and creates it', async () => {
    expect(fx.workspace).toBe(path.join(fx.documents, 'Copydesk'));
    expect((await fs.stat(fx.workspace)).isDirectory()).toBe(true);
  });
});

describe('create and open', () => {
  it('creates untitled.copydesk, then untitled-2.copydesk, writing each at once', async () => {
    const first = await fx.services.drafts.create();
    const second = await fx.services.drafts.create();
    expect([first.name, second.name]).toEqual(['untitled.copydesk', 'untitled-2.copydesk']);
    const bytes = await fs.readFile(file(first.name));
    expect(sha256Hex(bytes)).toBe(first.hash);
    expect(first.draft).toBe(bytes.toString('utf8'));
  });

  it('opens a draft with the hash of its bytes and lists it as recent', async () => {
    const text = serializeDraft(sampleDraft('Opened'));
    await fs.writeFile(file('story.copydesk'), text);
    const opened = await fx.services.drafts.open('story.copydesk');
    expect(opened.hash).toBe(sha256Hex(text));
    // The draft travels as its file's text.
    expect(opened.draft).toBe(text);
    expect(JSON.parse(opened.draft)).toMatchObject({ format: 'copydesk-draft', version: DRAFT_VERSION });
    expect(await fx.services.settings.recentDrafts()).toEqual([{ name: 'story.copydesk', openedAt: fx.clock.now().toISOString() }]);
  });

  it('says why a draft cannot be opened, naming it', async () => {
    await fs.writeFile(file('broken.copydesk'), '{"format": "copydesk-draft", "vers');
    const error = await rejection(fx.services.drafts.open('broken.copydesk'));
    expect(error.code).toBe('not-json');
    expect(error.message).toMatch(/^“broken\.copydesk” cannot be opened\. This file is not valid JSON/u);
    expect((await rejection(fx.services.drafts.open('gone.copydesk'))).message).toMatch(/no draft “gone\.copydesk”/u);
  });

  it.each(['../escape.copydesk', '/etc/passwd', 'a/b.copydesk', 'a\\b.copydesk', 'notes.txt', '.hidden.copydesk', '.copydesk', 'con.copydesk', 'x\u0000.copydesk'])(
    'refuses the name %j before touching the disk',
    async (name) => {
      const error = await rejection(fx.services.drafts.open(name));
      expect(error.code).toBe('invalid-name');
      await expect(fx.services.drafts.save(name, sampleChecked(), null)).rejects.toMatchObject({ code: 'invalid-name' });
    },
  );
});

describe('save', () => {
  it('saves when the file still holds what was read, stamped with the time of the save, and returns the new hash', async () => {
    const created = await fx.services.drafts.create();
    fx.clock.advance(60_000);
    const result = await fx.services.drafts.save(created.name, sampleChecked('Saved'), created.hash);
    const bytes = await fs.readFile(file(created.name));
    // The main process, which writes the file, stamps `updated` (whatever the renderer sent).
    expect(result).toEqual({ ok: true, hash: sha256Hex(bytes), updated: '2026-03-01T09:01:00.000Z' });
    expect(parseDraft(bytes.toString('utf8')).meta.updated).toBe('2026-03-01T09:01:00.000Z');
    expect(parseDraft(bytes.toString('utf8')).doc.firstChild?.textContent).toBe('Saved');
    // The next save goes from the new hash; the old one is stale.
    expect(await fx.services.drafts.save(created.name, sampleChecked('Again'), created.hash)).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('gives a conflict and writes nothing when the file changed on disk, even with the same size and time', async () => {
    const created = await fx.services.drafts.create();
    const before = await fs.stat(file(created.name));
    const external = serializeDraft(sampleDraft('Edited elsewhere'));
    await fs.writeFile(file(created.name), external);
    await fs.utimes(file(created.name), before.atime, before.mtime);
    const result = await fx.services.drafts.save(created.name, sampleChecked('Mine'), created.hash);
    expect(result).toEqual({ ok: false, reason: 'conflict', diskHash: sha256Hex(external) });
    expect(await fs.readFile(file(created.name), 'utf8')).toBe(external);
    const forced = await fx.services.drafts.save(created.name, sampleChecked('Mine'), created.hash, { force: true });
    expect(forced.ok).toBe(true);
    expect(parseDraft(await fs.readFile(file(created.name), 'utf8')).doc.firstChild?.textContent).toBe('Mine');
  });

  it('of two saves from the same base made at once, one wins and the other gets a conflict', async () => {
    const created = await fx.services.drafts.create();
    const results = await Promise.all([
      fx.services.drafts.save(created.name, sampleChecked('First'), created.hash),
      fx.services.drafts.save(created.name, sampleChecked('Second'), created.hash),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['ok', 'conflict']);
    expect(parseDraft(await fs.readFile(file(created.name), 'utf8')).doc.firstChild?.textContent).toBe('First');
  });

  it('gives a conflict with diskHash null when the file was deleted, and does not recreate it', async () => {
    const created = await fx.services.drafts.create();
    await fs.rm(file(created.name));
    expect(await fx.services.drafts.save(created.name, sampleChecked(), created.hash)).toEqual({ ok: false, reason: 'conflict', diskHash: null });
    expect(await namesIn(fx.workspace)).toEqual([]);
  });

  it('reports a vanished workspace folder as an error with what to do, not as a deletion', async () => {
    const created = await fx.services.drafts.create();
    await fs.rename(fx.workspace, `${fx.workspace}-moved`);
    const result = await fx.services.drafts.save(created.name, sampleChecked(), created.hash);
    expect(result).toMatchObject({ ok: false, reason: 'error', code: 'ENOENT' });
    if (result.ok || result.reason !== 'error') throw new Error('unreachable');
    expect(result.message).toMatch(/workspace folder is no longer there.*Your draft is still open and nothing on disk was changed\./su);
    // Forced, it still cannot write there; it does not create the folder.
    expect(await fx.services.drafts.save(created.name, sampleChecked(), created.hash, { force: true })).toMatchObject({ ok: false, reason: 'error', code: 'ENOENT' });
    await expect(fs.stat(fx.workspace)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses an invalid draft from the renderer with a message and writes nothing', async () => {
    const created = await fx.services.drafts.create();
    const bad = { ...sampleJson(), meta: { status: 'published' } };
    // The service takes only a checked draft (by type); the check refuses this one, naming the metadata.
    expect(() => checkedJson(bad)).toThrow(/metadata/u);
    // @ts-expect-error an unchecked draft cannot be passed to the service
    const unchecked = (): unknown => fx.services.drafts.save(created.name, bad, created.hash);
    expect(typeof unchecked).toBe('function');
    expect(sha256Hex(await fs.readFile(file(created.name)))).toBe(created.hash);
  });
});

describe('save as, duplicate, rename, trash', () => {
  it('save as writes a new draft and refuses a name that is taken', async () => {
    const created = await fx.services.drafts.create();
    const result = await fx.services.drafts.saveAs(created.name, sampleChecked('Copy'), 'copy.copydesk');
    expect(result).toMatchObject({ ok: true, name: 'copy.copydesk', updated: '2026-03-01T09:00:00.000Z' });
    expect(parseDraft(await fs.readFile(file('copy.copydesk'), 'utf8')).meta.updated).toBe('2026-03-01T09:00:00.000Z');
    const taken = await fx.services.drafts.saveAs(created.name, sampleChecked('Other'), 'copy.copydesk');
    expect(taken).toMatchObject({ ok: false, reason: 'error', code: 'EEXIST' });
    expect(parseDraft(await fs.readFile(file('copy.copydesk'), 'utf8')).doc.firstChild?.textContent).toBe('Copy');
    expect(sha256Hex(await fs.readFile(file(created.name)))).toBe(created.hash);
  });

  it('duplicate copies the bytes under a free name', async () => {
    await fs.writeFile(file('story.copydesk'), serializeDraft(sampleDraft()));
    const a = await fx.services.drafts.duplicate('story.copydesk');
    const b = await fx.services.drafts.duplicate('story.copydesk');
    expect([a.name, b.name]).toEqual(['story copy.copydesk', 'story copy 2.copydesk']);
    expect(await fs.readFile(file(a.name), 'utf8')).toBe(await fs.readFile(file('story.copydesk'), 'utf8'));
  });

  it('rename moves the file, refuses a taken name and keeps the recent entry', async () => {
    const created = await fx.services.drafts.create();
    await fx.services.drafts.create();
    expect(await fx.services.drafts.rename(created.name, 'budget.copydesk')).toEqual({ name: 'budget.copydesk' });
    expect(await namesIn(fx.workspace)).toEqual(['budget.copydesk', 'untitled-2.copydesk']);
    const taken = await rejection(fx.services.drafts.rename('budget.copydesk', 'untitled-2.copydesk'));
    expect(taken.code).toBe('EEXIST');
    expect(await namesIn(fx.workspace)).toEqual(['budget.copydesk', 'untitled-2.copydesk']);
    expect((await fx.services.settings.recentDrafts()).map((r) => r.name)).toEqual(['untitled-2.copydesk', 'budget.copydesk']);
    expect((await rejection(fx.services.drafts.rename('budget.copydesk', '../out.copydesk'))).code).toBe('invalid-name');
  });

  it('trash goes through the injected trash, never deleting', async () => {
    const created = await fx.services.drafts.create();
    await fx.services.drafts.trash(created.name);
    expect(fx.trashed).toEqual([file(created.name)]);
    expect(await namesIn(fx.workspace)).toEqual([]);
    expect(await namesIn(path.join(fx.root, 'trash'))).toEqual([`1-${created.name}`]);
    expect(await fx.services.settings.recentDrafts()).toEqual([]);
  });

  it('a failing trash leaves the draft where it is and says so', async () => {
    await fx.cleanup();
    fx = await servicesFixture({
      trash: () => Promise.reject(new Error('no trash on this volume')),
    });
    const created = await fx.services.drafts.create();
    const error = await rejection(fx.services.drafts.trash(created.name));
    expect(error.message).toMatch(/could not be moved to the trash \(no trash on this volume\)\. It was left where it is\./u);
    expect(await namesIn(fx.workspace)).toEqual([created.name]);
  });
});

describe('library listing', () => {
  it('summarises drafts without their documents, lists broken files with an error, and caches by mtime and size', async () => {
    await fs.writeFile(file('a.copydesk'), serializeDraft(sampleDraft('Alpha', 'one two three')));
    await fs.writeFile(file('b.copydesk'), 'not json');
    await fs.writeFile(file('notes.txt'), 'ignored');
    await fs.writeFile(file('.a.copydesk.123.abc.cd-tmp'), 'ignored temp');
    const list = await fx.services.workspace.list();
    expect(list.map((d) => d.name).sort()).toEqual(['a.copydesk', 'b.copydesk']);
    const a = list.find((d) => d.name === 'a.copydesk');
    expect(a).toMatchObject({ headline: 'Alpha', status: 'draft', words: 1 + 2 + 3 });
    expect(a).not.toHaveProperty('error');
    expect(Object.keys(a ?? {}).sort()).toEqual(['bytes', 'headline', 'name', 'status', 'updated', 'words']);
    expect(list.find((d) => d.name === 'b.copydesk')).toMatchObject({ status: null, error: expect.stringMatching(/not valid JSON/u) as string });

    // Summaries are cached by mtime and size: same size and mtime (whole seconds, so that they
    // round-trip exactly) serve the cached summary; a change of either reads the file again.
    await fs.utimes(file('a.copydesk'), 1_700_000_000, 1_700_000_000);
    expect((await fx.services.workspace.list()).find((d) => d.name === 'a.copydesk')?.headline).toBe('Alpha');
    await fs.writeFile(file('a.copydesk'), serializeDraft(sampleDraft('Gamma', 'one two three')));
    await fs.utimes(file('a.copydesk'), 1_700_000_000, 1_700_000_000);
    expect((await fx.services.workspace.list()).find((d) => d.name === 'a.copydesk')?.headline).toBe('Alpha');
    await fs.utimes(file('a.copydesk'), 1_700_000_001, 1_700_000_001);
    expect((await fx.services.workspace.list()).find((d) => d.name === 'a.copydesk')?.headline).toBe('Gamma');
    await fs.writeFile(file('a.copydesk'), serializeDraft(sampleDraft('Delta, longer', 'one two three')));
    await fs.utimes(file('a.copydesk'), 1_700_000_001, 1_700_000_001);
    expect((await fx.services.workspace.list()).find((d) => d.name === 'a.copydesk')?.headline).toBe('Delta, longer');
  });
});
