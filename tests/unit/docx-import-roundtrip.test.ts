/**
 * Word round trip: a draft exported by the Word export (shared/export/docx.ts) and read back by
 * the Word import keeps its structure (headline, standfirst, byline, blocks, figures with caption
 * and credit, sources with their fields, citations in place, "Read also"), and, with `review`,
 * its suggestions (authors, dates) and threads (replies, resolved state).
 * What is allowed to differ, each because of what a Word file holds:
 * - source ids (citations compared by number) and metadata;
 * - uncited sources (the export lists cited sources only);
 * - a replacement comes back as a deletion and an insertion, a suggested source change on a
 *   citation as the old citation deleted and the new one inserted (Word tracks text, not
 *   attributes), a formatting suggestion accepted;
 * - quotes next to each other are one quote (Word has no quote container: a quote is paragraphs
 *   in the Quote style, and two quotes in a row are such paragraphs in a row);
 * - random drafts (fast-check) are plain: words, emphasis, links, citations, headings, lists,
 *   quotes, "Read also" items with links.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../shared/article';
import { parseDraft, type Draft } from '../../shared/draft/format';
import { newMeta } from '../../shared/draft/meta';
import { exportDocx } from '../../shared/export/docx';
import { importDocx } from '../../shared/import/docx/index';
import { importMarkdown } from '../../shared/import/markdown';
import { indexReview } from '../../shared/review/index';
import { finalDoc } from '../../shared/review/resolve';
import { schema } from '../../shared/schema';
import { projectDoc, type Structure } from './import-structure';

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNkYPjPwMDAxMDAwMDAAAAPHgEDvuTmzQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const readAsset = (): Promise<Uint8Array> => Promise.resolve(PNG);
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

async function roundTrip(draft: Draft, review = false): Promise<Awaited<ReturnType<typeof importDocx>>> {
  return importDocx(await exportDocx(draft, { review, readAsset }), { fileName: 'story.docx', now: new Date('2026-01-02T00:00:00Z') });
}

/** The structure, figures' images compared by kind, uncited sources left out (the export lists cited ones), quotes in a row as one. */
function shape(doc: PMNode): Structure {
  const structure = projectDoc(doc, { srcKindOnly: true });
  const cited = new Set(structure.citations);
  const body: string[] = [];
  let lastTop = '';
  for (const line of structure.body) {
    if (line === 'quote' && lastTop === 'quote') continue;
    if (!line.startsWith(' ')) lastTop = line;
    body.push(line);
  }
  return { ...structure, body, sources: structure.sources.filter((_, i) => cited.has(i + 1)) };
}

describe('the Word export read back', () => {
  it('the seed article', async () => {
    const draft = parseDraft(fixture('seed-article.copydesk'));
    const { draft: back, report, assets } = await roundTrip(draft);
    expect(shape(back.doc)).toEqual(shape(draft.doc));
    expect(report).toMatchObject({ sources: 2, citations: 11, readAlsoItems: 1, dropped: [] });
    expect(assets.map((asset) => asset.src)).toEqual(['assets/imported/image-1.png']);
  });

  it('a richer draft: byline, credit, web picture, quote, lists, headings, "Read also" with its own title, a source with URL and note', async () => {
    const markdown = [
      '# Port strike enters second week',
      '',
      'Dock workers and operators remain apart on pay.',
      '',
      'By Jane Reporter and John Roe',
      '',
      '![Cranes idle](https://cdn.example.com/port.jpg "Photo: A. Photographer / Agency")',
      'Cranes stand idle at the terminal.',
      '',
      'The strike began on 10 August.[^1] Losses exceed **€40 million** a *day*.[^2]',
      '',
      '## What happens next',
      '',
      '> "We will stay out," one docker said.[^1]',
      '',
      '- A mediator is expected on [Thursday](https://example.org/thursday).',
      '- Shipping lines divert.',
      '',
      '### Smaller heading',
      '',
      '1. First',
      '2. Second[^3]',
      '',
      '**The strike in context**',
      '',
      '- Analysis: [Why ports matter](https://www.example.com/analysis/ports)',
      '- [Strike begins](https://www.example.com/strike-begins)',
      '',
      '[^1]: “Dock strike halts terminal,” Port Gazette, 11 August 2025. https://portgazette.example/strike',
      "[^2]: Operators' association, press release of 14 August.",
      '[^3]: [Port data](https://data.example.org/port), Port Authority, 2024. Figures for July.',
    ].join('\n');
    const { draft } = importMarkdown(markdown);
    const { draft: back, report } = await roundTrip(draft);
    expect(shape(back.doc)).toEqual(shape(draft.doc));
    expect(back.meta.authors).toEqual(['Jane Reporter', 'John Roe']);
    expect(report.dropped).toEqual([]);
  });

  it('with --review: suggestions keep their kind, author and date; threads their messages and resolved state', async () => {
    const draft = parseDraft(fixture('review-article.copydesk'));
    const { draft: back } = await roundTrip(draft, true);
    const before = indexReview(draft.doc);
    const after = indexReview(back.doc);
    const name = (index: typeof before, id: string): string => index.authors[id]?.name ?? id;
    // Every original suggestion has its counterparts, by the same author at the same time.
    const stamps = (index: typeof before): string[] => [...new Set(index.suggestions.filter((s) => s.kind !== 'format').map((s) => `${name(index, s.author)} ${new Date(s.at).toISOString()}`))].sort();
    expect(stamps(after)).toEqual(stamps(before));
    expect(after.suggestions.map((s) => s.kind)).toEqual(['deletion', 'insertion', 'insertion', 'deletion', 'insertion', 'deletion', 'deletion']);
    expect(after.suggestions.at(-1)?.description).toBe('Deleted paragraph');
    const threads = (index: typeof before): unknown[] => index.threads.filter((t) => !t.detached).map((t) => ({ quote: t.thread.quote, messages: t.thread.messages.map((m) => [name(index, m.author), m.text]), resolved: t.thread.resolved !== undefined }));
    expect(threads(after)).toEqual(threads(before));
    // Accepting everything reads the same in both.
    expect(shape(finalDoc(back.doc))).toEqual(shape(finalDoc(draft.doc)));
  });
});

// Random plain drafts: words, emphasis, links, citations of a few sources, headings, lists, quotes, "Read also".
const word = fc.constantFrom('port', 'strike', 'union', 'talks', 'Monday', 'ministry', 'ships', 'pay', 'deal', 'Rotterdam', 'crane', 'vote');
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '));
const SOURCES = [
  { id: 'gazette-2025', title: 'Dock strike halts terminal', outlet: 'Port Gazette', date: '2025', url: 'https://portgazette.example/strike', note: '' },
  { id: 'weekly-2024', title: 'Ports in Europe', outlet: 'Shipping Weekly', date: '2024', url: '', note: '' },
  { id: 'union-note', title: '', outlet: '', date: '', url: '', note: 'Union statement of 12 August.' },
];
const inline = fc.array(
  fc.oneof(
    words.map((text) => [schema.text(`${text} `)]),
    words.map((text) => [schema.text(text, [schema.mark('strong')]), schema.text(' ')]),
    words.map((text) => [schema.text(text, [schema.mark('em')]), schema.text(' ')]),
    words.map((text) => [schema.text(text, [schema.mark('link', { href: 'https://example.org/a' })]), schema.text(' ')]),
    fc.constantFrom(...SOURCES.map((s) => s.id)).map((id) => [schema.node('citation', { source: id }), schema.text(' ')]),
  ),
  { minLength: 1, maxLength: 6 },
).map((pieces) => [schema.text('Text '), ...pieces.flat(), schema.text('end.')]);
const paragraph = inline.map((content) => schema.node('paragraph', null, content));
const block = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(2, 3), words).map(([level, text]) => schema.node('heading', { level }, [schema.text(text)])) },
  { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((items) => schema.node('bullet_list', null, items.map((p) => schema.node('list_item', null, [p])))) },
  { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((items) => schema.node('ordered_list', { start: 1 }, items.map((p) => schema.node('list_item', null, [p])))) },
  { weight: 1, arbitrary: paragraph.map((p) => schema.node('blockquote', null, [p])) },
);
const readAlso = fc.array(words, { minLength: 1, maxLength: 3 }).map((titles) =>
  schema.node('read_also', { title: '' }, titles.map((title, i) => schema.node('read_also_item', { title, url: `https://example.com/story-${String(i)}`, kicker: '' }))),
);
const arbPlainDraft = fc.record({ headline: words, standfirst: words, body: fc.array(block, { minLength: 1, maxLength: 6 }), readAlso: fc.option(readAlso) }).map(({ headline, standfirst, body, readAlso: box }) => {
  const doc = buildArticle({
    headline: [schema.text(headline)],
    standfirst: [schema.text(standfirst)],
    body: [schema.node('paragraph', null, [schema.text('First paragraph '), schema.node('citation', { source: 'gazette-2025' }), schema.text('.')]), ...body, ...(box ? [box] : [])],
    sources: SOURCES.map((source) => schema.node('source', source)),
  });
  return { meta: newMeta(new Date('2026-01-01T00:00:00Z')), doc } satisfies Draft;
});

describe('random plain drafts', () => {
  it('keep their structure through the Word export and import', async () => {
    await fc.assert(
      fc.asyncProperty(arbPlainDraft, async (draft) => {
        const { draft: back } = await roundTrip(draft);
        expect(shape(back.doc)).toEqual(shape(draft.doc));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
