/**
 * The compare engine on hand-made pairs (a changed word, a changed citation source, bold added,
 * a block moved, a "Read also" item's URL changed, a paragraph split and joined, fields), on the
 * seed article against a copy edited in 20 places (tests/tools/make-edited-fixture.ts), and on a
 * 600-paragraph article changed throughout.
 */
import { readFileSync } from 'node:fs';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { compareDocs } from '../../shared/compare/compare';
import type { Comparison } from '../../shared/compare/types';
import { parseDraft } from '../../shared/draft/format';
import { decideAll, finalDoc } from '../../shared/review/resolve';
import { schema } from '../../shared/schema';
import { generateArticle, SIZES } from '../bench/generate';
import { editArticle } from '../bench/generate-edits';
import { editedArticle } from '../tools/make-edited-fixture';
import { article, cite, list, marked, p, readAlso, source } from './helpers/build';

const content = (doc: PMNode): PMNode => schema.node('doc', null, doc.content);

/** Compares and checks the defining property: accept all = newer, reject all = older. */
function compare(before: PMNode, after: PMNode): Comparison {
  const result = compareDocs(before, after, { at: new Date('2026-12-02T10:00:00Z') });
  result.doc.check();
  expect(content(decideAll(result.doc, 'accept')).eq(content(finalDoc(after)))).toBe(true);
  expect(content(decideAll(result.doc, 'reject')).eq(content(finalDoc(before)))).toBe(true);
  return result;
}

/** The comparison's text of a change's range. */
const textOf = (result: Comparison, index: number): string => {
  const change = result.changes[index]!;
  return result.doc.textBetween(change.from, change.to, ' ', '¤');
};

const SOURCES = [source('r', { outlet: 'Reuters' }), source('x', { outlet: 'CFR' })];

describe('compareDocs on hand-made pairs', () => {
  it('reports nothing for equal articles', () => {
    const doc = article({ headline: 'Same', body: [p('One paragraph.')] });
    const result = compare(doc, schema.nodeFromJSON(doc.toJSON()));
    expect(result.changes).toEqual([]);
    expect(result.summary).toEqual({ total: 0, byKind: {} });
  });

  it('a changed word is one replacement, in place', () => {
    const result = compare(article({ headline: 'Upcoming Safety Assurances' }), article({ headline: 'Upcoming Security Assurances' }));
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({ kind: 'text', description: 'Replaced: “Safety” → “Security”', block: { old: 1, new: 1 }, deleted: 'Safety', inserted: 'Security' });
    expect(textOf(result, 0)).toBe('SafetySecurity');
    expect(result.doc.attrs.review).toEqual({ authors: { 'newer-version': { name: 'Newer version', initials: 'NV' } }, threads: [] });
  });

  it('a citation pointed at another source reads "[1] → [2]: Reuters → CFR"', () => {
    const before = article({ body: [p('First ', cite('r'), '.'), p('Second ', cite('r'), '.'), p('Third ', cite('x'), '.')], sources: SOURCES });
    const after = article({ body: [p('First ', cite('r'), '.'), p('Second ', cite('x'), '.'), p('Third ', cite('x'), '.')], sources: SOURCES });
    const result = compare(before, after);
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({ kind: 'citation', description: '[1] → [2]: Reuters → CFR', block: { old: 4, new: 4 } });
    const mark = result.doc.nodeAt(result.changes[0]!.from)!.marks.find((m) => m.type.name === 'attr_change');
    expect(mark?.attrs.before).toEqual({ source: 'r' });
  });

  it('bold added is a format change, not a deletion and an insertion', () => {
    const result = compare(article({ body: [p('A very big word here.')] }), article({ body: [p('A very ', marked('big word', 'strong'), ' here.')] }));
    expect(result.changes.map((c) => [c.kind, c.description])).toEqual([['format', 'Formatted: bold']]);
    expect(textOf(result, 0)).toBe('big word');
  });

  it('a link changed on some words is a format change', () => {
    const link = (href: string) => marked('the report', ['link', { href }]);
    const result = compare(article({ body: [p('Read ', link('https://a.example/'), ' now.')] }), article({ body: [p('Read ', link('https://b.example/'), ' now.')] }));
    expect(result.changes.map((c) => [c.kind, c.description])).toEqual([['format', 'Changed link']]);
  });

  it('a block moved is one change, deleted at its old place and inserted at the new', () => {
    const blocks = ['Alpha paragraph with words.', 'Bravo paragraph with other words.', 'Charlie says something else.', 'Delta closes the article.'].map((t) => p(t));
    const result = compare(article({ body: blocks }), article({ body: [blocks[1]!, blocks[2]!, blocks[0]!, blocks[3]!] }));
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({ kind: 'block-moved', block: { old: 3, new: 5 }, description: 'Moved paragraph: “Alpha paragraph with words.”' });
    const marked_ = result.doc.nodeAt(result.changes[0]!.from)!;
    expect(marked_.marks.map((m) => m.type.name)).toEqual(['insertion']);
    expect(textOf(result, 0)).toBe('Alpha paragraph with words.');
  });

  it('a block moved and reworded is a move and a text change', () => {
    const blocks = ['Alpha paragraph with quite a few words in it.', 'Bravo paragraph with other words.', 'Charlie says something else.', 'Delta closes the article.'].map((t) => p(t));
    const result = compare(article({ body: blocks }), article({ body: [blocks[1]!, blocks[2]!, p('Alpha paragraph with quite a few more words in it.'), blocks[3]!] }));
    expect(result.changes.map((c) => [c.kind, c.block])).toEqual([
      ['block-moved', { old: 3, new: 5 }],
      ['text', { old: 3, new: 5 }],
    ]);
    expect(result.changes[1]!.description).toBe('Inserted: “more”');
  });

  it('a "Read also" item\'s URL changed is one field change', () => {
    const item = (url: string) => ({ title: 'Background', url, kicker: 'Explainer' });
    const result = compare(article({ body: [p('Text.'), readAlso('More', item('https://a.example/1'), item('https://a.example/2'))] }), article({ body: [p('Text.'), readAlso('More', item('https://a.example/1'), item('https://a.example/3'))] }));
    expect(result.changes.map((c) => [c.kind, c.description, c.deleted, c.inserted])).toEqual([['read-also', 'Changed “Read also” item: url', 'https://a.example/2', 'https://a.example/3']]);
  });

  it('a paragraph split is one change, and joining it back another', () => {
    const whole = article({ body: [p('The meeting is crucial for peace. The discussion will include guarantees.')] });
    const split = article({ body: [p('The meeting is crucial for peace.'), p('The discussion will include guarantees.')] });
    const there = compare(whole, split);
    expect(there.changes.map((c) => [c.kind, c.block])).toEqual([['split', { old: 3, new: 3 }]]);
    expect(there.changes[0]!.description).toBe('Split paragraph before “The discussion will include guarantees.”');
    const back = compare(split, whole);
    expect(back.changes.map((c) => c.kind)).toEqual(['join']);
  });

  it('a split with words changed around it keeps both', () => {
    const result = compare(article({ body: [p('The meeting is crucial for peace. The discussion will include guarantees.')] }), article({ body: [p('The meeting is vital for peace.'), p('The discussion will include guarantees.')] }));
    expect(result.changes.map((c) => c.kind).sort()).toEqual(['split', 'text']);
  });

  it('a heading made a paragraph, a level changed, blocks added and removed', () => {
    const before = article({ body: [schema.node('heading', { level: 2 }, [schema.text('Background to the talks')]), p('Kept paragraph stays here.'), p('Removed entirely from the text.')] });
    const after = article({ body: [schema.node('heading', { level: 3 }, [schema.text('Background to the talks')]), p('Kept paragraph stays here.'), list('bullet_list', 'A new list')] });
    const result = compare(before, after);
    expect(result.changes.map((c) => [c.kind, c.description])).toEqual([
      ['block-changed', 'Changed heading: level'],
      ['block-removed', 'Deleted paragraph: “Removed entirely from the text.”'],
      ['block-added', 'Inserted bulleted list: “A new list”'],
    ]);
    const retyped = compare(article({ body: [p('Background to the talks')] }), article({ body: [schema.node('heading', { level: 2 }, [schema.text('Background to the talks')])] }));
    expect(retyped.changes.map((c) => [c.kind, c.description])).toEqual([['block-changed', 'Changed paragraph → heading: “Background to the talks”']]);
  });

  it('sources: added, removed and a field changed', () => {
    const before = article({ body: [p('Text ', cite('r'))], sources: [source('r', { outlet: 'Reuters' }), source('old', { title: 'Gone' })] });
    const after = article({ body: [p('Text ', cite('r'))], sources: [source('r', { outlet: 'Reuters', url: 'https://reuters.example/' }), source('new', { title: 'Fresh' })] });
    const result = compare(before, after);
    expect(result.changes.map((c) => [c.kind, c.description])).toEqual([
      ['source', 'Changed source fields: url'],
      ['source', 'Deleted source: Gone'],
      ['source', 'Added source: Fresh'],
    ]);
  });

  it('compares the versions as they read with suggestions accepted, and counts them', () => {
    const stamp = { id: 's1', author: 'ann', at: '2026-12-01T10:00:00.000Z' };
    const withSuggestion = article({ body: [p('Plain ', schema.text('old', [schema.mark('deletion', stamp)]), schema.text('new', [schema.mark('insertion', stamp)]), ' text.')] });
    const result = compare(article({ body: [p('Plain old text.')] }), withSuggestion);
    expect(result.pending).toEqual({ old: 0, new: 1 });
    expect(result.changes.map((c) => c.description)).toEqual(['Replaced: “old” → “new”']);
  });

  it('stamps the changes with the given author', () => {
    const result = compareDocs(article({ headline: 'A' }), article({ headline: 'B' }), { author: { id: 'ed', name: 'Ed', initials: 'E' }, at: new Date('2026-12-02T10:00:00Z') });
    const mark = result.doc.child(0).firstChild!.marks[0]!;
    expect(mark.attrs).toMatchObject({ author: 'ed', at: '2026-12-02T10:00:00.000Z' });
    expect((result.doc.attrs.review as { authors: object }).authors).toEqual({ ed: { name: 'Ed', initials: 'E' } });
  });
});

describe('compareDocs on the seed article edited in 20 places', () => {
  const text = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  const read = (name: string) => parseDraft(text(name)).doc;
  const result = compare(read('seed-article.copydesk'), read('seed-article-edited.copydesk'));

  it('is the fixture its script writes', () => {
    expect(editedArticle(text('seed-article.copydesk'))).toBe(text('seed-article-edited.copydesk'));
  });

  it('reports each of the 20 edits once, in document order', () => {
    expect(result.changes.map((c) => [c.kind, c.description])).toEqual([
      ['text', 'Replaced: “Safety” → “Security”'],
      ['text', 'Deleted: “recently”'],
      ['figure', 'Changed figure: credit'],
      ['figure', 'Replaced: “Upcoming” → “Coming”'],
      ['text', 'Inserted: “reportedly”'],
      ['block-removed', 'Deleted paragraph: “The proposed security guarantees for Ukraine, modelled afte…”'],
      ['block-added', 'Inserted paragraph: “Officials stressed on Sunday that no final text has been ag…”'],
      ['format', 'Formatted: bold'],
      ['citation', 'Deleted citation [2]: Council on Foreign Relations'],
      ['format', 'Added link'],
      ['citation', '[1] → [2]: Reuters → Council on Foreign Relations'],
      ['split', 'Split paragraph before “There is a possibility of a three-way su”'],
      ['join', 'Joined paragraphs before “According to an unconfirmed report by "A”'],
      ['block-moved', 'Moved paragraph: “Russia and Ukraine had negotiations regarding security guar…”'],
      ['text', 'Replaced: “diplomatic” → “political”'],
      ['block-added', 'Inserted list item: “Talks between the delegations are expected to continue next…”'],
      ['read-also', 'Changed “Read also” block: title'],
      ['read-also', 'Changed “Read also” item: url'],
      ['source', 'Changed source fields: note'],
      ['source', 'Changed source fields: url'],
    ]);
    expect(result.summary.total).toBe(20);
    expect(result.coarse).toEqual([]);
    for (let i = 1; i < result.changes.length; i++) expect(result.changes[i]!.from).toBeGreaterThanOrEqual(result.changes[i - 1]!.from);
  });

  it('places each change on its text', () => {
    const at = (i: number) => textOf(result, i);
    expect(at(0)).toBe('SafetySecurity');
    expect(at(3)).toBe('UpcomingComing');
    expect(at(4)).toBe('reportedly ');
    expect(at(7)).toBe('Article 5');
    expect(at(9)).toBe('White House');
    expect(at(14)).toBe('diplomaticpolitical');
    expect(result.changes[13]!.block).toEqual({ old: 13, new: 14 });
    expect(result.changes[11]!.block).toEqual({ old: 9, new: 9 });
  });
});

describe('compareDocs on a long article', () => {
  it('gives fine changes for 600 paragraphs each changed', () => {
    const words = (i: number) => `Paragraph ${String(i)} tells the council budget story with many words about schools and roads and the vote.`;
    const before = article({ body: Array.from({ length: 600 }, (_, i) => p(words(i))) });
    const after = article({ body: Array.from({ length: 600 }, (_, i) => p(words(i).replace('council', i % 2 ? 'city council' : 'assembly'))) });
    const result = compare(before, after);
    expect(result.coarse).toEqual([]);
    expect(result.changes).toHaveLength(600);
    expect(result.changes.every((c) => c.kind === 'text' && c.block.old === c.block.new)).toBe(true);
    expect(result.changes[1]).toMatchObject({ description: 'Inserted: “city”', block: { old: 4, new: 4 } });
  });

  it('keeps pairing paragraphs when many new ones come first and every old one changed', () => {
    const words = (i: number) => `Item ${String(i)} reports on the harbour works and the ferry timetable for week ${String(i)}.`;
    const before = article({ body: Array.from({ length: 100 }, (_, i) => p(words(i))) });
    const fresh = Array.from({ length: 12 }, (_, i) => p(`Breaking update number ${String(i)}: officials gave a statement today.`));
    const after = article({ body: [...fresh, ...Array.from({ length: 100 }, (_, i) => p(`${words(i)} Updated.`))] });
    const result = compare(before, after);
    expect(result.summary.byKind).toEqual({ 'block-added': 12, text: 100 });
  });

  it('says so when a block is too long to compare word by word', () => {
    const long = (seed: number) => Array.from({ length: 12_000 }, (_, i) => ((i * seed) % 7 === 0 ? 'alpha' : `w${String((i * seed) % 97)}`)).join(' ');
    const result = compare(article({ body: [p('Short.'), p(long(3))] }), article({ body: [p('Short.'), p(long(5))] }));
    expect(result.coarse).toEqual([{ block: 4, reason: 'paragraph 4 is too long to compare word by word; shown as replaced' }]);
    expect(result.changes.map((c) => c.kind)).toEqual(['text']);
  });
});

describe('compareDocs on the bench articles edited in spread places (tests/bench/generate-edits.ts)', () => {
  // Each edit once, of its kind: a moved paragraph passing a "Read also" block (whose items hold no
  // text) is the paragraph's move, not the blocks it passed moving the other way.
  const KIND = { words: 'text', citation: 'citation', bold: 'format', 'read-also': 'read-also', move: 'block-moved' } as const;
  it.each([
    ['L', 50, 13],
    ['XL', 500, 13],
    ['XL', 500, 7],
  ] as const)('%s with %i edits (seed %i): each reported once, by kind', (size, edits, seed) => {
    const original = generateArticle(SIZES[size]);
    const edited = editArticle(original, { edits, seed });
    const comparison = compareDocs(original.doc, edited.draft.doc);
    const expected: Partial<Record<string, number>> = {};
    for (const edit of edited.edits) expected[KIND[edit.kind]] = (expected[KIND[edit.kind]] ?? 0) + 1;
    expect(comparison.summary.byKind).toEqual(expected);
    expect(comparison.changes).toHaveLength(edits);
    expect(comparison.coarse).toEqual([]);
  });
});
