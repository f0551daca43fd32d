/**
 * The session (renderer/app/session/document-session.ts) and a draft open in two places, against
 * a fake of the preload API with the main process's save rule (a changed base hash is a conflict)
 * and a lock that another person may hold: a draft opened read-only changes nothing, metadata
 * included; losing the lock saves what was typed and turns the window read-only; taking it over
 * brings the file as it is now and edits again; the base (the draft as last opened or saved)
 * follows the saves; "Merge their version" puts the other person's changes over mine as
 * suggestions by them, in one undoable step, and saves both.
 */
import { createHash } from 'node:crypto';
import { undo } from 'prosemirror-history';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDraft, serializeDraft, type Draft } from '../../shared/draft/format';
import type { CopydeskApi } from '../../shared/ipc/api';
import { sentText } from '../../shared/ipc/checked-draft';
import type { DraftAccess, LockHolder, OpenAccess, OpenedDraft } from '../../shared/ipc/channels';
import { reviewDataOf } from '../../shared/review/authors';
import { indexReview } from '../../shared/review/index';
import { DocumentSession } from '../../renderer/app/session/document-session';
import { isReadOnly } from '../../renderer/editor/read-only';
import { reviewModeOf } from '../../renderer/editor/review-mode';
import { article, draftOf, p } from './helpers/build';
import { ManualTimers } from './helpers/manual-timers';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const NAME = 'story.copydesk';
const ben: LockHolder = { id: 'ben-id', name: 'Ben Ortiz', machine: 'ben-mac', since: '2026-12-02T14:05:00.000Z', refreshed: '2026-12-02T14:05:00.000Z' };

/** One draft file in memory, and who holds its lock besides this window (null: nobody). */
class FakeMain {
  text = '';
  holder: LockHolder | null = null;
  readonly opens: (OpenAccess | 'edit')[] = [];

  constructor(readonly timers: ManualTimers) {}

  write(draft: Draft): void {
    this.text = serializeDraft(draft);
  }

  draft(): Draft {
    return parseDraft(this.text);
  }

  opened(access: DraftAccess): OpenedDraft {
    return { name: NAME, draft: this.text, hash: sha256(this.text), access };
  }

  api(): CopydeskApi {
    const drafts: Pick<CopydeskApi['drafts'], 'open' | 'save' | 'nameFromHeadline'> = {
      open: async ({ access = 'edit' }) => {
        this.opens.push(access);
        if (access === 'read-only') return this.opened({ kind: 'read-only', holder: this.holder });
        if (access === 'edit' && this.holder) return this.opened({ kind: 'held', holder: this.holder });
        this.holder = null;
        return this.opened({ kind: 'editing' });
      },
      save: async ({ draft, baseHash, force }) => {
        if (baseHash !== sha256(this.text) && force !== true) return { ok: false, reason: 'conflict', diskHash: sha256(this.text) };
        const parsed = parseDraft(sentText(draft));
        const updated = new Date(this.timers.now()).toISOString();
        this.write({ ...parsed, meta: { ...parsed.meta, updated, savedBy: { id: 'me-id', name: 'Mia Me' } } });
        return { ok: true, hash: sha256(this.text), updated };
      },
      nameFromHeadline: async ({ name }) => ({ name }),
    };
    const recovery: Pick<CopydeskApi['recovery'], 'record' | 'discard'> = { record: async () => undefined, discard: async () => undefined };
    return { drafts, recovery } as unknown as CopydeskApi;
  }
}

function story(...body: string[]): Draft {
  const draft = draftOf(article({ headline: 'Council approves budget', standfirst: 'What changes', body: body.map((text) => p(text)) }));
  return { ...draft, meta: { ...draft.meta, created: '2026-01-02T03:04:05.000Z', updated: '2026-01-02T03:04:05.000Z' } };
}

let sessions: DocumentSession[] = [];
afterEach(() => {
  for (const s of sessions) s.dispose();
  sessions = [];
});

function setup(access: DraftAccess, ...body: string[]): { main: FakeMain; session: DocumentSession; timers: ManualTimers } {
  const timers = new ManualTimers(Date.parse('2026-12-02T15:00:00.000Z'));
  const main = new FakeMain(timers);
  main.write(story(...(body.length ? body : ['The council voted on Tuesday.', 'The mayor spoke.'])));
  const session = new DocumentSession(main.api(), main.opened(access), { typography: false, timers });
  sessions.push(session);
  return { main, session, timers };
}

/** Types `text` at the end of body paragraph `index` (0: the first), as the view would. */
function type(session: DocumentSession, text: string, index = 0): boolean {
  const state = session.store.getState();
  let at = -1;
  let seen = 0;
  state.doc.descendants((node, pos) => {
    if (node.type.name !== 'paragraph') return !node.isTextblock;
    if (seen++ === index) at = pos + node.nodeSize - 1;
    return false;
  });
  return session.store.dispatch(state.tr.insertText(text, at));
}

const bodyText = (session: DocumentSession): string => session.store.getState().doc.textContent;

describe('a read-only session', () => {
  it('opens in Viewing and changes nothing, metadata neither', () => {
    const { session } = setup({ kind: 'read-only', holder: ben });
    expect(session.access.get()).toEqual({ kind: 'read-only', holder: ben, cause: 'asked' });
    expect(isReadOnly(session.store.getState())).toBe(true);
    expect(reviewModeOf(session.store.getState())).toBe('viewing');
    expect(type(session, ' Late edit.')).toBe(false);
    session.setMeta({ section: 'Politics' });
    expect(session.meta.get().section).toBe('');
    expect(session.saver.dirty).toBe(false);
  });

  it('follows the file when it changes on disk', async () => {
    const { main, session } = setup({ kind: 'read-only', holder: ben });
    main.write(story('Ben rewrote this.'));
    expect(session.saver.externalChange({ name: NAME, kind: 'changed', hash: sha256(main.text) })).toBe('reload');
    await session.reload();
    expect(bodyText(session)).toContain('Ben rewrote this.');
    expect(main.opens.at(-1)).toBe('read-only');
    expect(isReadOnly(session.store.getState())).toBe(true);
  });
});

describe('losing and taking over the lock', () => {
  it('saves what was typed, then refuses every change', async () => {
    const { main, session } = setup({ kind: 'editing' });
    expect(type(session, ' Unsaved words.')).toBe(true);
    main.holder = ben;
    expect(await session.lockLost(ben)).toBe(true);
    expect(main.draft().doc.textContent).toContain('Unsaved words.');
    expect(session.access.get()).toEqual({ kind: 'read-only', holder: ben, cause: 'taken' });
    expect(type(session, ' More.')).toBe(false);
  });

  it('what was typed meets their save: the conflict goes to the merge, which works in the read-only window', async () => {
    const { main, session } = setup({ kind: 'editing' });
    type(session, ' Unsaved words.');
    // Ben took it over and saved before this window heard.
    const theirs = story('The council voted on Tuesday.', 'Ben rewrote the second paragraph.');
    main.write({ ...theirs, meta: { ...theirs.meta, savedBy: { id: 'ben-id', name: 'Ben Ortiz' } } });
    main.holder = ben;
    expect(await session.lockLost(ben)).toBe(false);
    expect(session.saver.status.get()).toMatchObject({ kind: 'conflict', cause: 'save' });
    const outcome = await session.mergeTheirs();
    expect(outcome).toMatchObject({ author: 'Ben Ortiz', saved: true });
    const onDisk = main.draft();
    expect(onDisk.doc.textContent).toContain('Unsaved words.');
    expect(onDisk.doc.textContent).toContain('Ben rewrote the second paragraph.');
    // Still read-only: the merge was the app's own change, not the user's.
    expect(session.access.get()).toMatchObject({ kind: 'read-only', cause: 'taken' });
    expect(type(session, ' More.')).toBe(false);
  });

  it('takes it back: the file as it is now, editing again', async () => {
    const { main, session } = setup({ kind: 'read-only', holder: ben });
    main.write(story('Ben’s last save.'));
    await session.takeOver('editing', null);
    expect(main.holder).toBeNull();
    expect(session.access.get()).toEqual({ kind: 'editing' });
    expect(bodyText(session)).toContain('Ben’s last save.');
    expect(reviewModeOf(session.store.getState())).toBe('editing');
    expect(type(session, ' Mine now.')).toBe(true);
    expect(await session.saver.saveNow()).toBe(true);
    expect(main.draft().doc.textContent).toContain('Ben’s last save. Mine now.');
  });
});

describe('merging their version', () => {
  it('the base follows the saves', async () => {
    const { session } = setup({ kind: 'editing' });
    type(session, ' Saved.');
    await session.saver.saveNow();
    expect(session.baseDraft.doc.eq(session.store.getState().doc)).toBe(true);
  });

  it('both people’s words end in the file, theirs as suggestions by them, in one step of undo', async () => {
    const { main, session } = setup({ kind: 'editing' });
    // Ben saves a change to the second paragraph; this window types in the first.
    const theirs = story('The council voted on Tuesday.', 'The mayor spoke briefly.');
    main.write({ ...theirs, meta: { ...theirs.meta, savedBy: { id: 'ben-id', name: 'Ben Ortiz' } } });
    type(session, ' By nine votes to two.');
    expect(await session.saver.saveNow()).toBe(false);
    expect(session.saver.status.get()).toMatchObject({ kind: 'conflict' });

    const before = session.store.getState().doc;
    const outcome = await session.mergeTheirs(new Date('2026-12-02T15:01:00.000Z'));
    expect(outcome).toMatchObject({ author: 'Ben Ortiz', saved: true });
    expect(outcome.changes).toBeGreaterThan(0);
    const onDisk = main.draft();
    expect(onDisk.doc.textContent).toContain('By nine votes to two.');
    expect(onDisk.doc.textContent).toContain('briefly');
    const index = indexReview(onDisk.doc);
    expect(index.suggestions.length).toBeGreaterThan(0);
    expect(index.suggestions.every((s) => s.author === 'ben-id')).toBe(true);
    expect(reviewDataOf(onDisk.doc).authors['ben-id']?.name).toBe('Ben Ortiz');
    expect(session.saver.status.get()).toEqual({ kind: 'saved' });

    // One step of undo takes the merge back.
    const state = session.store.getState();
    undo(state, (tr) => session.store.dispatch(tr));
    expect(session.store.getState().doc.eq(before)).toBe(true);
  });
});
