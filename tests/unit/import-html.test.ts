/**
 * HTML import: news-style pages (tests/fixtures/import/*.html), Copydesk's own HTML export read
 * back, and the hostile corpus (tests/fixtures/import/hostile/*.html). Every hostile file hides
 * script, handlers, javascript:/data:/vbscript: URLs (behind entities, white space, case and
 * control characters), iframe srcdoc, SVG and MathML, or a crafted data-pm-slice; the marker
 * PWNED appears only in what must never come through. For each: no PWNED and no unsafe URL in
 * the draft, in its HTML export (page and fragment, parsed again with parse5: only the export's
 * own elements, no on* attribute, every URL exportable), in its Markdown export (read with
 * markdown-it, raw HTML on: no HTML token, every link exportable) and in the content a paste
 * would insert.
 */
import { readdirSync, readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../shared/draft/format';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import { importHtml } from '../../shared/import/html';
import { importAuto, toPasteContent } from '../../shared/import/index';
import { findProblems } from '../../shared/problems';
import { classifyUrl, isExportableUrl, type UrlContext } from '../../shared/url';
import { projectDoc } from './import-structure';

const FIXTURES = new URL('../fixtures/import/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');
const NOW = new Date('2026-01-02T03:04:05.000Z');

describe('news and CMS pages', () => {
  it('reads a news page: article, dek, lazy figure with credit, footnotes, Related aside; chrome reported', () => {
    const { draft, report } = importHtml(read('news-footnotes.html'), { now: NOW });
    const s = projectDoc(draft.doc);
    expect(s.headline).toBe('Port strike enters second week as talks stall');
    expect(s.standfirst).toBe('[["","Dock workers and operators remain apart on pay, with "],["i","no new talks"],[""," scheduled."]]');
    expect(s.body).toEqual([
      'figure ["https://cdn.example.com/images/port.jpg","Cranes idle at the container terminal","Photo: A. Photographer / Agency"] [["","Cranes stand idle at the terminal on Monday."]]',
      'p [["","The strike, which began on 10 August, has halted most container traffic."],{"cite":1},[""," Operators say losses exceed "],["b","€40 million"],[""," a day."],{"cite":2}]',
      'p [["","Union leaders said the offer was \\"far from enough\\""],{"cite":1},["",", and called for "],["@https://example.org/mediation","independent mediation"],["","."]]',
      'h2 [["","What happens next"]]',
      'ul',
      '  li',
      '    p [["","A ministry mediator is expected on Thursday."]]',
      '  li',
      '    p [["","Shipping lines are diverting to "],["@https://example.org/rotterdam","Rotterdam"],["","."]]',
      'quote',
      '  p [["","\\"We will stay out as long as it takes,\\" one docker said."]]',
      'read_also "Related"',
      '  item ["Analysis","Why ports matter more than ever","https://www.example.com/analysis/ports"]',
      '  item ["","Strike begins at the container terminal","https://www.example.com/2025/08/10/strike-begins"]',
    ]);
    expect(s.sources).toEqual([
      '{"title":"Dock strike halts terminal","outlet":"Port Gazette","date":"11 August 2025","url":"https://portgazette.example/strike","note":""}',
      '{"title":"","outlet":"","date":"","url":"","note":"Operators\' association, press release of 14 August."}',
    ]);
    expect(report).toMatchObject({ sources: 2, citations: 3, readAlsoItems: 2, authors: ['Jane Reporter'] });
    expect(draft.meta.authors).toEqual(['Jane Reporter']);
    expect(report.dropped.some((line) => line.includes('Jane Reporter'))).toBe(false);
    expect(report.dropped).toEqual(
      expect.arrayContaining([
        'Outside the article: <a> “Skip to content”.',
        'Outside the article: <footer> “© The Daily Example”.',
        'A label above the headline: “Business”.',
        'The date in the byline, “17 August 2025” (a draft keeps its own dates).',
        'Page chrome: <div class="ad-slot"> “Advertisement”.',
      ]),
    );
    expect(findProblems(draft.doc)).toEqual([]);
  });

  it('reads Wikipedia-style references with back links, See also, and a reference to a missing note', () => {
    const { draft, report } = importHtml(read('wikipedia-references.html'), { now: NOW });
    const s = projectDoc(draft.doc);
    expect(s.headline).toBe('Collective defence');
    expect(s.citations).toEqual([1, 2, 1, 3]);
    expect(s.body.slice(2)).toEqual(['read_also "See also"', '  item ["","Alliance","https://en.example.org/wiki/Alliance"]', '  item ["","Deterrence theory","https://en.example.org/wiki/Deterrence"]']);
    expect(s.sources).toEqual([
      '{"title":"Collective defence and Article 5","outlet":"NATO","date":"2023","url":"https://www.nato.example/cps/en/natohq/topics_110496.htm","note":""}',
      '{"title":"","outlet":"","date":"","url":"","note":"Smith, J. (2019). Alliances in Practice. Example Press."}',
      '{"title":"","outlet":"","date":"","url":"","note":""}',
    ]);
    expect(report.notes).toContain("The reference to #cite_note-9 is cited but never defined: it points at an empty source (id missing-cite-note-9) to fill in; the draft's check reports it.");
    expect(findProblems(draft.doc).map((p) => p.code)).toEqual(['empty-source']);
  });

  it("reads markdown-it-footnote's HTML: references, repeated ones, multi-paragraph notes", () => {
    const { draft } = importHtml(read('markdown-it-output.html'), { now: NOW });
    const s = projectDoc(draft.doc);
    expect(s.standfirst).toBe('[["","First paragraph, the standfirst."]]');
    expect(s.citations).toEqual([1, 2, 1]);
    expect(s.sources.map((x) => (JSON.parse(x) as { note: string }).note)).toEqual(['Here is the footnote.', "Here's one with multiple blocks.\n\nSubsequent paragraphs are indented."]);
  });

  it('reads a CMS fragment: bold Read also title, kicker, refused link, table, pre, a footnote-ref to nothing', () => {
    const { draft, report } = importHtml(read('cms-misc.html'), { now: NOW });
    expect(projectDoc(draft.doc).body).toEqual([
      'p [["","It voted 7 to 4 in favour."],{"cite":1},[""," The mayor abstained."]]',
      'read_also ""',
      '  item ["Politics","What is in the budget","https://news.example/budget-preview"]',
      '  item ["","A story with a bad link",""]',
      'p [["","Party | Votes"]]',
      'p [["","Green | 4"]]',
      'p [["","Line one"],"⏎",["","Line two"]]',
      'p [["","Ends here."]]',
    ]);
    expect(report.dropped).toEqual(["The URL “javascript:alert('PWNED')” of the “Read also” item “A story with a bad link” (a scheme Copydesk does not keep; the URL is left empty)."]);
    expect(findProblems(draft.doc).map((p) => p.code)).toEqual(['read-also-no-url', 'empty-source']);
  });

  it("reads Copydesk's own HTML export back to the same structure", () => {
    const seed = parseDraft(readFileSync(new URL('../fixtures/seed-article.copydesk', import.meta.url), 'utf8'));
    for (const fragment of [false, true]) {
      const { draft } = importHtml(exportHtml(seed, { fragment }), { now: NOW });
      expect(projectDoc(draft.doc)).toEqual(projectDoc(seed.doc));
    }
  });

  it('survives hostile nesting: content deeper than the limit is kept as text', () => {
    const n = 20_000;
    for (const html of [`<h1>x</h1>${'<div>'.repeat(n)}deep text${'</div>'.repeat(n)}`, `<h1>x</h1>${'<blockquote>'.repeat(n)}deep text`, `<h1>x</h1><p>${'<em>'.repeat(n)}deep text`]) {
      const { draft, report } = importHtml(html, { now: NOW });
      expect(draft.doc.textContent).toContain('deep text');
      expect(report.notes).toContain('Content nested deeper than 200 elements is kept as plain text.');
    }
  });

  it('importAuto sniffs HTML, Markdown and text', () => {
    expect(projectDoc(importAuto('<p>x</p>').draft.doc).standfirst).toBe('[]');
    expect(importAuto('# T\n\nBody[^1]\n\n[^1]: n').report.citations).toBe(1);
    expect(importAuto('Title\n\nStandfirst\n\nBody [1]\n\n[1] "T," O, 2020').report).toMatchObject({ citations: 1, sources: 1 });
  });
});

// ---------------------------------------------------------------------------------------------
// The hostile corpus

type HNode = DefaultTreeAdapterMap['node'];
type HElement = DefaultTreeAdapterMap['element'];

/** The elements the HTML export writes; anything else in it would have been injected. */
const EXPORT_ELEMENTS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'article', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'p', 'sup', 'a', 'ol', 'ul', 'li', 'aside', 'section', 'figure', 'img', 'figcaption', 'small', 'span', 'cite', 'em', 'strong', 'br', 'hr', 'blockquote']);
const BAD_SCHEME = /(?:java|vb)script|data:|file:/iu;

function elements(node: HNode, out: HElement[] = []): HElement[] {
  if ('tagName' in node) out.push(node);
  for (const child of 'childNodes' in node ? node.childNodes : []) elements(child, out);
  return out;
}

function urlAttrs(doc: PMNode): { url: string; context: UrlContext }[] {
  const urls: { url: string; context: UrlContext }[] = [];
  doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === 'link') urls.push({ url: mark.attrs.href as string, context: 'link' });
    if (node.type.name === 'figure') urls.push({ url: node.attrs.src as string, context: 'image' });
    if (node.type.name === 'read_also_item') urls.push({ url: node.attrs.url as string, context: 'readAlso' });
    if (node.type.name === 'source') urls.push({ url: node.attrs.url as string, context: 'source' });
    return true;
  });
  return urls;
}

const markdownIt = new MarkdownIt({ html: true }).use(footnote);

function mdTokens(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...mdTokens(t.children ?? [])]);
}

const hostile = readdirSync(new URL('hostile/', FIXTURES)).filter((f) => f.endsWith('.html')).sort();

describe('bylines fill the authors', () => {
  const authorsOf = (html: string): { authors: readonly string[]; dropped: readonly string[]; body: string[] } => {
    const { draft, report } = importHtml(html, { now: NOW });
    expect(report.authors).toEqual(draft.meta.authors);
    const body: string[] = [];
    draft.doc.forEach((node) => body.push(node.textContent));
    return { authors: draft.meta.authors, dropped: report.dropped, body };
  };

  it.each([
    ['<p class="byline">', '<h1>T</h1><p class="byline">By Jane Doe and John Roe</p><p>Body.</p>', ['Jane Doe', 'John Roe']],
    ['<address>', '<h1>T</h1><address>Jane Doe, John Roe and Ann Poe</address><p>Body.</p>', ['Jane Doe', 'John Roe', 'Ann Poe']],
    ['rel="author" links', '<h1>T</h1><p>Words by <a rel="author" href="/a">Ann Poe</a> &amp; <a rel="nofollow author" href="/b">Bo Li</a></p><p>Body.</p>', ['Ann Poe', 'Bo Li']],
    ['<meta name="author">', '<html><head><meta name="Author" content="Meta Person"></head><body><h1>T</h1><p>Body.</p></body></html>', ['Meta Person']],
    ['a "By …" paragraph under the headline', '<h1>T</h1><p>BY JANE DOE</p><p>Body.</p>', ['Jane Doe']],
    ['an element named author inside a header', '<article><header><h1>T</h1><div class="article-author">Jane Doe</div></header><p>Body.</p></article>', ['Jane Doe']],
  ])('from %s', (_what, html, authors) => {
    expect(authorsOf(html).authors).toEqual(authors);
  });

  it('prefers the article’s byline to <meta name="author">', () => {
    expect(authorsOf('<html><head><meta name="author" content="Site Name"></head><body><h1>T</h1><p>By Jane Doe</p><p>Body.</p></body></html>').authors).toEqual(['Jane Doe']);
  });

  it('keeps an agency out of the authors and lists it', () => {
    const { authors, dropped } = authorsOf('<h1>T</h1><p class="byline">By Jane Doe | Reuters</p><p>Body.</p>');
    expect(authors).toEqual(['Jane Doe']);
    expect(dropped).toEqual(['The agency “Reuters” in the byline (Authors lists people).']);
  });

  it('leaves "By …" text in the body, and a byline box that names no one stays page chrome', () => {
    const result = authorsOf('<h1>T</h1><p>Dek.</p><p>Body.</p><p>By Jane Doe</p><p>By the time we arrived, it was over.</p><div class="byline">Staff and wires 2024</div>');
    expect(result.authors).toEqual([]);
    expect(result.body).toEqual(['T', 'Dek.', 'Body.', 'By Jane Doe', 'By the time we arrived, it was over.', '']);
    expect(result.dropped).toEqual(['Page chrome: <div class="byline"> “Staff and wires 2024”.']);
  });
});

describe('the hostile corpus', () => {
  it('has its files', () => {
    expect(hostile).toEqual(['embeds.html', 'handlers.html', 'hidden.html', 'pm-slice.html', 'script.html', 'svg-math.html', 'urls.html']);
  });

  it.each(hostile)('%s: nothing hostile in the draft, its exports or its paste', (file) => {
    const { draft, report } = importHtml(read(`hostile/${file}`), { now: NOW });
    draft.doc.check();
    // The draft.
    const json = JSON.stringify({ meta: draft.meta, doc: draft.doc.toJSON() });
    expect(json).not.toContain('PWNED');
    for (const { url, context } of urlAttrs(draft.doc)) {
      expect(classifyUrl(url, context)).not.toBe('unsafe');
      expect(url).not.toMatch(BAD_SCHEME);
    }
    // The HTML export, page and fragment, parsed again.
    for (const fragment of [false, true]) {
      const html = exportHtml(draft, { fragment });
      expect(html).not.toContain('PWNED');
      for (const element of elements(parse(html))) {
        expect(EXPORT_ELEMENTS.has(element.tagName) || element.tagName === 'html').toBe(true);
        for (const attribute of element.attrs) {
          expect(attribute.name.startsWith('on')).toBe(false);
          if (attribute.name === 'href') expect(attribute.value.startsWith('#') || isExportableUrl(attribute.value, 'link')).toBe(true);
          if (attribute.name === 'src') expect(isExportableUrl(attribute.value, 'image')).toBe(true);
          if (attribute.name === 'href' || attribute.name === 'src') expect(attribute.value).not.toMatch(BAD_SCHEME);
        }
      }
    }
    // The Markdown export, read with raw HTML on.
    const md = exportMarkdown(draft);
    expect(md).not.toContain('PWNED');
    for (const token of mdTokens(markdownIt.parse(md, {}))) {
      expect(token.type).not.toMatch(/^html_/u);
      if (token.type === 'link_open') expect(isExportableUrl(String(token.attrGet('href')), 'link')).toBe(true);
      if (token.type === 'image') expect(isExportableUrl(String(token.attrGet('src')), 'image')).toBe(true);
    }
    // What a paste would insert.
    const paste = toPasteContent({ draft, report });
    expect(JSON.stringify({ slice: paste.slice.toJSON(), sources: paste.carried.sources })).not.toContain('PWNED');
    paste.slice.content.forEach((node) => node.check());
    // And the user is told what was left out (pm-slice.html only has attributes, never read).
    if (file !== 'pm-slice.html') expect(report.dropped.length).toBeGreaterThan(0);
  });

  it('hidden.html: text inside hidden elements is left out and listed with an excerpt', () => {
    const { draft, report } = importHtml(read('hostile/hidden.html'), { now: NOW });
    expect(JSON.stringify(draft.doc.toJSON())).not.toContain('PWNED');
    expect(report.dropped).toEqual(expect.arrayContaining(['Hidden text (hidden): “PWNED hidden”.', 'Hidden text (aria-hidden): “PWNED aria-hidden”.']));
  });

  it('lists hidden text inside paragraphs, hidden by an inline style, and cuts a long one', () => {
    const long = 'word '.repeat(100);
    const html = `<h1>T</h1><p>Seen <span hidden>inline secret</span> and <b style="color: red; DISPLAY : none !important">styled away</b>.</p>
      <div style="visibility:hidden"><p>invisible block</p></div><section hidden><p>${long}</p></section><p hidden> </p><p style="display: block">Shown.</p>`;
    const { draft, report } = importHtml(html, { now: NOW });
    const texts: string[] = [];
    draft.doc.forEach((node) => texts.push(node.textContent));
    expect(texts).toEqual(['T', 'Seen and .', 'Shown.', '']);
    expect(report.dropped).toEqual([
      'Hidden text (hidden): “inline secret”.',
      'Hidden text (display: none): “styled away”.',
      'Hidden text (visibility: hidden): “invisible block”.',
      `Hidden text (hidden): “${'word '.repeat(12).slice(0, 59)}…”.`,
    ]);
  });

  it('pm-slice.html: a crafted data-pm-slice and fake citation or source elements create no structure', () => {
    const { draft } = importHtml(read('hostile/pm-slice.html'), { now: NOW });
    const s = projectDoc(draft.doc);
    expect(s.citations).toEqual([]);
    expect(s.sources).toEqual([]);
    expect(s.body.every((line) => line.startsWith('p '))).toBe(true);
  });

  it('urls.html: only the safe links survive, unsafe Read also and source URLs are emptied, pictures get placeholders', () => {
    const { draft, report } = importHtml(read('hostile/urls.html'), { now: NOW });
    const links = urlAttrs(draft.doc).filter((u) => u.context === 'link').map((u) => u.url);
    expect(links).toEqual(['https://example.com/ok', 'mailto:desk@example.com', '#section']);
    expect(urlAttrs(draft.doc).filter((u) => u.context === 'image').map((u) => u.url)).toEqual(['assets/js-image.jpg', 'assets/data-image.jpg', 'assets/insecure-image.jpg']);
    expect(urlAttrs(draft.doc).filter((u) => u.context === 'readAlso').map((u) => u.url)).toEqual(['', '', 'https://example.com/three']);
    expect(urlAttrs(draft.doc).filter((u) => u.context === 'source').map((u) => u.url)).toEqual(['']);
    // 23 in the paragraph, the dek's, the fake reference's and the footnote's.
    expect(report.dropped.filter((line) => line.startsWith('The link to'))).toHaveLength(26);
  });
});
