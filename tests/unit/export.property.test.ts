import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import { arbDraft, INJECTED_TAG } from './helpers/arbitrary-doc';

// markdown-it with raw HTML ON: if any text of the draft came out as markup, it would render as
// an element here.
const md = new MarkdownIt({ html: true, linkify: false }).use(footnote);
const ELEMENT = new RegExp(`<${INJECTED_TAG}[\\s>]|<script`, 'iu');
const BAD_URL = /(?:href|src)\s*=\s*"(?!https?:|mailto:|#|assets\/)/iu;

/** Attribute names of every start tag (quoted values removed first: escaped text may say "onclick="). */
function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (const [, inner] of html.matchAll(/<[a-z][a-z0-9-]*((?:[^>"]|"[^"]*")*)>/giu)) {
    for (const [, name] of (inner ?? '').replace(/"[^"]*"/gu, '""').matchAll(/\s([^\s=/>]+)/gu)) names.push((name ?? '').toLowerCase());
  }
  return names;
}

describe('exports of random drafts (fast-check)', () => {
  it('has a checker that would see a handler or a script', () => {
    expect(attributeNames('<p>onclick="x"</p><a href="https://x.y" title="a onload=b" onclick="y">')).toEqual(['href', 'title', 'onclick']);
    expect('<p><script>x</script>').toMatch(ELEMENT);
  });

  it('write HTML without throwing, with every text escaped and only allowed URLs', () => {
    fc.assert(
      fc.property(arbDraft, fc.boolean(), (draft, fragment) => {
        const html = exportHtml(draft, { fragment });
        expect(html).not.toMatch(ELEMENT);
        expect(attributeNames(html).filter((name) => name.startsWith('on'))).toEqual([]);
        expect(html).not.toMatch(BAD_URL);
      }),
      { numRuns: 300 },
    );
  });

  it('write Markdown without throwing that no reader turns into injected markup', () => {
    fc.assert(
      fc.property(arbDraft, (draft) => {
        const markdown = exportMarkdown(draft);
        const tokens = md.parse(markdown, {});
        const html = md.renderer.render(tokens, md.options, {});
        expect(html).not.toMatch(ELEMENT);
        expect(attributeNames(html).filter((name) => name.startsWith('on'))).toEqual([]);
        expect(html).not.toMatch(BAD_URL);
        const raw = tokens.flatMap((t) => [t, ...(t.children ?? [])]).filter((t) => t.type === 'html_inline' || t.type === 'html_block');
        expect(raw).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
