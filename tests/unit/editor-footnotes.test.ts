/**
 * The footnote plugin: numbers by first citation kept up to date incrementally (equal to
 * shared/footnotes.ts's full walk after any edit), typing that costs no renumbering, citing
 * and undoing as one step, uncited sources flagged rather than deleted, and sources carried by
 * a paste merged in the same undo step.
 */
import fc from 'fast-check';
import { redo, undo, undoDepth } from 'prosemirror-history';
import { Fragment, Slice } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, test } from 'vitest';
import { indexFootnotes } from '../../shared/footnotes';
import { schema } from '../../shared/schema';
import { createSourceAndCite, insertCitation, removeSource } from '../../renderer/editor/commands';
import { createEditorState } from '../../renderer/editor/create-editor';
import { carry } from '../../renderer/editor/carried-data';
import { footnotesOf } from '../../renderer/editor/footnote-plugin';
import type { FootnoteState } from '../../renderer/editor/footnote-state';
import { arbDoc } from './helpers/arbitrary-doc';
import { article, cite, p, source } from './helpers/build';
import { arbEdits, runEdits } from './editor-random-edits';

function apply(state: EditorState, make: (tr: Transaction) => Transaction): EditorState {
  return state.apply(make(state.tr));
}

function run(state: EditorState, command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = state.applyTransaction(tr).state))).toBe(true);
  return next;
}

function numbers(state: EditorState): Record<string, number> {
  return Object.fromEntries(footnotesOf(state).numbers);
}

/** The plugin's index must say what a full walk says. */
function expectMatchesFullWalk(state: EditorState): void {
  const footnotes: FootnoteState = footnotesOf(state);
  const index = indexFootnotes(state.doc);
  expect([...footnotes.numbers]).toEqual([...index.numbers]);
  expect(footnotes.citations()).toEqual(index.citations);
  expect(footnotes.ordered.map((s) => [s.id, s.number, s.citations])).toEqual(index.sources.map((s) => [s.id, s.number, s.citations]));
  for (const entry of index.sources) expect(footnotes.sourcePos(state.doc, entry.id)).toBe(index.byId.get(entry.id)?.pos);
}

const sources = [source('a', { title: 'Alpha' }), source('b', { title: 'Beta' }), source('c', { title: 'Gamma' })];

function sample(): EditorState {
  return createEditorState(article({ headline: 'H', body: [p('One ', cite('a'), ' two.'), p('Three ', cite('b'), ' four ', cite('a'))], sources }));
}

/** Position just inside the start of top-level block `index`. */
function startOf(state: EditorState, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += state.doc.child(i).nodeSize;
  return pos + 1;
}

describe('numbering', () => {
  test('numbers follow first citation, and inserting a citation at the start renumbers', () => {
    let state = sample();
    expect(numbers(state)).toEqual({ a: 1, b: 2 });
    state = apply(state, (tr) => tr.insert(startOf(state, 2), cite('b')));
    expect(numbers(state)).toEqual({ b: 1, a: 2 });
    expectMatchesFullWalk(state);
  });

  test('deleting the first citation of a source renumbers', () => {
    let state = sample();
    const pos = footnotesOf(state).citations()[0]!.pos;
    state = apply(state, (tr) => tr.delete(pos, pos + 1));
    expect(numbers(state)).toEqual({ b: 1, a: 2 });
    expectMatchesFullWalk(state);
  });

  test('moving a paragraph with citations to the end renumbers', () => {
    let state = sample();
    const first = state.doc.child(2);
    const from = startOf(state, 2) - 1;
    state = apply(state, (tr) => {
      tr.delete(from, from + first.nodeSize);
      const end = tr.doc.content.size - tr.doc.lastChild!.nodeSize;
      return tr.insert(end, first);
    });
    expect(numbers(state)).toEqual({ b: 1, a: 2 });
    expectMatchesFullWalk(state);
  });

  test('re-pointing a citation at another source renumbers', () => {
    let state = sample();
    const pos = footnotesOf(state).citations()[0]!.pos;
    state = apply(state, (tr) => tr.setNodeAttribute(pos, 'source', 'c'));
    expect(numbers(state)).toEqual({ c: 1, b: 2, a: 3 });
    expectMatchesFullWalk(state);
  });

  test('typing costs no renumbering, and positions stay right however many keys are queued', () => {
    let state = sample();
    const before = footnotesOf(state);
    for (let i = 0; i < 150; i++) {
      const at = startOf(state, 3) + 2;
      state = apply(state, (tr) => tr.insertText('x', at));
      expect(footnotesOf(state).recomputes).toBe(before.recomputes);
      expect(footnotesOf(state).sameAs(before)).toBe(true);
    }
    expectMatchesFullWalk(state);
  });

  test('formatting and changing block types cost no renumbering', () => {
    let state = sample();
    const before = footnotesOf(state).recomputes;
    const at = startOf(state, 2);
    state = apply(state, (tr) => tr.addMark(at, at + 3, schema.mark('strong')).setBlockType(at, at, schema.nodes.heading!, { level: 2 }));
    expect(footnotesOf(state).recomputes).toBe(before);
    expectMatchesFullWalk(state);
  });

  test('after any random edits, the index equals a full walk (property)', () => {
    fc.assert(
      fc.property(arbDoc, arbEdits, (doc, edits) => {
        runEdits(createEditorState(doc), edits, expectMatchesFullWalk);
      }),
      { numRuns: 150 },
    );
  });
});

describe('citing, undo and uncited sources', () => {
  test('creating a source and citing it is one undo step; redo brings both back', () => {
    let state = sample();
    state = apply(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, startOf(state, 2))));
    const depth = undoDepth(state);
    let created = '';
    state = run(state, createSourceAndCite({ title: 'Delta report', outlet: 'Agency', url: 'https://d.example/r' }, (id) => (created = id)));
    expect(created).toBe('delta-report');
    expect(numbers(state)).toEqual({ 'delta-report': 1, a: 2, b: 3 });
    expect(footnotesOf(state).byId.get('delta-report')?.node.attrs.outlet).toBe('Agency');
    expect(undoDepth(state)).toBe(depth + 1);

    const undone = run(state, undo);
    expect(numbers(undone)).toEqual({ a: 1, b: 2 });
    expect(footnotesOf(undone).byId.has('delta-report')).toBe(false);
    expectMatchesFullWalk(undone);

    const redone = run(undone, redo);
    expect(numbers(redone)).toEqual(numbers(state));
    expect(redone.doc.eq(state.doc)).toBe(true);
  });

  test('citing an existing source, then undo, restores the numbers', () => {
    let state = sample();
    state = apply(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, startOf(state, 2))));
    state = run(state, insertCitation('c'));
    expect(numbers(state)).toEqual({ c: 1, a: 2, b: 3 });
    expect(numbers(run(state, undo))).toEqual({ a: 1, b: 2 });
  });

  test('a citation cannot go into the headline or name an unknown source', () => {
    const state = sample();
    const inHeadline = apply(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, 1)));
    expect(insertCitation('a')(inHeadline)).toBe(false);
    expect(createSourceAndCite({ title: 'T' })(inHeadline)).toBe(false);
    expect(insertCitation('nope')(state)).toBe(false);
    expect(createSourceAndCite({ title: '' })(state)).toBe(false);
    expect(createSourceAndCite({ title: 'T', url: 'javascript:alert(1)' })(state)).toBe(false);
  });

  test('deleting the last citation of a source keeps the source, flagged as uncited', () => {
    let state = sample();
    const pos = footnotesOf(state).citations().find((c) => c.source === 'b')!.pos;
    state = apply(state, (tr) => tr.delete(pos, pos + 1));
    const footnotes = footnotesOf(state);
    expect(footnotes.byId.has('b')).toBe(true);
    expect(footnotes.uncited).toEqual(['b', 'c']);
    expect(footnotes.ordered.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(footnotes.byId.get('b')?.number).toBeNull();
  });

  test('removeSource removes only uncited sources, unless asked to remove the citations too', () => {
    const state = sample();
    expect(removeSource('a')(state)).toBe(false);
    const withoutC = run(state, removeSource('c'));
    expect(footnotesOf(withoutC).byId.has('c')).toBe(false);
    const withoutA = run(state, removeSource('a', { withCitations: true }));
    expect(footnotesOf(withoutA).byId.has('a')).toBe(false);
    expect(numbers(withoutA)).toEqual({ b: 1 });
    expect(footnotesOf(run(withoutA, undo)).counts.get('a')).toBe(2);
  });
});

describe('pasted content with its sources', () => {
  test('carried sources are merged or added, clashing ids renamed, all in one undo step', () => {
    let state = sample();
    state = apply(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, startOf(state, 2))));
    const slice = new Slice(Fragment.from(p('Pasted ', cite('a'), ' ', cite('x'), ' ', cite('y'))), 1, 1);
    const carried = [
      { id: 'a', title: 'Another A', outlet: '', date: '', url: '', note: '' }, // clashes with a different "a"
      { id: 'x', title: 'alpha', outlet: '', date: '', url: '', note: '' }, // same title and outlet as "a": merged
      { id: 'y', title: 'Yankee', outlet: '', date: '', url: 'https://y.example/', note: '' }, // new
    ];
    const depth = undoDepth(state);
    state = state.applyTransaction(carry(state.tr.replaceSelection(slice), { sources: carried })).state;
    const ids = footnotesOf(state).citations().map((c) => c.source);
    expect(ids).toEqual(['a-2', 'a', 'y', 'a', 'b', 'a']);
    expect(footnotesOf(state).sources.map((s) => s.id)).toEqual(['a', 'b', 'c', 'a-2', 'y']);
    expect(footnotesOf(state).byId.get('a-2')?.node.attrs.title).toBe('Another A');
    expect(undoDepth(state)).toBe(depth + 1);
    expectMatchesFullWalk(state);

    const undone = run(state, undo);
    expect(undone.doc.eq(sample().doc)).toBe(true);
  });
});
