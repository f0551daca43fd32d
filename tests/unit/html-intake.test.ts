/**
 * One HTML intake policy (shared/html-intake.ts) for pasted and imported HTML: every element it
 * drops is dropped, with its content, by the paste sanitiser's first pass and by the importer;
 * pictures are the one difference (a paste drops them, an import makes figures of them); the
 * only URL kept is a link's href that the link policy accepts.
 */
import { describe, expect, it } from 'vitest';
import { DROPPED_ELEMENTS, PASTE_DROPPED_ELEMENTS, URL_ATTRIBUTES } from '../../shared/html-intake';
import { importHtml } from '../../shared/import/html';
import { preClean } from '../../renderer/editor/html-preclean';

// Elements without content (void), or that the HTML parser ignores in a body (`frame`, `frameset`):
// only the element itself can be checked.
const EMPTY = new Set(['area', 'base', 'embed', 'input', 'link', 'meta', 'param', 'track', 'frame', 'frameset']);
// A `head` start tag in a body is ignored by the parser.
const IN_BODY = [...DROPPED_ELEMENTS].filter((tag) => tag !== 'head');

describe('the HTML intake policy', () => {
  it.each(IN_BODY)('<%s> is dropped with its content by a paste and by an import', (tag) => {
    const inside = EMPTY.has(tag) ? '' : `SECRET</${tag}>`;
    const html = `<article><h1>Title</h1><p>Kept text.</p><${tag} title="x">${inside}<p>After.</p></article>`;
    const pasted = preClean(html);
    expect(pasted).not.toContain(`<${tag}`);
    expect(pasted).not.toContain('SECRET');
    expect(pasted).toContain('Kept text.');
    const doc = importHtml(html).draft.doc;
    expect(doc.textContent).not.toContain('SECRET');
    expect(doc.textContent).toContain('Kept text.');
  });

  it('pictures: a paste drops them, an import makes a figure of them', () => {
    expect([...PASTE_DROPPED_ELEMENTS].filter((tag) => !DROPPED_ELEMENTS.has(tag))).toEqual(['img', 'picture', 'source']);
    const html = '<article><h1>Title</h1><p>Text.</p><figure><img src="https://example.org/a.jpg" alt="A"><figcaption>Caption</figcaption></figure></article>';
    expect(preClean(html)).not.toContain('<img');
    const figures: string[] = [];
    importHtml(html).draft.doc.descendants((node) => {
      if (node.type.name === 'figure') figures.push(node.attrs.src as string);
    });
    expect(figures).toEqual(['https://example.org/a.jpg']);
  });

  it('a paste keeps no URL attribute but a safe link href', () => {
    const attributes = [...URL_ATTRIBUTES].map((name) => `${name}="https://example.org/${name}"`).join(' ');
    const out = preClean(`<p><a ${attributes}>link</a> <span ${attributes}>span</span> <a href="javascript:alert(1)">bad</a></p>`);
    expect(out).toBe('<p><a href="https://example.org/href">link</a> <span>span</span> <a>bad</a></p>');
  });
});
