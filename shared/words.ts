/**
 * Word counts and reading time.
 *
 * Counted text: headline, standfirst, body blocks and figure captions. Sources and "Read also"
 * items are apparatus, not copy, and do not count (as in a newsroom's word budget). Under review
 * the words are those of the text as it would read with every suggestion accepted: deleted text
 * does not count, inserted text does.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { acceptedTextBetween } from './review/accepted';

// A word: letters or digits, with inner apostrophes, hyphens or dots ("don't", "U.S.", "2022-23").
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Counts the words in a plain string. */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

/** Counts the words of a block (or any node) by its text, blocks separated by spaces. */
export function countNodeWords(node: PMNode): number {
  return countWords(acceptedTextBetween(node, ' ', ' '));
}

/** True for the top-level node types whose words count. */
export function countsWords(node: PMNode): boolean {
  return node.type.name !== 'sources' && node.type.name !== 'read_also';
}

/** Words of the whole document. */
export function documentWords(doc: PMNode): number {
  let n = 0;
  doc.forEach((child) => {
    if (countsWords(child)) n += countNodeWords(child);
  });
  return n;
}

/** Reading time in whole minutes (at least 1 for any text), at `wordsPerMinute`. */
export function readingMinutes(words: number, wordsPerMinute = 230): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
}
