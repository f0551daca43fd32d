/**
 * Where a transaction changed its document: disjoint regions, each a range of the document before
 * (`fa`–`ta`) and the range of the document after (`fb`–`tb`) that replaced it, narrowed to what
 * really differs. Cost: O(steps) plus the neighbourhood of each change (no document walk).
 */
import { Mark, type Fragment, type Node as PMNode, type Slice } from 'prosemirror-model';
import {
  AddMarkStep,
  AddNodeMarkStep,
  AttrStep,
  DocAttrStep,
  RemoveMarkStep,
  RemoveNodeMarkStep,
  ReplaceStep,
  type Transform,
} from 'prosemirror-transform';

/** One changed region: `before[fa, ta]` became `after[fb, tb]`. */
export interface Region {
  readonly fa: number;
  readonly ta: number;
  readonly fb: number;
  readonly tb: number;
}

/**
 * The regions `tr` changed, in document order, or null when it holds a step that cannot be
 * recorded (a ReplaceAroundStep: wrapping, lifting, changing a block's type; an unknown step).
 */
export function changedRegions(tr: Transform): Region[] | null {
  const ranges: { from: number; to: number }[] = [];
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    const doc = tr.docs[i];
    if (!step || !doc) return null;
    const map = step.getMap();
    for (const r of ranges) {
      r.from = map.map(r.from, -1);
      r.to = Math.max(r.from, map.map(r.to, 1));
    }
    if (step instanceof ReplaceStep) ranges.push({ from: step.from, to: step.from + step.slice.size });
    else if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) ranges.push({ from: step.from, to: step.to });
    else if (step instanceof AttrStep || step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep) {
      const node = doc.nodeAt(step.pos);
      if (!node) return null;
      ranges.push({ from: step.pos, to: step.pos + node.nodeSize });
    } else if (!(step instanceof DocAttrStep)) return null;
  }
  ranges.sort((x, y) => x.from - y.from);
  const merged: { from: number; to: number }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  const back = tr.mapping.invert();
  const before = tr.before;
  const after = tr.doc;
  return merged.map((r) => narrow(before, after, { fa: back.map(r.from, -1), ta: back.map(r.to, 1), fb: r.from, tb: r.to }));
}

/** Leading characters that two texts share, at most `limit`. */
function commonStart(a: string, b: string, limit: number): number {
  let n = 0;
  const max = Math.min(a.length, b.length, limit);
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

function commonEnd(a: string, b: string, limit: number): number {
  let n = 0;
  const max = Math.min(a.length, b.length, limit);
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** `region` without the content, at either end, that is the same before and after. */
export function narrow(a: PMNode, b: PMNode, region: Region): Region {
  let { fa, fb, ta, tb } = region;
  while (fa < ta && fb < tb) {
    const $a = a.resolve(fa);
    const $b = b.resolve(fb);
    const na = $a.nodeAfter;
    const nb = $b.nodeAfter;
    let step = 0;
    if (na && nb) {
      if (na.isText && nb.isText) {
        if (Mark.sameSet(na.marks, nb.marks)) step = commonStart(na.text ?? '', nb.text ?? '', Math.min(ta - fa, tb - fb));
      } else if (na.eq(nb)) step = na.nodeSize <= Math.min(ta - fa, tb - fb) ? na.nodeSize : 0;
      else if (!na.isLeaf && !nb.isLeaf && na.sameMarkup(nb)) step = 1;
    } else if (!na && !nb && $a.depth > 0 && $b.depth > 0) step = 1;
    if (step === 0) break;
    fa += step;
    fb += step;
  }
  while (ta > fa && tb > fb) {
    const $a = a.resolve(ta);
    const $b = b.resolve(tb);
    const na = $a.nodeBefore;
    const nb = $b.nodeBefore;
    let step = 0;
    if (na && nb) {
      if (na.isText && nb.isText) {
        if (Mark.sameSet(na.marks, nb.marks)) step = commonEnd(na.text ?? '', nb.text ?? '', Math.min(ta - fa, tb - fb));
      } else if (na.eq(nb)) step = na.nodeSize <= Math.min(ta - fa, tb - fb) ? na.nodeSize : 0;
      else if (!na.isLeaf && !nb.isLeaf && na.sameMarkup(nb)) step = 1;
    } else if (!na && !nb && $a.depth > 0 && $b.depth > 0) step = 1;
    if (step === 0) break;
    ta -= step;
    tb -= step;
  }
  return { fa, ta, fb, tb };
}

/** Inline content as a string: text as it is, each inline node as its type between NULs. */
function inlineKey(fragment: Fragment): string {
  let key = '';
  fragment.forEach((node) => {
    key += node.isText ? (node.text ?? '') : `\u0000${node.type.name}\u0000`;
  });
  return key;
}

function sameShapeFragment(a: Fragment, b: Fragment): boolean {
  const first = a.firstChild ?? b.firstChild;
  if (!first) return true;
  if (first.isInline) return inlineKey(a) === inlineKey(b);
  if (a.childCount !== b.childCount) return false;
  for (let i = 0; i < a.childCount; i++) {
    const x = a.child(i);
    const y = b.child(i);
    if (x.type !== y.type || !Mark.sameSet(x.marks, y.marks) || !sameShapeFragment(x.content, y.content)) return false;
  }
  return true;
}

/**
 * Whether two slices hold the same content but for inline marks and node attributes: a change
 * of formatting or of fields, not of content.
 */
export function sameShape(a: Slice, b: Slice): boolean {
  return a.openStart === b.openStart && a.openEnd === b.openEnd && a.size === b.size && sameShapeFragment(a.content, b.content);
}
