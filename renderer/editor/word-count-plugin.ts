/**
 * Word count and reading time, kept up to date incrementally.
 *
 * Each top-level block's count is cached by node identity (a `WeakMap`: ProseMirror nodes are
 * immutable, and a block the transaction did not touch is the very same object afterwards). A
 * transaction recounts only the top-level blocks it replaced (`changedBlocks`): the total moves
 * by the new blocks' counts minus the old ones'. Typing costs one block's count, however long
 * the article. The counting rules are `shared/words.ts`'s, so the total always equals
 * `documentWords(doc)` (a property test checks it after random edits).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { countNodeWords, countsWords, readingMinutes } from '../../shared/words';
import { changedBlocks } from './changed-range';

/** Words of the document and what follows from them. */
export interface WordCountState {
  /** Words in the headline, standfirst, body and captions (not sources or "Read also"). */
  readonly words: number;
  /** Reading time in whole minutes. */
  readonly minutes: number;
  /** Top-level blocks counted by the last transaction (a test hook: typing counts one). */
  readonly counted: number;
}

const blockWords = new WeakMap<PMNode, number>();

/** Words of one top-level block, from the cache when this very node was counted before. */
function wordsOf(block: PMNode, tally: { counted: number }): number {
  let n = blockWords.get(block);
  if (n === undefined) {
    n = countsWords(block) ? countNodeWords(block) : 0;
    blockWords.set(block, n);
    tally.counted++;
  }
  return n;
}

function make(words: number, counted: number): WordCountState {
  return { words, minutes: readingMinutes(words), counted };
}

/** The plugin's key; `wordCountKey.getState(state)` is the `WordCountState`. */
export const wordCountKey = new PluginKey<WordCountState>('copydesk-word-count');

/** The word count of `state` (throws if the editor was built without the plugin). */
export function wordCountOf(state: EditorState): WordCountState {
  const value = wordCountKey.getState(state);
  if (!value) throw new Error('the word count plugin is not installed in this editor state');
  return value;
}

/** The word count plugin (see the module comment). */
export function wordCountPlugin(): Plugin<WordCountState> {
  return new Plugin<WordCountState>({
    key: wordCountKey,
    state: {
      init(_config, state) {
        const tally = { counted: 0 };
        let words = 0;
        state.doc.forEach((block) => (words += wordsOf(block, tally)));
        return make(words, tally.counted);
      },
      apply(tr, value, oldState) {
        if (!tr.docChanged) return value;
        const change = changedBlocks(oldState.doc, tr);
        if (!change) return value;
        const tally = { counted: 0 };
        let words = value.words;
        for (let i = change.first; i < change.oldEnd; i++) words -= wordsOf(oldState.doc.child(i), tally);
        for (let i = change.first; i < change.newEnd; i++) words += wordsOf(tr.doc.child(i), tally);
        return make(words, tally.counted);
      },
    },
  });
}
