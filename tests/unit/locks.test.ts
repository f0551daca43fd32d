/**
 * Locks on real files (issue 13 §4): two installations (their own userData, hence author ids) on
 * one workspace folder, each with the controllable clock of the fixture. A lock is taken, refreshed,
 * stale after `LOCK_STALE_MS`, taken over (the loser hears `lockLost`), counted per window, removed
 * on release, window close, trash and quit, moved by a rename; one left by a crash blocks nobody
 * once stale; a link in its place is never followed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDraft } from '../../shared/draft/format';
import { LOCK_STALE_MS, type LockHolder } from '../../shared/ipc/channels';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import { lockFileName, readLock, type LockRecord } from '../../electron/services/lock-file';
import { createHarness } from './helpers/ipc-harness';
import { checkedJson, LOCK_FILE, sampleChecked, sampleJson, servicesFixture, tempDir, type ServicesFixture } from './helpers/services-fixtures';

const SECOND = 1000;

let fx: ServicesFixture;
let others: ServicesFixture[] = [];
afterEach(async () => {
  for (const other of others) await other.cleanup();
  others = [];
  await fx.cleanup();
});

/** Services of another installation on the same workspace (its own userData and clock, set to `fx`'s time). */
async function anotherInstallation(options: { machine?: string; userData?: string } = {}): Promise<ServicesFixture> {
  const other = await servicesFixture({ documentsDir: path.dirname(fx.workspace), lockRefreshMs: 0, machine: options.machine ?? 'desk-2', ...(options.userData ? { userDataDir: options.userData } : {}) });
  other.clock.ms = fx.clock.ms;
  others.push(other);
  return other;
}

const lockOf = async (name: string): Promise<LockRecord | null> => readLock(path.join(fx.workspace, lockFileName(name)));
const lockFiles = async (): Promise<string[]> => (await fs.readdir(fx.workspace)).filter((n) => LOCK_FILE.test(n)).sort();

async function createdName(services: AppServices): Promise<string> {
  return (await services.drafts.create()).name;
}

describe('a lock beside an open draft', () => {
  it('is taken on open and create, names this installation, and goes when the draft is released', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0, machine: 'desk-1' });
    const created = await fx.services.drafts.create();
    expect(created.access).toEqual({ kind: 'editing' });
    expect(await lockFiles()).toEqual([`.${created.name}.lock`]);
    const person = fx.services.settings.person();
    expect(await lockOf(created.name)).toMatchObject({
      format: 'copydesk-lock',
      version: 1,
      id: person.id,
      name: person.name,
      machine: 'desk-1',
      since: '2026-03-01T09:00:00.000Z',
      refreshed: '2026-03-01T09:00:00.000Z',
    });
    await fx.services.drafts.release(created.name);
    expect(await lockFiles()).toEqual([]);
    const opened = await fx.services.drafts.open(created.name);
    expect(opened.access).toEqual({ kind: 'editing' });
    expect(await lockFiles()).toEqual([`.${created.name}.lock`]);
    // The library and the watcher never list it.
    expect((await fx.services.workspace.list()).map((d) => d.name)).toEqual([created.name]);
  });

  it('is refreshed while held, keeping since; the refresh timer runs on its own', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0 });
    const name = await createdName(fx.services);
    fx.clock.advance(30 * SECOND);
    await fx.services.locks.refresh();
    expect(await lockOf(name)).toMatchObject({ since: '2026-03-01T09:00:00.000Z', refreshed: '2026-03-01T09:00:30.000Z' });

    // With a timer (20 ms here, LOCK_REFRESH_MS in the app), nobody needs to call refresh.
    const userData = await tempDir('timed');
    const timed = await createAppServices({ userDataDir: userData, documentsDir: path.dirname(fx.workspace), trash: () => Promise.resolve(), lockRefreshMs: 20 });
    try {
      const other = await createdName(timed);
      const first = (await lockOf(other))?.refreshed;
      await expect.poll(async () => (await lockOf(other))?.refreshed, { timeout: 5000 }).not.toBe(first);
    } finally {
      await timed.dispose();
      await fs.rm(userData, { recursive: true, force: true });
    }
  });

  it('makes another installation wait while fresh: held, nothing taken; read-only takes nothing', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0, machine: 'desk-1' });
    const name = await createdName(fx.services);
    const before = await lockOf(name);
    const other = await anotherInstallation();
    other.clock.advance(LOCK_STALE_MS - SECOND);
    const held = await other.services.drafts.open(name);
    const me = fx.services.settings.person();
    expect(held.access).toEqual({ kind: 'held', holder: { id: me.id, name: me.name, machine: 'desk-1', since: '2026-03-01T09:00:00.000Z', refreshed: '2026-03-01T09:00:00.000Z' } satisfies LockHolder });
    expect(await lockOf(name)).toEqual(before);
    const readOnly = await other.services.drafts.open(name, 'read-only');
    expect(readOnly.access).toMatchObject({ kind: 'read-only', holder: { id: me.id } });
    expect(await lockOf(name)).toEqual(before);
    // Releasing what it never held removes nothing.
    await other.services.drafts.release(name);
    expect(await lockOf(name)).toEqual(before);
  });

  it('is stale after LOCK_STALE_MS without a refresh (a crash): another installation takes it without asking', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0, machine: 'desk-1' });
    const name = await createdName(fx.services);
    // The app "crashes": nothing refreshes its lock any more, nothing removes it.
    const other = await anotherInstallation();
    other.clock.advance(LOCK_STALE_MS - 1);
    expect((await other.services.drafts.open(name)).access).toMatchObject({ kind: 'held' });
    other.clock.advance(1);
    expect((await other.services.drafts.open(name)).access).toEqual({ kind: 'editing' });
    expect(await lockOf(name)).toMatchObject({ id: other.services.settings.authorId(), machine: 'desk-2', since: '2026-03-01T09:02:30.000Z' });
    // The library shows the new holder, never the stale one.
    expect((await other.services.workspace.list())[0]?.holder).toMatchObject({ id: other.services.settings.authorId() });
  });

  it('left by a crash of this same installation is taken silently, even while fresh', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0, machine: 'desk-1' });
    const name = await createdName(fx.services);
    const left = await lockOf(name);
    // The same userData (same author id) on the same machine, started again after a crash.
    const restarted = await anotherInstallation({ machine: 'desk-1', userData: fx.userData });
    restarted.clock.advance(10 * SECOND);
    expect(restarted.services.settings.authorId()).toBe(fx.services.settings.authorId());
    expect((await restarted.services.drafts.open(name)).access).toEqual({ kind: 'editing' });
    expect((await lockOf(name))?.instance).not.toBe(left?.instance);
    // The same author id on another machine is someone else.
    const elsewhere = await anotherInstallation({ machine: 'laptop', userData: fx.userData });
    expect((await elsewhere.services.drafts.open(name)).access).toMatchObject({ kind: 'held', holder: { machine: 'desk-1' } });
  });

  it('is taken over on request; the one who had it hears lockLost at its next refresh and keeps the other’s lock', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0, machine: 'desk-1' });
    const lost: unknown[] = [];
    fx.services.locks.onLockLost((event) => lost.push(event));
    const name = await createdName(fx.services);
    const other = await anotherInstallation();
    other.clock.advance(20 * SECOND);
    expect((await other.services.drafts.open(name, 'take-over')).access).toEqual({ kind: 'editing' });
    const theirs = await lockOf(name);
    expect(theirs).toMatchObject({ id: other.services.settings.authorId(), since: '2026-03-01T09:00:20.000Z' });
    fx.clock.advance(30 * SECOND);
    await fx.services.locks.refresh();
    expect(lost).toEqual([{ name, holder: { id: theirs?.id, name: theirs?.name, machine: 'desk-2', since: theirs?.since, refreshed: theirs?.refreshed } }]);
    // No longer held here: refreshing again says nothing; releasing and quitting leave their lock.
    await fx.services.locks.refresh();
    expect(lost).toHaveLength(1);
    await fx.services.drafts.release(name);
    await fx.services.locks.windowClosed('window');
    expect(await lockOf(name)).toEqual(theirs);
    // Opening it again to edit: they hold it now.
    expect((await fx.services.drafts.open(name)).access).toMatchObject({ kind: 'held', holder: { machine: 'desk-2' } });
  });

  it('is not written again once its draft is gone (renamed or trashed by someone else)', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0 });
    const name = await createdName(fx.services);
    await fs.rename(path.join(fx.workspace, name), path.join(fx.workspace, 'moved-away.copydesk'));
    await fx.services.locks.refresh();
    expect(await lockFiles()).toEqual([]);
    await fx.services.locks.refresh();
    expect(await lockFiles()).toEqual([]);
  });

  it('is heard taken over at once through the watcher, before any refresh', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0, machine: 'desk-1' });
    const name = await createdName(fx.services);
    const lost = new Promise<{ name: string; holder: LockHolder }>((resolve) => {
      fx.services.locks.onLockLost(resolve);
    });
    const other = await anotherInstallation();
    await other.services.drafts.open(name, 'take-over');
    // Nobody calls refresh: the watcher saw the lock file change.
    expect(await lost).toEqual({ name, holder: expect.objectContaining({ machine: 'desk-2' }) as unknown });
  });

  it('reaches the windows as the lockLost event (as the shell wires it)', async () => {
    const h = await createHarness();
    try {
      const created = await h.call('drafts.create', undefined);
      if (!created.ok) return expect.unreachable('create failed');
      const name = (created.value as { name: string }).name;
      const events: unknown[] = [];
      h.events.on('lockLost', (payload) => events.push(payload));
      const lockFile = path.join(h.workspace(), lockFileName(name));
      const ours = (await readLock(lockFile)) as LockRecord;
      await fs.writeFile(lockFile, JSON.stringify({ ...ours, id: 'someone', name: 'Someone Else', instance: 'f'.repeat(16) }));
      await h.services.locks.refresh();
      expect(events).toEqual([{ name, holder: expect.objectContaining({ id: 'someone', name: 'Someone Else' }) as unknown }]);
    } finally {
      await h.dispose();
    }
  });
});

describe('windows of one installation', () => {
  it('count: the lock goes with the last window that releases it or closes', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0 });
    const name = (await fx.services.drafts.create(undefined, 'w1')).name;
    expect((await fx.services.drafts.open(name, 'edit', 'w2')).access).toEqual({ kind: 'editing' });
    await fx.services.drafts.release(name, 'w1');
    expect(await lockFiles()).toEqual([`.${name}.lock`]);
    await fx.services.drafts.release(name, 'w1'); // Twice: still one window less, not two.
    expect(await lockFiles()).toEqual([`.${name}.lock`]);
    await fx.services.locks.windowClosed('w2');
    expect(await lockFiles()).toEqual([]);
  });

  it('lose their locks when the app quits (dispose), and never leave one after a trash', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0 });
    const kept = await createdName(fx.services);
    const trashed = await createdName(fx.services);
    expect(await lockFiles()).toHaveLength(2);
    await fx.services.drafts.trash(trashed);
    expect(await lockFiles()).toEqual([`.${kept}.lock`]);
    await fx.services.dispose();
    expect(await lockFiles()).toEqual([]);
  });

  it('keep holding a renamed draft: the lock moves with it (rename and name from headline)', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0 });
    const name = await createdName(fx.services);
    const before = await lockOf(name);
    await fx.services.drafts.rename(name, 'budget.copydesk');
    expect(await lockFiles()).toEqual(['.budget.copydesk.lock']);
    expect((await lockOf('budget.copydesk'))?.since).toBe(before?.since);
    const created = await fx.services.drafts.create();
    const other = created.name;
    // Saved as the renderer does, keeping the automatic name.
    const json = sampleJson('Council approves budget');
    const saved = await fx.services.drafts.save(other, checkedJson({ ...json, meta: parseDraft(created.draft).meta }), created.hash);
    expect(saved.ok).toBe(true);
    const { name: renamed } = await fx.services.drafts.nameFromHeadline(other);
    expect(renamed).toBe('council-approves-budget.copydesk');
    expect(await lockFiles()).toEqual(['.budget.copydesk.lock', '.council-approves-budget.copydesk.lock']);
  });

  it('hold a draft saved under a new name, and release the old one', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0 });
    const name = await createdName(fx.services);
    const result = await fx.services.drafts.saveAs(name, sampleChecked('Copy'), 'copy.copydesk');
    expect(result.ok).toBe(true);
    expect(await lockFiles()).toEqual(['.copy.copydesk.lock']);
  });
});

describe('a lock that cannot be written or read', () => {
  it('is never followed through a link: the link is left alone and the draft opens unlocked, saying why', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0 });
    const name = await createdName(fx.services);
    await fx.services.drafts.release(name);
    const target = path.join(fx.root, 'elsewhere.txt');
    await fs.writeFile(target, 'not to be touched');
    const lockFile = path.join(fx.workspace, lockFileName(name));
    await fs.symlink(target, lockFile);
    const opened = await fx.services.drafts.open(name);
    expect(opened.access).toMatchObject({ kind: 'unlocked', reason: expect.stringMatching(/symbolic link.*not warned/u) as string });
    expect((await fs.lstat(lockFile)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(target, 'utf8')).toBe('not to be touched');
    // Another installation reads no lock through it either.
    const other = await anotherInstallation();
    expect((await other.services.drafts.open(name, 'read-only')).access).toEqual({ kind: 'read-only', holder: null });
    await fx.services.dispose();
    expect((await fs.lstat(lockFile)).isSymbolicLink()).toBe(true);
  });

  it('in a folder in its place, the draft opens unlocked', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0 });
    const name = await createdName(fx.services);
    await fx.services.drafts.release(name);
    await fs.mkdir(path.join(fx.workspace, lockFileName(name)));
    expect((await fx.services.drafts.open(name)).access).toMatchObject({ kind: 'unlocked' });
  });

  it('that is damaged or from far in the future holds nothing and is replaced', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0 });
    const name = await createdName(fx.services);
    await fx.services.drafts.release(name);
    const other = await anotherInstallation();
    const lockFile = path.join(fx.workspace, lockFileName(name));
    await fs.writeFile(lockFile, '{"format": "copydesk-lock", "version": 1');
    expect((await other.services.drafts.open(name)).access).toEqual({ kind: 'editing' });
    await other.services.drafts.release(name);
    const future = new Date(fx.clock.ms + 10 * 60 * SECOND).toISOString();
    await fs.writeFile(lockFile, JSON.stringify({ format: 'copydesk-lock', version: 1, id: 'someone', name: 'S', machine: 'm', instance: 'a'.repeat(16), since: future, refreshed: future }));
    expect((await fx.services.drafts.open(name)).access).toEqual({ kind: 'editing' });
    expect(await lockOf(name)).toMatchObject({ id: fx.services.settings.authorId() });
  });
});
