/**
 * Exports of a draft under review (issue 12 §8): clean by default, through the one path every
 * export takes (`renderExport`, the CLI, the export service), and with `review` the suggestions
 * and comments shown: HTML checked by the W3C checker, Markdown in CriticMarkup read back by
 * cmark-gfm and pandoc as the same literal spans.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Fragment, Slice } from 'prosemirror-model';
import { describe, expect, it, vi } from 'vitest';
import { validateRequest } from '../../shared/ipc/validate';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { exportedDraft, renderExport } from '../../shared/export/format-uses';
import { EXPORT_FORMATS } from '../../shared/export/formats';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import { hasReviewContent } from '../../shared/review/accepted';
import { decideAll, finalDoc, hasReview } from '../../shared/review/resolve';
import { parseCommandLine } from '../../electron/cli/args';
import { createHandlers } from '../../electron/api/handlers';
import { runExport } from '../../electron/cli/commands';
import { writeExport } from '../../electron/services/exports';
import { previewPage } from '../../renderer/app/panels/preview-page';
import { article, draftOf, p } from './helpers/build';
import { run } from './helpers/md-readers';
import { ACCEPTED_FIRST, ACCEPTED_HEADLINE, ACCEPTED_STANDFIRST, reviewArticle } from './helpers/review-doc';
import { tempDir } from './helpers/services-fixtures';
import { checkHtml, formatVnuMessage, isVnuError } from './helpers/vnu';

const draft = draftOf(reviewArticle());
/** Words that only the deleted text, the comments or the review data hold. */
const REVIEW_ONLY = ['CFR note', 'hits', 'very', 'said', 'Dropped item', 'sentence that was deleted', 'Which source', 'Resolved & done', 'Why cut', 'Ana Ruiz', 'Ben Ode', 'AP wire', 'Reuters, '];
/** Format characters (U+200B and friends, bidi controls, BOM, soft hyphen…): none may appear. */
const INVISIBLE = /[\p{Cf}\u200b-\u200d\u2060\ufeff]/u;

const text = async (format: 'html' | 'md', review: boolean): Promise<string> => {
  const spec = EXPORT_FORMATS.find((f) => f.name === format);
  if (!spec) throw new Error(format);
  return String(await renderExport(spec, draft, { fragment: false, review }));
};

describe('a clean export (the default)', () => {
  it('is the text with every suggestion accepted: exact Markdown', async () => {
    expect(await text('md', false)).toBe(
      [
        `# ${ACCEPTED_HEADLINE}`,
        '',
        ACCEPTED_STANDFIRST,
        '',
        `${ACCEPTED_FIRST.replace('small town', 'small **town**')}[^1][^2]`,
        '',
        'A new paragraph.',
        '',
        'Split here and joined.',
        '',
        '- Kept item',
        '',
        '![Storm](<https://example.com/storm.jpg> "AFP")\\',
        'The coast.',
        '',
        '**Read also**',
        '',
        '- [Earlier storms](<https://example.com/earlier>)',
        '- [Flood maps](<https://example.com/maps>)',
        '',
        '[^1]: “Reuters report.”',
        '',
        '[^2]: “CFR brief.”',
        '',
      ].join('\n'),
    );
  });

  it('has no mark, no comment, no deleted text and no invisible character, in HTML and Markdown', async () => {
    for (const format of ['html', 'md'] as const) {
      const out = await text(format, false);
      for (const word of REVIEW_ONLY) expect(out, `${format}: ${word}`).not.toContain(word);
      expect(out).not.toMatch(/<(ins|del|mark)\b|review|data-suggestion|data-thread|\{\+\+|\{--|\{==|\{>>/u);
      expect(out).not.toMatch(INVISIBLE);
    }
    const html = await text('html', false);
    expect(html).toContain(`<h1>${ACCEPTED_HEADLINE}</h1>`);
    expect(html).toContain('<p>Three people died in the small <strong>town</strong>, officials confirmed.<sup');
    // The deleted citation of AP takes no number: the retargeted one is source 2.
    expect(html).toContain('aria-label="Source 2: CFR brief">2</a>');
    expect(html).toContain('<title>Storm batters coast</title>');
  });

  it('is what the CLI, the export service and the Preview panel write', async () => {
    const dir = await tempDir('review-export');
    try {
      const file = path.join(dir, 'story.copydesk');
      await fs.writeFile(file, serializeDraft(draft));
      const chunks: string[] = [];
      const out = { write: (chunk: string | Uint8Array) => void chunks.push(String(chunk)) };
      expect(parseCommandLine(['export', file, '--to', 'md'])).toEqual({ command: 'export', draft: file, to: 'md', fragment: false, output: undefined });
      await runExport({ draft: file, to: 'md', fragment: false, output: undefined }, out);
      expect(chunks.join('')).toBe(await text('md', false));
      const invocation = parseCommandLine(['export', file, '--to', 'md', '--review']);
      expect(invocation).toMatchObject({ command: 'export', review: true });
      chunks.length = 0;
      if (invocation.command !== 'export') throw new Error('not export');
      await runExport(invocation, out);
      expect(chunks.join('')).toBe(await text('md', true));

      const target = path.join(dir, 'story.html');
      await writeExport(EXPORT_FORMATS, draft, 'html', {}, target);
      expect(await fs.readFile(target, 'utf8')).toBe(await text('html', false));
      await writeExport(EXPORT_FORMATS, draft, 'html', { review: true }, target);
      expect(await fs.readFile(target, 'utf8')).toBe(await text('html', true));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
    const preview = previewPage(draft.meta, draft.doc);
    expect(preview).toContain(`<h1>${ACCEPTED_HEADLINE}</h1>`);
    expect(preview).not.toMatch(/<(ins|del|mark)\b|hits/u);
  });

  it('export.write takes the review flag from the renderer to the export service', async () => {
    expect(validateRequest('export.write', { name: 'a.copydesk', format: 'md', review: true })).toEqual({ name: 'a.copydesk', format: 'md', review: true });
    expect(() => validateRequest('export.write', { name: 'a.copydesk', format: 'md', review: 'yes' })).toThrow(/review/u);
    const write = vi.fn(async () => {});
    const services = { exports: { write } } as unknown as Parameters<typeof createHandlers>[0]['services'];
    const handlers = createHandlers({ services, emit: () => {} });
    const caller = { chooseExportTarget: async () => '/tmp/out.md' } as unknown as Parameters<(typeof handlers)['export.write']>[1];
    for (const review of [false, true]) {
      await handlers['export.write']({ name: 'story.copydesk', format: 'md', ...(review ? { review } : {}) }, caller);
      expect(write).toHaveBeenLastCalledWith('story.copydesk', 'md', { fragment: false, review }, '/tmp/out.md');
    }
  });

  it('leaves a draft with no review as it is (the same object)', () => {
    const plain = draftOf(article({ headline: 'H', body: [p('Text')] }));
    expect(hasReview(plain.doc)).toBe(false);
    expect(exportedDraft(plain)).toBe(plain);
    expect(hasReview(exportedDraft(draft).doc)).toBe(false);
  });
});

describe('an export with review: HTML', () => {
  const html = exportHtml(draft, { review: true });

  it('shows insertions and deletions with author and datetime, notes, comments and their threads', () => {
    expect(html).toContain('<h1>Storm <del class="review" datetime="2026-12-02T10:00:00Z" data-author="Ana Ruiz" title="Deleted by Ana Ruiz, 2026-12-02 10:00 UTC">hits</del><ins class="review" datetime="2026-12-02T10:00:00Z" data-author="Ana Ruiz"');
    expect(html).toMatch(/<del class="review-block"[^>]*data-author="Ana Ruiz"[^>]*>\n<p>A sentence that was deleted\. <sup class="citation">\[–\]<\/sup><\/p>\n<\/del>/u);
    expect(html).toMatch(/<ins class="review-block"[^>]*data-author="Ben Ode"[^>]*>\n<p>A new paragraph\.<\/p>\n<\/ins>/u);
    expect(html).toContain('[Ana Ruiz, 2026-12-02 10:00 UTC: Formatted: bold]');
    expect(html).toContain('[Ben Ode, 2026-12-02 10:00 UTC: Changed source: Reuters report → CFR brief]');
    expect(html).toContain('[Ana Ruiz, 2026-12-02 10:00 UTC: Changed figure: credit “Reuters” → “AFP”]');
    expect(html).toContain('[Ben Ode, 2026-12-02 10:00 UTC: Changed source fields: title “CFR note” → “CFR brief”]');
    expect(html).toMatch(/<li><ins class="review-block"[^>]*data-author="Ben Ode"[^>]*>\n<a href="https:\/\/example.com\/maps"[^>]*>Flood maps<\/a><\/ins>/u);
    expect(html).toContain('<mark class="review-comment">Three people ');
    expect(html).toContain('<a href="#cd-thread-1">[comment 1]</a>');
    expect(html).toMatch(/<aside class="review-threads"[\s\S]*Which source says three\?[\s\S]*Reuters, &lt;confirmed&gt;\.[\s\S]*Resolved by Ana Ruiz[\s\S]*On deleted text: “a sentence that was deleted”/u);
    expect(html).toMatch(/<aside class="review-suggestions"[\s\S]*<li><span class="review-author">Ana Ruiz<\/span>, <time datetime="2026-12-02T10:00:00Z">2026-12-02 10:00 UTC<\/time>: Replaced: “hits” → “batters”<\/li>/u);
    expect(html).not.toMatch(INVISIBLE);
    // The title is the headline as it would read.
    expect(html).toContain('<title>Storm batters coast</title>');
  });

  it('passes the W3C checker: whole page, fragment, and the review fixture (tests/fixtures/review-article.copydesk)', async () => {
    const fixture = parseDraft(await fs.readFile(new URL('../fixtures/review-article.copydesk', import.meta.url), 'utf8'));
    const fixtureReview = exportHtml(fixture, { review: true });
    expect(fixtureReview).toMatch(/<del class="review"[^>]*>Safety<\/del><ins class="review"[^>]*>Security<\/ins>/u);
    expect(fixtureReview).not.toMatch(INVISIBLE);
    expect(exportHtml(exportedDraft(fixture))).not.toMatch(/<(ins|del|mark)\b|Safety|Alaska summit|\u200b/u);
    const results = await checkHtml({
      page: html,
      fragment: `<!DOCTYPE html><html lang="en"><title>f</title>${exportHtml(draft, { review: true, fragment: true })}</html>`,
      fixture: fixtureReview,
    });
    const errors = [...results].flatMap(([name, messages]) => messages.filter(isVnuError).map((m) => `${name}: ${formatVnuMessage(m)}`));
    expect(errors).toEqual([]);
  }, 120_000);
});

describe('an export with review: Markdown in CriticMarkup', () => {
  const md = exportMarkdown(draft, { review: true });
  const SPANS = [
    '{--hits--}{++batters++}',
    '{--very --}{>>Ben Ode, 2026-12-02 10:00 UTC<<}',
    '{==Three people died in the ==}{++small ++}',
    'town{>>Ana Ruiz, 2026-12-02 10:00 UTC: Formatted: bold<<}',
    '{--said--}{++confirmed++}{>>Ben Ode, 2026-12-02 10:00 UTC<<}',
    '{>>Ben Ode, 2026-12-02 10:00 UTC: Changed source: Reuters report → CFR brief<<}',
    '{>>Ana Ruiz, 2026-12-02 10:00 UTC: Which source says three? — Ben Ode, 2026-12-02 11:30 UTC: Reuters, <confirmed>.<<}',
    '(resolved by Ana Ruiz, 2026-12-02 12:00 UTC)<<}',
    '{--A sentence that was deleted. [–]--}',
    '{++A new paragraph.++}',
    '{++¶++}{>>Ana Ruiz, 2026-12-02 10:00 UTC<<}Split here',
    '{--¶--}{>>Ana Ruiz, 2026-12-02 10:00 UTC<<} and joined.',
    '{--Dropped item--}',
    'The coast.{>>Ana Ruiz, 2026-12-02 10:00 UTC: Changed figure: credit “Reuters” → “AFP”<<}',
    '{++Flood maps++}',
    'CFR brief.”{>>Ben Ode, 2026-12-02 10:00 UTC: Changed source fields: title “CFR note” → “CFR brief”<<}',
    '{>>On deleted text “a sentence that was deleted”: Ana Ruiz, 2026-12-02 10:00 UTC: Why cut this?<<}',
  ];

  it('writes every suggestion and thread', () => {
    expect(md).toContain('# Storm {--hits--}{++batters++}{>>Ana Ruiz, 2026-12-02 10:00 UTC<<} coast\n');
    expect(md).toContain('- {--Dropped item--}{>>Ana Ruiz, 2026-12-02 10:00 UTC<<}\n');
    expect(md).toContain('**town**{>>Ana Ruiz, 2026-12-02 10:00 UTC: Formatted: bold<<}');
    expect(md).not.toMatch(INVISIBLE);
  });

  it('reads back as the same literal spans with cmark-gfm and pandoc (gfm, and markdown without smart punctuation)', () => {
    const readings = {
      cmark: run('cmark-gfm', ['-e', 'footnotes', '-t', 'plaintext', '--width', '0'], md),
      pandocGfm: run('pandoc', ['-f', 'gfm', '-t', 'plain', '--wrap=none'], md),
      pandocMarkdown: run('pandoc', ['-f', 'markdown-smart', '-t', 'plain', '--wrap=none'], md),
    };
    for (const [reader, plain] of Object.entries(readings)) {
      for (const span of SPANS) expect(plain, `${reader}: ${span}`).toContain(span);
    }
    // No reader takes a span for markup: no strikethrough, no raw HTML.
    expect(run('cmark-gfm', ['-e', 'footnotes', '-e', 'strikethrough', '-t', 'html'], md)).not.toMatch(/<(del|ins|s)>/u);
    expect(run('pandoc', ['-f', 'gfm', '-t', 'html'], md)).not.toMatch(/<(del|ins|s)>/u);
  });
});

describe('an export with review: text that looks like CriticMarkup', () => {
  it('cannot close its span early ("C++}" inserted, "a==}" commented): each span reads back whole', () => {
    const stamp = { id: 's1', author: 'ana', at: '2026-12-02T10:00:00Z' };
    const doc = article({ body: [p()] });
    const paragraph = doc.type.schema.node('paragraph', null, [
      doc.type.schema.text('Code in '),
      doc.type.schema.text('C++}', [doc.type.schema.mark('insertion', stamp)]),
      doc.type.schema.text(' and '),
      doc.type.schema.text('a==}', [doc.type.schema.mark('comment', { thread: 't1' })]),
    ]);
    const withText = doc.replace(doc.child(0).nodeSize + doc.child(1).nodeSize, doc.child(0).nodeSize + doc.child(1).nodeSize + 2, new Slice(Fragment.from(paragraph), 0, 0));
    const reviewed = withText.type.create({ review: { authors: { ana: { name: 'Ana Ruiz', initials: 'AR' } }, threads: [{ id: 't1', quote: 'a==}', messages: [{ author: 'ana', at: stamp.at, text: 'Why?' }] }] } }, withText.content);
    const md = exportMarkdown(draftOf(reviewed), { review: true });
    expect(md).toContain('{++C++\\}++}');
    expect(md).toContain('{==a==\\}==}');
    // A CriticMarkup reader's rule: a span ends at its first closing delimiter.
    const insertion = /\{\+\+(.*?)\+\+\}/u.exec(md)?.[1];
    expect(insertion).toBe('C++\\}');
    expect(run('cmark-gfm', ['-t', 'plaintext', '--width', '0'], md)).toContain('{++C++}++}');
  });
});

describe('what the app asks before an export', () => {
  it('asks for a draft holding marks or threads, not for one with only an author table left', () => {
    expect(hasReviewContent(draft.doc)).toBe(true);
    const decided = decideAll(draft.doc, 'accept');
    const onlyAuthors = decided.type.create({ review: { authors: { ana: { name: 'Ana Ruiz', initials: 'AR' } }, threads: [] } }, finalDoc(decided).content);
    expect(hasReview(onlyAuthors)).toBe(true);
    expect(hasReviewContent(onlyAuthors)).toBe(false);
    const detachedOnly = decided.type.create({ review: { authors: {}, threads: [{ id: 't1', quote: 'gone', messages: [{ author: 'ana', at: '2026-12-02T10:00:00Z', text: 'Why?' }] }] } }, finalDoc(decided).content);
    expect(hasReviewContent(detachedOnly)).toBe(true);
  });
});
