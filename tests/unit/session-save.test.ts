/**
 * The session layer (renderer/app/session: DocumentSession, SaveController, and the
 * AutosaveScheduler under them) against a fake of the preload API: an in-memory workspace with
 * the main process's save rules (conflict on a changed base hash, `force`, the stamp of
 * `meta.updated`), a recovery journal, and failures on request. Time is a hand-driven clock.
 *
 * Covered: autosave and the stamp, a conflict (ours refused, or a change on disk) and keep mine,
 * a failed save pausing autosave while journalling goes on, the journal record discarded once
 * saved (also for a recovered draft and before the page unloads), reload theirs, and adopting a
 * file (save as, a reload with edits typed meanwhile), and a save still on its way when the file
 * changes (merge and reload wait for its answer; a stale refusal is no conflict).
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDraft, serializeDraft, type Draft } from '../../shared/draft/format';
import type { CopydeskApi } from '../../shared/ipc/api';
import { sentText } from '../../shared/ipc/checked-draft';
import type { OpenedDraft } from '../../shared/ipc/channels';
import { DocumentSession, type SessionOptions } from '../../renderer/app/session/document-session';
import type { SaveStatus } from '../../renderer/app/session/save-controller';
import { article, draftOf, p } from './helpers/build';
import { ManualTimers, settle } from './helpers/manual-timers';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** A workspace and recovery journal in memory, behind the API calls the session makes. */
class FakeMain {
  readonly files = new Map<string, string>();
  readonly journal = new Map<string, { name: string | null; text: string }>();
  readonly calls: string[] = [];
  /** The next saves fail with this message (a full disk), while set. */
  failSaves: string | null = null;
  /** The next save calls reject with this error (no answer from the main process), while set. */
  rejectSaves: Error | null = null;
  /** Resolves a held save as (its release). */
  private held: (() => void) | null = null;
  holdSaves = false;

  constructor(readonly timers: ManualTimers) {}

  write(name: string, draft: Draft): string {
    const text = serializeDraft(draft);
    this.files.set(name, text);
    return sha256(text);
  }

  hash(name: string): string | null {
    const text = this.files.get(name);
    return text === undefined ? null : sha256(text);
  }

  draft(name: string): Draft {
    const text = this.files.get(name);
    if (text === undefined) throw new Error(`no file ${name}`);
    return parseDraft(text);
  }

  /** What `drafts.open` returns for `name` (the one place that builds an `OpenedDraft`). */
  opened(name: string): OpenedDraft {
    const text = this.files.get(name);
    if (text === undefined) throw new Error(`no file ${name}`);
    return { name, draft: text, hash: this.hash(name) ?? '' };
  }

  release(): void {
    this.held?.();
    this.held = null;
  }

  private stampAndWrite(name: string, wire: string): { hash: string; updated: string } {
    const draft = parseDraft(wire);
    const updated = new Date(this.timers.now()).toISOString();
    return { hash: this.write(name, { ...draft, meta: { ...draft.meta, updated } }), updated };
  }

  readonly drafts: Pick<CopydeskApi['drafts'], 'open' | 'save' | 'saveAs' | 'rename' | 'nameFromHeadline'> = {
    open: async ({ name }) => {
      this.calls.push(`open ${name}`);
      return this.opened(name);
    },
    save: async ({ name, draft, baseHash, force }) => {
      this.calls.push(`save ${name}${force ? ' force' : ''}`);
      if (this.holdSaves) await new Promise<void>((resolve) => (this.held = resolve));
      if (this.rejectSaves) throw this.rejectSaves;
      if (this.failSaves !== null) return { ok: false, reason: 'error', code: 'ENOSPC', message: this.failSaves };
      const disk = this.hash(name);
      if (disk !== baseHash && force !== true) return { ok: false, reason: 'conflict', diskHash: disk };
      return { ok: true, ...this.stampAndWrite(name, sentText(draft)) };
    },
    saveAs: async ({ draft, newName }) => {
      this.calls.push(`saveAs ${newName}`);
      if (this.holdSaves) await new Promise<void>((resolve) => (this.held = resolve));
      if (this.files.has(newName)) return { ok: false, reason: 'error', code: 'EEXIST', message: 'taken' };
      return { ok: true, name: newName, ...this.stampAndWrite(newName, sentText(draft)) };
    },
    rename: async ({ name, newName }) => {
      this.calls.push(`rename ${name} ${newName}`);
      const text = this.files.get(name) ?? '';
      this.files.delete(name);
      this.files.set(newName, text);
      return { name: newName };
    },
    nameFromHeadline: async ({ name }) => {
      this.calls.push(`nameFromHeadline ${name}`);
      return { name };
    },
  };

  readonly recovery: Pick<CopydeskApi['recovery'], 'record' | 'discard'> = {
    record: async ({ key, name, draft }) => {
      this.calls.push(`record ${key}`);
      this.journal.set(key, { name, text: sentText(draft) });
    },
    discard: async ({ key }) => {
      this.calls.push(`discard ${key}`);
      this.journal.delete(key);
    },
  };

  /** The fake as the preload API (only the calls the session makes exist). */
  api(): CopydeskApi {
    return { drafts: this.drafts, recovery: this.recovery } as unknown as CopydeskApi;
  }

  count(prefix: string): number {
    return this.calls.filter((c) => c.startsWith(prefix)).length;
  }
}

const STARTED = '2026-01-02T03:04:05.000Z';

function storyDraft(body = 'The council voted on Tuesday.'): Draft {
  const draft = draftOf(article({ headline: 'Council approves budget', standfirst: 'What changes', body: [p(body)] }));
  return { ...draft, meta: { ...draft.meta, created: STARTED, updated: STARTED } };
}

interface Setup {
  readonly timers: ManualTimers;
  readonly main: FakeMain;
  readonly session: DocumentSession;
  readonly dirtyChanges: boolean[];
  readonly statuses: SaveStatus['kind'][];
}

let sessions: DocumentSession[] = [];
afterEach(() => {
  for (const s of sessions) s.dispose();
  sessions = [];
});

/** A session on "story.copydesk" (written to the fake workspace first). */
function setup(options: Partial<SessionOptions> = {}, name = 'story.copydesk'): Setup {
  const timers = new ManualTimers(Date.parse('2026-05-04T08:00:00.000Z'));
  const main = new FakeMain(timers);
  main.write(name, storyDraft());
  const dirtyChanges: boolean[] = [];
  const session = new DocumentSession(main.api(), main.opened(name), { typography: false, timers, onDirtyChange: (d) => dirtyChanges.push(d), ...options });
  sessions.push(session);
  const statuses: SaveStatus['kind'][] = [];
  session.saver.status.subscribe(() => statuses.push(session.saver.status.get().kind));
  return { timers, main, session, dirtyChanges, statuses };
}

/** Types `text` at the end of the headline, as the editor view would (one transaction). */
function type(session: DocumentSession, text: string): void {
  const state = session.store.getState();
  const end = state.doc.child(0).nodeSize - 1;
  const tr = state.tr.insertText(text, end);
  session.store.onTransaction(state.apply(tr), tr);
}

const headline = (draft: Draft): string => draft.doc.child(0).textContent;

describe('session: autosave and the stamp of updated', () => {
  it('journals within a second, saves after 1.5 s of quiet, and shows the time the main process stamped', async () => {
    const { timers, main, session, dirtyChanges, statuses } = setup();
    // The times `meta.updated` took (the slug following the headline changes the metadata too).
    const metaChanges: string[] = [];
    let shown = session.meta.get().updated;
    session.meta.subscribe(() => {
      if (session.meta.get().updated !== shown) metaChanges.push((shown = session.meta.get().updated));
    });
    type(session, ' now');
    expect(session.saver.dirty).toBe(true);
    expect(session.saver.status.get()).toEqual({ kind: 'unsaved' });
    await timers.advance(1000);
    expect(main.journal.get(session.saver.journalKey)).toBeDefined();
    // Serialising for the journal changes nothing the user sees.
    expect(metaChanges).toEqual([]);
    await timers.advance(1000);
    expect(main.count('save')).toBe(1);
    expect(headline(main.draft('story.copydesk'))).toBe('Council approves budget now');
    // Saved at 1.5 s after the edit: the file says so, and so does the session.
    const stamp = '2026-05-04T08:00:01.500Z';
    expect(main.draft('story.copydesk').meta.updated).toBe(stamp);
    expect(session.meta.get().updated).toBe(stamp);
    expect(metaChanges).toEqual([stamp]);
    expect(session.saver.dirty).toBe(false);
    expect(statuses).toEqual(['unsaved', 'saving', 'saved']);
    expect(dirtyChanges).toEqual([true, false]);
    // The record is not needed once the file holds everything.
    expect(main.journal.size).toBe(0);
    // The stamp is no edit: nothing more to save.
    await timers.advance(20_000);
    expect(main.count('save')).toBe(1);
  });

  it('a snapshot (export, journal) leaves the metadata as it is', () => {
    const { session } = setup();
    const before = session.meta.get();
    const sent = session.snapshot();
    expect(session.meta.get()).toBe(before);
    expect(parseDraft(sentText(sent)).meta.updated).toBe(STARTED);
  });

  it('metadata edits are edits: saved, and stamped', async () => {
    const { timers, main, session } = setup();
    session.setMeta({ section: 'City' });
    session.setMeta({ section: 'City' }); // Unchanged: no edit.
    expect(session.saver.editCount).toBe(1);
    await timers.advance(2000);
    expect(main.draft('story.copydesk').meta).toMatchObject({ section: 'City', updated: '2026-05-04T08:00:01.500Z' });
    expect(session.saver.dirty).toBe(false);
  });
});

describe('session: conflicts', () => {
  it('a save refused because the file changed on disk pauses autosave (journalling goes on); keep mine writes over it', async () => {
    const { timers, main, session } = setup();
    main.write('story.copydesk', storyDraft('Edited elsewhere.'));
    type(session, ' now');
    await timers.advance(2000);
    expect(session.saver.status.get()).toEqual({ kind: 'conflict', cause: 'save', deleted: false });
    expect(headline(main.draft('story.copydesk'))).toBe('Council approves budget');
    // Paused: more typing, no more saves; the journal keeps up.
    const journalled = main.count('record');
    type(session, ' and later');
    await timers.advance(30_000);
    expect(main.count('save')).toBe(1);
    expect(main.count('record')).toBeGreaterThan(journalled);
    expect(parseDraft(main.journal.get(session.saver.journalKey)?.text ?? '').doc.child(0).textContent).toBe('Council approves budget now and later');
    // Keep mine.
    expect(await session.saver.forceSave()).toBe(true);
    expect(main.calls.at(-2)).toBe('save story.copydesk force');
    expect(headline(main.draft('story.copydesk'))).toBe('Council approves budget now and later');
    expect(session.saver.status.get()).toEqual({ kind: 'saved' });
    expect(main.journal.size).toBe(0);
    // Autosave is back, from the new hash.
    type(session, '!');
    await timers.advance(2000);
    expect(headline(main.draft('story.copydesk'))).toBe('Council approves budget now and later!');
  });

  it('a deleted file is a conflict at the next save (nothing on disk)', async () => {
    const { timers, main, session } = setup();
    main.files.delete('story.copydesk');
    type(session, ' now');
    await timers.advance(2000);
    expect(session.saver.status.get()).toEqual({ kind: 'conflict', cause: 'save', deleted: true });
  });

  it('an external change: ignored when it is our own bytes or another draft, reloaded when clean, a conflict when dirty', async () => {
    const { timers, main, session } = setup();
    const mine = session.saver.identity.get().hash;
    expect(session.saver.externalChange({ name: 'story.copydesk', kind: 'changed', hash: mine })).toBe('ignore');
    expect(session.saver.externalChange({ name: 'other.copydesk', kind: 'changed', hash: 'x' })).toBe('ignore');
    expect(session.saver.externalChange({ name: 'story.copydesk', kind: 'changed', hash: 'theirs' })).toBe('reload');
    type(session, ' now');
    expect(session.saver.externalChange({ name: 'story.copydesk', kind: 'changed', hash: 'theirs' })).toBe('conflict');
    expect(session.saver.status.get()).toEqual({ kind: 'conflict', cause: 'external', deleted: false });
    await timers.advance(30_000);
    // Paused: no save over their version; the journal holds the edit.
    expect(main.count('save')).toBe(0);
    expect(main.journal.size).toBe(1);
    // A save now (menu Save) does not write over it either.
    expect(await session.saver.saveNow()).toBe(false);
    expect(main.count('save')).toBe(0);
  });
});

describe('session: a save on its way when the file changes', () => {
  /** A save held in the main process, then someone else's version written and reported: a conflict. */
  async function heldSaveThenTheirs(): Promise<Setup & { saving: Promise<boolean> }> {
    const setupped = setup();
    const { main, session } = setupped;
    type(session, ' mine');
    main.holdSaves = true;
    const saving = session.saver.saveNow();
    await settle();
    expect(main.count('save')).toBe(1);
    main.write('story.copydesk', storyDraft('Edited elsewhere.'));
    expect(session.saver.externalChange({ name: 'story.copydesk', kind: 'changed', hash: main.hash('story.copydesk') })).toBe('conflict');
    main.holdSaves = false;
    return { ...setupped, saving };
  }

  it('merge their version waits for its answer, and its refusal does not bring the conflict back', async () => {
    const { main, session, saving } = await heldSaveThenTheirs();
    const merging = session.mergeTheirs(new Date('2026-05-04T08:01:00.000Z'));
    await settle();
    // Their file is read only once the save on its way is answered.
    expect(main.count('open')).toBe(0);
    main.release();
    expect(await saving).toBe(false);
    expect((await merging).saved).toBe(true);
    expect(session.saver.status.get()).toEqual({ kind: 'saved' });
    const onDisk = main.draft('story.copydesk');
    expect(headline(onDisk)).toBe('Council approves budget mine');
    expect(onDisk.doc.textContent).toContain('Edited elsewhere.');
    expect(session.saver.identity.get().hash).toBe(main.hash('story.copydesk'));
  });

  it('reload theirs waits for its answer, and the window is then clean on their file', async () => {
    const { main, session, saving } = await heldSaveThenTheirs();
    const reloading = session.reload();
    await settle();
    expect(main.count('open')).toBe(0);
    main.release();
    await reloading;
    // The menu's Save that was on its way ends with a clean window (on their file).
    expect(await saving).toBe(true);
    expect(session.saver.status.get()).toEqual({ kind: 'saved' });
    expect(session.store.getState().doc.child(2).textContent).toBe('Edited elsewhere.');
    expect(session.saver.identity.get().hash).toBe(main.hash('story.copydesk'));
  });

  it('a refusal that arrives after the window took another base is not a conflict', async () => {
    const { main, session, saving } = await heldSaveThenTheirs();
    // As if the window had adopted their file while the save was on its way.
    session.saver.adopt({ name: 'story.copydesk', hash: main.hash('story.copydesk') ?? '' });
    main.release();
    await saving;
    expect(session.saver.status.get()).toEqual({ kind: 'saved' });
  });
});

describe('session: a failed save', () => {
  it('shows the message, pauses autosave while journalling goes on, and saves again on request', async () => {
    const { timers, main, session, statuses } = setup();
    main.failSaves = 'The disk is full.';
    type(session, ' now');
    await timers.advance(2000);
    expect(session.saver.status.get()).toEqual({ kind: 'error', message: 'The disk is full.' });
    expect(statuses).toEqual(['unsaved', 'saving', 'error']);
    type(session, ' more');
    await timers.advance(30_000);
    expect(main.count('save')).toBe(1);
    expect(parseDraft(main.journal.get(session.saver.journalKey)?.text ?? '').doc.child(0).textContent).toBe('Council approves budget now more');
    // Still failing: the retry says so again.
    expect(await session.saver.saveNow()).toBe(false);
    expect(session.saver.status.get()).toEqual({ kind: 'error', message: 'The disk is full.' });
    // Space freed: the retry saves, and autosave resumes.
    main.failSaves = null;
    expect(await session.saver.saveNow()).toBe(true);
    expect(session.saver.status.get()).toEqual({ kind: 'saved' });
    expect(main.journal.size).toBe(0);
    type(session, '!');
    await timers.advance(2000);
    expect(main.count('save')).toBe(4);
    expect(session.saver.dirty).toBe(false);
  });

  it('a rejected call (the main process gone) is an error too', async () => {
    const { timers, main, session } = setup();
    main.rejectSaves = new Error('The main process did not answer.');
    type(session, ' now');
    await timers.advance(2000);
    expect(session.saver.status.get()).toEqual({ kind: 'error', message: 'The main process did not answer.' });
  });
});

describe('session: the recovery journal', () => {
  it('a recovered draft keeps its record until it is saved, then discards it', async () => {
    const timers = new ManualTimers(Date.parse('2026-05-04T08:00:00.000Z'));
    const main = new FakeMain(timers);
    main.write('story.copydesk', storyDraft());
    main.journal.set('d-recovered', { name: 'story.copydesk', text: '{}' });
    const session = new DocumentSession(main.api(), main.opened('story.copydesk'), { typography: false, timers, journalKey: 'd-recovered', dirty: true });
    sessions.push(session);
    expect(session.saver.dirty).toBe(true);
    expect(session.saver.journalKey).toBe('d-recovered');
    await timers.advance(2000);
    expect(main.count('save')).toBe(1);
    expect(main.journal.has('d-recovered')).toBe(false);
  });

  it('before the page unloads: saves what is pending and forgets the record; in a conflict the record stays', async () => {
    const { main, session } = setup();
    type(session, ' now');
    expect(await session.saver.flushForUnload()).toBe(true);
    expect(headline(main.draft('story.copydesk'))).toBe('Council approves budget now');
    expect(main.journal.size).toBe(0);

    main.write('story.copydesk', storyDraft('Edited elsewhere.'));
    type(session, ' again');
    expect(await session.saver.flushForUnload()).toBe(false);
    expect(session.saver.status.get().kind).toBe('conflict');
    expect(parseDraft(main.journal.get(session.saver.journalKey)?.text ?? '').doc.child(0).textContent).toBe('Council approves budget now again');
  });

  it('discarding the edits forgets the record', async () => {
    const { timers, main, session } = setup();
    type(session, ' now');
    await timers.advance(1000);
    expect(main.journal.size).toBe(1);
    await session.saver.forgetJournal();
    expect(main.journal.size).toBe(0);
  });
});

describe('session: reload and adopt', () => {
  it('reload theirs: the file replaces the content and the metadata, clean, and autosave goes on from its hash', async () => {
    const { timers, main, session } = setup();
    const theirs = storyDraft('Edited elsewhere.');
    main.write('story.copydesk', { ...theirs, meta: { ...theirs.meta, section: 'Politics' } });
    type(session, ' mine');
    expect(session.saver.externalChange({ name: 'story.copydesk', kind: 'changed', hash: main.hash('story.copydesk') })).toBe('conflict');
    await session.reload();
    expect(session.store.getState().doc.child(2).textContent).toBe('Edited elsewhere.');
    expect(headline({ meta: session.meta.get(), doc: session.store.getState().doc })).toBe('Council approves budget');
    expect(session.meta.get().section).toBe('Politics');
    expect(session.saver.dirty).toBe(false);
    expect(session.saver.status.get()).toEqual({ kind: 'saved' });
    expect(session.saver.identity.get().hash).toBe(main.hash('story.copydesk'));
    type(session, ' later');
    await timers.advance(2000);
    expect(main.draft('story.copydesk').doc.child(0).textContent).toBe('Council approves budget later');
    expect(main.draft('story.copydesk').doc.child(2).textContent).toBe('Edited elsewhere.');
    expect(session.saver.status.get()).toEqual({ kind: 'saved' });
  });

  it('save as: the draft is the new file from now on, with its stamp; what is typed meanwhile stays unsaved and is saved there', async () => {
    const { timers, main, session } = setup();
    type(session, ' now');
    main.holdSaves = true;
    const saving = session.saver.saveAs('copy.copydesk');
    await settle();
    type(session, ' meanwhile');
    main.holdSaves = false;
    main.release();
    expect(await saving).toMatchObject({ ok: true, name: 'copy.copydesk' });
    expect(session.name).toBe('copy.copydesk');
    expect(session.meta.get().updated).toBe(main.draft('copy.copydesk').meta.updated);
    expect(headline(main.draft('copy.copydesk'))).toBe('Council approves budget now');
    expect(session.saver.dirty).toBe(true);
    await timers.advance(2000);
    expect(headline(main.draft('copy.copydesk'))).toBe('Council approves budget now meanwhile');
    // The original is left as it was.
    expect(headline(main.draft('story.copydesk'))).toBe('Council approves budget');
    expect(session.saver.dirty).toBe(false);
  });

  it('adopt clears a conflict; edits after the adopted edit stay dirty and are saved', async () => {
    const { timers, main, session } = setup();
    main.write('story.copydesk', storyDraft('Edited elsewhere.'));
    type(session, ' one');
    await timers.advance(2000);
    expect(session.saver.status.get().kind).toBe('conflict');
    const at = session.saver.editCount;
    type(session, ' two');
    // As if the draft up to edit `at` were what the file holds now.
    main.write('story.copydesk', main.draft('story.copydesk'));
    session.saver.adopt({ name: 'story.copydesk', hash: main.hash('story.copydesk') }, at);
    expect(session.saver.status.get()).toEqual({ kind: 'unsaved' });
    await timers.advance(2000);
    expect(session.saver.status.get()).toEqual({ kind: 'saved' });
    expect(headline(main.draft('story.copydesk'))).toBe('Council approves budget one two');
  });

  it('rename saves what is pending first, then renames; the file keeps its hash', async () => {
    const { main, session } = setup();
    type(session, ' now');
    expect(await session.rename('budget.copydesk')).toBe('budget.copydesk');
    expect(main.calls.filter((c) => c.startsWith('save') || c.startsWith('rename'))).toEqual(['save story.copydesk', 'rename story.copydesk budget.copydesk']);
    expect(session.name).toBe('budget.copydesk');
    expect(session.saver.identity.get().hash).toBe(main.hash('budget.copydesk'));
  });
});
