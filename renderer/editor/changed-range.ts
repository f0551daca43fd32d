/**
 * What a transaction changed, cheaply: the one range of its final document that its steps
 * touched, and the run of top-level blocks that holds it. The incremental plugins (words,
 * problems) recompute only those blocks; every other top-level block is the very same node
 * object before and after (ProseMirror shares unchanged subtrees), so per-block results cached
 * by node identity stay valid. Cost: O(steps + depth), plus the schema's own position resolving.
 */
import type { Node as PMNode } from 'prosemirror-model';
import {
  AddMarkStep,
  AddNodeMarkStep,
  AttrStep,
  DocAttrStep,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type Transform,
} from 'prosemirror-transform';

/** A range of positions in a document. */
export interface Range {
  readonly from: number;
  readonly to: number;
}

/**
 * The smallest range of `tr.doc` that covers everything `tr`'s steps changed (inserted text,
 * changed marks or attributes), or `null` when no content changed. A pure deletion gives an
 * empty range where the content was.
 */
export function changedRange(tr: Transform): Range | null {
  let from = -1;
  let to = -1;
  tr.steps.forEach((step, i) => {
    const map = step.getMap();
    if (from >= 0) {
      from = map.map(from, -1);
      to = map.map(to, 1);
    }
    const after = tr.docs[i + 1] ?? tr.doc;
    const add = (a: number, b: number): void => {
      from = from < 0 ? a : Math.min(from, a);
      to = to < 0 ? b : Math.max(to, b);
    };
    if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => add(newStart, newEnd));
    } else if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      add(step.from, step.to);
    } else if (step instanceof AttrStep || step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep) {
      add(step.pos, step.pos + (after.nodeAt(step.pos)?.nodeSize ?? 1));
    } else if (!(step instanceof DocAttrStep)) {
      add(0, after.content.size); // a step type this code does not know: assume everything changed
    }
  });
  return from < 0 ? null : { from, to };
}

/** Top-level blocks replaced by a transaction: old `[first, oldEnd)` became new `[first, newEnd)`. */
export interface BlockChange {
  readonly first: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * The run of top-level blocks that `tr` replaced, or `null` when it changed no content. Blocks
 * before `first` and after the run are the same node objects in `before` and `tr.doc`.
 */
export function changedBlocks(before: PMNode, tr: Transform): BlockChange | null {
  const range = changedRange(tr);
  if (!range) return null;
  const after = tr.doc;
  const $from = after.resolve(range.from);
  const $to = range.to === range.from ? $from : after.resolve(range.to);
  const first = $from.index(0);
  const newEnd = Math.max(first, $to.depth === 0 ? $to.index(0) : $to.index(0) + 1);
  const oldEnd = before.childCount - (after.childCount - newEnd);
  return { first, oldEnd: Math.max(first, oldEnd), newEnd };
}
