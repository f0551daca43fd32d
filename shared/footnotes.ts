/**
 * Footnote numbering: pure functions over a document.
 *
 * A source's number is the order of its first citation in the document; it is derived on demand
 * and never stored, so no edit can leave numbers out of date. Sources that nobody cites have no
 * number.
 *
 * Under review the numbers are those of the text as it would read with every suggestion accepted:
 * a citation a suggestion deletes (its own deletion mark, or a deleted block around it) is listed,
 * `deleted`, but takes no number and does not count as citing its source.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { hasDeletion } from './review/accepted';

/** One source of the document with what is derived from it. */
export interface SourceEntry {
  /** The source's id, as citations name it. */
  readonly id: string;
  /** Number by order of first citation; `null` when nothing cites it. */
  readonly number: number | null;
  /** How many citations name it. */
  readonly citations: number;
  /** The `source` node. */
  readonly node: PMNode;
  /** Position of the `source` node in the document. */
  readonly pos: number;
}

/** One citation in the running text. */
export interface CitationEntry {
  /** The id it names. */
  readonly source: string;
  /** Position of the `citation` node in the document. */
  readonly pos: number;
  /** A suggestion deletes it: it neither numbers nor counts (absent when not). */
  readonly deleted?: true;
}

/** Everything about a document's footnotes, computed in one walk. */
export interface FootnoteIndex {
  /** Sources in number order: cited ones by first citation, then uncited ones in document order. */
  readonly sources: readonly SourceEntry[];
  /** Citations in document order. */
  readonly citations: readonly CitationEntry[];
  /** Number of each cited source id (including ids with no source, which get numbers too). */
  readonly numbers: ReadonlyMap<string, number>;
  /** Source entries by id (the first, where an id is duplicated). */
  readonly byId: ReadonlyMap<string, SourceEntry>;
}

/** Walks `doc` once and derives numbers, counts and positions of its sources and citations. */
export function indexFootnotes(doc: PMNode): FootnoteIndex {
  const citations: CitationEntry[] = [];
  const numbers = new Map<string, number>();
  const counts = new Map<string, number>();
  const found: { node: PMNode; pos: number }[] = [];
  // The end of the deleted block being walked (descendants goes in document order).
  let deletedUntil = -1;
  doc.descendants((node, pos) => {
    if (node.type.name === 'citation') {
      const id = node.attrs.source as string;
      if (pos < deletedUntil || hasDeletion(node.marks)) {
        citations.push({ source: id, pos, deleted: true });
        return false;
      }
      citations.push({ source: id, pos });
      if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
      counts.set(id, (counts.get(id) ?? 0) + 1);
      return false;
    }
    if (node.type.name === 'source') {
      found.push({ node, pos });
      return false;
    }
    if (node.marks.length && !node.isText && hasDeletion(node.marks) && pos + node.nodeSize > deletedUntil) deletedUntil = pos + node.nodeSize;
    return !node.isText;
  });
  const entries = found.map(({ node, pos }): SourceEntry => {
    const id = node.attrs.id as string;
    return { id, number: numbers.get(id) ?? null, citations: counts.get(id) ?? 0, node, pos };
  });
  const sorted = [...entries].sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity));
  const byId = new Map<string, SourceEntry>();
  for (const entry of entries) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  return { sources: sorted, citations, numbers, byId };
}
