/**
 * The article's shape, named once: a headline, a standfirst, the body blocks and the sources
 * section (shared/schema.ts). Every question about where these parts are — the headline and its
 * text, the body's range, the sources section and where a new source goes, which sources an
 * export lists, how to name a place for the reader — is answered here, so that no other module
 * reads the document's top-level children by position. A new section (after the sources, say)
 * changes this module and the schema, nothing else.
 *
 * The parts are found by their node types, not by index; each lookup starts from the end the
 * part is at, so that it costs O(1) on the shapes the schema allows.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { FootnoteIndex, SourceEntry } from './footnotes';
import { schema } from './schema';
import { acceptedText } from './review/accepted';

/** The parts of an article, in document order. */
export type ArticlePart = 'headline' | 'standfirst' | 'body' | 'sources';

/** What a new article is made of; a part left out is empty (the body: one empty paragraph). */
export interface ArticleParts {
  /** The headline's text nodes. */
  readonly headline?: readonly PMNode[];
  /** The standfirst's inline nodes. */
  readonly standfirst?: readonly PMNode[];
  /** The body blocks. */
  readonly body?: readonly PMNode[];
  /** The `source` nodes. */
  readonly sources?: readonly PMNode[];
}

/** A document of the article's shape from its parts (unchecked: call `check()` on content from outside). */
export function buildArticle(parts: ArticleParts = {}): PMNode {
  return schema.node('doc', null, [
    schema.node('headline', null, parts.headline ?? []),
    schema.node('standfirst', null, parts.standfirst ?? []),
    ...(parts.body?.length ? parts.body : [schema.node('paragraph')]),
    schema.node('sources', null, parts.sources ?? []),
  ]);
}

/** Node type names of the parts that are one node each; every other top-level node is a body block. */
const SINGLE_PARTS: ReadonlyMap<string, ArticlePart> = new Map<string, ArticlePart>([
  ['headline', 'headline'],
  ['standfirst', 'standfirst'],
  ['sources', 'sources'],
]);

/** The part of the article a top-level node of the document is. */
export function partOf(block: PMNode): ArticlePart {
  return SINGLE_PARTS.get(block.type.name) ?? 'body';
}

// The top-level node of type `name` before the body, found from the start.
function topMatter(doc: PMNode, name: 'headline' | 'standfirst'): PMNode | null {
  for (let i = 0; i < doc.childCount; i++) {
    const node = doc.child(i);
    if (node.type.name === name) return node;
    if (partOf(node) === 'body') return null;
  }
  return null;
}

/** The headline node of `doc`. Throws `RangeError` when there is none (the schema requires one). */
export function headlineOf(doc: PMNode): PMNode {
  const node = topMatter(doc, 'headline');
  if (!node) throw new RangeError('a Copydesk document starts with its headline');
  return node;
}

/** The position right after the headline (where the byline shows). */
export function afterHeadline(doc: PMNode): number {
  let pos = 0;
  for (let i = 0; i < doc.childCount; i++) {
    const node = doc.child(i);
    pos += node.nodeSize;
    if (node.type.name === 'headline') return pos;
  }
  throw new RangeError('a Copydesk document starts with its headline');
}

/** The headline's text as it would read with every suggestion accepted, or '' when `doc` has no headline. */
export function headlineText(doc: PMNode): string {
  const headline = topMatter(doc, 'headline');
  return headline ? acceptedText(headline) : '';
}

/** The standfirst node of `doc`. Throws `RangeError` when there is none (the schema requires one). */
export function standfirstOf(doc: PMNode): PMNode {
  const node = topMatter(doc, 'standfirst');
  if (!node) throw new RangeError('a Copydesk document has a standfirst after its headline');
  return node;
}

/** Where the body is: top-level indices `[startIndex, endIndex)` and positions `[from, to)`. */
export interface BodyRange {
  /** Index of the first body block. */
  readonly startIndex: number;
  /** Index after the last body block. */
  readonly endIndex: number;
  /** Position before the first body block. */
  readonly from: number;
  /** Position after the last body block. */
  readonly to: number;
}

/** The range of `doc`'s body blocks: after the headline and standfirst, before the sources. */
export function bodyRange(doc: PMNode): BodyRange {
  let startIndex = 0;
  let from = 0;
  while (startIndex < doc.childCount) {
    const node = doc.child(startIndex);
    const part = partOf(node);
    if (part !== 'headline' && part !== 'standfirst') break;
    from += node.nodeSize;
    startIndex++;
  }
  const sources = findSources(doc);
  return sources ? { startIndex, endIndex: sources.index, from, to: sources.pos } : { startIndex, endIndex: doc.childCount, from, to: doc.content.size };
}

/** The body blocks of `doc`, in order. */
export function bodyBlocks(doc: PMNode): PMNode[] {
  const { startIndex, endIndex } = bodyRange(doc);
  const blocks: PMNode[] = [];
  for (let i = startIndex; i < endIndex; i++) blocks.push(doc.child(i));
  return blocks;
}

/** True when `pos` is in a body block of `doc` (not the headline, the standfirst or the sources). */
export function inBody(doc: PMNode, pos: number): boolean {
  const index = doc.resolve(pos).index(0);
  const { startIndex, endIndex } = bodyRange(doc);
  return index >= startIndex && index < endIndex;
}

/** True when the body of `doc` is one block only (removing it must leave an empty paragraph). */
export function hasOneBodyBlock(doc: PMNode): boolean {
  const { startIndex, endIndex } = bodyRange(doc);
  return endIndex - startIndex === 1;
}

/** The top-level block that holds `pos` (the last one for the document's end): node, index, position. */
export function topBlockAt(doc: PMNode, pos: number): { readonly node: PMNode; readonly index: number; readonly pos: number } {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  const index = Math.min($pos.index(0), doc.childCount - 1);
  return { node: doc.child(index), index, pos: $pos.posAtIndex(index, 0) };
}

/** The sources section: its node, its position and its index among the document's children. */
export interface SourcesSection {
  readonly node: PMNode;
  readonly pos: number;
  readonly index: number;
}

/** The sources section of `doc`, or null when it has none (found from the end). */
export function findSources(doc: PMNode): SourcesSection | null {
  let pos = doc.content.size;
  for (let index = doc.childCount - 1; index >= 0; index--) {
    const node = doc.child(index);
    pos -= node.nodeSize;
    if (node.type.name === 'sources') return { node, pos, index };
  }
  return null;
}

/** The sources section of `doc`. Throws `RangeError` when there is none (the schema requires one). */
export function sourcesSection(doc: PMNode): SourcesSection {
  const found = findSources(doc);
  if (!found) throw new RangeError('a Copydesk document has a sources section');
  return found;
}

/** The `source` nodes of `doc`'s sources section, in document order (none without a section). */
export function sourceNodes(doc: PMNode): PMNode[] {
  const nodes: PMNode[] = [];
  findSources(doc)?.node.forEach((node) => nodes.push(node));
  return nodes;
}

/** Where a new source is inserted: at the end of the sources section. */
export function sourceInsertPos(doc: PMNode): number {
  const { node, pos } = sourcesSection(doc);
  return pos + node.nodeSize - 1;
}

/** The sources an export lists: the cited ones (the first of each id), in number order. */
export function exportedSources(index: FootnoteIndex): SourceEntry[] {
  return index.sources.filter((entry) => entry.number !== null && index.byId.get(entry.id) === entry);
}

/** The title a "Read also" block shows, and exports write, when its own title is empty. */
export const DEFAULT_READ_ALSO_TITLE = 'Read also';

const LABELS: Readonly<Record<string, string>> = {
  headline: 'the headline',
  standfirst: 'the standfirst',
  paragraph: 'paragraph',
  heading: 'heading',
  blockquote: 'quote',
  bullet_list: 'bulleted list',
  ordered_list: 'numbered list',
  figure: 'figure',
  horizontal_rule: 'rule',
  read_also: '“Read also” block',
  sources: 'the sources',
};

/**
 * Names a top-level block for the reader from its node type name and `nth`, its count among the
 * blocks of its type (from 1): "the headline", "paragraph 3 of the body", "“Read also” block 1
 * of the body". The one way places are named, in problems and in errors about a draft's file.
 */
export function placeName(type: string, nth: number): string {
  const label = Object.hasOwn(LABELS, type) ? (LABELS[type] as string) : type;
  return SINGLE_PARTS.has(type) ? label : `${label} ${String(nth)} of the body`;
}

// A short quotation of a node's text, for naming it: “In a significant…”; '' when it has none.
function snippet(node: PMNode, max = 32): string {
  const text = node.textBetween(0, node.content.size, ' ', ' ').replace(/\s+/gu, ' ').trim();
  if (text === '') return '';
  return `“${text.length > max ? `${text.slice(0, max).trimEnd()}…` : text}”`;
}

/**
 * Names the top-level block that holds `pos` (see `placeName`), with a quotation of a body
 * block's text: "paragraph 3 of the body (“In a significant…”)".
 */
export function describePosition(doc: PMNode, pos: number): string {
  const { node: block, index } = topBlockAt(doc, pos);
  const name = block.type.name;
  if (partOf(block) !== 'body') return placeName(name, 1);
  let nth = 0;
  for (let i = 0; i <= index; i++) if (doc.child(i).type === block.type) nth++;
  const text = snippet(block);
  return `${placeName(name, nth)}${text ? ` (${text})` : ''}`;
}
