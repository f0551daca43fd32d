/**
 * The text as it would read with every suggestion accepted, seen without making that document:
 * small pure helpers for what counts, finds, numbers and copies text under review (deleted
 * content is never counted, found, numbered or copied). `finalDoc` (resolve.ts) makes the
 * document itself, for the exports.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { SUGGESTION_MARKS } from './model';

/** Whether `marks` hold a suggested deletion. */
export function hasDeletion(marks: readonly Mark[]): boolean {
  for (const mark of marks) if (mark.type.name === 'deletion') return true;
  return false;
}

/** The deletion mark among `marks`, if any. */
export function deletionOf(marks: readonly Mark[]): Mark | undefined {
  return marks.find((mark) => mark.type.name === 'deletion');
}

/** The insertion mark among `marks`, if any. */
export function insertionOf(marks: readonly Mark[]): Mark | undefined {
  return marks.find((mark) => mark.type.name === 'insertion');
}

/**
 * Calls `f` for every range of `doc` (or of `from`–`to`) whose content a suggestion deletes: a
 * deleted text or inline node, or a whole deleted block. Ranges come in document order and do not
 * nest (a deleted block's content is not walked).
 */
export function forEachDeletedRange(doc: PMNode, f: (from: number, to: number) => void, from = 0, to = doc.content.size): void {
  let open = -1;
  let end = -1;
  doc.nodesBetween(from, to, (node, pos) => {
    if (!hasDeletion(node.marks)) return true;
    const start = Math.max(pos, from);
    const stop = Math.min(pos + node.nodeSize, to);
    if (start === end) end = stop;
    else {
      if (open >= 0) f(open, end);
      open = start;
      end = stop;
    }
    return false;
  });
  if (open >= 0) f(open, end);
}

/** The text of `node`'s content as it would read with every suggestion accepted (deleted text left out). */
export function acceptedText(node: PMNode): string {
  let text = '';
  node.descendants((child) => {
    if (hasDeletion(child.marks)) return false;
    if (child.isText) text += child.text ?? '';
    return true;
  });
  return text;
}

/**
 * `node.textBetween(0, size, blockSeparator, leafText)` of the text (empty when `node` itself is deleted) as it would read with every
 * suggestion accepted: deleted text, inline nodes and blocks are left out. When nothing in `node`
 * is deleted it is exactly `textBetween`.
 */
export function acceptedTextBetween(node: PMNode, blockSeparator: string, leafText: string): string {
  if (hasDeletion(node.marks)) return '';
  let text = '';
  let first = true;
  node.nodesBetween(0, node.content.size, (child) => {
    if (child.marks.length && hasDeletion(child.marks)) return false;
    const own = child.isText ? (child.text ?? '') : child.isLeaf ? leafText : '';
    if (child.isBlock && ((child.isLeaf && own) || child.isTextblock)) {
      if (first) first = false;
      else text += blockSeparator;
    }
    text += own;
    return true;
  });
  return text;
}

const REVIEW_MARK_NAMES: ReadonlySet<string> = new Set([...SUGGESTION_MARKS, 'comment']);

/**
 * Whether `doc` holds something to review: a suggestion or comment mark, or a thread (a detached
 * one too). Unlike `hasReview`, an author table alone (left after every suggestion was decided)
 * is nothing to review. Stops at the first mark.
 */
export function hasReviewContent(doc: PMNode): boolean {
  const review = doc.attrs.review as { threads?: readonly unknown[] } | null;
  if (review?.threads?.length) return true;
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    for (const mark of node.marks) if (REVIEW_MARK_NAMES.has(mark.type.name)) found = true;
    return !found;
  });
  return found;
}
