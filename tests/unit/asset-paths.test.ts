/**
 * A figure's `assets/…` path, through the real schema, draft loader and exports: a path that a
 * browser or Markdown reader would resolve out of `assets/` (`%2e%2e`, `.%2E`, an encoded slash or
 * backslash) cannot be held by a document, and every path that can stays inside `assets/` when
 * read as a URL, as the exports write it.
 */
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import { schema } from '../../shared/schema';
import { classifyUrl } from '../../shared/url';
import { article, draftOf, p } from './helpers/build';
import { markdownIt } from './helpers/md-readers';

const figure = (src: string): PMNode => schema.node('figure', { src, alt: 'A map', credit: '' }, [schema.node('figcaption')]);
const BASE = 'https://news.example/2026/story/';

/** Where a browser fetches `src` from, on the page at BASE. */
const fetched = (src: string): string => new URL(src, BASE).pathname;

const REFUSED = [
  'assets/%2e%2e/%2e%2e/x.png',
  'assets/%2E%2E/x.png',
  'assets/.%2e/x.png',
  'assets/%2e./x.png',
  'assets/%2e/x.png',
  'assets/story%2f..%2f..%2fx.png',
  'assets/%2F/x.png',
  'assets/story%5c..%5cx.png',
  'assets/story/%00.png',
  'assets/../x.png',
  'assets/story\\x.png',
];

describe('asset paths', () => {
  it.each(REFUSED)('%s cannot be held by a document, from code or from a file', (src) => {
    expect(classifyUrl(src, 'image')).toBe('unsafe');
    expect(() => figure(src)).toThrow(/refused image URL/u);
    const text = serializeDraft(draftOf(article({ headline: 'H', body: [p('x'), figure('assets/story/placeholder.png')] })));
    expect(() => parseDraft(text.replace('assets/story/placeholder.png', src.replace(/\\/gu, '\\\\')))).toThrow(/does not fit Copydesk's article schema/u);
  });

  it.each(['assets/story/map.png', 'assets/story/caf%C3%A9.png', 'assets/story/100%.png', 'assets/story/a%2ex.png'])('%s is kept, and both exports point inside assets/', (src) => {
    const draft = draftOf(article({ headline: 'H', body: [p('x'), figure(src)] }));
    const md = exportMarkdown(draft);
    const html = exportHtml(draft, { fragment: true });
    const mdSrc = /<img src="([^"]*)"/u.exec(markdownIt.render(md))?.[1];
    const htmlSrc = /<img src="([^"]*)"/u.exec(html)?.[1];
    for (const written of [mdSrc, htmlSrc]) {
      expect(written).toBeDefined();
      expect(fetched(written as string)).toMatch(/^\/2026\/story\/assets\/story\/[^/]+$/u);
    }
  });

  it('every storable path, as any URL reader resolves it, stays inside assets/', () => {
    // Segments made of the pieces that spell dots and separators, plain or percent-encoded.
    const piece = fc.constantFrom('.', '..', '%2e', '%2E', '%2f', '%2F', '%5c', '%5C', '%', '%25', 'a', 'x.png');
    const segment = fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
        const src = `assets/${segments.join('/')}`;
        if (classifyUrl(src, 'image') !== 'ok') return;
        expect(fetched(src).startsWith('/2026/story/assets/')).toBe(true);
        expect(fetched(src)).not.toMatch(/\/assets\/?$/u);
      }),
      { numRuns: 3000 },
    );
  });
});
