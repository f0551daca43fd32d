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
 * - random articles (fast-check, helpers/arbitrary-article.ts) are plain: words, emphasis, links,
 *   citations, headings, lists, quotes, figures, "Read also" items with links, plain source fields.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { parseDraft, type Draft } from '../../shared/draft/format';
import { exportDocx } from '../../shared/export/docx';
import { renderExport } from '../../shared/export/format-uses';
import { EXPORT_FORMATS, type ExportFormatSpec } from '../../shared/export/formats';
import { importDocx } from '../../shared/import/docx/index';
import { importMarkdown } from '../../shared/import/markdown';
import { indexReview } from '../../shared/review/index';
import { finalDoc } from '../../shared/review/resolve';
import { arbArticleDraft } from './helpers/arbitrary-article';
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

describe('random articles (helpers/arbitrary-article.ts)', () => {
  it('keep their structure through the Word writer of the registry and the import; figures keep their picture', async () => {
    const spec = EXPORT_FORMATS.find((format) => format.name === 'docx') as ExportFormatSpec;
    await fc.assert(
      fc.asyncProperty(arbArticleDraft, async (draft) => {
        const bytes = await renderExport(spec, draft, { fragment: false, readAsset });
        const back = await importDocx(bytes as Uint8Array, { fileName: 'story.docx', assetStem: 'story' });
        expect(shape(back.draft.doc)).toEqual(shape(draft.doc));
        expect(back.assets.every((asset) => asset.src.startsWith('assets/story/') && asset.bytes.length === PNG.length)).toBe(true);
      }),
      { numRuns: Number(process.env.COPYDESK_PROPERTY_RUNS ?? 100) },
    );
  }, 120_000);
});
