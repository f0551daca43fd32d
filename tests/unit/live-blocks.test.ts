/**
 * Live blocks (renderer/editor/live-blocks.ts): the top-level block holding the cursor and its
 * two neighbours carry the class `cd-live` (never skipped by `content-visibility`), from the
 * transaction that creates or reaches them; typing inside a block only maps the decorations, and
 * they are rebuilt only when the cursor's top-level block changes.
 */
import fc from 'fast-check';
import { splitBlock } from 'prosemirror-commands';
import type { Node as PMNode } from 'prosemirror-model';
import { NodeSelection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { DecorationSet } from 'prosemirror-view';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { schema } from '../../shared/schema';
import { createEditorState } from '../../renderer/editor/create-editor';
import { LIVE_CLASS, liveBlocksFor, liveBlocksKey, liveBlocksOf, type LiveBlock } from '../../renderer/editor/live-blocks';
import { generateArticle, SIZES } from '../bench/generate';
import { arbEdits, runEdits } from './editor-random-edits';
import { arbDoc } from './helpers/arbitrary-doc';
import { article, cite, h, p, source } from './helpers/build';

afterEach(() => {
  vi.restoreAllMocks();
});

function sample(): PMNode {
  return article({
    headline: 'Headline',
    standfirst: 'Standfirst',
    body: [p('First paragraph.'), h(2, 'A heading'), p('Second ', cite('a'), ' paragraph.'), schema.node('horizontal_rule'), p('Last paragraph.')],
    sources: [source('a', { title: 'Report' })],
  });
}

/** Start and end of every top-level block of `doc`. */
function blocksOf(doc: PMNode): LiveBlock[] {
  const blocks: LiveBlock[] = [];
  doc.forEach((node, offset) => blocks.push({ from: offset, to: offset + node.nodeSize }));
  return blocks;
}

/** The ranges the plugin's decorations cover, with their class. */
function decorated(state: EditorState): { from: number; to: number; cls: unknown }[] {
  const set = liveBlocksKey.getState(state)?.set ?? DecorationSet.empty;
  return set.find().map((d) => ({ from: d.from, to: d.to, cls: (d as unknown as { type: { attrs: Record<string, unknown> } }).type.attrs.class }));
}

/** The top-level block indices that are live. */
function liveIndices(state: EditorState): number[] {
  const all = blocksOf(state.doc);
  return liveBlocksOf(state).map((b) => all.findIndex((a) => a.from === b.from && a.to === b.to));
}

/** Checks that the live blocks are the cursor's block and its neighbours, and that the decorations say so. */
function expectConsistent(state: EditorState): void {
  const wanted = liveBlocksFor(state.doc, state.selection);
  expect(liveBlocksOf(state)).toEqual(wanted);
  expect(decorated(state)).toEqual(wanted.map((b) => ({ ...b, cls: LIVE_CLASS })));
  const all = blocksOf(state.doc);
  for (const block of wanted) expect(all, 'each live range is one top-level block').toContainEqual(block);
  expect(wanted.length).toBeGreaterThanOrEqual(Math.min(2, all.length));
}

function apply(state: EditorState, build: (tr: Transaction) => Transaction): EditorState {
  return state.apply(build(state.tr));
}

/** Position inside the text of top-level block `index`. */
function inside(state: EditorState, index: number, offset = 1): number {
  return blocksOf(state.doc)[index]!.from + offset;
}

describe('which blocks are live', () => {
  test('a new editor: the cursor in the headline makes the headline and the standfirst live', () => {
    const state = createEditorState(sample());
    expect(state.selection.from).toBe(1);
    expect(liveIndices(state)).toEqual([0, 1]);
    expectConsistent(state);
  });

  test('the cursor in a body paragraph: that paragraph and both neighbours', () => {
    let state = createEditorState(sample());
    state = apply(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, inside(state, 4, 3))));
    expect(liveIndices(state)).toEqual([3, 4, 5]);
    expectConsistent(state);
  });

  test('a selected block (node selection) is live itself, not the block after it', () => {
    let state = createEditorState(sample());
    const rule = blocksOf(state.doc)[5]!;
    expect(state.doc.nodeAt(rule.from)?.type.name).toBe('horizontal_rule');
    state = apply(state, (tr) => tr.setSelection(NodeSelection.create(tr.doc, rule.from)));
    expect(liveIndices(state)).toEqual([4, 5, 6]);
    expectConsistent(state);
  });

  test('the last body paragraph: the sources section is its live neighbour', () => {
    let state = createEditorState(sample());
    state = apply(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, inside(state, 6))));
    expect(liveIndices(state)).toEqual([5, 6, 7]);
    expect(state.doc.child(7).type.name).toBe('sources');
    expectConsistent(state);
  });

  test('a range selection follows its head (where the caret is drawn)', () => {
    let state = createEditorState(sample());
    state = apply(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, inside(state, 2), inside(state, 6))));
    expect(liveIndices(state)).toEqual([5, 6, 7]);
    state = apply(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, inside(state, 6), inside(state, 2))));
    expect(liveIndices(state)).toEqual([1, 2, 3]);
    expectConsistent(state);
  });
});

describe('following the cursor', () => {
  test('Enter: the paragraph it creates is live in the same transaction, with the one it came from', () => {
    let state = createEditorState(sample());
    const end = blocksOf(state.doc)[2]!.to - 1;
    state = apply(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, end)));
    expect(liveIndices(state)).toEqual([1, 2, 3]);
    splitBlock(state, (tr) => (state = state.apply(tr)));
    expect(state.doc.child(3).type.name).toBe('paragraph');
    expect(state.doc.child(3).content.size).toBe(0);
    expect(liveIndices(state)).toEqual([2, 3, 4]);
    expectConsistent(state);
    // The first character typed there lands in that live paragraph.
    state = apply(state, (tr) => tr.insertText('C'));
    expect(state.doc.child(3).textContent).toBe('C');
    expect(liveIndices(state)).toEqual([2, 3, 4]);
    expectConsistent(state);
  });

  test('typing and moving inside one block keep the decorations (mapped, never rebuilt)', () => {
    let state = createEditorState(sample());
    state = apply(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, inside(state, 4))));
    const create = vi.spyOn(DecorationSet, 'create');
    const before = liveBlocksKey.getState(state);
    state = apply(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, inside(state, 4, 4))));
    expect(liveBlocksKey.getState(state), 'a move inside the block keeps the state object').toBe(before);
    for (const ch of 'typed text') state = apply(state, (tr) => tr.insertText(ch));
    expect(create).not.toHaveBeenCalled();
    expect(state.doc.child(4).textContent).toBe('Sectyped textond  paragraph.');
    expect(liveIndices(state)).toEqual([3, 4, 5]);
    expectConsistent(state);
    // Into the next block: rebuilt once.
    state = apply(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, inside(state, 6))));
    expect(create).toHaveBeenCalledTimes(1);
    expect(liveIndices(state)).toEqual([5, 6, 7]);
  });

  test('joining back (Backspace at a block start) and deleting the live blocks', () => {
    let state = createEditorState(sample());
    const start = blocksOf(state.doc)[4]!.from;
    state = apply(state, (tr) => tr.join(start).setSelection(TextSelection.create(tr.doc, start - 1)));
    expect(state.doc.child(3).textContent).toBe('A headingSecond  paragraph.');
    expectConsistent(state);
    const blocks = blocksOf(state.doc);
    state = apply(state, (tr) => tr.delete(blocks[2]!.from, blocks[4]!.to));
    expectConsistent(state);
  });

  test('after any random edits and cursor moves, the live blocks are the cursor’s block and its neighbours (property)', () => {
    fc.assert(
      fc.property(arbDoc, arbEdits, fc.array(fc.nat(100_000), { minLength: 25, maxLength: 25 }), (doc, edits, moves) => {
        let state = createEditorState(doc);
        expectConsistent(state);
        edits.forEach((group, i) => {
          state = runEdits(state, [group], expectConsistent);
          const at = (moves[i] ?? 0) % (state.doc.content.size + 1);
          state = apply(state, (tr) => tr.setSelection(TextSelection.near(tr.doc.resolve(at))));
          expectConsistent(state);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('at 100,000 words (issue 6’s XL article)', () => {
  test('a keystroke maps three decorations; only a change of block rebuilds them', () => {
    let state = createEditorState(generateArticle(SIZES.XL).doc);
    const count = state.doc.childCount;
    expect(count).toBeGreaterThan(1500);
    const middle = Math.floor(count / 2);
    let index = middle;
    while (!state.doc.child(index).isTextblock) index++;
    state = apply(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, inside(state, index))));
    expect(liveIndices(state)).toEqual([index - 1, index, index + 1]);
    const create = vi.spyOn(DecorationSet, 'create');
    const started = performance.now();
    for (let i = 0; i < 200; i++) state = apply(state, (tr) => tr.insertText(i % 6 === 5 ? ' ' : 'x'));
    const perKey = (performance.now() - started) / 200;
    expect(create).not.toHaveBeenCalled();
    expect(liveIndices(state)).toEqual([index - 1, index, index + 1]);
    expectConsistent(state);
    splitBlock(state, (tr) => (state = state.apply(tr)));
    expect(create).toHaveBeenCalledTimes(1);
    expect(liveIndices(state)).toEqual([index, index + 1, index + 2]);
    console.log(`live blocks at XL: state.apply per key with every plugin ${perKey.toFixed(3)} ms (${String(count)} top-level blocks)`);
  });
});
