/**
 * "Merge their version" on random articles edited on both sides: the result is a valid document;
 * rejecting their suggestions gives the current text exactly (its comments too); accepting them
 * loses none of the words they wrote; when I changed nothing, accepting gives their version.
 */
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { compareDocs } from '../../shared/compare/compare';
import { mergeTheirs } from '../../shared/compare/merge';
import { decideSuggestions, finalDoc } from '../../shared/review/resolve';
import { schema } from '../../shared/schema';
import { arbEdits, runEdits } from './editor-random-edits';
import { arbDoc, contentOf, isValidDoc } from './helpers/arbitrary-doc';
import { ANN, BOB } from './helpers/suggesting';

/** Random runs are slow on a loaded machine: they get more than the default 30 s. */
const PROPERTY_TIMEOUT = 180_000;

function edited(doc: PMNode, edits: Parameters<typeof runEdits>[1]): PMNode {
  return runEdits(EditorState.create({ doc, schema }), edits, () => undefined).doc;
}

/** `doc` with a comment on the first few characters of its first non-empty textblock of the body. */
function commented(doc: PMNode): PMNode {
  let range: [number, number] | null = null;
  doc.descendants((node, pos) => {
    if (range || !node.isTextblock || node.type.name === 'headline') return !range;
    if (node.content.size > 0 && node.firstChild?.isText) range = [pos + 1, pos + 1 + Math.min(3, node.firstChild.nodeSize)];
    return false;
  });
  if (!range) return doc;
  const tr = new Transform(doc);
  tr.addMark(range[0], range[1], schema.mark('comment', { thread: 't1' }));
  tr.setDocAttribute('review', { authors: { ann: { name: 'Ann', initials: 'A' } }, threads: [{ id: 't1', quote: 'x', messages: [{ author: 'ann', at: '2026-12-01T10:00:00.000Z', text: 'Why?' }] }] });
  return tr.doc;
}

function decideTheirs(doc: PMNode, decision: 'accept' | 'reject'): PMNode {
  const tr = new Transform(doc);
  decideSuggestions(tr, decision, (stamp) => stamp.author === BOB.id);
  return tr.doc;
}

/** The text as it reads, blocks on lines of their own. */
function textOf(doc: PMNode): string {
  const read = finalDoc(doc);
  return read.textBetween(0, read.content.size, '\n', ' ');
}

/** The words of each text node as it reads (a word made by two text nodes touching is not one: the merge may part them). */
function words(doc: PMNode): Set<string> {
  const found = new Set<string>();
  finalDoc(doc).descendants((node) => {
    for (const word of node.text?.match(/[\p{L}\p{N}]+/gu) ?? []) found.add(word);
    return true;
  });
  return found;
}

/** Merges their version over mine: rejecting theirs gives mine exactly; accepting brings in every word of theirs. */
function expectMergeKeepsBoth(base: PMNode, mine: PMNode, theirs: PMNode): void {
  const { doc } = mergeTheirs({ base, mine, theirs, author: BOB, at: new Date('2026-12-02T11:00:00Z') });
  doc.check();
  expect(contentOf(decideTheirs(doc, 'reject')).toJSON()).toEqual(contentOf(mine).toJSON());
  const accepted = textOf(decideTheirs(doc, 'accept'));
  const before = words(base);
  // Where both changed the same words, theirs go beside mine (and may touch them): a word of theirs is found in the text.
  for (const word of words(theirs)) if (!before.has(word)) expect(accepted.includes(word), word).toBe(true);
}

describe('mergeTheirs on random pairs of edits', () => {
  it('loses nothing either side wrote', () => {
    fc.assert(
      fc.property(arbDoc, arbEdits, arbEdits, fc.boolean(), (base, myEdits, theirEdits, comment) => {
        const mineRaw = edited(base, myEdits);
        const theirs = edited(base, theirEdits);
        fc.pre(isValidDoc(mineRaw) && isValidDoc(theirs));
        const mine = comment ? commented(mineRaw) : mineRaw;
        expectMergeKeepsBoth(base, mine, theirs);
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT);

  it('keeps my pending suggestions: rejecting theirs gives my text with them', () => {
    fc.assert(
      fc.property(arbDoc, arbEdits, arbEdits, (base, myEdits, theirEdits) => {
        const myReading = edited(base, myEdits);
        const theirs = edited(base, theirEdits);
        fc.pre(isValidDoc(myReading) && isValidDoc(theirs));
        // My edits as Ann's pending suggestions over the base.
        const mine = compareDocs(base, myReading, { author: ANN, at: new Date('2026-12-01T10:00:00Z'), idPrefix: 'ann' }).doc;
        expectMergeKeepsBoth(base, mine, theirs);
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT);

  it('gives their version when I changed nothing', () => {
    fc.assert(
      fc.property(arbDoc, arbEdits, (base, theirEdits) => {
        const theirs = edited(base, theirEdits);
        fc.pre(isValidDoc(theirs));
        const { doc } = mergeTheirs({ base, mine: base, theirs, author: BOB });
        expect(contentOf(finalDoc(doc)).toJSON()).toEqual(contentOf(finalDoc(theirs)).toJSON());
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT);
});
