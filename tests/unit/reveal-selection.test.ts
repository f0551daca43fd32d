/**
 * Which selection changes ask the editor to scroll (renderer/editor/reveal-selection.ts): a
 * non-empty text range that something other than a key, the mouse or a command put in another
 * top-level block (`window.find()`, assistive technology). The scrolling itself is checked in
 * real Chromium by tests/e2e/long-read.spec.ts.
 */
import { AllSelection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, test } from 'vitest';
import { createEditorState } from '../../renderer/editor/create-editor';
import { revealSelectionKey } from '../../renderer/editor/reveal-selection';
import { article, p } from './helpers/build';

function sample(): EditorState {
  return createEditorState(article({ headline: 'Headline', standfirst: 'Standfirst', body: [p('First paragraph here.'), p('Second paragraph here.'), p('Third paragraph here.')] }));
}

/** Start of the text of top-level block `index`. */
function textStart(state: EditorState, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += state.doc.child(i).nodeSize;
  return pos + 1;
}

/** Whether `build` made the plugin ask for a reveal. */
function reveals(state: EditorState, build: (tr: Transaction) => Transaction): boolean {
  const next = state.apply(build(state.tr));
  return revealSelectionKey.getState(next) !== revealSelectionKey.getState(state);
}

describe('reveal-selection', () => {
  const state = sample();
  const word = (tr: Transaction, index: number): Transaction => tr.setSelection(TextSelection.create(tr.doc, textStart(state, index), textStart(state, index) + 6));

  test('a word selected in another block, with no key, mouse or scroll: revealed', () => {
    expect(reveals(state, (tr) => word(tr, 4))).toBe(true);
    expect(revealSelectionKey.getState(state)).toBe(0);
  });

  test('the mouse, a command that scrolls, an edit: not revealed (ProseMirror decides)', () => {
    expect(reveals(state, (tr) => word(tr, 4).setMeta('pointer', true))).toBe(false);
    expect(reveals(state, (tr) => word(tr, 4).scrollIntoView())).toBe(false);
    expect(reveals(state, (tr) => word(tr, 4).insertText('x', textStart(state, 3)))).toBe(false);
  });

  test('a caret, select-all, a range in the same block: not revealed', () => {
    expect(reveals(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, textStart(state, 4))))).toBe(false);
    expect(reveals(state, (tr) => tr.setSelection(new AllSelection(tr.doc)))).toBe(false);
    const inHeadline = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 3)));
    expect(reveals(inHeadline, (tr) => tr.setSelection(TextSelection.create(tr.doc, 2, 6)))).toBe(false);
  });

  test('a range whose head is in another block than before counts, wherever its anchor is', () => {
    expect(reveals(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, 1, textStart(state, 3) + 2)))).toBe(true);
    expect(reveals(state, (tr) => tr.setSelection(TextSelection.create(tr.doc, textStart(state, 3) + 2, 1)))).toBe(false);
  });
});
