/**
 * What comparing two versions of an article gives: the types shared by the compare engine
 * (compare.ts), the merge of someone else's version (merge.ts), the app's compare view and
 * `copydesk diff`.
 *
 * A comparison is itself an article: the newer version, with the older version's removed text
 * kept as deletions and the new text marked as insertions (the review marks of shared/review),
 * so that accepting every mark gives the newer version and rejecting every mark gives the older
 * one. The list of changes reads that document.
 */
import type { Node as PMNode } from 'prosemirror-model';

/** What one change does. */
export type CompareChangeKind =
  /** Words inserted, deleted or replaced inside a block. */
  | 'text'
  /** A citation inserted, removed or pointed at another source. */
  | 'citation'
  /** Bold, italic or a link added, removed or changed on some words. */
  | 'format'
  /** A whole block added. */
  | 'block-added'
  /** A whole block removed. */
  | 'block-removed'
  /** A block moved elsewhere (its text may have changed too: then a `text` change as well). */
  | 'block-moved'
  /** A block's kind changed (a paragraph made a heading…), or a block's attributes (a heading's level). */
  | 'block-changed'
  /** A paragraph split in two, or two joined. */
  | 'split'
  | 'join'
  /** A "Read also" block's title or items (added, removed, a field changed). */
  | 'read-also'
  /** A source added, removed, or one of its fields changed. */
  | 'source'
  /** A figure's image, caption, alt text or credit. */
  | 'figure';

/** One change, in document order. */
export interface CompareChange {
  readonly kind: CompareChangeKind;
  /** One line for people: "Replaced “Safety” → “Security”", "[1] → [2]: Reuters → CFR". */
  readonly description: string;
  /**
   * The top-level block it is in, counted from 1 over the doc's children (the headline is 1, the
   * standfirst 2, the body's blocks from 3, the sources last), in the old and in the new version
   * (null: in only one).
   */
  readonly block: { readonly old: number | null; readonly new: number | null };
  /** Where it is in the comparison's document (the view's next/previous and highlight). */
  readonly from: number;
  readonly to: number;
  /** The text it removes and the text it adds ('' when none). */
  readonly deleted: string;
  readonly inserted: string;
}

/** A block compared as a whole because it is past what the word comparison handles. */
export interface CoarseBlock {
  /** The block, counted from 1 in the new version. */
  readonly block: number;
  /** Why, for people: "paragraph 12 is too long to compare word by word; shown as replaced". */
  readonly reason: string;
}

/** The comparison of two versions. */
export interface Comparison {
  /** The newer version with the changes marked (review marks); shown read-only. */
  readonly doc: PMNode;
  readonly changes: readonly CompareChange[];
  /** How many changes of each kind, and in all. */
  readonly summary: { readonly total: number; readonly byKind: Readonly<Partial<Record<CompareChangeKind, number>>> };
  /** Blocks shown as replaced whole rather than word by word (never a wrong diff: it says so). */
  readonly coarse: readonly CoarseBlock[];
  /** Suggestions pending in each version: both are compared as they read with every suggestion accepted. */
  readonly pending: { readonly old: number; readonly new: number };
}
