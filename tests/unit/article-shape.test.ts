import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Schema, type Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import {
  afterHeadline,
  bodyBlocks,
  bodyRange,
  buildArticle,
  DEFAULT_READ_ALSO_TITLE,
  describePosition,
  exportedSources,
  findSources,
  hasOneBodyBlock,
  headlineOf,
  headlineText,
  inBody,
  partOf,
  placeName,
  sourceInsertPos,
  sourceNodes,
  sourcesSection,
  standfirstOf,
  topBlockAt,
} from '../../shared/article';
import { newMeta } from '../../shared/draft/meta';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import { indexFootnotes } from '../../shared/footnotes';
import { findProblems } from '../../shared/problems';
import { schema } from '../../shared/schema';
import { article, cite, h, p, readAlso, source } from './helpers/build';

const doc = article({
  headline: 'Council votes',
  standfirst: 'A short standfirst',
  body: [h(2, 'Background'), p('First ', cite('a'), ' and ', cite('ghost')), readAlso('', { title: 'More', url: 'https://e.com/m' }), p('Second ', cite('a'), cite('b'))],
  sources: [source('b', { title: 'B' }), source('a', { title: 'A' }), source('u', { title: 'Uncited' }), source('a', { title: 'A again' })],
});

// The positions the schema's shape gives, computed by hand.
const headlineSize = doc.child(0).nodeSize;
const standfirstSize = doc.child(1).nodeSize;
const sourcesPos = doc.content.size - (doc.lastChild as PMNode).nodeSize;

describe('the article shape (shared/article.ts)', () => {
  it('builds an article from its parts', () => {
    expect(buildArticle().eq(article({}))).toBe(true);
    const built = buildArticle({ headline: [schema.text('H')], standfirst: [schema.text('S')], body: [p('x'), p('y')], sources: [source('a')] });
    expect(built.eq(article({ headline: 'H', standfirst: 'S', body: [p('x'), p('y')], sources: [source('a')] }))).toBe(true);
    expect(() => built.check()).not.toThrow();
  });

  it('finds the headline, the standfirst and their text', () => {
    expect(headlineOf(doc)).toBe(doc.child(0));
    expect(headlineText(doc)).toBe('Council votes');
    expect(standfirstOf(doc)).toBe(doc.child(1));
    expect(afterHeadline(doc)).toBe(headlineSize);
    expect(headlineText(article({}))).toBe('');
  });

  it('finds the body: its indices, positions and blocks', () => {
    expect(bodyRange(doc)).toEqual({ startIndex: 2, endIndex: doc.childCount - 1, from: headlineSize + standfirstSize, to: sourcesPos });
    expect(bodyBlocks(doc).map((b) => b.type.name)).toEqual(['heading', 'paragraph', 'read_also', 'paragraph']);
    expect(hasOneBodyBlock(doc)).toBe(false);
    expect(hasOneBodyBlock(article({}))).toBe(true);
  });

  it('tells which part a position or a block is in', () => {
    expect(inBody(doc, 1)).toBe(false);
    expect(inBody(doc, headlineSize + 1)).toBe(false);
    expect(inBody(doc, headlineSize + standfirstSize)).toBe(true);
    expect(inBody(doc, sourcesPos - 1)).toBe(true);
    expect(inBody(doc, sourcesPos + 1)).toBe(false);
    expect(inBody(doc, doc.content.size)).toBe(false);
    expect(doc.content.content.map(partOf)).toEqual(['headline', 'standfirst', 'body', 'body', 'body', 'body', 'sources']);
    expect(topBlockAt(doc, doc.content.size)).toEqual({ node: doc.lastChild, index: doc.childCount - 1, pos: sourcesPos });
    expect(topBlockAt(doc, headlineSize + 2)).toEqual({ node: doc.child(1), index: 1, pos: headlineSize });
  });

  it('finds the sources section and where a new source goes', () => {
    expect(sourcesSection(doc)).toEqual({ node: doc.lastChild, pos: sourcesPos, index: doc.childCount - 1 });
    expect(findSources(doc)).toEqual(sourcesSection(doc));
    expect(sourceNodes(doc).map((s) => s.attrs.id as string)).toEqual(['b', 'a', 'u', 'a']);
    expect(sourceInsertPos(doc)).toBe(doc.content.size - 1);
  });

  it('lists for an export the cited sources, the first of each id, in number order', () => {
    expect(exportedSources(indexFootnotes(doc)).map((e) => [e.number, e.node.attrs.title as string])).toEqual([
      [1, 'A'],
      [3, 'B'],
    ]);
    expect(DEFAULT_READ_ALSO_TITLE).toBe('Read also');
  });

  it('names places one way', () => {
    expect(placeName('headline', 1)).toBe('the headline');
    expect(placeName('sources', 1)).toBe('the sources');
    expect(placeName('paragraph', 3)).toBe('paragraph 3 of the body');
    expect(placeName('read_also', 1)).toBe('“Read also” block 1 of the body');
    expect(placeName('blockquote', 2)).toBe('quote 2 of the body');
    expect(placeName('script', 1)).toBe('script 1 of the body');
    expect(placeName('constructor', 1)).toBe('constructor 1 of the body');
    expect(describePosition(doc, 1)).toBe('the headline');
    expect(describePosition(doc, sourcesPos + 1)).toBe('the sources');
    expect(describePosition(doc, doc.content.size)).toBe('the sources');
    const second = sourcesPos - doc.child(doc.childCount - 2).nodeSize + 1;
    expect(describePosition(doc, second)).toBe('paragraph 2 of the body (“Second”)');
  });
});

// A schema where a later issue's section (here "review") follows the sources: the module finds
// every part by its type, so the answers stay right, and the exports and problems that ask it too.
const extended = new Schema({
  nodes: schema.spec.nodes.update('doc', { content: 'headline standfirst block+ sources review' }).addToEnd('review', { content: 'paragraph*' }),
  marks: schema.spec.marks,
});

function withReview(base: PMNode): PMNode {
  const review = extended.node('review', null, [extended.node('paragraph', null, [extended.text('A reviewer’s note')])]);
  return extended.nodeFromJSON({ ...base.toJSON(), content: [...(base.toJSON() as { content: unknown[] }).content, review.toJSON()] } as Record<string, unknown>);
}

describe('the article shape with a section after the sources', () => {
  const longer = withReview(doc);

  it('builds: the hypothetical schema accepts the shape', () => {
    expect(() => longer.check()).not.toThrow();
    expect(longer.lastChild?.type.name).toBe('review');
  });

  it('answers every question as before', () => {
    const sources = sourcesSection(longer);
    expect(sources.index).toBe(longer.childCount - 2);
    expect(sources.pos).toBe(sourcesPos);
    expect(sourceInsertPos(longer)).toBe(sourcesPos + sources.node.nodeSize - 1);
    expect(sourceInsertPos(longer)).not.toBe(longer.content.size - 1);
    expect(bodyRange(longer)).toEqual(bodyRange(doc));
    expect(bodyBlocks(longer).map((b) => b.type.name)).toEqual(bodyBlocks(doc).map((b) => b.type.name));
    expect(headlineText(longer)).toBe('Council votes');
    expect(inBody(longer, longer.content.size - 2)).toBe(false);
    expect(describePosition(longer, sourcesPos + 1)).toBe('the sources');
  });

  it('exports and checks the same article (the writers and the checks ask the module)', () => {
    const meta = newMeta(new Date('2026-01-02T03:04:05Z'));
    expect(exportHtml({ doc: longer, meta })).toBe(exportHtml({ doc, meta }));
    expect(exportMarkdown({ doc: longer, meta })).toBe(exportMarkdown({ doc, meta }));
    const messages = (d: PMNode) => findProblems(d).map((x) => `${x.code} ${x.message} @${String(x.pos)}`);
    expect(messages(longer)).toEqual(messages(doc));
  });
});

// The guard: no product file reads the document's top-level children by position. The hits
// left are other nodes' children (a fragment, a slice, a figure, a list, the DOM) or a clamp of
// a position into the document, each named here with why.
const FORBIDDEN = /doc\.child\(\d\)|firstChild|lastChild|content\.size - 1|childCount - 1|doc\.childCount === [1-9]|index\(0\) *[<>]=? *\d|sourcesNode\.nodeSize|node\('(?:doc|sources)'/u;
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'shared/article.ts': ['childCount - 1', "node('doc'", "node('sources'"], // the module itself
  'shared/clipboard/payload.ts': ['fragment.firstChild', 'slice.content.firstChild', 'slice.content.childCount - 1'],
  'shared/export/html.ts': ['node.firstChild'], // a figure's caption
  'shared/export/docx-blocks.ts': ['node.firstChild'], // a figure's caption
  'shared/import/docx/prepare.ts': ['p.firstChild', 'element.firstChild'], // Word's XML DOM
  'shared/compare/fields.ts': ['o.firstChild!', 'n.firstChild!'], // a figure's caption, in each version
  'shared/export/markdown.ts': ['node.firstChild', 'node.childCount - 1'], // a figure's caption, a list's items
  'shared/import/paste.ts': ['content.firstChild', 'content.lastChild'], // the pasted fragment
  'renderer/editor/clipboard.ts': ['slice.content.firstChild'],
  'renderer/editor/paste-offer.ts': ['slice.content.firstChild'],
  'renderer/editor/commands.ts': ['parent.childCount - 1'], // a textblock's inline children
  'shared/clipboard/review.ts': ['fragment.firstChild', 'fragment.lastChild', 'node.firstChild', 'node.lastChild'], // a copied slice's open edges
  'shared/review/suggest-regions.ts': ['a.firstChild ?? b.firstChild'], // two fragments' first nodes
  'shared/review/suggest.ts': ['after.content.firstChild'], // a slice's first node
  'renderer/app/session/editor-store.ts': ['state.doc.content.size - 1'], // keeps a reloaded cursor inside the document
};

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/u.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(process.cwd(), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

describe('product files and the article shape', () => {
  it('leave positional reads of the document to shared/article.ts', () => {
    const found: string[] = [];
    const files = ['shared', 'electron', 'renderer'].flatMap(productFiles);
    expect(files).toContain('shared/article.ts');
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!FORBIDDEN.test(line)) return;
          const allowed = ALLOWED[file] ?? [];
          if (!allowed.some((ok) => line.includes(ok)) || /doc\.(?:firstChild|lastChild|child\(\d\))/u.test(line)) found.push(`${file}:${String(i + 1)}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
