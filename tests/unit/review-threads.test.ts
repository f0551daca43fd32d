/**
 * Comment threads (shared/review/threads.ts) on plain and reviewed documents: opening one on a
 * range or a block, replies, resolving and reopening, overlapping threads, a thread whose text is
 * all deleted (detached, never removed), and a thread giving a reason for a suggestion.
 */
import { readFileSync } from 'node:fs';
import type { Node as PMNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { reviewDataOf } from '../../shared/review/authors';
import { indexReview } from '../../shared/review/index';
import { REVIEW_ID, type Reviewer } from '../../shared/review/model';
import { addComment, commentOnSuggestion, MAX_QUOTE, reopenThread, replyToThread, resolveThread } from '../../shared/review/threads';
import { schema } from '../../shared/schema';
import { article, draftOf, p } from './helpers/build';

const EDITH: Reviewer = { id: 'a-editor', name: 'Edith Editor', initials: 'EE' };
const NEW: Reviewer = { id: 'a-new', name: 'Nadia New', initials: 'NN' };
const NOW = new Date('2026-03-04T05:06:07.000Z');
const LATER = new Date('2026-03-04T06:00:00.000Z');
const AT = '2026-03-01T00:00:00.000Z';

const REVIEW = parseDraft(readFileSync(new URL('../fixtures/review-article.copydesk', import.meta.url), 'utf8')).doc;
const PLAIN = article({ headline: 'Headline', standfirst: 'Stand', body: [p('One two three four'), p('Five six')] });

/** The position of `text` in `doc` (inside one text node). */
function at(doc: PMNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    const i = node.isText ? (node.text ?? '').indexOf(text) : -1;
    if (found < 0 && i >= 0) found = pos + i;
    return found < 0;
  });
  if (found < 0) throw new Error(`no ${text}`);
  return found;
}

/** The text carrying a comment mark of `thread`. */
function commented(doc: PMNode, thread: string): string {
  let text = '';
  doc.descendants((node) => {
    if (node.isText && node.marks.some((mark) => mark.type.name === 'comment' && mark.attrs.thread === thread)) text += node.text;
  });
  return text;
}

/** The document survives saving and loading (its review data and marks are valid). */
function roundTrips(doc: PMNode): void {
  const draft = draftOf(doc);
  expect(parseDraft(serializeDraft(draft)).doc.eq(doc)).toBe(true);
}

const threadOf = (doc: PMNode, id: string) => reviewDataOf(doc).threads.find((thread) => thread.id === id);

describe('addComment', () => {
  it('opens a thread on a range: marks, quote, first message, author', () => {
    const tr = new Transform(PLAIN);
    const from = at(PLAIN, 'two');
    const id = addComment(tr, from, from + 'two three'.length, EDITH, '  Which three?  ', NOW);
    expect(id).toMatch(REVIEW_ID);
    expect(commented(tr.doc, id)).toBe('two three');
    expect(reviewDataOf(tr.doc)).toEqual({
      authors: { 'a-editor': { name: 'Edith Editor', initials: 'EE' } },
      threads: [{ id, quote: 'two three', messages: [{ author: 'a-editor', at: '2026-03-04T05:06:07.000Z', text: 'Which three?' }] }],
    });
    roundTrips(tr.doc);
  });

  it('comments on the whole textblock when the range is empty', () => {
    const tr = new Transform(PLAIN);
    const id = addComment(tr, at(PLAIN, 'six'), at(PLAIN, 'six'), EDITH, 'Why?', NOW);
    expect(commented(tr.doc, id)).toBe('Five six');
    expect(threadOf(tr.doc, id)?.quote).toBe('Five six');
  });

  it('refuses a place with no text, and an empty message', () => {
    expect(() => addComment(new Transform(PLAIN), 0, 0, EDITH, 'x', NOW)).toThrow(/no text here/u);
    const empty = article({ body: [p()] });
    const inEmpty = empty.child(0).nodeSize + empty.child(1).nodeSize + 1;
    expect(() => addComment(new Transform(empty), inEmpty, inEmpty, EDITH, 'x', NOW)).toThrow(/no text here/u);
    expect(() => addComment(new Transform(PLAIN), 12, 14, EDITH, ' \n ', NOW)).toThrow(/needs some text/u);
  });

  it('quotes the text as it reads: deleted text is left out', () => {
    const tr = new Transform(REVIEW);
    const id = addComment(tr, at(REVIEW, 'Upcoming'), at(REVIEW, ' Assurances') + ' Assurances'.length, EDITH, 'Better?', NOW);
    expect(threadOf(tr.doc, id)?.quote).toBe('Upcoming Security Assurances');
    // The mark still covers the deleted word, so the comment stays visible beside it.
    expect(commented(tr.doc, id)).toBe('Upcoming SafetySecurity Assurances');
  });

  it('cuts the quote to 2,000 characters', () => {
    const long = article({ body: [p('x'.repeat(3000))] });
    const tr = new Transform(long);
    const start = at(long, 'x');
    const id = addComment(tr, start, start + 3000, EDITH, 'Long', NOW);
    expect(threadOf(tr.doc, id)?.quote).toHaveLength(MAX_QUOTE);
    roundTrips(tr.doc);
  });

  it('lets threads overlap, each keeping its own range', () => {
    const tr = new Transform(PLAIN);
    const first = addComment(tr, at(PLAIN, 'One'), at(PLAIN, ' four'), EDITH, 'A', NOW);
    const second = addComment(tr, at(PLAIN, 'three'), at(PLAIN, 'four') + 4, NEW, 'B', NOW);
    expect(commented(tr.doc, first)).toBe('One two three');
    expect(commented(tr.doc, second)).toBe('three four');
    const index = indexReview(tr.doc);
    expect(index.threads.map((entry) => [entry.thread.id, entry.to! - entry.from!])).toEqual([
      [first, 'One two three'.length],
      [second, 'three four'.length],
    ]);
    expect(Object.keys(reviewDataOf(tr.doc).authors)).toEqual(['a-editor', 'a-new']);
    roundTrips(tr.doc);
  });
});

describe('replies, resolving and reopening', () => {
  it('adds replies in order, resolves and reopens', () => {
    const tr = new Transform(REVIEW);
    replyToThread(tr, 't-visit', NEW, 'Third message', LATER);
    expect(threadOf(tr.doc, 't-visit')?.messages.map((message) => message.text)).toEqual([
      'Is the date of the visit confirmed?',
      'Yes, by the presidential office this morning.',
      'Third message',
    ]);
    expect(reviewDataOf(tr.doc).authors['a-new']).toEqual({ name: 'Nadia New', initials: 'NN' });
    resolveThread(tr, 't-visit', EDITH, LATER);
    expect(threadOf(tr.doc, 't-visit')?.resolved).toEqual({ by: 'a-editor', at: '2026-03-04T06:00:00.000Z' });
    // Resolving again keeps who resolved it first.
    resolveThread(tr, 't-visit', NEW, NOW);
    expect(threadOf(tr.doc, 't-visit')?.resolved?.by).toBe('a-editor');
    reopenThread(tr, 't-visit', NEW);
    expect(threadOf(tr.doc, 't-visit')).not.toHaveProperty('resolved');
    expect(threadOf(tr.doc, 't-territory')?.resolved).toBeDefined();
    roundTrips(tr.doc);
  });

  it('refuses an unknown thread and leaves the document as it was', () => {
    const tr = new Transform(REVIEW);
    expect(() => replyToThread(tr, 't-none', EDITH, 'x', NOW)).toThrow(/no thread "t-none"/u);
    expect(() => resolveThread(tr, 't-none', EDITH, NOW)).toThrow(/no thread/u);
    expect(() => reopenThread(tr, 't-none', EDITH)).toThrow(/no thread/u);
    expect(tr.doc.eq(REVIEW)).toBe(true);
  });
});

describe('a thread whose text is all deleted', () => {
  it('stays, detached, with the text it was about', () => {
    const tr = new Transform(PLAIN);
    const id = addComment(tr, at(PLAIN, 'two'), at(PLAIN, ' three'), EDITH, 'Cut?', NOW);
    const from = at(tr.doc, 'One');
    tr.delete(from, from + 'One two three four'.length);
    expect(commented(tr.doc, id)).toBe('');
    expect(threadOf(tr.doc, id)?.quote).toBe('two');
    const entry = indexReview(tr.doc).threads.find((thread) => thread.thread.id === id);
    expect(entry).toMatchObject({ detached: true, from: null, to: null });
    roundTrips(tr.doc);
  });

  it('stays when its whole paragraph is deleted', () => {
    const tr = new Transform(REVIEW);
    const start = at(REVIEW, 'The meeting in Washington') - 1;
    tr.delete(start, start + tr.doc.resolve(start + 1).parent.nodeSize);
    expect(indexReview(tr.doc).threads.map((entry) => [entry.thread.id, entry.detached])).toEqual([
      ['t-visit', false],
      ['t-territory', true],
      ['t-gone', true],
    ]);
  });
});

describe('commentOnSuggestion', () => {
  it('gives a reason for a deletion, marking the deleted text', () => {
    const tr = new Transform(REVIEW);
    const id = commentOnSuggestion(tr, 's-alaska', EDITH, 'Not needed here.', NOW);
    const thread = threadOf(tr.doc, id);
    expect(thread).toMatchObject({ suggestion: 's-alaska', quote: ', especially after the Alaska summit' });
    expect(commented(tr.doc, id)).toBe(', especially after the Alaska summit');
    const index = indexReview(tr.doc);
    const suggestion = index.suggestions.find((entry) => entry.id === 's-alaska');
    expect(index.threads.find((entry) => entry.thread.id === id)).toMatchObject({ from: suggestion?.from, to: suggestion?.to, detached: false });
    roundTrips(tr.doc);
  });

  it('quotes a replacement as it will read, and marks both halves', () => {
    const tr = new Transform(REVIEW);
    const id = commentOnSuggestion(tr, 's-headline', NEW, 'House style.', NOW);
    expect(threadOf(tr.doc, id)?.quote).toBe('Security');
    expect(commented(tr.doc, id)).toBe('SafetySecurity');
    expect(reviewDataOf(tr.doc).authors['a-new']).toBeDefined();
  });

  it('marks the text of a block suggested for deletion', () => {
    const tr = new Transform(REVIEW);
    const id = commentOnSuggestion(tr, 's-istanbul', EDITH, 'Keep it?', NOW);
    expect(commented(tr.doc, id)).toMatch(/^Russia and Ukraine had negotiations.*guarantor powers\.$/u);
    roundTrips(tr.doc);
  });

  it('keeps a thread on a change to a source, which has no text to mark, by its suggestion', () => {
    const doc = article({
      body: [p('Text')],
      sources: [schema.node('source', { id: 'a', title: 'New title' }, undefined, [schema.mark('attr_change', { id: 's-title', author: 'a-editor', at: AT, before: { title: 'Old' } })])],
    });
    const tr = new Transform(doc);
    const id = commentOnSuggestion(tr, 's-title', EDITH, 'Shorter?', NOW);
    expect(threadOf(tr.doc, id)).toMatchObject({ suggestion: 's-title', quote: '' });
    expect(indexReview(tr.doc).threads).toMatchObject([{ detached: true, thread: { id, suggestion: 's-title' } }]);
    roundTrips(tr.doc);
  });

  it('refuses an unknown suggestion', () => {
    expect(() => commentOnSuggestion(new Transform(REVIEW), 's-none', EDITH, 'x', NOW)).toThrow(/no suggestion "s-none"/u);
  });
});
