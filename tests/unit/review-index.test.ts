/**
 * The review index (shared/review/index.ts, describe.ts): suggestions grouped by id in document
 * order with their kind and a person's description, threads with their anchors or detached, on
 * small documents built from the marks, on the review fixture, and at 100,000 words.
 */
import { readFileSync } from 'node:fs';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../shared/draft/format';
import { indexReview } from '../../shared/review/index';
import type { ReviewData } from '../../shared/review/model';
import { schema } from '../../shared/schema';
import { documentWords } from '../../shared/words';
import { article, cite, marked, p, source } from './helpers/build';

const AT = '2026-01-02T03:04:05.000Z';
const stamp = (id: string, author = 'a-one'): Record<string, string> => ({ id, author, at: AT });
const mark = (name: string, id: string, extra: Record<string, unknown> = {}): Mark => schema.mark(name, { ...stamp(id), ...extra });
const text = (value: string, ...marks: Mark[]): PMNode => schema.text(value, marks);

const SOURCES = [
  source('reuters', { title: 'Allies explore guarantees', outlet: 'Reuters' }),
  source('cfr', { title: 'Security Guarantees', outlet: 'CFR' }),
  source('untitled'),
  source('titled', { title: 'Only a title' }),
];

/** The descriptions of a body's suggestions, in order. */
function described(body: PMNode[], sources: PMNode[] = SOURCES): [string, string][] {
  return indexReview(article({ headline: 'H', body, sources })).suggestions.map((entry) => [entry.kind, entry.description]);
}

describe('describing suggestions', () => {
  it('names text insertions, deletions and replacements, quoting about 60 characters', () => {
    const long = 'a long inserted sentence that goes on well beyond sixty characters in all';
    expect(
      described([
        p('One ', text('inserted', mark('insertion', 's1')), ' two ', text('deleted', mark('deletion', 's2')), ' three'),
        p(text('old', mark('deletion', 's3')), text('new', mark('insertion', 's3')), ' and ', text(long, mark('insertion', 's4'))),
      ]),
    ).toEqual([
      ['insertion', 'Inserted: “inserted”'],
      ['deletion', 'Deleted: “deleted”'],
      ['replacement', 'Replaced: “old” → “new”'],
      ['insertion', `Inserted: “${long.slice(0, 59).trimEnd()}…”`],
    ]);
  });

  it('joins one suggestion’s text across blocks with a space', () => {
    expect(described([p('A ', text('end of one', mark('deletion', 's1'))), p(text('start of two', mark('deletion', 's1')), ' B')])).toEqual([
      ['deletion', 'Deleted: “end of one start of two”'],
    ]);
  });

  it('names formatting changes', () => {
    const link = schema.mark('link', { href: 'https://example.com' });
    expect(
      described([
        p(text('bold', schema.mark('strong'), mark('format_change', 'f1', { before: [] }))),
        p(text('plain', mark('format_change', 'f2', { before: [{ type: 'em' }] }))),
        p(text('linked', link, mark('format_change', 'f3', { before: [] }))),
        p(text('both', schema.mark('strong'), mark('format_change', 'f4', { before: [{ type: 'em' }] }))),
        p(text('relinked', link, mark('format_change', 'f5', { before: [{ type: 'link', attrs: { href: 'https://old.example' } }] }))),
      ]),
    ).toEqual([
      ['format', 'Formatted: bold'],
      ['format', 'Removed: italic'],
      ['format', 'Added link'],
      ['format', 'Formatted: bold; removed: italic'],
      ['format', 'Changed link'],
    ]);
  });

  it('names citations and sources by outlet, else title, else id', () => {
    const changed = (to: string, from: string, id: string): PMNode => schema.node('citation', { source: to }, undefined, [mark('attr_change', id, { before: { source: from } })]);
    const inserted = (id: string, sourceId: string): PMNode => schema.node('citation', { source: sourceId }, undefined, [mark('insertion', id)]);
    const deleted = (id: string, sourceId: string): PMNode => schema.node('citation', { source: sourceId }, undefined, [mark('deletion', id)]);
    expect(
      described(
        [p('A', changed('cfr', 'reuters', 'c1'), ' B', changed('titled', 'untitled', 'c2'), inserted('c3', 'cfr'), deleted('c4', 'reuters'), inserted('c5', 'missing'))],
        [
          ...SOURCES,
          schema.node('source', { id: 'new', title: 'New one', outlet: 'AP' }, undefined, [mark('insertion', 'c6')]),
          schema.node('source', { id: 'edited', title: 'T', date: '2024' }, undefined, [mark('attr_change', 'c7', { before: { title: 'Old', date: '2023' } })]),
        ],
      ),
    ).toEqual([
      ['attributes', 'Changed source: Reuters → CFR'],
      ['attributes', 'Changed source: untitled → Only a title'],
      ['insertion', 'Inserted citation: CFR'],
      ['deletion', 'Deleted citation: Reuters'],
      ['insertion', 'Inserted citation: missing'],
      ['insertion', 'Added source: AP'],
      ['attributes', 'Changed source fields: title, date'],
    ]);
  });

  it('names whole blocks, "Read also", figures, splits and joins', () => {
    const item = (attrs: Record<string, string>, marks: Mark[] = []): PMNode => schema.node('read_also_item', { title: 'T', url: 'https://example.com', kicker: '', ...attrs }, undefined, marks);
    const listItem = (content: string, marks: Mark[] = []): PMNode => schema.node('list_item', null, [p(content)], marks);
    expect(
      described([
        schema.node('paragraph', null, [text('new block')], [mark('insertion', 'b1')]),
        schema.node('bullet_list', null, [listItem('kept'), listItem('gone', [mark('deletion', 'b2')])]),
        schema.node('read_also', { title: '' }, [item({})], [mark('insertion', 'b3')]),
        schema.node('read_also', { title: '' }, [item({ title: 'New' }, [mark('attr_change', 'b4', { before: { title: 'Old' } })])]),
        schema.node('figure', { src: 'assets/a.jpg', alt: 'A', credit: 'AP' }, [schema.node('figcaption')], [mark('attr_change', 'b5', { before: { credit: '' } })]),
        schema.node('paragraph', null, [text('second half')], [mark('split', 'b6')]),
        schema.node('paragraph', null, [text('joined')], [mark('join', 'b7')]),
      ]),
    ).toEqual([
      ['insertion', 'Inserted paragraph'],
      ['deletion', 'Deleted list item'],
      ['insertion', 'Inserted “Read also” block'],
      ['attributes', 'Changed “Read also” item: title'],
      ['attributes', 'Changed figure: credit'],
      ['split', 'New paragraph'],
      ['join', 'Joined paragraphs'],
    ]);
  });

  it('says what a suggestion of text and a new block does: its text', () => {
    expect(described([p('A', text(' typed', mark('insertion', 's1'))), schema.node('paragraph', null, [text('more')], [mark('split', 's1')])])).toEqual([
      ['insertion', 'Inserted: “typed”'],
    ]);
  });
});

describe('the index of the review fixture', () => {
  const doc = parseDraft(readFileSync(new URL('../fixtures/review-article.copydesk', import.meta.url), 'utf8')).doc;
  const index = indexReview(doc);

  it('lists every suggestion once, in document order, with author and time', () => {
    expect(index.suggestions.map((entry) => [entry.id, entry.author, entry.kind, entry.description])).toEqual([
      ['s-headline', 'a-editor', 'replacement', 'Replaced: “Safety” → “Security”'],
      ['s-monday', 'a-reporter', 'insertion', 'Inserted: “, on Monday,”'],
      ['s-bold', 'a-editor', 'format', 'Formatted: bold'],
      ['s-source', 'a-editor', 'attributes', 'Changed source: Reuters → Council on Foreign Relations'],
      ['s-alaska', 'a-editor', 'deletion', 'Deleted: “, especially after the Alaska summit”'],
      ['s-istanbul', 'a-reporter', 'deletion', 'Deleted paragraph'],
    ]);
    expect(index.suggestions[0]).toMatchObject({ at: '2025-08-18T08:00:00.000Z' });
  });

  it('gives each suggestion its range', () => {
    for (const entry of index.suggestions) {
      expect(entry.to).toBeGreaterThan(entry.from);
      const marked = new Set<string>();
      doc.nodesBetween(entry.from, entry.to, (node) => {
        for (const m of node.marks) if (m.attrs.id === entry.id) marked.add(m.type.name);
      });
      expect(marked.size).toBeGreaterThan(0);
    }
    const headline = index.suggestions[0];
    expect(doc.textBetween(headline?.from ?? 0, headline?.to ?? 0)).toBe('SafetySecurity');
  });

  it('lists anchored threads by place, then detached ones, with the authors table', () => {
    expect(index.threads.map((entry) => [entry.thread.id, entry.detached, entry.from === null ? null : doc.textBetween(entry.from, entry.to ?? 0)])).toEqual([
      ['t-visit', false, "Zelensky's visit"],
      ['t-territory', false, 'territorial issues'],
      ['t-gone', true, null],
    ]);
    expect(index.authors['a-reporter']).toEqual({ name: 'Ruth Reporter', initials: 'RR' });
  });

  it('is empty for a draft without review', () => {
    expect(indexReview(article({ body: [p('x')] }))).toEqual({ suggestions: [], threads: [], authors: {} });
  });
});

describe('at 100,000 words', () => {
  it('indexes 1,000 suggestions and 200 threads (50 of them detached) in one walk', () => {
    const words = (n: number, seed: number): string => Array.from({ length: n }, (_, i) => `word${String((seed + i) % 97)}`).join(' ');
    const body: PMNode[] = [];
    const threads: ReviewData['threads'] = [];
    for (let i = 0; i < 1000; i++) {
      const id = `s${String(i)}`;
      const author = i % 2 === 0 ? 'a-one' : 'a-two';
      const m = (name: string, extra: Record<string, unknown> = {}): Mark => schema.mark(name, { ...stamp(id, author), ...extra });
      const change =
        i % 4 === 0
          ? [text(' added words', m('insertion'))]
          : i % 4 === 1
            ? [text(' cut words', m('deletion'))]
            : i % 4 === 2
              ? [text(' old', m('deletion')), text(' new', m('insertion'))]
              : [marked(' bold', 'strong', ['format_change', { ...stamp(id, author), before: [] }])];
      const commentMark = i < 150 ? [schema.mark('comment', { thread: `t${String(i)}` })] : [];
      body.push(p(text(words(50, i), ...commentMark), ...change, ' ', words(50, i + 1), cite('reuters')));
      if (i < 200) threads.push({ id: `t${String(i)}`, quote: 'q', messages: [{ author: 'a-one', at: AT, text: 'Why?' }] });
    }
    const doc = schema.node('doc', { review: { authors: { 'a-one': { name: 'One', initials: 'O' }, 'a-two': { name: 'Two', initials: 'T' } }, threads } }, [
      schema.node('headline', null, [schema.text('Long')]),
      schema.node('standfirst'),
      ...body,
      schema.node('sources', null, SOURCES),
    ]);
    expect(documentWords(doc)).toBeGreaterThanOrEqual(100_000);

    const index = indexReview(doc);
    expect(index.suggestions).toHaveLength(1000);
    expect(index.suggestions.map((entry) => entry.id)).toEqual(Array.from({ length: 1000 }, (_, i) => `s${String(i)}`));
    const kinds = new Map<string, number>();
    for (const entry of index.suggestions) kinds.set(entry.kind, (kinds.get(entry.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ insertion: 250, deletion: 250, replacement: 250, format: 250 });
    expect(index.suggestions.filter((entry) => entry.author === 'a-two')).toHaveLength(500);
    expect(index.suggestions[2]?.description).toBe('Replaced: “old” → “new”');
    expect(index.threads).toHaveLength(200);
    expect(index.threads.filter((entry) => entry.detached)).toHaveLength(50);
    expect(index.threads.slice(0, 150).every((entry, i) => entry.thread.id === `t${String(i)}` && entry.from !== null)).toBe(true);
    expect(index.threads[150]?.thread.id).toBe('t150');
  });
});
