/**
 * Recording a change of content: `before[fa, ta]` replaced by a slice. What was there is struck
 * (base content gets a `deletion` mark, whole blocks a `deletion` node mark, a crossed boundary
 * between textblocks a `join` on the later one), except pending inserted content, which really
 * goes, and struck content, which stays with its first author. The new content goes after the
 * struck run, marked `insertion` (whole new blocks by a node mark, a new boundary by `split` on
 * the block after it), so that accepting gives what the plain replace gives and rejecting gives
 * back what was there.
 */
import { Fragment, Slice, type Mark, type Node as PMNode, type ResolvedPos } from 'prosemirror-model';
import { replaceStep, ReplaceStep, type Transform } from 'prosemirror-transform';
import { cleanSlice, sliceHasContent, markNamed, ownStatus, statusAt, type Stamp, type Status } from './suggest-marks';

/** Where a recorded replacement ended up in `out`, at step `step` of it. */
export interface Recorded {
  readonly step: number;
  /** The struck range (mapped). */
  readonly delFrom: number;
  readonly delTo: number;
  /** The inserted range (empty when nothing was inserted). */
  readonly insFrom: number;
  readonly insTo: number;
}

/** The place after the struck inline run that starts at `pos`. */
export function afterStruck(doc: PMNode, pos: number): number {
  for (;;) {
    const after = doc.resolve(pos).nodeAfter;
    if (!after?.isInline || !after.marks.some((m) => m.type.name === 'deletion')) return pos;
    pos += after.nodeSize;
  }
}

/** Whether any block lies wholly between `from` and `to` (only closing and opening tokens otherwise). */
function blockBetween(doc: PMNode, from: number, to: number): boolean {
  let found = false;
  doc.nodesBetween(from, to, (node, pos) => {
    if (found) return false;
    if (pos >= from && pos + node.nodeSize <= to) found = true;
    return !found;
  });
  return found;
}

class Unsafe extends Error {}

/** Strikes `before[fa, ta]` in `out`, removing pending content for real. */
function strike(out: Transform, a: PMNode, fa: number, ta: number, stamp: Stamp): void {
  const schema = a.type.schema;
  const deletion = schema.marks.deletion;
  const join = schema.marks.join;
  const insertion = schema.marks.insertion;
  if (!deletion || !join || !insertion) throw new Unsafe();
  const mark = deletion.create(stamp);
  // Positions of `a` in `out` as it stands (other regions may have changed it further on).
  const mp = (pos: number, assoc = 1): number => out.mapping.map(pos, assoc);
  const strikes: [number, number][] = [];
  const nodeStrikes: number[] = [];
  const removals: [number, number][] = [];
  a.nodesBetween(fa, ta, (node, pos, parent) => {
    const end = pos + node.nodeSize;
    if (node.isInline) {
      const from = Math.max(pos, fa);
      const to = Math.min(end, ta);
      if (from >= to) return false;
      const status = statusAt(a.resolve(pos), node);
      if (status === 'inserted') removals.push([from, to]);
      else if (status === 'base') {
        const last = strikes[strikes.length - 1];
        if (last && last[1] === from) last[1] = to;
        else strikes.push([from, to]);
      }
      return false;
    }
    if (pos < fa || end > ta) return true;
    const status = statusAt(a.resolve(pos), node);
    if (status === 'deleted') return false;
    if (status === 'inserted') {
      removals.push([pos, end]);
      return false;
    }
    if (parent?.type.allowsMarkType(deletion)) {
      nodeStrikes.push(pos);
      return false;
    }
    return true;
  });
  const $fa = a.resolve(fa);
  const $ta = a.resolve(ta);
  // A boundary between two textblocks crossed: the later one joins the text before it.
  let realJoin: { from: number; to: number; mark: Mark | null } | null = null;
  if ($fa.parent.isTextblock && $ta.parent.isTextblock && $fa.start() !== $ta.start()) {
    const later = $ta.parent;
    const laterPos = $ta.before();
    const status = statusAt($ta, null);
    if (status !== 'deleted' && !markNamed(later.marks, 'join')) {
      const pending = ownStatus(later) === 'inserted' || markNamed(later.marks, 'split');
      if (pending) {
        // The boundary itself is pending: it really goes (only next to the block it split from).
        if (blockBetween(a, $fa.end(), $ta.start())) throw new Unsafe();
        realJoin = { from: $fa.end(), to: $ta.start(), mark: markNamed(later.marks, 'insertion') ?? null };
      } else if (status === 'inserted') throw new Unsafe();
      else {
        if (!$ta.node($ta.depth - 1).type.allowsMarkType(join)) throw new Unsafe();
        out.addNodeMark(mp(laterPos), join.create(stamp));
      }
    }
  }
  for (const [from, to] of strikes) out.addMark(mp(from), mp(to, -1), mark);
  for (const pos of nodeStrikes) out.addNodeMark(mp(pos), mark);
  if (realJoin?.mark) {
    // What stays of a pending inserted block keeps its suggestion once it joins base text.
    const end = $ta.end();
    if (ta < end) out.addMark(mp(ta), mp(end, -1), insertion.create(realJoin.mark.attrs));
  }
  for (let i = removals.length - 1; i >= 0; i--) {
    const [from, to] = removals[i] as [number, number];
    out.delete(mp(from), mp(to, -1));
  }
  if (realJoin) {
    const step = replaceStep(out.doc, mp(realJoin.from, -1), mp(realJoin.to));
    if (!step || out.maybeStep(step).failed) throw new Unsafe();
  }
}

/** Takes `step` (an insertion into `out`) and marks what it inserted; `$orig` is its place in the document before. */
function insertSlice(out: Transform, step: ReplaceStep, $orig: ResolvedPos, stamp: Stamp): { from: number; to: number } {
  const schema = out.doc.type.schema;
  const insertion = schema.marks.insertion;
  const split = schema.marks.split;
  if (!insertion || !split) throw new Unsafe();
  const pos = step.from;
  if (out.maybeStep(step).failed) throw new Unsafe();
  const from = pos;
  const to = pos + step.slice.size;
  const doc = out.doc;
  const mark = insertion.create(stamp);
  const inline: [number, number][] = [];
  const blocks: number[] = [];
  doc.nodesBetween(from, to, (node, p, parent) => {
    const end = p + node.nodeSize;
    if (node.isInline) {
      const f = Math.max(p, from);
      const t = Math.min(end, to);
      if (f < t && statusAt(doc.resolve(p), null) === 'base') inline.push([f, t]);
      return false;
    }
    if (p < from || end > to) return true;
    if (statusAt(doc.resolve(p), null) !== 'base') return false;
    if (parent?.type.allowsMarkType(insertion)) {
      blocks.push(p);
      return false;
    }
    return true;
  });
  for (const [f, t] of inline) out.addMark(f, t, mark);
  for (const p of blocks) out.addNodeMark(p, mark);
  // The blocks the slice's open end opened: a new boundary, or more of a pending block.
  const $end = out.doc.resolve(to);
  let firstNew = -1;
  for (let d = 1; d <= $end.depth; d++) if ($end.before(d) >= from) {
    firstNew = d;
    break;
  }
  if (firstNew > 0) {
    const shift = $orig.depth - $end.depth;
    for (let d = firstNew; d <= $end.depth; d++) {
      const orig = d + shift >= 1 && d + shift <= $orig.depth ? $orig.node(d + shift) : null;
      const pending = orig ? markNamed(orig.marks, 'insertion') : undefined;
      if (pending) {
        if (!$end.node(d - 1).type.allowsMarkType(insertion)) throw new Unsafe();
        out.addNodeMark($end.before(d), pending);
        return { from, to };
      }
    }
    if (!$end.parent.isTextblock || !$end.node($end.depth - 1).type.allowsMarkType(split)) throw new Unsafe();
    if (statusAt($end, null) === 'base') out.addNodeMark($end.before(), split.create(stamp));
  }
  return { from, to };
}

/** `slice` marked as inserted, when it is inline content going into a textblock (null otherwise). */
function inlineInsertion(slice: Slice, $at: ResolvedPos, status: Status, stamp: Stamp): Slice | null {
  if (slice.openStart !== 0 || slice.openEnd !== 0 || !$at.parent.inlineContent) return null;
  const insertion = $at.doc.type.schema.marks.insertion;
  if (!insertion || !$at.parent.type.allowsMarkType(insertion)) return null;
  const mark = insertion.create(stamp);
  const nodes: PMNode[] = [];
  let inline = true;
  slice.content.forEach((node) => {
    if (!node.isInline) inline = false;
    nodes.push(status === 'base' ? node.mark(mark.addToSet(node.marks)) : node);
  });
  return inline ? new Slice(Fragment.fromArray(nodes), 0, 0) : null;
}

/**
 * Records `before[fa, ta]` → `slice` into `out` (a transform of `a`; positions of `a` are mapped
 * through what `out` already did). Returns where it went, or null when the change cannot be recorded.
 */
export function recordReplace(out: Transform, a: PMNode, fa: number, ta: number, slice: Slice, stamp: Stamp): Recorded | null {
  try {
    if (fa < ta) strike(out, a, fa, ta, stamp);
    const clean = cleanSlice(slice);
    let insFrom = -1;
    let insTo = -1;
    if (sliceHasContent(clean)) {
      // After the struck run; before it when the slice only fits there (its open start
      // belongs to the block the deleted range starts in).
      const placed = [afterStruck(a, ta), fa].some((at) => {
        const $at = a.resolve(at);
        const status = statusAt($at, null);
        if (status === 'deleted') return false;
        const pos = out.mapping.map(at, at === fa ? -1 : 1);
        const inline = inlineInsertion(clean, $at, status, stamp);
        if (inline) {
          // Typing and pasting text: marked before it goes in, one step, no walk.
          const step = replaceStep(out.doc, pos, pos, inline);
          if (!(step instanceof ReplaceStep) || step.from !== pos || step.to !== pos || !step.slice.eq(inline) || out.maybeStep(step).failed) return false;
          insFrom = pos;
          insTo = pos + inline.size;
          return true;
        }
        const step = replaceStep(out.doc, pos, pos, clean);
        if (!(step instanceof ReplaceStep) || step.from !== pos || step.to !== pos || !step.slice.eq(clean)) return false;
        ({ from: insFrom, to: insTo } = insertSlice(out, step, $at, stamp));
        return true;
      });
      if (!placed) return null;
    }
    const delFrom = out.mapping.map(fa, -1);
    const delTo = insFrom >= 0 ? insFrom : out.mapping.map(ta, 1);
    return { step: out.steps.length, delFrom, delTo, insFrom: insFrom >= 0 ? insFrom : delTo, insTo: insTo >= 0 ? insTo : delTo };
  } catch (error) {
    if (error instanceof Unsafe || error instanceof RangeError || (error as Error).name === 'TransformError') return null;
    throw error;
  }
}
