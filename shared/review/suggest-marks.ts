/**
 * What the suggestion engine asks of marks: the stamp of a suggestion, whether content is pending
 * (inserted, not yet accepted) or struck (deleted, not yet accepted), and inserted content cleaned
 * of any suggestion mark it brought along.
 */
import { Fragment, Slice, type Mark, type Node as PMNode, type ResolvedPos } from 'prosemirror-model';
import { FORMATTING_MARKS, SUGGESTION_MARKS } from './model';

/** The attributes every suggestion mark carries. */
export interface Stamp {
  readonly id: string;
  readonly author: string;
  readonly at: string;
}

/** The names of the suggestion marks. */
const SUGGESTION: ReadonlySet<string> = new Set(SUGGESTION_MARKS);

/** The formatting marks `format_change` records. */
export const FORMATTING: ReadonlySet<string> = new Set(FORMATTING_MARKS);

/** The mark of type `name` in `marks`, if any. */
export function markNamed(marks: readonly Mark[], name: string): Mark | undefined {
  return marks.find((m) => m.type.name === name);
}

/** Whether `mark` is a suggestion mark. */
export function isSuggestion(mark: Mark): boolean {
  return SUGGESTION.has(mark.type.name);
}

/** What review has done to a place: nothing, inserted it (pending), or deleted it (struck). */
export type Status = 'base' | 'inserted' | 'deleted';

/** The status of the node `node`, from its own marks and from the blocks around `$pos` (its place). */
export function statusAt($pos: ResolvedPos, node?: PMNode | null): Status {
  const own = node ? ownStatus(node) : 'base';
  if (own !== 'base') return own;
  for (let d = $pos.depth; d > 0; d--) {
    const status = ownStatus($pos.node(d));
    if (status !== 'base') return status;
  }
  return 'base';
}

/** The status a node's own marks give it. */
export function ownStatus(node: PMNode): Status {
  for (const mark of node.marks) {
    if (mark.type.name === 'deletion') return 'deleted';
    if (mark.type.name === 'insertion') return 'inserted';
  }
  return 'base';
}

/** The insertion mark on the nearest block around `$pos` that is pending, if any. */
export function insertedBlockMark($pos: ResolvedPos): Mark | undefined {
  for (let d = $pos.depth; d > 0; d--) {
    const mark = markNamed($pos.node(d).marks, 'insertion');
    if (mark) return mark;
  }
  return undefined;
}

function cleanFragment(fragment: Fragment, start: number, isNew: (from: number, to: number) => boolean): Fragment {
  const out: PMNode[] = [];
  let pos = start;
  fragment.forEach((node) => {
    const at = pos;
    pos += node.nodeSize;
    // Struck text the command carried along (a join clearing its marks) reads as nothing: it is
    // not inserted again. Struck text it inserted (typed inside a struck run) is new.
    if (node.isInline && node.marks.some((m) => m.type.name === 'deletion') && !isNew(at, at + node.nodeSize)) return;
    const marks = node.marks.filter((m) => !isSuggestion(m));
    if (node.isText) out.push(node.mark(marks));
    else out.push(node.type.create(node.attrs, cleanFragment(node.content, at + 1, isNew), marks));
  });
  return Fragment.from(out);
}

/**
 * `slice` (of the command's document, starting at `from`) without suggestion marks, and without
 * the struck text that `isNew` (ranges of that document the command inserted) does not cover.
 */
export function cleanSlice(slice: Slice, from: number, isNew: (from: number, to: number) => boolean): Slice {
  return new Slice(cleanFragment(slice.content, from - slice.openStart, isNew), slice.openStart, slice.openEnd);
}

function fragmentHasContent(fragment: Fragment, openStart: number, openEnd: number): boolean {
  const count = fragment.childCount;
  if (count === 0) return false;
  const first = fragment.child(0);
  const last = fragment.child(count - 1);
  const firstOpen = openStart > 0;
  const lastOpen = openEnd > 0;
  if (count > 2 || (count === 2 && (!firstOpen || !lastOpen)) || first.isText || last.isText) return true;
  // Two open nodes side by side: a boundary between them (Enter).
  if (count === 2) return true;
  if (!firstOpen && !lastOpen) return true;
  return fragmentHasContent(first.content, firstOpen ? openStart - 1 : 0, lastOpen ? openEnd - 1 : 0);
}

/**
 * Whether `slice` brings anything: content, or a boundary. Only the closing or opening tokens
 * of the blocks around a deleted range (what a replace across blocks leaves) bring nothing.
 */
export function sliceHasContent(slice: Slice): boolean {
  return fragmentHasContent(slice.content, slice.openStart, slice.openEnd);
}

/**
 * `doc.nodesBetween(from, to, f)` that also passes each node's status (its own marks, or the
 * nearest pending or struck block around it), without resolving a position per node.
 */
export function nodesWithStatus(doc: PMNode, from: number, to: number, f: (node: PMNode, pos: number, parent: PMNode, status: Status) => boolean): void {
  const walk = (parent: PMNode, start: number, inherited: Status): void => {
    let pos = start;
    for (let i = 0; i < parent.childCount && pos < to; i++) {
      const child = parent.child(i);
      const end = pos + child.nodeSize;
      if (end > from || (child.nodeSize === 0 && pos >= from)) {
        const own = ownStatus(child);
        const status = own !== 'base' ? own : inherited;
        if (f(child, pos, parent, status) && child.content.size > 0) walk(child, pos + 1, status);
      }
      pos = end;
    }
  };
  walk(doc, 0, 'base');
}
