/**
 * What a copy, a cut and a paste do with review marks (issue 12 §6).
 *
 * - A copy holds the text as it would read with every suggestion accepted: deleted text, inline
 *   nodes and blocks are left out, a block whose boundary a suggestion removes (`join`) is joined
 *   to the block before it, and no suggestion mark remains. Comment marks are left out of a copy;
 *   a cut keeps them, so that cutting and pasting inside the same draft keeps the text's threads.
 * - A paste never brings a suggestion mark (a payload is untrusted input), and keeps only the
 *   comment marks of threads the draft it lands in holds (a cut from another draft brings none).
 * Pure functions over slices; the editor's clipboard (renderer/editor/clipboard.ts) calls them.
 */
import { Fragment, Mark, Slice, type Node as PMNode } from 'prosemirror-model';
import { isSuggestionMark } from '../review/resolve';
import { hasDeletion } from '../review/accepted';

/** Whether `fragment` (or the nodes inside) holds any suggestion or comment mark; a quick walk that stops at the first. */
function hasReviewMarks(fragment: Fragment): boolean {
  let found = false;
  fragment.descendants((node) => {
    if (found) return false;
    if (node.marks.some((mark) => isSuggestionMark(mark) || mark.type.name === 'comment')) found = true;
    return !found;
  });
  return found;
}

function cleanFragment(fragment: Fragment, keep: (mark: Mark) => boolean, accept: boolean): Fragment {
  const out: PMNode[] = [];
  fragment.forEach((child) => {
    if (accept && hasDeletion(child.marks)) return;
    const marks = child.marks.filter(keep);
    const cleaned = child.isText ? child.mark(marks) : child.copy(cleanFragment(child.content, keep, accept)).mark(marks);
    const previous = out[out.length - 1];
    if (previous?.isText && cleaned.isText && Mark.sameSet(previous.marks, cleaned.marks)) {
      out[out.length - 1] = previous.type.schema.text((previous.text ?? '') + (cleaned.text ?? ''), previous.marks);
    } else if (accept && previous?.isTextblock && cleaned.isTextblock && child.marks.some((mark) => mark.type.name === 'join')) {
      out[out.length - 1] = previous.copy(previous.content.append(cleaned.content));
    } else out.push(cleaned);
  });
  return Fragment.fromArray(out);
}

/** How deep a slice of `fragment` can be open on one side (through first or last children that have content). */
function openable(fragment: Fragment, side: 'start' | 'end'): number {
  let depth = 0;
  let node = side === 'start' ? fragment.firstChild : fragment.lastChild;
  while (node && !node.isLeaf && !node.isText) {
    depth++;
    node = side === 'start' ? node.firstChild : node.lastChild;
  }
  return depth;
}

function cleanSlice(slice: Slice, keep: (mark: Mark) => boolean, accept: boolean): Slice {
  if (!hasReviewMarks(slice.content)) return slice;
  const content = cleanFragment(slice.content, keep, accept);
  if (content.size === 0) return Slice.empty;
  return new Slice(content, Math.min(slice.openStart, openable(content, 'start')), Math.min(slice.openEnd, openable(content, 'end')));
}

/** The slice a copy (`cut` false) or a cut writes: every suggestion accepted; comments kept by a cut only. */
export function copiedSlice(slice: Slice, cut: boolean): Slice {
  return cleanSlice(slice, (mark) => !isSuggestionMark(mark) && (cut || mark.type.name !== 'comment'), true);
}

/** The slice a paste inserts: no suggestion mark, and comment marks only of the `threads` the target draft holds. */
export function pastedSlice(slice: Slice, threads: ReadonlySet<string>): Slice {
  return cleanSlice(slice, (mark) => !isSuggestionMark(mark) && (mark.type.name !== 'comment' || threads.has(mark.attrs.thread as string)), false);
}
