/**
 * The HTML export (shared/export/html.ts): structure, footnote numbering and links, escaping of
 * hostile text, URL policy at write time, ids and anchors, and validity by the W3C Nu HTML
 * checker (one java run for all the pages, in `beforeAll`).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDraft, type Draft } from '../../shared/draft/format';
import { escapeAttr, escapeHtml } from '../../shared/export/escape';
import { exportHtml } from '../../shared/export/html';
import { htmlUrl } from '../../shared/export/html-url';
import { schema } from '../../shared/schema';
import { arbDraft, INJECTED_TAG } from './helpers/arbitrary-doc';
import { article, cite, draftOf, h, list, marked, p, readAlso, source } from './helpers/build';
import { checkHtml, formatVnuMessage, isVnuError, type VnuMessage } from './helpers/vnu';

const SEED = fileURLToPath(new URL('../fixtures/seed-article.copydesk', import.meta.url));

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>\'&amp;';

function figure(attrs: { src: string; alt?: string; credit?: string }, ...caption: (PMNode | string)[]): PMNode {
  const content = caption.map((c) => (typeof c === 'string' ? schema.text(c) : c));
  return schema.node('figure', { alt: '', credit: '', ...attrs }, [schema.node('figcaption', null, content)]);
}

const blockquote = (...blocks: PMNode[]): PMNode => schema.node('blockquote', null, blocks);
const hr = (): PMNode => schema.node('horizontal_rule');
const br = (): PMNode => schema.node('hard_break');
const item = (...blocks: PMNode[]): PMNode => schema.node('list_item', null, blocks);

/** An article with every node type, marks, repeated citations, a kicker and a figure. */
function richDraft(): Draft {
  return draftOf(
    article({
      headline: 'Allies weigh guarantees & “red lines”',
      standfirst: 'What the Washington meeting could change.',
      body: [
        figure({ src: 'https://cdn.example.com/photos/meeting.jpg', alt: 'Leaders at a table', credit: 'Photo: A. Photographer' }, 'Leaders meet in ', marked('Washington', 'em'), '.'),
        p('Talks began ', marked('on Monday', 'strong'), ' ', cite('reuters'), ', officials said ', cite('cfr'), '.'),
        h(2, 'Background ', cite('reuters')),
        p(marked('Read the ', ['link', { href: 'https://example.com/a?b=1&c=2' }]), marked('full text', ['link', { href: 'https://example.com/a?b=1&c=2' }], 'em'), ' or write to ', marked('the desk', ['link', { href: 'mailto:desk@example.com' }]), '.', br(), 'Second line.'),
        h(3, 'Points'),
        list('bullet_list', 'First point', 'Second point'),
        schema.node('ordered_list', { start: 3 }, [item(p('Third')), item(p('Fourth'), list('bullet_list', 'Nested')), item(p('Two'), p('paragraphs'))]),
        blockquote(p('A quoted line ', cite('note-only'), '.'), list('ordered_list', 'quoted item')),
        hr(),
        h(4, 'Aside'),
        readAlso('More on this', { title: 'Earlier talks', url: 'https://example.com/earlier', kicker: 'Analysis' }, { title: 'No link yet', url: '' }),
        figure({ src: 'assets/map.png', alt: 'Map of the region' }),
        p('Back to the start ', marked('of the sources', ['link', { href: '#cd-sources-title' }]), ' and a final ', cite('cfr'), '.'),
      ],
      sources: [
        source('cfr', { title: 'Security Guarantees for Ukraine', outlet: 'Council on Foreign Relations', date: '2023', url: 'https://www.cfr.org/guarantees' }),
        source('reuters', { title: 'U.S. and allies explore guarantees', outlet: 'Reuters', date: '2023' }),
        source('note-only', { note: 'An explanatory note, not a publication.' }),
        source('unused', { title: 'Never cited' }),
      ],
    }),
  );
}

/** The rich draft with `authors`. */
function withAuthors(draft: Draft, authors: string[]): Draft {
  return { ...draft, meta: { ...draft.meta, authors } };
}

/** A draft whose every text field and attribute holds hostile text. */
function hostileDraft(): Draft {
  return draftOf(
    schema.node('doc', null, [
      schema.node('headline', null, [schema.text(`Headline ${HOSTILE}`)]),
      schema.node('standfirst', null, [schema.text(`Standfirst ${HOSTILE}`)]),
      p(`Paragraph ${HOSTILE}`, cite('s1')),
      h(2, `Heading ${HOSTILE}`),
      figure({ src: 'https://cdn.example.com/x.jpg', alt: `Alt ${HOSTILE}`, credit: `Credit ${HOSTILE}` }, `Caption ${HOSTILE}`),
      readAlso(`Title ${HOSTILE}`, { title: `Item ${HOSTILE}`, url: 'https://example.com/?q="><script>', kicker: `Kicker ${HOSTILE}` }),
      schema.node('sources', null, [
        source('s1', { title: `Source title ${HOSTILE}`, outlet: `Outlet ${HOSTILE}`, date: `Date ${HOSTILE}`, url: 'https://example.com/"onmouseover="x', note: `Note ${HOSTILE}` }),
      ]),
    ]),
  );
}

/** A long article: about `words` words in paragraphs of 100, a citation every 50 words, 500 sources. */
function longDraft(words: number): Draft {
  const body: PMNode[] = [];
  const sources = Array.from({ length: 500 }, (_, i) => source(`s${String(i)}`, { title: `Source ${String(i)} <title>`, outlet: 'Outlet', url: `https://example.com/${String(i)}` }));
  const sentence = 'The quick brown fox jumps over the lazy dog while reporters & editors watch; ';
  let paragraph = 0;
  for (let written = 0; written < words; written += 100) {
    body.push(
      p(
        sentence.repeat(4),
        marked('emphasised words here', 'em'),
        ' ',
        cite(`s${String(paragraph % 500)}`),
        ' ',
        marked('a link to more', ['link', { href: `https://example.com/p/${String(paragraph)}` }]),
        ' ',
        sentence.repeat(4),
        cite(`s${String((paragraph * 7) % 500)}`),
      ),
    );
    if (paragraph % 50 === 49) body.push(h(2, `Section ${String(paragraph)}`));
    paragraph++;
  }
  return draftOf(article({ headline: 'A long read', standfirst: 'Very long.', body, sources }));
}

/** The tags of `html`: name and attributes (names, and values with entities decoded). */
function tags(html: string): { name: string; attrs: [name: string, value: string][] }[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/gu)].map((m) => ({
    name: (m[1] as string).toLowerCase(),
    attrs: [...(m[2] as string).matchAll(/\s([^\s="]+)(?:="([^"]*)")?/gu)].map((a): [string, string] => [(a[1] as string).toLowerCase(), decode(a[2] ?? '')]),
  }));
}

/** Values of attribute `name` anywhere in `html` (entities decoded). */
function attrValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'gu'))].map((m) => decode(m[1] as string));
}

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/gu, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] as string);
}

/** Problems with the ids and in-page links of `html`: duplicate ids, `href="#x"` with no id x. */
function anchorProblems(html: string): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const id of attrValues(html, 'id')) {
    if (ids.has(id)) problems.push(`duplicate id ${id}`);
    ids.add(id);
  }
  for (const href of attrValues(html, 'href')) {
    if (href.startsWith('#') && !ids.has(href.slice(1))) problems.push(`href ${href} has no target`);
  }
  for (const id of attrValues(html, 'aria-labelledby')) if (!ids.has(id)) problems.push(`aria-labelledby ${id} has no target`);
  return problems;
}

const ALLOWED_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'article', 'header', 'h1', 'h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'blockquote', 'hr', 'figure', 'img', 'figcaption', 'small', 'strong', 'em', 'a', 'br', 'sup', 'section', 'aside', 'span', 'cite']);

const ALLOWED_ATTRS = new Set(['lang', 'charset', 'name', 'content', 'class', 'id', 'href', 'rel', 'src', 'alt', 'start', 'value', 'title', 'aria-label', 'aria-labelledby']);

/** Problems with the markup of `html`: unknown tags or attributes, URLs of a refused kind. */
function markupProblems(html: string): string[] {
  const problems: string[] = [];
  for (const tag of tags(html.replace(/^<!DOCTYPE html>/u, ''))) {
    if (!ALLOWED_TAGS.has(tag.name)) problems.push(`tag <${tag.name}>`);
    for (const [name, value] of tag.attrs) {
      if (!ALLOWED_ATTRS.has(name)) problems.push(`attribute ${name} in <${tag.name}>`);
      if ((name === 'href' || name === 'src') && !/^(?:https?:\/\/|mailto:|#|assets\/)/u.test(value)) problems.push(`URL ${value}`);
    }
  }
  return problems;
}

/** Numbers of the citations in `html`, in order ("?" for a missing source). */
function citationNumbers(html: string): string[] {
  return [...html.matchAll(/<sup class="citation[^"]*"[^>]*>\[(?:<a [^>]*>)?([^<\]]*)/gu)].map((m) => m[1] as string);
}

describe('exportHtml: the page', () => {
  const html = exportHtml(richDraft());

  it('is a standalone page with doctype, language, charset, viewport and the headline as title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>Allies weigh guarantees &amp; “red lines”</title>');
    expect(html.trimEnd().endsWith('</article>\n</main>\n</body>\n</html>')).toBe(true);
  });

  it('holds one article with a header (h1, standfirst), then the body, then the sources', () => {
    expect(html.match(/<article>/gu)).toHaveLength(1);
    expect(html).toContain('<article>\n<header>\n<h1>Allies weigh guarantees &amp; “red lines”</h1>\n<p class="standfirst">What the Washington meeting could change.</p>\n</header>\n<figure>');
    const body = html.indexOf('<p>Talks began');
    const sources = html.indexOf('<section class="sources"');
    expect(body).toBeGreaterThan(html.indexOf('</header>'));
    expect(sources).toBeGreaterThan(body);
    expect(html.indexOf('</article>')).toBeGreaterThan(sources);
  });

  it('writes semantic blocks: headings, lists (with start), quotes, rules, figures', () => {
    expect(html).toContain('<h2>Background <sup class="citation">');
    expect(html).toContain('<h3>Points</h3>\n<ul>\n<li>First point</li>\n<li>Second point</li>\n</ul>');
    expect(html).toContain('<ol start="3">\n<li>Third</li>\n<li>Fourth\n<ul>\n<li>Nested</li>\n</ul>\n</li>\n<li>\n<p>Two</p>\n<p>paragraphs</p>\n</li>\n</ol>');
    expect(html).toMatch(/<blockquote>\n<p>A quoted line <sup[^]*<\/p>\n<ol>\n<li>quoted item<\/li>\n<\/ol>\n<\/blockquote>\n<hr>\n<h4>Aside<\/h4>/u);
    expect(html).toContain(
      '<figure>\n<img src="https://cdn.example.com/photos/meeting.jpg" alt="Leaders at a table">\n<figcaption>Leaders meet in <em>Washington</em>. <small class="credit">Photo: A. Photographer</small></figcaption>\n</figure>',
    );
    expect(html).toContain('<figure>\n<img src="assets/map.png" alt="Map of the region">\n</figure>');
    expect(html).not.toContain('<ol start="1">');
  });

  it('never skips a heading level, keeping siblings siblings (a "Read also" heading counts as an h2)', () => {
    const body = [h(2, ' '), h(3, schema.node('hard_break')), h(4, 'a'), h(4, 'b'), h(3, 'c'), h(2, 'd'), h(4, 'e'), readAlso('', { title: 't', url: '' }), h(4, 'f'), h(3, 'g'), h(4, 'h')];
    const out = exportHtml(draftOf(article({ headline: 'H', body })));
    expect([...out.matchAll(/<h(\d)[ >]/gu)].map((m) => Number(m[1]))).toEqual([1, 2, 2, 2, 2, 3, 2, 3, 3, 4]);
  });

  it('nests marks, keeps one link across differently marked text, and writes hard breaks', () => {
    expect(html).toContain(
      '<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">Read the <em>full text</em></a> or write to <a href="mailto:desk@example.com" rel="noopener noreferrer">the desk</a>.<br>Second line.</p>',
    );
    expect(html).toContain('<strong>on Monday</strong>');
  });

  it('writes "Read also" as a labelled aside with kicker and links; an item without URL as text', () => {
    expect(html).toContain(
      '<aside class="read-also" aria-labelledby="cd-read-also-1">\n<h2 id="cd-read-also-1">More on this</h2>\n<ul>\n' +
        '<li><span class="kicker">Analysis</span> <a href="https://example.com/earlier" rel="noopener noreferrer">Earlier talks</a></li>\n' +
        '<li>No link yet</li>\n</ul>\n</aside>',
    );
  });

  it('keeps in-page links whose target is on the page', () => {
    expect(html).toContain('<a href="#cd-sources-title">of the sources</a>');
  });

  it('has unique ids, in-page links that all resolve, and only allowed tags and URLs', () => {
    expect(anchorProblems(html)).toEqual([]);
    expect(markupProblems(html)).toEqual([]);
  });
});

describe('exportHtml: byline', () => {
  const authors = ['Ann Lee', ' Bo \n Chen ', '', 'Cy Diaz'];
  const page = exportHtml(withAuthors(richDraft(), authors));
  const byline = '<p class="byline">By <span class="author">Ann Lee</span>, <span class="author">Bo Chen</span> and <span class="author">Cy Diaz</span></p>';

  it('writes the authors under the headline, each name in a span, and in the head\'s author meta', () => {
    expect(page).toContain(`<header>\n<h1>Allies weigh guarantees &amp; “red lines”</h1>\n${byline}\n<p class="standfirst">`);
    expect(page).toContain('<meta name="author" content="Ann Lee, Bo Chen, Cy Diaz">\n');
    expect(page.indexOf('<meta name="author"')).toBeLessThan(page.indexOf('</head>'));
    expect(exportHtml(withAuthors(richDraft(), ['Ann Lee']))).toContain('<p class="byline">By <span class="author">Ann Lee</span></p>');
    expect(exportHtml(withAuthors(richDraft(), ['Ann Lee', 'Bo Chen']))).toContain('<p class="byline">By <span class="author">Ann Lee</span> and <span class="author">Bo Chen</span></p>');
  });

  it('gives the fragment the byline but no head', () => {
    const fragment = exportHtml(withAuthors(richDraft(), authors), { fragment: true });
    expect(fragment).toContain(`</h1>\n${byline}\n`);
    expect(fragment).not.toContain('<meta');
  });

  it('writes neither byline nor author meta without a named author', () => {
    for (const none of [[], ['', '  ']]) {
      const out = exportHtml(withAuthors(richDraft(), none));
      expect(out).not.toContain('class="byline"');
      expect(out).not.toContain('class="author"');
      expect(out).not.toContain('name="author"');
    }
  });

  it('keeps a header for a byline alone, and escapes hostile names', () => {
    const out = exportHtml(withAuthors(draftOf(article({ body: [p('x')] })), [HOSTILE, 'B']));
    const name = escapeHtml(HOSTILE);
    expect(out).toContain(`<article>\n<header>\n<p class="byline">By <span class="author">${name}</span> and <span class="author">B</span></p>\n</header>\n`);
    expect(out).toContain(`<meta name="author" content="${escapeAttr(HOSTILE)}, B">`);
    expect(markupProblems(out)).toEqual([]);
  });
});

describe('exportHtml: citations and sources', () => {
  const doc = article({
    headline: 'H',
    body: [p('One ', cite('a'), ' two ', cite('b'), ' three ', cite('a'))],
    sources: [source('b', { title: 'Bee' }), source('a', { title: 'Ay', url: 'https://a.example/x' }), source('c', { title: 'Uncited' })],
  });
  const html = exportHtml(draftOf(doc));

  it('numbers sources by first citation and reuses the number (A, B, A → 1, 2, 1)', () => {
    expect(citationNumbers(html)).toEqual(['1', '2', '1']);
    expect(html).toContain('<sup class="citation">[<a href="#cd-fn-1" id="cd-fnref-1-1" aria-label="Source 1: Ay">1</a>]</sup>');
    expect(html).toContain('<sup class="citation">[<a href="#cd-fn-2" id="cd-fnref-2-1" aria-label="Source 2: Bee">2</a>]</sup>');
    expect(html).toContain('<sup class="citation">[<a href="#cd-fn-1" id="cd-fnref-1-2" aria-label="Source 1: Ay">1</a>]</sup>');
  });

  it('lists cited sources in number order with one labelled back link per citation', () => {
    const section = html.slice(html.indexOf('<section class="sources"'));
    expect(section).toContain('<section class="sources" aria-labelledby="cd-sources-title">\n<h2 id="cd-sources-title">Sources</h2>\n<ol>\n');
    const items = [...section.matchAll(/<li id="([^"]+)">(.*?)<\/li>/gu)];
    expect(items.map((m) => m[1])).toEqual(['cd-fn-1', 'cd-fn-2']);
    const [first, second] = items.map((m) => m[2] as string);
    expect(first).toContain('“<cite>Ay</cite>.” <a href="https://a.example/x" rel="noopener noreferrer">https://a.example/x</a>');
    expect(first?.match(/class="backlink"/gu)).toHaveLength(2);
    expect(first).toContain('<a href="#cd-fnref-1-1" class="backlink" aria-label="Back to citation 1 of source 1">↩︎</a>');
    expect(first).toContain('<a href="#cd-fnref-1-2" class="backlink" aria-label="Back to citation 2 of source 1">↩︎</a>');
    expect(second?.match(/class="backlink"/gu)).toHaveLength(1);
    expect(second).toContain('aria-label="Back to the citation of source 2"');
  });

  it('leaves uncited sources out', () => {
    expect(html).not.toContain('Uncited');
  });

  it('omits the sources section when nothing is cited', () => {
    const none = exportHtml(draftOf(article({ headline: 'H', body: [p('No citations.')], sources: [source('x', { title: 'Unused' })] })));
    expect(none).not.toContain('class="sources"');
    expect(none).not.toContain('Unused');
  });

  it('marks a citation of a missing source with a visible "?" and keeps the others linked', () => {
    const missing = exportHtml(draftOf(article({ headline: 'H', body: [p(cite('a'), cite('ghost'), cite('b'))], sources: [source('a', { title: 'A' }), source('b', { title: 'B' })] })));
    expect(missing).toContain('<sup class="citation citation-missing" title="Missing source">[?]</sup>');
    expect(citationNumbers(missing)).toEqual(['1', '?', '3']);
    // The missing source took number 2, as in the editor; the list says so with `value`.
    expect(missing).toContain('<li id="cd-fn-1">');
    expect(missing).toContain('<li id="cd-fn-3" value="3">');
    expect(missing).not.toContain('cd-fn-2');
    expect(anchorProblems(missing)).toEqual([]);
  });

  it('writes a duplicated source id once (the first source with that id)', () => {
    const dup = exportHtml(draftOf(article({ headline: 'H', body: [p(cite('a'))], sources: [source('a', { title: 'First' }), source('a', { title: 'Second' })] })));
    expect(dup).toContain('First');
    expect(dup).not.toContain('Second');
    expect(anchorProblems(dup)).toEqual([]);
  });

  it('uses the id prefix everywhere and refuses a prefix that is not id-safe', () => {
    const prefixed = exportHtml(draftOf(doc), { idPrefix: 'story7-' });
    expect(prefixed).toContain('href="#story7-fn-1" id="story7-fnref-1-1"');
    expect(prefixed).toContain('<li id="story7-fn-1">');
    expect(prefixed).not.toContain('cd-');
    expect(anchorProblems(prefixed)).toEqual([]);
    expect(() => exportHtml(draftOf(doc), { idPrefix: '"><script>' })).toThrow(/idPrefix/u);
    expect(() => exportHtml(draftOf(doc), { idPrefix: '1x' })).toThrow(RangeError);
  });
});

describe('exportHtml: fragment', () => {
  const fragment = exportHtml(richDraft(), { fragment: true });

  it('is only the article: no doctype, html, head, body or style', () => {
    expect(fragment.startsWith('<article>\n')).toBe(true);
    expect(fragment.endsWith('</article>\n')).toBe(true);
    expect(fragment).not.toMatch(/<!DOCTYPE|<(?:html|head|body|title|style|main)[\s>]/iu);
  });

  it('is the article of the page, byte for byte', () => {
    const page = exportHtml(richDraft());
    expect(page.slice(page.indexOf('<article>'), page.indexOf('</article>') + '</article>\n'.length)).toBe(fragment);
  });
});

describe('exportHtml: nothing in a draft can inject markup', () => {
  const html = exportHtml(hostileDraft());

  it('escapes hostile text in every field', () => {
    expect(html).not.toMatch(/<script|<img src=x/iu);
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&amp;amp;';
    for (const field of ['Headline', 'Standfirst', 'Paragraph', 'Heading', 'Alt', 'Credit', 'Caption', 'Title', 'Item', 'Kicker', 'Source title', 'Outlet', 'Date', 'Note']) {
      expect(html, field).toContain(`${field} ${escaped}`);
    }
    expect(html).toContain('<title>Headline &lt;script&gt;');
    expect(html).toContain('aria-label="Source 1: Source title &lt;script&gt;');
    expect(markupProblems(html)).toEqual([]);
    expect(anchorProblems(html)).toEqual([]);
  });

  it('writes URLs percent-encoded, so no quote can end the attribute', () => {
    expect(attrValues(html, 'href')).toContain('https://example.com/?q=%22%3E%3Cscript%3E');
    expect(attrValues(html, 'href')).toContain('https://example.com/%22onmouseover=%22x');
  });

  it('holds for random hostile articles: allowed tags only, no injected element, anchors resolve', () => {
    fc.assert(
      fc.property(arbDraft, fc.boolean(), (draft, fragment) => {
        const out = exportHtml(draft, { fragment });
        expect(out).not.toContain(`<${INJECTED_TAG}`);
        expect(out).not.toContain(`</${INJECTED_TAG}`);
        expect(markupProblems(out)).toEqual([]);
        expect(anchorProblems(out)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('escapes the five characters and replaces code points HTML forbids', () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
    expect(escapeAttr('"x" onclick=\'y\'')).toBe('&quot;x&quot; onclick=&#39;y&#39;');
    expect(escapeHtml('nul\u0000 bell\u0007 del\u007f c1\u0085 nonchar\ufffe lone\ud800 pair😀 tab\tlf\nff\fcr\r')).toBe(
      'nul\ufffd bell\ufffd del\ufffd c1\ufffd nonchar\ufffd lone\ufffd pair😀 tab\tlf\nff\fcr\r',
    );
    const plain = 'nothing to escape here';
    expect(escapeHtml(plain)).toBe(plain);
  });
});

describe('exportHtml: URLs are checked again as they are written', () => {
  it('writes a link with an unexportable URL as plain text', () => {
    const html = exportHtml(
      draftOf(
        article({
          headline: 'H',
          body: [
            p('See ', marked('this page', ['link', { href: 'https://exa mple.com' }]), ' and ', marked('that anchor', ['link', { href: '#nowhere' }]), ' and ', marked('creds', ['link', { href: 'https://u:p@example.com/' }]), '.'),
            readAlso('', { title: 'Broken', url: 'https://' }, { title: '', url: 'https://example.com/only-url' }, { title: '', url: '' }),
          ],
        }),
      ),
    );
    expect(html).toContain('<p>See this page and that anchor and creds.</p>');
    expect(html).toContain('<h2 id="cd-read-also-1">Read also</h2>\n<ul>\n<li>Broken</li>\n<li><a href="https://example.com/only-url" rel="noopener noreferrer">https://example.com/only-url</a></li>\n</ul>');
    expect(anchorProblems(html)).toEqual([]);
  });

  it('leaves out a "Read also" block whose items have neither title nor URL, and an image it cannot write', () => {
    const html = exportHtml(draftOf(article({ headline: 'H', body: [readAlso('Empty', { title: '', url: '' }), figure({ src: 'https://' }), p('x')] })));
    expect(html).not.toContain('<aside');
    expect(html).not.toContain('<figure');
  });

  it('spells URLs the way the HTML checker accepts, or refuses them', () => {
    expect(htmlUrl('https://example.com/a|b^c[d]', 'link')).toBe('https://example.com/a%7Cb%5Ec%5Bd%5D');
    expect(htmlUrl('https://example.com/%zz/%41', 'link')).toBe('https://example.com/%25zz/%41');
    expect(htmlUrl('https://example.com/p#a#b', 'link')).toBe('https://example.com/p#a%23b');
    expect(htmlUrl('https://EXAMPLE.com', 'link')).toBe('https://example.com/');
    expect(htmlUrl('https://[::1]:8080/x', 'link')).toBe('https://[::1]:8080/x');
    expect(htmlUrl('mailto:desk@example.com?subject=a<b', 'link')).toBe('mailto:desk@example.com?subject=a%3Cb');
    expect(htmlUrl('https://user:pw@example.com/', 'link')).toBeNull();
    expect(htmlUrl('https://example..com/', 'link')).toBeNull();
    expect(htmlUrl('https://exa mple.com', 'link')).toBeNull();
    expect(htmlUrl('mailto:desk@example.com', 'readAlso')).toBeNull();
    expect(htmlUrl('http://example.com/x.jpg', 'image')).toBeNull();
    expect(htmlUrl('assets/caf%C3%A9 “x”.jpg'.replace(' ', '_'), 'image')).toBe('assets/caf%25C3%25A9_%E2%80%9Cx%E2%80%9D.jpg');
    expect(htmlUrl('#cd-fn-1', 'link')).toBe('#cd-fn-1');
  });
});

describe('exportHtml: speed', () => {
  it('exports about 100,000 words with 500 sources in linear time (guard: well under a second)', () => {
    const draft = longDraft(100_000);
    exportHtml(draft); // warm up
    const runs: number[] = [];
    let html = '';
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      html = exportHtml(draft);
      runs.push(performance.now() - start);
    }
    const best = Math.min(...runs);
    console.log(`exportHtml of ~100,000 words: best of 3 ${best.toFixed(1)} ms (${String(html.length)} characters)`);
    // The budget is 150 ms, measured by the benchmark; this guard only catches quadratic work.
    expect(best).toBeLessThan(1000);
    expect(anchorProblems(html)).toEqual([]);
  });
});

describe('exportHtml: the W3C Nu HTML checker', () => {
  const wrap = (fragment: string): string =>
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>CMS page</title>\n</head>\n<body>\n<main>\n${fragment}</main>\n</body>\n</html>\n`;
  const pages: Record<string, string> = {
    rich: exportHtml(richDraft()),
    'rich fragment': wrap(exportHtml(richDraft(), { fragment: true })),
    bylined: exportHtml(withAuthors(richDraft(), ['Ann Lee', 'Bo Chen', 'Cy Diaz'])),
    'bylined fragment': wrap(exportHtml(withAuthors(richDraft(), ['Ann Lee', 'Bo Chen', 'Cy Diaz']), { fragment: true })),
    'hostile bylined': exportHtml(withAuthors(hostileDraft(), [HOSTILE, HOSTILE])),
    hostile: exportHtml(hostileDraft()),
    'empty draft': exportHtml(draftOf(article({}))),
    'no headline, deep headings': exportHtml(draftOf(article({ standfirst: 'S', body: [h(4, 'Deep'), p('x'), h(3, 'Less deep'), h(2, 'Top')] }))),
    'missing source': exportHtml(draftOf(article({ headline: 'H', body: [p(cite('ghost'), cite('a'))], sources: [source('a', { title: 'A' })] }))),
  };
  fc.sample(arbDraft, { numRuns: 25, seed: 20260102 }).forEach((draft, i) => {
    pages[`random ${String(i)}`] = exportHtml(draft, { fragment: false });
  });
  // A page the checker must reject: proof that it really ran and that its messages reach us.
  const BROKEN = '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div></p></body></html>';
  let results: Map<string, VnuMessage[]>;

  beforeAll(async () => {
    const seed = parseDraft(await readFile(SEED, 'utf8'));
    pages.seed = exportHtml(seed);
    pages['seed fragment'] = wrap(exportHtml(seed, { fragment: true }));
    results = await checkHtml({ ...pages, broken: BROKEN });
  }, 120_000);

  it('finds no errors in any page (rich, fragment, hostile, empty, missing source, random, seed)', () => {
    const errors = [...results].filter(([name]) => name !== 'broken').flatMap(([name, messages]) => messages.filter(isVnuError).map((m) => `${name}: ${formatVnuMessage(m)}`));
    expect(errors).toEqual([]);
    expect(Object.keys(pages).every((name) => results.has(name))).toBe(true);
  });

  it('finds not even a warning in the rich page and its fragment, with or without a byline', () => {
    const messages = ['rich', 'rich fragment', 'bylined', 'bylined fragment'].flatMap((name) => results.get(name) ?? []).map(formatVnuMessage);
    expect(messages).toEqual([]);
  });

  it('the checker really runs: it reports an error in a broken page checked in the same run', () => {
    expect(results.get('broken')?.some(isVnuError)).toBe(true);
  });

  it('fails with a clear message, rather than skipping, when Java is missing', async () => {
    await expect(checkHtml({ page: pages.rich as string }, { java: '/nonexistent/bin/java' })).rejects.toThrow(/needs Java .*not found.*default-jre-headless/u);
  });

  it('the seed article: every citation links to its source and back', () => {
    const seed = pages.seed as string;
    expect(anchorProblems(seed)).toEqual([]);
    expect(citationNumbers(seed)).toEqual(['1', '2', '1', '2', '1', '2', '1', '2', '1', '1', '2']);
    expect(seed.match(/class="backlink"/gu)).toHaveLength(11);
  });
});
