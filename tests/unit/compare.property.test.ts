/**
 * The comparison's defining property on random pairs of articles: accepting every change of the
 * comparison gives the newer version, rejecting every change gives the older one. Pairs are
 * either two unrelated random articles or an article and the same article after random edits.
 */
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { compareDocs } from '../../shared/compare/compare';
import { decideAll, finalDoc } from '../../shared/review/resolve';
import { schema } from '../../shared/schema';
import { arbEdits, runEdits } from './editor-random-edits';
import { arbDoc, contentOf, isValidDoc } from './helpers/arbitrary-doc';

/** Random runs are slow on a loaded machine: they get more than the default 30 s. */
const PROPERTY_TIMEOUT = 180_000;

/** The content of `doc`, without review data. */

function checkPair(before: PMNode, after: PMNode): void {
  const { doc, changes, summary } = compareDocs(before, after);
  doc.check();
  expect(contentOf(decideAll(doc, 'accept')).toJSON()).toEqual(contentOf(finalDoc(after)).toJSON());
  expect(contentOf(decideAll(doc, 'reject')).toJSON()).toEqual(contentOf(finalDoc(before)).toJSON());
  expect(summary.total).toBe(changes.length);
  if (before.eq(after)) expect(changes).toEqual([]);
  for (const change of changes) {
    expect(change.from).toBeLessThanOrEqual(change.to);
    expect(change.to).toBeLessThanOrEqual(doc.content.size);
  }
}

describe('compareDocs on random pairs', () => {
  it('accepting all gives the newer version and rejecting all the older one (edited copies)', () => {
    fc.assert(
      fc.property(arbDoc, arbEdits, (start, edits) => {
        const end = runEdits(EditorState.create({ doc: start, schema }), edits, () => undefined).doc;
        fc.pre(isValidDoc(end)); // a rare random edit leaves content the schema refuses (an empty list item)
        checkPair(start, end);
        checkPair(end, start);
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT);

  it('compares versions holding pending suggestions as they read', () => {
    fc.assert(
      fc.property(arbDoc, arbEdits, arbEdits, (start, first, second) => {
        const middle = runEdits(EditorState.create({ doc: start, schema }), first, () => undefined).doc;
        const end = runEdits(EditorState.create({ doc: middle, schema }), second, () => undefined).doc;
        fc.pre(isValidDoc(middle) && isValidDoc(end));
        // The middle version as pending suggestions over the start.
        const pending = compareDocs(start, middle, { idPrefix: 'p' }).doc;
        checkPair(pending, end);
        checkPair(end, pending);
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT);

  it('accepting all gives the newer version and rejecting all the older one (unrelated articles)', () => {
    fc.assert(
      fc.property(arbDoc, arbDoc, (a, b) => checkPair(a, b)),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT);
});
