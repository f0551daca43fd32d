/**
 * The block-level diff: a patience diff over block fingerprints. Blocks found exactly once in
 * each version anchor the alignment (their longest run in order), and only the gaps between
 * anchors are diffed with the `diff` package's array diff, so an article of thousands of blocks
 * with hundreds changed costs about as much as walking it.
 */
import { diffArrays } from 'diff';

/** A run of the diff: `count` blocks kept, removed or added. */
export interface Run {
  readonly count: number;
  readonly added: boolean;
  readonly removed: boolean;
}

/** The edit length past which a gap without anchors is given up as removed then added. */
const MAX_GAP_EDIT = 2_000;

/** The runs turning `a` into `b` (numbers standing for block fingerprints; `weight` of the block at `a[i]`). */
export function diffKeys(a: readonly number[], b: readonly number[], weight: (i: number) => number = () => 1): Run[] {
  const out: Run[] = [];
  const push = (count: number, added: boolean, removed: boolean) => {
    if (count === 0) return;
    const last = out[out.length - 1];
    if (last && last.added === added && last.removed === removed) out[out.length - 1] = { count: last.count + count, added, removed };
    else out.push({ count, added, removed });
  };
  gap(a, b, weight, 0, a.length, 0, b.length, push);
  return out;
}

type Push = (count: number, added: boolean, removed: boolean) => void;

function gap(a: readonly number[], b: readonly number[], weight: (i: number) => number, aLo: number, aHi: number, bLo: number, bHi: number, push: Push): void {
  let head = 0;
  while (aLo + head < aHi && bLo + head < bHi && a[aLo + head] === b[bLo + head]) head++;
  push(head, false, false);
  aLo += head;
  bLo += head;
  let tail = 0;
  while (aHi - tail > aLo && bHi - tail > bLo && a[aHi - tail - 1] === b[bHi - tail - 1]) tail++;
  aHi -= tail;
  bHi -= tail;
  if (aLo === aHi || bLo === bHi) {
    push(aHi - aLo, false, true);
    push(bHi - bLo, true, false);
  } else {
    const anchors = uniqueAnchors(a, b, weight, aLo, aHi, bLo, bHi);
    if (anchors.length === 0) fallback(a, b, aLo, aHi, bLo, bHi, push);
    else {
      let i = aLo;
      let j = bLo;
      for (const [ai, bj] of anchors) {
        gap(a, b, weight, i, ai, j, bj, push);
        push(1, false, false);
        i = ai + 1;
        j = bj + 1;
      }
      gap(a, b, weight, i, aHi, j, bHi, push);
    }
  }
  push(tail, false, false);
}

/** Keys found once on each side, paired, in the longest run that keeps both orders. */
function uniqueAnchors(a: readonly number[], b: readonly number[], weight: (i: number) => number, aLo: number, aHi: number, bLo: number, bHi: number): [number, number][] {
  const inA = new Map<number, number>();
  for (let i = aLo; i < aHi; i++) inA.set(a[i]!, inA.has(a[i]!) ? -1 : i);
  const inB = new Map<number, number>();
  for (let j = bLo; j < bHi; j++) inB.set(b[j]!, inB.has(b[j]!) ? -1 : j);
  const pairs: [number, number][] = [];
  for (let j = bLo; j < bHi; j++) {
    const i = inA.get(b[j]!);
    if (i !== undefined && i >= 0 && inB.get(b[j]!) === j) pairs.push([i, j]);
  }
  return heaviestIncreasing(pairs, weight, aLo, aHi);
}

/**
 * The heaviest subsequence of `pairs` (ordered by their second member) increasing in the first,
 * each pair weighing what its block weighs: when blocks changed places, the ones kept in place
 * are the heavier, and the lighter ones are those said to have moved.
 */
function heaviestIncreasing(pairs: readonly [number, number][], weight: (i: number) => number, aLo: number, aHi: number): [number, number][] {
  // A Fenwick tree over old positions holding the best chain ending before each.
  const size = aHi - aLo;
  const treeValue = new Float64Array(size + 1);
  const treeIndex = new Int32Array(size + 1).fill(-1);
  const previous = new Int32Array(pairs.length).fill(-1);
  const value = new Float64Array(pairs.length);
  let bestEnd = -1;
  for (let k = 0; k < pairs.length; k++) {
    const at = pairs[k]![0] - aLo;
    let bestValue = 0;
    let bestIndex = -1;
    for (let x = at; x > 0; x -= x & -x) {
      if (treeValue[x]! > bestValue) {
        bestValue = treeValue[x]!;
        bestIndex = treeIndex[x]!;
      }
    }
    value[k] = bestValue + weight(pairs[k]![0]);
    previous[k] = bestIndex;
    for (let x = at + 1; x <= size; x += x & -x) {
      if (value[k]! > treeValue[x]!) {
        treeValue[x] = value[k]!;
        treeIndex[x] = k;
      }
    }
    if (bestEnd < 0 || value[k]! > value[bestEnd]!) bestEnd = k;
  }
  const out: [number, number][] = [];
  for (let k = bestEnd; k >= 0; k = previous[k]!) out.push(pairs[k]!);
  return out.reverse();
}

function fallback(a: readonly number[], b: readonly number[], aLo: number, aHi: number, bLo: number, bHi: number, push: Push): void {
  const runs = diffArrays(a.slice(aLo, aHi), b.slice(bLo, bHi), { maxEditLength: MAX_GAP_EDIT });
  if (!runs) {
    push(aHi - aLo, false, true);
    push(bHi - bLo, true, false);
    return;
  }
  for (const run of runs) push(run.count, run.added === true, run.removed === true);
}
