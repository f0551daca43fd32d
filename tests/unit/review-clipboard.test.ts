/**
 * Copy and paste under review (issue 12 §6): a copy holds the text as it would read with every
 * suggestion accepted, with no suggestion mark and no comment; a cut keeps its comments, which a
 * paste into the same draft keeps and a paste elsewhere drops; a payload never brings a
 * suggestion mark; HTML from outside never makes a review mark.
 */
import type { Slice, Node as PMNode } from 'prosemirror-model';
import { describe, expect, test } from 'vitest';
import { decodePayload, encodePayload } from '../../shared/clipboard/payload';
import { copiedSlice, pastedSlice } from '../../shared/clipboard/review';
import { importHtml } from '../../shared/import/html';
import { toPasteContent } from '../../shared/import/paste';
import { SUGGESTION_MARKS } from '../../shared/review/model';
import { schema } from '../../shared/schema';
import { article, cite, p, source } from './helpers/build';
import { comment, sugg, t } from './helpers/review-doc';

/** Every mark name in `node`'s content. */
function markNames(fragment: Slice['content']): string[] {
  const names = new Set<string>();
  fragment.descendants((node: PMNode) => {
    for (const mark of node.marks) names.add(mark.type.name);
    return true;
  });
  return [...names].sort();
}

const strong = schema.mark('strong');
const review = { authors: { ana: { name: 'Ana', initials: 'A' } }, threads: [{ id: 'th1', quote: 'died', messages: [{ author: 'ana', at: '2026-12-02T10:00:00Z', text: 'Sure?' }] }] };
/** A draft with suggestions of every inline kind, a deleted block, a joined block and a comment. */
const reviewed = schema.node('doc', { review }, article({
  headline: 'H',
  body: [
    schema.node('paragraph', null, [t('Three '), t('people', sugg('deletion', 's1')), t('men', sugg('insertion', 's1')), t(' died', comment('th1')), t(' here', strong, sugg('format_change', 's2', 'ana', { before: [] })), cite('a').mark([sugg('deletion', 's3')]), cite('b')]),
    schema.node('paragraph', null, [t('Gone entirely.')], [sugg('deletion', 's4')]),
    schema.node('paragraph', null, [t('First half')]),
    schema.node('paragraph', null, [t(' joined on.')], [sugg('join', 's5')]),
  ],
  sources: [source('a', { title: 'Alpha' }), source('b', { title: 'Beta' })],
}).content);

/** The slice of the whole body (the headline and sources left out), open in its first and last paragraphs. */
function bodySliceOf(d: PMNode): Slice {
  const start = d.child(0).nodeSize + d.child(1).nodeSize + 1;
  const end = d.content.size - d.lastChild!.nodeSize - 1;
  return d.slice(start, end);
}

describe('a copy', () => {
  const slice = bodySliceOf(reviewed);
  const copied = copiedSlice(slice, false);

  test('is the text as it would read with every suggestion accepted, with no review mark', () => {
    expect(copied.content.textBetween(0, copied.content.size, '\n', '[c]')).toBe('Three men died here[c]\nFirst half joined on.');
    expect(markNames(copied.content)).toEqual(['strong']);
    expect(copied.openStart).toBe(1);
    expect(copied.openEnd).toBe(1);
  });

  test('carries only the sources of the citations left (not the deleted one)', () => {
    const { carried } = decodePayload(encodePayload(copied, reviewed), schema);
    expect(JSON.stringify(carried)).toContain('Beta');
    expect(JSON.stringify(carried)).not.toContain('Alpha');
  });

  test('a cut keeps the comments, still with every suggestion accepted', () => {
    const cut = copiedSlice(slice, true);
    expect(cut.content.textBetween(0, cut.content.size, '\n', '[c]')).toBe('Three men died here[c]\nFirst half joined on.');
    expect(markNames(cut.content)).toEqual(['comment', 'strong']);
  });

  test('a slice of deleted text only is empty, and a slice with no review is the same object', () => {
    const from = reviewed.child(0).nodeSize + reviewed.child(1).nodeSize + 1 + 'Three '.length;
    expect(copiedSlice(reviewed.slice(from, from + 'people'.length), false).size).toBe(0);
    const plain = article({ headline: 'H', body: [p('Plain text')] }).slice(3, 8);
    expect(copiedSlice(plain, false)).toBe(plain);
  });
});

describe('a paste', () => {
  const cut = copiedSlice(bodySliceOf(reviewed), true);

  test('into the same draft keeps the comments of its threads', () => {
    expect(markNames(pastedSlice(cut, new Set(['th1'])).content)).toEqual(['comment', 'strong']);
  });

  test('into another draft drops them', () => {
    expect(markNames(pastedSlice(cut, new Set(['other'])).content)).toEqual(['strong']);
  });

  test('of a payload holding suggestion marks (another version, or forged) brings none', () => {
    const raw = bodySliceOf(reviewed);
    const { slice } = decodePayload(encodePayload(raw, reviewed), schema);
    expect(markNames(slice.content)).toContain('insertion');
    expect(markNames(pastedSlice(slice, new Set()).content)).toEqual(['strong']);
  });

  test('of HTML from outside never makes a review mark (no review mark parses from HTML; the importer makes none)', () => {
    for (const name of [...SUGGESTION_MARKS, 'comment']) expect(schema.marks[name]?.spec.parseDOM, name).toBeUndefined();
    const html = '<p>A <ins class="cd-ins" data-suggestion="s1" data-review="insertion">new</ins> <del class="cd-del" data-review="deletion">old</del> <mark data-thread="th1">noted</mark> <span data-review="format_change">x</span></p>';
    const { slice } = toPasteContent(importHtml(html));
    expect(slice.content.textBetween(0, slice.content.size)).toContain('A new old noted x');
    expect(markNames(slice.content).filter((name) => name !== 'em' && name !== 'strong' && name !== 'link')).toEqual([]);
  });
});

test('the review fixture is well formed', () => {
  expect(() => reviewed.check()).not.toThrow();
});
