/**
 * "Merge their version": the other person's changes as suggestions by them over the current
 * text. Rejecting their suggestions gives the current text back (with its own suggestions and
 * comments); accepting them brings each of their changes in.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { mergeTheirs } from '../../shared/compare/merge';
import { reviewDataOf } from '../../shared/review/authors';
import type { ReviewData } from '../../shared/review/model';
import { decideSuggestions, finalDoc } from '../../shared/review/resolve';
import { schema } from '../../shared/schema';
import { article, cite, marked, p, source } from './helpers/build';
import { ANN, BOB } from './helpers/suggesting';

const AT = new Date('2026-12-02T11:00:00Z');
const content = (doc: PMNode): PMNode => schema.node('doc', null, doc.content);

/** `doc` with the suggestions of `author` decided. */
function decide(doc: PMNode, decision: 'accept' | 'reject', author: string): PMNode {
  const tr = new Transform(doc);
  decideSuggestions(tr, decision, (stamp) => stamp.author === author);
  return tr.doc;
}

const stamp = { id: 's-ann', author: ANN.id, at: '2026-12-01T10:00:00.000Z' };
const SOURCES = [source('r', { outlet: 'Reuters' })];
const baseBody = [
  p('The council met on Monday to discuss the budget.'),
  p('Officials said the plan would cost four million.'),
  p('Residents opposed the plan at a public meeting.'),
  p('The vote is expected next week.'),
  p('Schools and roads would get most of the money ', cite('r'), '.'),
];
const base = article({ headline: 'Council budget', body: baseBody, sources: SOURCES });

// Mine: paragraph 2 changed, a comment on paragraph 1, a pending suggestion of Ann in paragraph 4.
const commented = schema.text('council', [schema.mark('comment', { thread: 't1' })]);
const mineReview: ReviewData = {
  authors: { [ANN.id]: { name: ANN.name, initials: ANN.initials } },
  threads: [{ id: 't1', quote: 'council', messages: [{ author: ANN.id, at: '2026-12-01T10:00:00.000Z', text: 'Which council?' }] }],
};
const mineDoc = article({
  headline: 'Council budget',
  body: [
    p('The ', commented, ' met on Monday to discuss the budget.'),
    p('Officials said the plan would cost about four million.'),
    baseBody[2]!,
    p('The vote is expected ', schema.text('next', [schema.mark('deletion', stamp)]), schema.text('this', [schema.mark('insertion', stamp)]), ' week.'),
    baseBody[4]!,
  ],
  sources: SOURCES,
});
const mine = mineDoc.type.create({ review: mineReview }, mineDoc.content);

// Theirs: paragraph 1 changed (only they), 2 changed too (both), 3 removed, 4 changed (mine has a
// suggestion there), a paragraph and a cited source added at the end, the headline changed.
const theirs = article({
  headline: 'City council budget',
  body: [
    p('The council met on Tuesday to discuss the budget.'),
    p('Officials said the plan would cost five million.'),
    p('The vote is expected next month.'),
    baseBody[4]!,
    p('A second vote follows in spring ', cite('ap'), '.'),
  ],
  sources: [...SOURCES, source('ap', { outlet: 'AP' })],
});

describe('mergeTheirs', () => {
  const result = mergeTheirs({ base, mine, theirs, author: BOB, at: AT });

  it('makes a valid document with their changes as suggestions by them', () => {
    result.doc.check();
    expect(result.changes).toBeGreaterThanOrEqual(6);
    const authors = new Set<string>();
    result.doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name !== 'comment') authors.add(mark.attrs.author as string);
      return true;
    });
    expect([...authors].sort()).toEqual([ANN.id, BOB.id].sort());
  });

  it('gives the current text back when their suggestions are rejected', () => {
    const rejected = decide(result.doc, 'reject', BOB.id);
    expect(content(rejected).eq(content(mine))).toBe(true);
  });

  it('brings each of their changes in when accepted, keeping my pending suggestion and comment', () => {
    const accepted = decide(result.doc, 'accept', BOB.id);
    const text = accepted.textContent;
    expect(text).toContain('City council budget');
    expect(text).toContain('met on Tuesday');
    expect(text).toContain('five million');
    expect(text).not.toContain('Residents opposed');
    expect(finalDoc(accepted).textContent).toContain('this month');
    expect(text).toContain('A second vote follows in spring');
    expect(accepted.lastChild!.childCount).toBe(2);
    // Ann's suggestion is still pending, the comment still on "council".
    let annMarks = 0;
    let comments = 0;
    accepted.descendants((node) => {
      if (node.marks.some((mark) => mark.attrs.author === ANN.id)) annMarks++;
      if (node.marks.some((mark) => mark.type.name === 'comment')) comments++;
      return true;
    });
    expect(annMarks).toBeGreaterThan(0);
    expect(comments).toBe(1);
    // Accepting everything reads as theirs for the blocks only they changed.
    const all = finalDoc(accepted);
    expect(all.child(2).textContent).toBe('The council met on Tuesday to discuss the budget.');
  });

  it('lays their change beside my pending suggestion in the same block', () => {
    // Ann suggested "next" → "this"; they changed "week" → "month": both are there.
    const block = result.doc.child(5);
    expect(block.textContent).toBe('The vote is expected nextthis weekmonth.');
    // (their removal of the third paragraph accepted: the block is the fifth child now)
    expect(finalDoc(decide(result.doc, 'accept', BOB.id)).child(4).textContent).toBe('The vote is expected this month.');
  });

  it('keeps both people\'s words where both changed a block', () => {
    const text = result.doc.textContent;
    expect(text).toContain('about');
    expect(text).toContain('five');
    expect(text).toContain('four');
  });

  it('unites the review data by id', () => {
    const theirsWithThread = theirs.type.create(
      { review: { authors: { [BOB.id]: { name: BOB.name, initials: BOB.initials } }, threads: [{ id: 't2', quote: 'x', messages: [{ author: BOB.id, at: '2026-12-01T11:00:00.000Z', text: 'Check.' }] }] } },
      theirs.content,
    );
    const data = reviewDataOf(mergeTheirs({ base, mine, theirs: theirsWithThread, author: BOB, at: AT }).doc);
    expect(Object.keys(data.authors).sort()).toEqual([ANN.id, BOB.id].sort());
    expect(data.threads.map((thread) => thread.id)).toEqual(['t1', 't2']);
  });

  it('changes nothing when they changed nothing', () => {
    const same = mergeTheirs({ base, mine, theirs: base, author: BOB, at: AT });
    expect(same.changes).toBe(0);
    expect(content(same.doc).eq(content(mine))).toBe(true);
  });

  it('gives their version when I changed nothing and all is accepted', () => {
    const merged = mergeTheirs({ base, mine: base, theirs, author: BOB, at: AT });
    expect(content(finalDoc(merged.doc)).eq(content(theirs))).toBe(true);
    expect(content(decide(merged.doc, 'reject', BOB.id)).eq(content(base))).toBe(true);
  });

  it('never shows my own change as theirs to undo, where both changed the same paragraph', () => {
    // I made "beta" bold and added a word; they changed "delta" to "epsilon".
    const b = article({ headline: 'H', body: [p('alpha beta gamma delta')] });
    const m = article({ headline: 'H', body: [p('alpha ', marked('beta', 'strong'), ' gamma more delta')] });
    const t = article({ headline: 'H', body: [p('alpha beta gamma epsilon')] });
    const merged = mergeTheirs({ base: b, mine: m, theirs: t, author: BOB, at: AT });
    // Rejecting theirs is mine exactly; accepting theirs keeps my bold and my word, with their word.
    expect(content(decide(merged.doc, 'reject', BOB.id)).eq(content(m))).toBe(true);
    const accepted = content(decide(merged.doc, 'accept', BOB.id));
    expect(accepted.eq(content(article({ headline: 'H', body: [p('alpha ', marked('beta', 'strong'), ' gamma more epsilon')] })))).toBe(true);
    // Their suggestions are their word only: nothing of mine is marked for deletion by them.
    const deleted: string[] = [];
    merged.doc.descendants((node) => {
      if (node.isText && node.marks.some((mark) => mark.type.name === 'deletion' || mark.type.name === 'format_change')) deleted.push(node.text ?? '');
    });
    expect(deleted).toEqual(['delta']);
  });
});
