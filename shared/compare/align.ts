/**
 * Aligning two lists of sibling blocks (the article's body, a list's items, a quote's blocks):
 * blocks that did not change are matched by a fingerprint of their content (the `diff` package's
 * array diff), then the changed ones around them are paired by the words they share, a block
 * found whole elsewhere is a move, and a block whose words went into two (or came from two) is a
 * split (a join).
 */
import { diffArrays } from 'diff';
import type { Node as PMNode } from 'prosemirror-model';

/** What to do with one block, in the order the comparison lists them. */
export type AlignStep =
  | { readonly op: 'keep' | 'pair'; readonly o: number; readonly n: number }
  | { readonly op: 'del'; readonly o: number }
  | { readonly op: 'ins'; readonly n: number }
  | { readonly op: 'split'; readonly o: number; readonly n: number }
  | { readonly op: 'join'; readonly o: number; readonly n: number }
  | { readonly op: 'moveFrom'; readonly o: number; readonly n: number }
  | { readonly op: 'moveTo'; readonly o: number; readonly n: number };

const fingerprints = new WeakMap<PMNode, string>();
const wordSets = new WeakMap<PMNode, ReadonlySet<string>>();

/** A string equal for two blocks exactly when they are equal (cached per node). */
export function fingerprint(node: PMNode): string {
  let print = fingerprints.get(node);
  if (print === undefined) {
    print = JSON.stringify(node.toJSON());
    fingerprints.set(node, print);
  }
  return print;
}

function words(node: PMNode): ReadonlySet<string> {
  let set = wordSets.get(node);
  if (!set) {
    set = new Set(node.textContent.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    wordSets.set(node, set);
  }
  return set;
}

/** How alike two sets of words are, 0–1 (Dice). */
function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...a, ...b]);
}

/** How alike two blocks are, 0–1. */
export function similarity(a: PMNode, b: PMNode): number {
  return dice(words(a), words(b));
}

/** How far ahead a pairing looks for a block's counterpart. */
const WINDOW = 6;
/** How alike two blocks of one kind must be to be compared word by word. */
const PAIR_SAME = 0.3;
/** How alike two textblocks of different kinds must be (a paragraph made a heading). */
const PAIR_OTHER = 0.6;
/** How much better a split (join) must explain the words than the pair alone. */
const SPLIT_GAIN = 0.15;

function pairable(a: PMNode, b: PMNode, alone: boolean): boolean {
  // Two structures of one kind face to face (a figure, a list) are one block changed; two unrelated paragraphs are not.
  if (a.type === b.type) return (alone && !a.isTextblock) || similarity(a, b) >= PAIR_SAME;
  return a.isTextblock && b.isTextblock && similarity(a, b) >= PAIR_OTHER;
}

/** Whether `b` can be cut from (joined to) `a`: textblocks of one kind and attributes. */
function sameKind(a: PMNode, b: PMNode): boolean {
  return a.isTextblock && a.type === b.type && a.sameMarkup(b);
}

/** Whether a block is worth calling moved (not an empty paragraph or a rule that happens to recur). */
function movable(node: PMNode): boolean {
  return words(node).size >= 2 || (!node.isTextblock && node.childCount > 0 && node.textContent.trim() !== '');
}

/** How much a pair's similarity counts less for each block skipped to reach it. */
const SKIP_COST = 0.03;
/** A pair so alike that nothing further is looked for. */
const CLEAR_PAIR = 0.8;

/** The best pair within the window ahead (indexes into the region's lists), or null. */
function bestPair(olds: readonly PMNode[], news: readonly PMNode[], O: number[], N: number[], freeO: number[], freeN: number[], alone: boolean): [number, number] | null {
  const first = [freeO[0]!, freeN[0]!] as [number, number];
  const a0 = olds[O[first[0]]!]!;
  const b0 = news[N[first[1]]!]!;
  if (a0.type === b0.type && similarity(a0, b0) >= CLEAR_PAIR) return first;
  let best: [number, number] | null = null;
  let bestScore = -Infinity;
  for (let x = 0; x < freeO.length; x++) {
    for (let y = 0; y < freeN.length; y++) {
      const a = olds[O[freeO[x]!]!]!;
      const b = news[N[freeN[y]!]!]!;
      if (!pairable(a, b, alone)) continue;
      const score = similarity(a, b) - SKIP_COST * (x + y);
      if (score > bestScore) {
        bestScore = score;
        best = [freeO[x]!, freeN[y]!];
      }
    }
  }
  return best;
}

/** The steps that turn `olds` into `news`, in an order that keeps both lists' order. */
export function alignBlocks(olds: readonly PMNode[], news: readonly PMNode[]): AlignStep[] {
  const oldKeys = olds.map(fingerprint);
  const newKeys = news.map(fingerprint);
  const runs = diffArrays(oldKeys, newKeys);
  // Regions of removed and added blocks between kept ones.
  const regions: { keep: number; olds: number[]; news: number[] }[] = [];
  let i = 0;
  let j = 0;
  let region = { keep: 0, olds: [] as number[], news: [] as number[] };
  for (const run of runs) {
    if (!run.added && !run.removed) {
      regions.push(region);
      region = { keep: run.count, olds: [], news: [] };
      i += run.count;
      j += run.count;
      continue;
    }
    for (let k = 0; k < run.count; k++) (run.removed ? region.olds : region.news).push(run.removed ? i++ : j++);
  }
  regions.push(region);

  // Moves: a removed block found whole among the added ones.
  const added = new Map<string, number[]>();
  for (const r of regions) for (const n of r.news) if (movable(news[n]!)) (added.get(newKeys[n]!) ?? added.set(newKeys[n]!, []).get(newKeys[n]!)!).push(n);
  const movedTo = new Map<number, number>();
  const movedFrom = new Map<number, number>();
  for (const r of regions) {
    for (const o of r.olds) {
      const candidates = added.get(oldKeys[o]!);
      const n = candidates?.shift();
      if (n === undefined) continue;
      movedFrom.set(o, n);
      movedTo.set(n, o);
    }
  }

  const steps: AlignStep[] = [];
  let o0 = 0;
  let n0 = 0;
  for (const r of regions) {
    for (let k = 0; k < r.keep; k++) steps.push({ op: 'keep', o: o0 + k, n: n0 + k });
    o0 += r.keep + r.olds.length;
    n0 += r.keep + r.news.length;
    pairRegion(olds, news, r.olds, r.news, movedFrom, movedTo, steps);
  }
  return steps;
}

function pairRegion(olds: readonly PMNode[], news: readonly PMNode[], regionOld: number[], regionNew: number[], movedFrom: Map<number, number>, movedTo: Map<number, number>, steps: AlignStep[]): void {
  // Moved blocks keep their place in the order: they are emitted as the walk passes them.
  let a = 0;
  let b = 0;
  const O = regionOld;
  const N = regionNew;
  const skipMoved = () => {
    for (;;) {
      if (a < O.length && movedFrom.has(O[a]!)) {
        steps.push({ op: 'moveFrom', o: O[a]!, n: movedFrom.get(O[a]!)! });
        a++;
      } else if (b < N.length && movedTo.has(N[b]!)) {
        steps.push({ op: 'moveTo', o: movedTo.get(N[b]!)!, n: N[b]! });
        b++;
      } else return;
    }
  };
  const free = (list: number[], from: number, moved: Map<number, number>): number[] => {
    const out: number[] = [];
    for (let k = from; k < list.length && out.length <= WINDOW; k++) if (!moved.has(list[k]!)) out.push(k);
    return out;
  };
  const alone = O.filter((o) => !movedFrom.has(o)).length <= 1 && N.filter((n) => !movedTo.has(n)).length <= 1;
  for (;;) {
    skipMoved();
    if (a >= O.length || b >= N.length) break;
    const freeO = free(O, a, movedFrom);
    const freeN = free(N, b, movedTo);
    const found = bestPair(olds, news, O, N, freeO, freeN, alone);
    if (!found) {
      steps.push({ op: 'del', o: O[a]! });
      a++;
      continue;
    }
    const [ka, kb] = found;
    // Everything before the pair (but moved blocks, emitted in their place) goes.
    while (a < ka || b < kb) {
      skipMoved();
      if (a < ka) steps.push({ op: 'del', o: O[a++]! });
      else if (b < kb) steps.push({ op: 'ins', n: N[b++]! });
    }
    const o = O[ka]!;
    const n = N[kb]!;
    const nextN = N[kb + 1];
    const nextO = O[ka + 1];
    const pairSim = similarity(olds[o]!, news[n]!);
    if (nextN !== undefined && !movedTo.has(nextN) && sameKind(olds[o]!, news[n]!) && sameKind(olds[o]!, news[nextN]!)) {
      const both = dice(words(olds[o]!), union(words(news[n]!), words(news[nextN]!)));
      const rival = nextO !== undefined && !movedFrom.has(nextO) ? similarity(olds[nextO]!, news[nextN]!) : 0;
      if (both >= pairSim + SPLIT_GAIN && both > rival) {
        steps.push({ op: 'split', o, n });
        a = ka + 1;
        b = kb + 2;
        continue;
      }
    }
    if (nextO !== undefined && !movedFrom.has(nextO) && sameKind(olds[o]!, news[n]!) && olds[nextO]!.isTextblock) {
      const both = dice(union(words(olds[o]!), words(olds[nextO]!)), words(news[n]!));
      const rival = nextN !== undefined && !movedTo.has(nextN) ? similarity(olds[nextO]!, news[nextN]!) : 0;
      if (both >= pairSim + SPLIT_GAIN && both > rival) {
        steps.push({ op: 'join', o, n });
        a = ka + 2;
        b = kb + 1;
        continue;
      }
    }
    steps.push({ op: 'pair', o, n });
    a = ka + 1;
    b = kb + 1;
  }
  for (;;) {
    skipMoved();
    if (a < O.length) steps.push({ op: 'del', o: O[a++]! });
    else if (b < N.length) steps.push({ op: 'ins', n: N[b++]! });
    else break;
  }
}
