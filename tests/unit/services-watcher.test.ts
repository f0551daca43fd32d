/**
 * The watcher with real `fs.watch` on a real folder: external edits and deletions are reported
 * (once, with the new hash); the app's own saves, renames and trashing are not; and an external
 * edit to a draft with unsaved changes leads to a conflict on save, never an overwrite.
 *
 * Absence of an event is shown without sleeping on a guess: after the app's own operation, a
 * second, external write to a sentinel draft is made, and its event awaited; events are examined
 * in the order of their debounce timers, so an event for the app's write would have come first.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDraft } from '../../shared/draft/format';
import { sha256Hex } from '../../electron/node/draft-file';
import type { ExternalChange } from '../../shared/ipc/channels';
import { sampleDraft, sampleChecked, servicesFixture, type ServicesFixture } from './helpers/services-fixtures';

let fx: ServicesFixture;
let events: ExternalChange[];
let waiters: { match: (e: ExternalChange) => boolean; resolve: (e: ExternalChange) => void }[];

beforeEach(async () => {
  fx = await servicesFixture();
  events = [];
  waiters = [];
  fx.services.watcher.onExternalChange((event) => {
    events.push(event);
    waiters = waiters.filter((w) => {
      if (!w.match(event)) return true;
      w.resolve(event);
      return false;
    });
  });
});
afterEach(async () => {
  await fx.cleanup();
});

/** The next event matching `match` (or one already received), failing after `ms`. */
function eventFor(match: (e: ExternalChange) => boolean, ms = 5000): Promise<ExternalChange> {
  const seen = events.find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching watcher event within ${String(ms)} ms; got ${JSON.stringify(events)}`)), ms);
    waiters.push({ match, resolve: (e) => (clearTimeout(timer), resolve(e)) });
  });
}

/** Writes a sentinel draft externally and waits for its event: everything before it has been examined. */
async function settle(): Promise<void> {
  const text = serializeDraft(sampleDraft(`sentinel ${String(Math.random())}`));
  await fs.writeFile(path.join(fx.workspace, 'sentinel.copydesk'), text);
  await eventFor((e) => e.name === 'sentinel.copydesk' && e.hash === sha256Hex(text));
  await fx.services.watcher.idle();
}

const about = (name: string): ExternalChange[] => events.filter((e) => e.name === name);

describe('watcher', () => {
  it('reports an external edit once, with the new hash, and never for the app’s own saves', async () => {
    const { name, hash } = await fx.services.drafts.create();
    let base = hash;
    for (let i = 0; i < 5; i++) {
      const result = await fx.services.drafts.save(name, sampleChecked(`own save ${String(i)}`), base);
      if (!result.ok) throw new Error('save failed');
      base = result.hash;
    }
    await settle();
    expect(about(name)).toEqual([]);

    const external = serializeDraft(sampleDraft('Edited in another editor'));
    await fs.writeFile(path.join(fx.workspace, name), external);
    expect(await eventFor((e) => e.name === name)).toEqual({ name, kind: 'changed', hash: sha256Hex(external) });
    await settle();
    expect(about(name)).toHaveLength(1);
  });

  it('an external edit while the draft has unsaved changes gives a conflict, never an overwrite or a reload', async () => {
    const opened = await fx.services.drafts.create();
    // The user types; the draft is unsaved. Meanwhile another program writes the file.
    const external = serializeDraft(sampleDraft('Their version'));
    await fs.writeFile(path.join(fx.workspace, opened.name), external);
    const event = await eventFor((e) => e.name === opened.name);
    expect(event.kind).toBe('changed');
    // The services reloaded nothing: the file is theirs, and saving ours is refused.
    const result = await fx.services.drafts.save(opened.name, sampleChecked('My unsaved version'), opened.hash);
    expect(result).toEqual({ ok: false, reason: 'conflict', diskHash: sha256Hex(external) });
    expect(await fs.readFile(path.join(fx.workspace, opened.name), 'utf8')).toBe(external);
  });

  it('reports an external deletion, but not the app’s own rename or trash', async () => {
    const a = await fx.services.drafts.create();
    const b = await fx.services.drafts.create();
    await fx.services.drafts.rename(a.name, 'renamed.copydesk');
    await fx.services.drafts.trash(b.name);
    await settle();
    expect(events.filter((e) => e.name !== 'sentinel.copydesk')).toEqual([]);

    await fs.rm(path.join(fx.workspace, 'renamed.copydesk'));
    expect(await eventFor((e) => e.name === 'renamed.copydesk')).toEqual({ name: 'renamed.copydesk', kind: 'deleted', hash: null });
  });

  it('reports drafts that other programs add, ignores other files and temporaries', async () => {
    await fs.writeFile(path.join(fx.workspace, 'notes.txt'), 'x');
    await fs.writeFile(path.join(fx.workspace, '.x.copydesk.1.ab.cd-tmp'), 'x');
    const text = serializeDraft(sampleDraft('Dropped in'));
    await fs.writeFile(path.join(fx.workspace, 'dropped.copydesk'), text);
    expect(await eventFor((e) => e.name === 'dropped.copydesk')).toEqual({ name: 'dropped.copydesk', kind: 'changed', hash: sha256Hex(text) });
    await settle();
    expect(events.map((e) => e.name).sort()).toEqual(['dropped.copydesk', 'sentinel.copydesk']);
  });

  it('follows a change of workspace folder', async () => {
    const other = path.join(fx.root, 'Elsewhere');
    await fs.mkdir(other);
    await fx.services.settings.setWorkspace(other);
    expect(fx.services.settings.workspaceFolder()).toBe(other);
    const text = serializeDraft(sampleDraft('Over there'));
    await fs.writeFile(path.join(other, 'there.copydesk'), text);
    expect(await eventFor((e) => e.name === 'there.copydesk')).toMatchObject({ kind: 'changed' });
    await expect(fx.services.settings.setWorkspace('relative/folder')).rejects.toMatchObject({ code: 'invalid-folder' });
    await expect(fx.services.settings.setWorkspace(path.join(fx.root, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
