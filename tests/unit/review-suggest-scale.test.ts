/**
 * Suggesting mode at 100,000 words: the engine looks only at the neighbourhood of each change, so
 * a keystroke costs it the same at 10,000 and at 100,000 words. Timings are printed for the
 * record; the assertion compares the two sizes (a document walk would cost ten times more).
 */
import { EditorState, TextSelection } from 'prosemirror-state';
import { expect, test } from 'vitest';
import { decideSuggestions } from '../../shared/review/resolve';
import { suggestTransaction } from '../../shared/review/suggest';
import { generateArticle, SIZES } from '../bench/generate';
import { ANN, at } from './helpers/suggesting';

/** Mean milliseconds the engine takes per keystroke (typing, then Backspace) in the middle of the article. */
function engineCost(words: number, sources: number): number {
  const { doc } = generateArticle({ words, sources });
  let state = EditorState.create({ doc });
  let middle = Math.floor(doc.content.size / 2);
  while (!doc.resolve(middle).parent.isTextblock) middle++;
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, middle)));
  let spent = 0;
  const keys = 300;
  for (let i = 0; i < keys; i++) {
    const { from } = state.selection;
    const tr = i % 3 === 2 ? state.tr.delete(from - 1, from) : state.tr.insertText('x', from);
    const started = performance.now();
    const out = suggestTransaction(state, tr, ANN, at());
    spent += performance.now() - started;
    if (!out) throw new Error('refused');
    state = state.apply(out);
  }
  return spent / keys;
}

test('typing in Suggesting mode costs the engine the same at 10,000 and 100,000 words', () => {
  engineCost(SIZES.S.words, SIZES.S.sources); // warm up
  const large = engineCost(SIZES.L.words, SIZES.L.sources);
  const xl = engineCost(SIZES.XL.words, SIZES.XL.sources);
  console.log(`engine per keystroke: ${large.toFixed(3)} ms at 10,000 words, ${xl.toFixed(3)} ms at 100,000 words`);
  expect(xl).toBeLessThan(Math.max(large * 3, 0.5));
}, 60_000);

test('accepting and rejecting 1,000 suggestions at 100,000 words', () => {
  const { doc } = generateArticle(SIZES.XL);
  let state = EditorState.create({ doc });
  const step = Math.floor(doc.content.size / 1000);
  for (let i = 0; i < 1000; i++) {
    let pos = 10 + i * step;
    while (!state.doc.resolve(pos).parent.isTextblock) pos++;
    const tr = i % 2 ? state.tr.insertText('new ', pos) : state.tr.delete(pos, pos + 3);
    const out = suggestTransaction(state, tr, ANN, at(i % 60));
    if (out) state = state.apply(out);
  }
  for (const decision of ['accept', 'reject'] as const) {
    const started = performance.now();
    const tr = state.tr;
    decideSuggestions(tr, decision);
    const spent = performance.now() - started;
    console.log(`${decision} all of 1,000 suggestions at 100,000 words: ${spent.toFixed(1)} ms`);
    let left = 0;
    tr.doc.descendants((n) => {
      if (n.marks.some((m) => m.type.name === 'insertion' || m.type.name === 'deletion')) left++;
      return true;
    });
    expect(left).toBe(0);
  }
}, 60_000);
