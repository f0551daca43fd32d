/**
 * Citations and sources under review (issue 12 §5): numbers count the text as it would read with
 * every suggestion accepted, in the editor's incremental index (equal to the full walk after
 * deletion marks come and go), in the problems and the exports; accepting the deletion of a
 * source's last citation leaves the source flagged uncited; retargeting a citation from the
 * picker is one attribute step.
 */
import { deleteSelection } from 'prosemirror-commands';
import { NodeSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { AttrStep } from 'prosemirror-transform';
import { describe, expect, test } from 'vitest';
import { indexFootnotes } from '../../shared/footnotes';
import { findProblems } from '../../shared/problems';
import { decideAll } from '../../shared/review/resolve';
import { schema } from '../../shared/schema';
import { createSourceAndCite, insertCitation } from '../../renderer/editor/commands';
import { createEditorState } from '../../renderer/editor/create-editor';
import { footnotesOf } from '../../renderer/editor/footnote-plugin';
import { problemsOf } from '../../renderer/editor/problems-plugin';
import { wordCountOf } from '../../renderer/editor/word-count-plugin';
import { article, cite, p, source } from './helpers/build';
import { sugg } from './helpers/review-doc';
import { ANN, at, Suggesting } from './helpers/suggesting';

const sources = [source('a', { title: 'Alpha' }), source('b', { title: 'Beta' }), source('c', { title: 'Gamma' })];
const del = sugg('deletion', 'd1');

/** Positions of the citations of `doc`, in document order. */
function citationPositions(doc: EditorState['doc']): number[] {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'citation') out.push(pos);
    return true;
  });
  return out;
}

function expectMatchesFullWalk(state: EditorState): void {
  const index = indexFootnotes(state.doc);
  const footnotes = footnotesOf(state);
  expect([...footnotes.numbers]).toEqual([...index.numbers]);
  expect(footnotes.citations()).toEqual(index.citations);
  expect(footnotes.ordered.map((s) => [s.id, s.number, s.citations])).toEqual(index.sources.map((s) => [s.id, s.number, s.citations]));
  expect(problemsOf(state).list()).toEqual(findProblems(state.doc, undefined, problemsOf(state).missingAssets));
}

describe('numbers under review', () => {
  const doc = article({ headline: 'H', body: [p('One ', cite('b').mark([del]), ' two ', cite('a'), ' three ', cite('b'), cite('c').mark([del]))], sources });

  test('a deleted citation takes no number and does not count; the others number as if accepted', () => {
    const index = indexFootnotes(doc);
    expect(Object.fromEntries(index.numbers)).toEqual({ a: 1, b: 2 });
    expect(index.citations.map((c) => [c.source, c.deleted === true])).toEqual([['b', true], ['a', false], ['b', false], ['c', true]]);
    expect(index.byId.get('c')?.citations).toBe(0);
    // The same numbers as the document with every suggestion accepted.
    expect(Object.fromEntries(indexFootnotes(decideAll(doc, 'accept')).numbers)).toEqual({ a: 1, b: 2 });
    expectMatchesFullWalk(createEditorState(doc));
  });

  test('the editor renumbers as deletion marks are added and removed (text, inline node and block marks)', () => {
    let state = createEditorState(article({ headline: 'H', body: [p('One ', cite('a'), ' two ', cite('b')), p('Three ', cite('c'))], sources }));
    const step = (make: (tr: Transaction) => Transaction): void => {
      state = state.apply(make(state.tr));
      expectMatchesFullWalk(state);
    };
    const [a, , c] = citationPositions(state.doc) as [number, number, number];
    step((tr) => tr.addMark(a - 2, a + 1, del));
    expect(Object.fromEntries(footnotesOf(state).numbers)).toEqual({ b: 1, c: 2 });
    expect(footnotesOf(state).uncited).toEqual(['a']);
    step((tr) => tr.removeMark(a - 2, a + 1, schema.marks.deletion));
    expect(Object.fromEntries(footnotesOf(state).numbers)).toEqual({ a: 1, b: 2, c: 3 });
    // A whole paragraph suggested for deletion (a node mark on the block around the citation).
    const para = state.doc.resolve(c).before();
    step((tr) => tr.addNodeMark(para, del));
    expect(footnotesOf(state).numberOf('c')).toBeNull();
    step((tr) => tr.removeNodeMark(para, del));
    expect(footnotesOf(state).numberOf('c')).toBe(3);
    // The same through setNodeMarkup (a ReplaceAroundStep that rewraps the paragraph).
    step((tr) => tr.setNodeMarkup(para, undefined, null, [del]));
    expect(footnotesOf(state).numberOf('c')).toBeNull();
    step((tr) => tr.setNodeMarkup(para, undefined, null, []));
    expect(footnotesOf(state).numberOf('c')).toBe(3);
    // Inline node mark on the citation itself.
    step((tr) => tr.addNodeMark(a, del));
    expect(footnotesOf(state).numberOf('a')).toBeNull();
    // Typing elsewhere does not renumber.
    const before = footnotesOf(state).recomputes;
    step((tr) => tr.insertText('x', 2));
    expect(footnotesOf(state).recomputes).toBe(before);
  });

  test('a deleted citation of a missing source is not a problem', () => {
    const state = createEditorState(article({ headline: 'H', body: [p('One ', cite('ghost').mark([del]), ' two ', cite('a'))], sources: [source('a', { title: 'Alpha' })] }));
    expect(problemsOf(state).list().map((x) => x.code)).not.toContain('missing-source');
    expectMatchesFullWalk(state);
  });

  test("accepting the deletion of a source's last citation leaves the source, flagged uncited (as pending)", () => {
    const reviewed = article({ headline: 'H', body: [p('One ', cite('a'), ' two ', cite('b').mark([del]))], sources: sources.slice(0, 2) });
    const uncited = (d: typeof reviewed): string[] => findProblems(d).filter((x) => x.code === 'uncited-source').map((x) => x.message);
    expect(uncited(reviewed)).toEqual([expect.stringContaining('Beta')]);
    const accepted = decideAll(reviewed, 'accept');
    let sourcesLeft = 0;
    accepted.descendants((node) => {
      if (node.type.name === 'source') sourcesLeft++;
      return true;
    });
    expect(sourcesLeft).toBe(2);
    expect(uncited(accepted)).toEqual([expect.stringContaining('Beta')]);
    expect(uncited(decideAll(reviewed, 'reject'))).toEqual([]);
  });
});

describe('retargeting a citation from the picker', () => {
  function selectCitation(state: EditorState): EditorState {
    const pos = citationPositions(state.doc)[0] as number;
    return state.apply(state.tr.setSelection(NodeSelection.create(state.doc, pos)));
  }

  test('is one setNodeAttribute step that keeps the citation and its marks', () => {
    const comment = schema.mark('comment', { thread: 't1' });
    let state = selectCitation(createEditorState(article({ headline: 'H', body: [p('One ', cite('a').mark([comment]), ' two.')], sources })));
    let tr: Transaction | null = null;
    expect(insertCitation('c')(state, (t) => (tr = t))).toBe(true);
    const steps = (tr as Transaction | null)?.steps ?? [];
    expect(steps).toHaveLength(1);
    expect(steps[0]).toBeInstanceOf(AttrStep);
    state = state.apply(tr as unknown as Transaction);
    const node = state.doc.nodeAt(citationPositions(state.doc)[0] as number);
    expect(node?.attrs.source).toBe('c');
    expect(node?.marks.map((m) => m.type.name)).toEqual(['comment']);
    expect(Object.fromEntries(footnotesOf(state).numbers)).toEqual({ c: 1 });
  });

  test('citing a new source with a citation selected retargets it and adds the source, in one transaction', () => {
    const state = selectCitation(createEditorState(article({ headline: 'H', body: [p('One ', cite('a'), ' two.')], sources })));
    let tr: Transaction | null = null;
    expect(createSourceAndCite({ title: 'Delta' })(state, (t) => (tr = t))).toBe(true);
    const next = state.apply(tr as unknown as Transaction);
    expect(((tr as Transaction | null)?.steps ?? [])[0]).toBeInstanceOf(AttrStep);
    expect(citationPositions(next.doc)).toHaveLength(1);
    expect(footnotesOf(next).ordered[0]?.node.attrs.title).toBe('Delta');
  });
});

describe('at scale (100,000 words, 2,000 citations of 500 sources)', () => {
  test('a suggested deletion of a citation renumbers from the citation list; typing and comments renumber nothing', () => {
    const words = 'the council said on monday that its budget would rise by four percent next year after months of talks with unions and residents'.split(' ');
    const paragraphs = Array.from({ length: 2_000 }, (_, i) => p(Array.from({ length: 50 }, (_w, k) => words[(i + k) % words.length]).join(' '), cite(`s${String((i % 500) + 1)}`)));
    let state = createEditorState(article({ headline: 'Long', body: paragraphs, sources: Array.from({ length: 500 }, (_, i) => source(`s${String(i + 1)}`, { title: `Source ${String(i + 1)}` })) }));
    const first = citationPositions(state.doc)[0] as number;
    const before = footnotesOf(state).recomputes;

    let start = performance.now();
    state = state.apply(state.tr.addMark(first, first + 1, del));
    const deleting = performance.now() - start;
    expect(footnotesOf(state).recomputes).toBe(before + 1);
    expect(footnotesOf(state).numberOf('s1')).toBe(500);
    expect(footnotesOf(state).numberOf('s2')).toBe(1);

    // A comment over a range of citations is a mark step of another kind: nothing to renumber.
    state = state.apply(state.tr.addMark(first, first + 2_000, schema.mark('comment', { thread: 't1' })));
    expect(footnotesOf(state).recomputes).toBe(before + 1);
    // Typing in the paragraph holding the deleted citation renumbers nothing and counts one block.
    const typing: number[] = [];
    for (let i = 0; i < 50; i++) {
      start = performance.now();
      state = state.apply(state.tr.insertText('x', first - 5));
      typing.push(performance.now() - start);
    }
    expect(footnotesOf(state).recomputes).toBe(before + 1);
    expect(wordCountOf(state).counted).toBe(1);
    expectMatchesFullWalk(state);
    typing.sort((a, b) => a - b);
    console.log(`review at scale: suggesting the deletion of a citation ${deleting.toFixed(2)} ms (cold); typing beside it, median ${(typing[25] as number).toFixed(3)} ms per key`);
  }, 60_000);
});

describe('with the suggestion engine (Suggesting mode)', () => {
  test('deleting a citation, a whole paragraph and retargeting, as suggestions: numbers and problems as if accepted, equal to the full walk', () => {
    const s = new Suggesting(createEditorState(article({ headline: 'H', body: [p('One ', cite('a'), ' two ', cite('b')), p('Three ', cite('c'), '.')], sources })), ANN, at(1));
    const [a] = citationPositions(s.state.doc) as [number];
    s.select(a, a + 1);
    expect(s.run(deleteSelection)).toBe(true);
    expect(s.state.doc.nodeAt(a)?.marks.map((m) => m.type.name)).toEqual(['deletion']);
    expect(Object.fromEntries(footnotesOf(s.state).numbers)).toEqual({ b: 1, c: 2 });
    expectMatchesFullWalk(s.state);
    // Retargeting c to a: one attribute change; a is cited again, by it.
    const c = citationPositions(s.state.doc)[2] as number;
    s.state = s.state.apply(s.state.tr.setSelection(NodeSelection.create(s.state.doc, c)));
    expect(s.run(insertCitation('a'))).toBe(true);
    expect(s.state.doc.nodeAt(c)?.marks.map((m) => m.type.name)).toEqual(['attr_change']);
    expect(Object.fromEntries(footnotesOf(s.state).numbers)).toEqual({ b: 1, a: 2 });
    expectMatchesFullWalk(s.state);
    expect(indexFootnotes(decideAll(s.state.doc, 'accept')).numbers).toEqual(footnotesOf(s.state).numbers);
  });
});
