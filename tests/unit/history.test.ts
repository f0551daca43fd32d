// The History panel's logic without a browser: the timeline of versions and changes of status,
// the words of its entries and of the compare view, stepping through changes, checkpoint names,
// restoring a version as one undoable transaction (refused in Viewing mode), and the read-only
// view's highlight.
import { promises as fs } from 'node:fs';
import { undo } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import type { CompareChange } from '../../shared/compare/types';
import type { StatusChange } from '../../shared/draft/meta';
import { parseDraft } from '../../shared/draft/format';
import type { VersionSummary } from '../../shared/ipc/channels';
import { changeAnnouncement, stepChange, summaryNotes } from '../../renderer/app/history/compare-text';
import { canRestore, restoreTransaction } from '../../renderer/app/history/restore';
import { labelProblem, statusChangeText, timeline, versionDetails, versionName } from '../../renderer/app/history/timeline';
import { createEditorState } from '../../renderer/editor/create-editor';
import { createReadOnlyState, highlightOf, setHighlight } from '../../renderer/editor/read-only-view';
import { applyInMode, reviewModeOf, setReviewMode } from '../../renderer/editor/review-mode';

const ann = { id: 'ann-1', name: 'Ann Reporter' };
const ed = { id: 'ed-2', name: 'Ed Itor' };
const version = (id: string, createdAt: string, extra: Partial<VersionSummary> = {}): VersionSummary => ({ id, createdAt, words: 1234, headline: 'H', status: 'draft', author: ann, ...extra });
const change = (from: StatusChange['from'], to: StatusChange['to'], at: string, by = ann): StatusChange => ({ from, to, at, by });

describe('timeline', () => {
  it('puts versions and changes of status in one list, newest first; a change of status above the version saved with it', () => {
    const versions = [version('v3', '2026-12-02T12:00:00.000Z', { label: 'Filed' }), version('v2', '2026-12-02T11:00:00.000Z'), version('v1', '2026-12-02T10:00:00.000Z')];
    const log = [change('draft', 'ready-for-edit', '2026-12-02T12:00:00.000Z'), change('ready-for-edit', 'revise', '2026-12-02T12:30:00.000Z', ed)];
    const entries = timeline(versions, log);
    expect(entries.map((e) => (e.kind === 'version' ? e.version.id : `${e.change.from}>${e.change.to}`))).toEqual(['ready-for-edit>revise', 'draft>ready-for-edit', 'v3', 'v2', 'v1']);
    expect(timeline([], [])).toEqual([]);
  });

  it('says who, how many words and which status; a checkpoint by its name; an unreadable version why', () => {
    expect(versionDetails(version('v', '2026-12-02T10:00:00.000Z', { status: 'ready-for-edit' }))).toBe('Ann Reporter · 1,234 words · Ready for edit');
    expect(versionDetails(version('v', '2026-12-02T10:00:00.000Z', { author: null, status: null, words: 1 }))).toBe('Unknown author · 1 word');
    expect(versionDetails(version('v', '2026-12-02T10:00:00.000Z', { error: 'not JSON' }))).toBe('Cannot be read: not JSON');
    expect(versionName(version('v', 'T', { label: 'Before legal read' }), () => 'x')).toBe('Before legal read');
    expect(versionName(version('v', 'T'), (iso) => `at ${iso}`)).toBe('Version of at T');
    expect(statusChangeText(change('edited', 'approved', 'T', ed))).toBe('Ed Itor: Edited → Approved');
  });

  it('checks a checkpoint name by the rule the main process applies', () => {
    expect(labelProblem('Before legal read')).toBeNull();
    expect(labelProblem('   ')).toMatch(/^A checkpoint needs a name\.$/u);
    expect(labelProblem('x'.repeat(101))).not.toBeNull();
    expect(labelProblem('two\nlines')).not.toBeNull();
  });
});

describe('compare view words and steps', () => {
  const changes: CompareChange[] = [
    { kind: 'text', description: 'Replaced “Safety” → “Security”', block: { old: 1, new: 1 }, from: 1, to: 10, deleted: 'Safety', inserted: 'Security' },
    { kind: 'block-moved', description: 'Moved paragraph', block: { old: 3, new: 9 }, from: 50, to: 80, deleted: '', inserted: '' },
  ];
  it('announces the current change with its place', () => {
    expect(changeAnnouncement(changes, 0)).toBe('Change 1 of 2, ¶1: Replaced “Safety” → “Security”');
    expect(changeAnnouncement(changes, 1)).toBe('Change 2 of 2, ¶3 → ¶9: Moved paragraph');
    expect(changeAnnouncement(changes, 2)).toBe('');
  });
  it('steps forward and back, wrapping, from no current change', () => {
    expect(stepChange(3, -1, 1)).toBe(0);
    expect(stepChange(3, -1, -1)).toBe(2);
    expect(stepChange(3, 2, 1)).toBe(0);
    expect(stepChange(3, 0, -1)).toBe(2);
    expect(stepChange(0, -1, 1)).toBe(-1);
  });
  it('notes blocks compared whole and pending suggestions', () => {
    expect(summaryNotes({ coarse: [], pending: { old: 0, new: 0 } })).toEqual([]);
    const notes = summaryNotes({ coarse: [{ block: 12, reason: 'paragraph 12 is too long' }], pending: { old: 2, new: 0 } });
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('paragraph 12 is too long');
    expect(notes[1]).toContain('2');
  });
});

const seed = parseDraft(await fs.readFile(new URL('../fixtures/seed-article.copydesk', import.meta.url), 'utf8')).doc;
/** An older version: another headline, a paragraph fewer, review data on the doc. */
const older = ((): PMNode => {
  const state = createEditorState(seed);
  const tr = state.tr.insertText('An older headline', 1, seed.child(0).nodeSize - 1);
  const third = tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize;
  tr.delete(third, third + tr.doc.child(2).nodeSize);
  tr.setDocAttribute('review', { authors: { 'ed-2': { name: 'Ed Itor', initials: 'EI' } }, threads: [] });
  return tr.doc;
})();

describe('restoring a version', () => {
  it('replaces the article in one transaction that one undo takes back', () => {
    expect(seed.eq(older)).toBe(false);
    const state = createEditorState(seed);
    const restored = state.apply(restoreTransaction(state, older));
    expect(restored.doc.eq(older)).toBe(true);
    let back = restored;
    expect(undo(restored, (tr) => (back = restored.apply(tr)))).toBe(true);
    expect(back.doc.eq(seed)).toBe(true);
  });

  it('applies as a plain change in Suggesting mode (a decision, not a suggestion), and is refused in Viewing', () => {
    const reviewer = { id: 'ed-2', name: 'Ed Itor', initials: 'EI' };
    const suggesting = createEditorState(seed, { review: { mode: 'suggesting', reviewer } });
    const { state, outcome } = applyInMode(suggesting, restoreTransaction(suggesting, older));
    expect(outcome.ok).toBe(true);
    expect(state.doc.eq(older)).toBe(true);
    const viewing = createEditorState(seed, { review: { mode: 'viewing', reviewer: null } });
    expect(applyInMode(viewing, restoreTransaction(viewing, older)).outcome).toMatchObject({ ok: false, reason: 'viewing' });
  });

  it('is refused in Viewing mode, allowed in Editing and Suggesting', () => {
    const state = createEditorState(seed);
    expect(canRestore(state)).toBe(true);
    let viewing = state;
    setReviewMode('viewing')(state, (tr) => (viewing = state.apply(tr)));
    expect(reviewModeOf(viewing)).toBe('viewing');
    expect(canRestore(viewing)).toBe(false);
    const suggesting = createEditorState(seed, { review: { mode: 'suggesting', reviewer: { id: 'ed-2', name: 'Ed Itor', initials: 'EI' } } });
    expect(canRestore(suggesting)).toBe(true);
  });
});

describe('the read-only view', () => {
  it('starts in Viewing mode and highlights one range: a whole block as a node, text inline', () => {
    const state = createReadOnlyState(seed);
    expect(reviewModeOf(state)).toBe('viewing');
    expect(highlightOf(state).find()).toHaveLength(0);
    const headline = seed.child(0);
    // The whole headline: one node decoration on the block.
    const block = state.apply(setHighlight(state.tr, { from: 0, to: headline.nodeSize }));
    expect(block.doc).toBe(seed);
    expect(highlightOf(block).find().map((d) => [d.from, d.to])).toEqual([[0, headline.nodeSize]]);
    // Three characters of it: one inline decoration, the cursor at its start.
    const lit = state.apply(setHighlight(state.tr, { from: 2, to: 5 }));
    expect(highlightOf(lit).find().map((d) => [d.from, d.to])).toEqual([[2, 5]]);
    expect(lit.selection.from).toBe(2);
    // The headline's whole text (a text node inside the range): inline too, not a node decoration.
    const text = state.apply(setHighlight(state.tr, { from: 1, to: headline.nodeSize - 1 }));
    expect(highlightOf(text).find().map((d) => [d.from, d.to])).toEqual([[1, headline.nodeSize - 1]]);
    // (`inline` is the decoration's own flag, internal to prosemirror-view's types.)
    const isInline = (d: unknown): boolean => (d as { inline: boolean }).inline;
    expect(highlightOf(text).find().map(isInline)).toEqual([true]);
    expect(highlightOf(block).find().map(isInline)).toEqual([false]);
    const off = lit.apply(setHighlight(lit.tr, null));
    expect(highlightOf(off).find()).toHaveLength(0);
  });
});
