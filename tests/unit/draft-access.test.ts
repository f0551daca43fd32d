/**
 * A draft someone else has open, in the window: the access a session starts with
 * (renderer/app/session/access.ts) and the sentences that name the holder; the read-only editor
 * (renderer/editor/read-only.ts through `applyInMode`: text, comments and decisions refused, the
 * mode kept in Viewing, the app's own change let through); the metadata merged with the version
 * on disk (merge-meta.ts).
 */
import { TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import type { DraftMeta, StatusChange } from '../../shared/draft/meta';
import { newMeta } from '../../shared/draft/meta';
import type { LockHolder } from '../../shared/ipc/channels';
import { schema } from '../../shared/schema';
import { holderSentence, readOnlyTitle, sinceText, windowAccessOf } from '../../renderer/app/session/access';
import { mergeMeta } from '../../renderer/app/session/merge-meta';
import { createEditorState } from '../../renderer/editor/create-editor';
import { asAppChange, isReadOnly, setReadOnly } from '../../renderer/editor/read-only';
import { applyInMode, asReviewDecision, REFUSAL_MESSAGES, reviewModeOf, setReviewMode } from '../../renderer/editor/review-mode';
import { article, p } from './helpers/build';

const ben: LockHolder = { id: 'ben-id', name: 'Ben Ortiz', machine: 'ben-mac', since: '2026-12-02T14:05:00.000Z', refreshed: '2026-12-02T14:09:30.000Z' };

describe('the access a window holds a draft with', () => {
  it('maps what drafts.open said', () => {
    expect(windowAccessOf(undefined)).toEqual({ kind: 'editing' });
    expect(windowAccessOf({ kind: 'editing' })).toEqual({ kind: 'editing' });
    expect(windowAccessOf({ kind: 'unlocked', reason: 'the folder is read-only' })).toEqual({ kind: 'unlocked', reason: 'the folder is read-only' });
    expect(windowAccessOf({ kind: 'read-only', holder: ben })).toEqual({ kind: 'read-only', holder: ben, cause: 'asked' });
    expect(windowAccessOf({ kind: 'read-only', holder: null })).toEqual({ kind: 'read-only', holder: null, cause: 'asked' });
  });

  it('names who has it, where and since when', () => {
    const since = Date.parse(ben.since);
    expect(sinceText(ben.since, since + 20_000)).toMatch(/^just now \(.+\)$/u);
    expect(sinceText(ben.since, since + 60_000)).toMatch(/^1 minute ago \(/u);
    expect(sinceText(ben.since, since + 5 * 60_000)).toMatch(/^5 minutes ago \(/u);
    expect(sinceText(ben.since, since + 3 * 3_600_000)).toMatch(/^3 hours ago \(/u);
    expect(sinceText(ben.since, since + 3 * 86_400_000)).toMatch(/^on .*2026/u);
    expect(sinceText('not a date', since)).toBe('not a date');
    expect(holderSentence(ben, since + 5 * 60_000)).toMatch(/^Ben Ortiz has it open on ben-mac: opened 5 minutes ago \(.+\)\.$/u);
    expect(readOnlyTitle({ kind: 'read-only', holder: ben, cause: 'taken' })).toBe('Ben Ortiz took over this draft on ben-mac.');
    expect(readOnlyTitle({ kind: 'read-only', holder: ben, cause: 'asked' })).toBe('Read-only: Ben Ortiz has this draft open on ben-mac.');
  });
});

describe('a read-only editor', () => {
  const doc = article({ headline: 'Storm batters coast', body: [p('Three people died.')] });
  const readOnly = createEditorState(doc, { readOnly: true, review: { mode: 'viewing', reviewer: null } });

  it('refuses text, comments and decisions, and says why', () => {
    expect(isReadOnly(readOnly)).toBe(true);
    const typed = applyInMode(readOnly, readOnly.tr.insertText('x', 2));
    expect(typed.outcome).toMatchObject({ ok: false, reason: 'read-only', message: REFUSAL_MESSAGES['read-only'] });
    expect(typed.state.doc.eq(doc)).toBe(true);
    // Viewing alone takes a comment; a read-only draft does not.
    const viewing = createEditorState(doc, { review: { mode: 'viewing', reviewer: null } });
    expect(applyInMode(viewing, viewing.tr.addMark(2, 6, schema.mark('comment', { thread: 'th1' }))).outcome.ok).toBe(true);
    expect(applyInMode(readOnly, readOnly.tr.addMark(2, 6, schema.mark('comment', { thread: 'th1' }))).outcome).toMatchObject({ ok: false, reason: 'read-only' });
    expect(applyInMode(readOnly, asReviewDecision(readOnly.tr.insertText('x', 2))).outcome.ok).toBe(false);
  });

  it('lets the selection move and the app’s own change through', () => {
    const moved = applyInMode(readOnly, readOnly.tr.setSelection(TextSelection.create(readOnly.doc, 3)));
    expect(moved.outcome.ok).toBe(true);
    const merged = applyInMode(readOnly, asAppChange(readOnly.tr.insertText('Big ', 1)));
    expect(merged.outcome.ok).toBe(true);
    expect(merged.state.doc.child(0).textContent).toBe('Big Storm batters coast');
  });

  it('stays in Viewing until it is no longer read-only', () => {
    expect(setReviewMode('editing')(readOnly)).toBe(false);
    expect(setReviewMode('viewing')(readOnly)).toBe(true);
    let state = readOnly;
    setReadOnly(false)(state, (tr) => (state = state.apply(tr)));
    expect(isReadOnly(state)).toBe(false);
    setReviewMode('editing')(state, (tr) => (state = state.apply(tr)));
    expect(reviewModeOf(state)).toBe('editing');
    expect(applyInMode(state, state.tr.insertText('x', 2)).outcome.ok).toBe(true);
  });
});

describe('the metadata merged with the version on disk', () => {
  const base: DraftMeta = { ...newMeta(new Date('2026-12-02T09:00:00Z')), slug: 'storm', section: 'News', tags: ['weather'] };
  const change = (at: string, by: string, from: StatusChange['from'], to: StatusChange['to']): StatusChange => ({ at, by: { id: by, name: by }, from, to });

  it('takes what only one side changed, mine where both did, and their stamps', () => {
    const mine: DraftMeta = { ...base, section: 'Local', tags: ['weather', 'coast'] };
    const theirs: DraftMeta = { ...base, slug: 'storm-coast', tags: ['storm'], updated: '2026-12-02T10:00:00.000Z', savedBy: { id: 'ben', name: 'Ben Ortiz' } };
    expect(mergeMeta(base, mine, theirs)).toEqual({ ...base, section: 'Local', slug: 'storm-coast', tags: ['weather', 'coast'], updated: '2026-12-02T10:00:00.000Z', savedBy: { id: 'ben', name: 'Ben Ortiz' } });
  });

  it('keeps every change of status either side recorded, in time order', () => {
    const filed = change('2026-12-02T09:30:00.000Z', 'rita', 'draft', 'ready-for-edit');
    const logged: DraftMeta = { ...base, statusLog: [filed] };
    const mine: DraftMeta = { ...logged, status: 'edited', statusLog: [filed, change('2026-12-02T10:30:00.000Z', 'ed', 'ready-for-edit', 'edited')] };
    const theirs: DraftMeta = { ...logged, status: 'revise', statusLog: [filed, change('2026-12-02T10:10:00.000Z', 'ben', 'ready-for-edit', 'revise')] };
    const merged = mergeMeta(logged, mine, theirs);
    expect(merged.status).toBe('edited');
    expect(merged.statusLog?.map((c) => c.by.id)).toEqual(['rita', 'ben', 'ed']);
    // One side only: that side's log as it is.
    expect(mergeMeta(logged, logged, theirs).statusLog).toEqual(theirs.statusLog);
  });
});
