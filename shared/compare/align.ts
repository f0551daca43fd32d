/**
 * Aligning two lists of sibling blocks (the article's body, a list's items, a quote's blocks):
 * blocks that did not change are matched by a fingerprint of their content (the `diff` package's
 * array diff), then the changed ones around them are paired by the words they share, a block
 * found whole elsewhere is a move, and a block whose words went into two (or came from two) is a
 * split (a join).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { diffKeys } from './patience';

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
/** How much better a split (join) must explain the words than a pair. */
const SPLIT_GAIN = 0.15;
/** How alike a block and the two it was split into (joined from) must be. */
const SPLIT_MIN = 0.6;

function pairable(a: PMNode, b: PMNode, alone: boolean): boolean {
  // Two structures of one kind face to face (a figure, a list) are one block changed; two unrelated paragraphs are not.
  if (a.type === b.type) return (alone && !a.isTextblock) || similarity(a, b) >= PAIR_SAME;
  return a.isTextblock && b.isTextblock && similarity(a, b) >= PAIR_OTHER;
}

/** Whether `b` can be cut from (joined to) `a`: textblocks of one kind and attributes. */
function sameKind(a: PMNode, b: PMNode): boolean {
  return a.isTextblock && a.type === b.type && a.sameMarkup(b);
}

/**
 * Whether a block is worth calling moved (not an empty paragraph or a rule that happens to recur):
 * two words, or a container with text or with atoms (a "Read also" block's items hold no text).
 */
function movable(node: PMNode): boolean {
  if (words(node).size >= 2) return true;
  if (node.isTextblock || node.childCount === 0) return false;
  let found = node.textContent.trim() !== '';
  node.descendants((child) => {
    if (child.isAtom && !child.isText) found = true;
    return !found;
  });
  return found;
}

/** What keeping one block in place weighs, above any difference of length. */
const BLOCK_WEIGHT = 1_000_000;

/** A pair so alike that nothing further is looked for. */
const CLEAR_PAIR = 0.8;

/** A pairing found ahead: region indexes of the old and new block, and whether it is a split or a join. */
interface Found {
  readonly ka: number;
  readonly kb: number;
  readonly op: 'pair' | 'split' | 'join';
}

/**
 * The best pairing within the window ahead, or null: a pair, or a split (one old block against
 * two adjacent new ones) or a join (two old against one new), which must explain the words
 * better than any pair by `SPLIT_GAIN`.
 */
function bestPair(olds: readonly PMNode[], news: readonly PMNode[], O: number[], N: number[], freeO: number[], freeN: number[], alone: boolean): Found | null {
  const a0 = olds[O[freeO[0]!]!]!;
  const b0 = news[N[freeN[0]!]!]!;
  const nextB = freeN[1] === freeN[0]! + 1 ? news[N[freeN[1]!]!] : undefined;
  const nextA = freeO[1] === freeO[0]! + 1 ? olds[O[freeO[1]!]!] : undefined;
  if (a0.type === b0.type && a0.sameMarkup(b0)) {
    const pair = similarity(a0, b0);
    const split = pair >= CLEAR_PAIR && nextB && sameKind(a0, nextB) ? dice(words(a0), union(words(b0), words(nextB))) : 0;
    const join = pair >= CLEAR_PAIR && nextA?.isTextblock && sameKind(a0, b0) ? dice(union(words(a0), words(nextA)), words(b0)) : 0;
    if (pair >= CLEAR_PAIR && split - SPLIT_GAIN < pair && join - SPLIT_GAIN < pair) return { ka: freeO[0]!, kb: freeN[0]!, op: 'pair' };
  }
  // The matching of most total likeness within the window (monotone: it keeps both orders);
  // its first match is taken, the blocks it skips before that are removed or added.
  const X = freeO.length;
  const Y = freeN.length;
  const best = Array.from({ length: X + 2 }, () => new Float64Array(Y + 2));
  const choice: (Found | null)[][] = Array.from({ length: X + 1 }, () => new Array<Found | null>(Y + 1).fill(null));
  for (let x = X - 1; x >= 0; x--) {
    const ka = freeO[x]!;
    const a = olds[O[ka]!]!;
    const a2 = freeO[x + 1] === ka + 1 ? olds[O[ka + 1]!] : undefined;
    for (let y = Y - 1; y >= 0; y--) {
      const kb = freeN[y]!;
      const b = news[N[kb]!]!;
      const row = best[x]!;
      let value = Math.max(best[x + 1]![y]!, row[y + 1]!);
      let pick: Found | null = null;
      if (pairable(a, b, alone)) {
        const pair = similarity(a, b) + best[x + 1]![y + 1]!;
        if (pair > value) [value, pick] = [pair, { ka, kb, op: 'pair' }];
      }
      if (sameKind(a, b)) {
        const b2 = freeN[y + 1] === kb + 1 ? news[N[kb + 1]!] : undefined;
        const split = b2 && sameKind(a, b2) ? dice(words(a), union(words(b), words(b2))) : 0;
        if (split >= SPLIT_MIN && split - SPLIT_GAIN + best[x + 1]![y + 2]! > value) [value, pick] = [split - SPLIT_GAIN + best[x + 1]![y + 2]!, { ka, kb, op: 'split' }];
        const join = a2 && sameKind(a, a2) ? dice(union(words(a), words(a2)), words(b)) : 0;
        if (join >= SPLIT_MIN && join - SPLIT_GAIN + best[x + 2]![y + 1]! > value) [value, pick] = [join - SPLIT_GAIN + best[x + 2]![y + 1]!, { ka, kb, op: 'join' }];
      }
      row[y] = value;
      choice[x]![y] = pick;
    }
  }
  let x = 0;
  let y = 0;
  while (x < X && y < Y) {
    const pick = choice[x]![y];
    if (pick) return pick;
    if (best[x]![y] === best[x + 1]![y]) x++;
    else y++;
  }
  return null;
}

/** How far past the window a block's counterpart is looked for when the window holds none. */
const FAR = 64;

/** Whether the old block at `a` has its counterpart further on among the new ones (so the new block at `b` is an addition). */
function addedFirst(olds: readonly PMNode[], news: readonly PMNode[], O: number[], N: number[], a: number, b: number, movedFrom: Map<number, number>, movedTo: Map<number, number>): boolean {
  const o = olds[O[a]!]!;
  const n = news[N[b]!]!;
  for (let k = 1; k <= FAR; k++) {
    const later = N[b + k];
    if (later !== undefined && !movedTo.has(later) && o.type === news[later]!.type && similarity(o, news[later]!) >= PAIR_SAME) return true;
    const earlier = O[a + k];
    if (earlier !== undefined && !movedFrom.has(earlier) && n.type === olds[earlier]!.type && similarity(olds[earlier]!, n) >= PAIR_SAME) return false;
  }
  return false;
}

/** The steps that turn `olds` into `news`, in an order that keeps both lists' order. */
export function alignBlocks(olds: readonly PMNode[], news: readonly PMNode[]): AlignStep[] {
  // Fingerprints as small numbers: the diff compares numbers, not long strings.
  const numbers = new Map<string, number>();
  const number = (node: PMNode): number => {
    const print = fingerprint(node);
    let n = numbers.get(print);
    if (n === undefined) numbers.set(print, (n = numbers.size));
    return n;
  };
  const oldKeys = olds.map(number);
  const newKeys = news.map(number);
  // Keep as many blocks in place as possible (each block left out is one move to report); among
  // equal counts, keep the longer ones in place.
  const runs = diffKeys(oldKeys, newKeys, (i) => BLOCK_WEIGHT + Math.min(olds[i]!.nodeSize, BLOCK_WEIGHT - 1));
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
  const added = new Map<number, number[]>();
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
  return findRewordedMoves(olds, news, steps);
}

/** How alike a removed and an added block must be to be one block moved (and reworded). */
const MOVED_ALIKE = 0.7;
/** How many removed and added blocks are looked at for reworded moves. */
const MOVE_CANDIDATES = 200;

/** Whether steps `k` and `j` are parted by a block both versions have (a move goes somewhere else). */
function apart(steps: readonly AlignStep[], k: number, j: number): boolean {
  for (let i = Math.min(k, j) + 1; i < Math.max(k, j); i++) if (steps[i]!.op !== 'del' && steps[i]!.op !== 'ins') return true;
  return false;
}

/** Removed and added blocks that are one block moved with its words changed become a move. */
function findRewordedMoves(olds: readonly PMNode[], news: readonly PMNode[], steps: AlignStep[]): AlignStep[] {
  const removed: number[] = [];
  const added: number[] = [];
  steps.forEach((step, k) => {
    if (step.op === 'del' && movable(olds[step.o]!) && removed.length < MOVE_CANDIDATES) removed.push(k);
    else if (step.op === 'ins' && movable(news[step.n]!) && added.length < MOVE_CANDIDATES) added.push(k);
  });
  if (!removed.length || !added.length) return steps;
  const out = [...steps];
  const taken = new Set<number>();
  for (const k of removed) {
    const o = (steps[k] as { o: number }).o;
    let best = -1;
    let bestSim = MOVED_ALIKE;
    for (const j of added) {
      if (taken.has(j)) continue;
      const n = (steps[j] as { n: number }).n;
      if (olds[o]!.type !== news[n]!.type || !olds[o]!.sameMarkup(news[n]!) || !apart(steps, k, j)) continue;
      const sim = similarity(olds[o]!, news[n]!);
      if (sim >= bestSim) [best, bestSim] = [j, sim];
    }
    if (best < 0) continue;
    taken.add(best);
    const n = (steps[best] as { n: number }).n;
    out[k] = { op: 'moveFrom', o, n };
    out[best] = { op: 'moveTo', o, n };
  }
  return out;
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
      // Nothing alike in the window: look further along each list for the nearer counterpart.
      if (addedFirst(olds, news, O, N, a, b, movedFrom, movedTo)) steps.push({ op: 'ins', n: N[b++]! });
      else steps.push({ op: 'del', o: O[a++]! });
      continue;
    }
    const { ka, kb, op } = found;
    // Everything before the pair (but moved blocks, emitted in their place) goes.
    while (a < ka || b < kb) {
      skipMoved();
      if (a < ka) steps.push({ op: 'del', o: O[a++]! });
      else if (b < kb) steps.push({ op: 'ins', n: N[b++]! });
    }
    steps.push({ op, o: O[ka]!, n: N[kb]! });
    a = ka + (op === 'join' ? 2 : 1);
    b = kb + (op === 'split' ? 2 : 1);
  }
  for (;;) {
    skipMoved();
    if (a < O.length) steps.push({ op: 'del', o: O[a++]! });
    else if (b < N.length) steps.push({ op: 'ins', n: N[b++]! });
    else break;
  }
}
