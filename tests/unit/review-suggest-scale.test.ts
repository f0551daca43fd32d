/**
 * Suggesting mode at 100,000 words: the engine looks only at the neighbourhood of each change, so
 * a keystroke costs it the same at 10,000 and at 100,000 words. Timings are printed for the
 * record; the assertion compares the two sizes (a document walk would cost ten times more).
 */
import { EditorState, TextSelection } from 'prosemirror-state';
import { expect, test } from 'vitest';
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
