/**
 * Comparing the inline content of two textblocks word by word: words, runs of spaces and single
 * punctuation characters are tokens, a citation is a token naming its source, and a token's
 * formatting travels with it, so that words made bold are a format change rather than a deletion
 * and an insertion. The result is the inline content of the comparison's block: the newer text,
 * with the older one's removed tokens kept under `deletion` marks.
 */
import { diffArrays } from 'diff';
import { Mark, type Node as PMNode } from 'prosemirror-model';
import { isFormattingMark } from '../review/model';
import { addText, type CompareContext, type PendingChange, type Side } from './context';

/** One token of a textblock. */
export interface Token {
  /** What the diff compares: the text, or the atom and its source. */
  readonly key: string;
  /** The token as a node (a slice of a text node, keeping its marks, or the atom). */
  readonly node: PMNode | null;
  /** The token as a person reads it ("[2]" for a citation). */
  readonly text: string;
}

/** Where a block is cut in two: never equal to any token (splits and joins). */
export const BOUNDARY: Token = { key: '\u0000boundary', node: null, text: '' };

/** A token count past which a block is compared whole. */
export const MAX_TOKENS = 40_000;
/** An edit length (tokens inserted and deleted) past which a block is compared whole. */
export const MAX_EDIT = 1_500;

const TOKEN = /[\p{L}\p{N}\p{M}_]+|\s+|[^\p{L}\p{N}\p{M}_\s]/gu;

/** The tokens of textblock `block`'s content in version `side`. */
export function tokenize(block: PMNode, side: Side, ctx: CompareContext): Token[] {
  const tokens: Token[] = [];
  block.forEach((child) => {
    if (child.isText) {
      const text = child.text ?? '';
      if (text.length === 0) return;
      for (const match of text.matchAll(TOKEN)) tokens.push({ key: `t${match[0]}`, node: ctx.schema.text(match[0], child.marks), text: match[0] });
    } else if (child.type.name === 'citation') {
      const source = child.attrs.source as string;
      tokens.push({ key: `c${source}`, node: child, text: ctx.citationLabel(source, side) });
    } else {
      tokens.push({ key: `n${child.type.name}${JSON.stringify(child.attrs)}`, node: child, text: child.type.name === 'hard_break' ? '\n' : '' });
    }
  });
  return tokens;
}

/** One run of the diff: tokens kept (`eq`), or a hunk of deleted and inserted ones. */
export interface Segment {
  readonly eq: boolean;
  readonly oldFrom: number;
  oldTo: number;
  readonly newFrom: number;
  newTo: number;
}

/** The runs of `a` → `b`, or null when the diff is past what is done word by word. */
export function diffTokens(a: readonly Token[], b: readonly Token[]): Segment[] | null {
  if (a.length + b.length > MAX_TOKENS) return null;
  let start = 0;
  while (start < a.length && start < b.length && a[start]!.key === b[start]!.key) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1]!.key === b[endB - 1]!.key) {
    endA--;
    endB--;
  }
  const segments: Segment[] = [];
  if (start > 0) segments.push({ eq: true, oldFrom: 0, oldTo: start, newFrom: 0, newTo: start });
  if (endA > start || endB > start) {
    const keysA = a.slice(start, endA).map((token) => token.key);
    const keysB = b.slice(start, endB).map((token) => token.key);
    const runs = keysA.length && keysB.length ? diffArrays(keysA, keysB, { maxEditLength: MAX_EDIT }) : [{ added: keysB.length > 0, removed: keysA.length > 0, count: keysA.length + keysB.length, value: [] }];
    if (!runs) return null;
    let i = start;
    let j = start;
    for (const run of runs) {
      const count = run.count;
      const last = segments[segments.length - 1];
      if (!run.added && !run.removed) {
        segments.push({ eq: true, oldFrom: i, oldTo: i + count, newFrom: j, newTo: j + count });
        i += count;
        j += count;
        continue;
      }
      const open = last && !last.eq ? last : null;
      const segment = open ?? { eq: false, oldFrom: i, oldTo: i, newFrom: j, newTo: j };
      if (run.removed) segment.oldTo = i += count;
      else segment.newTo = j += count;
      if (!open) segments.push(segment);
    }
  }
  if (endA < a.length) segments.push({ eq: true, oldFrom: endA, oldTo: a.length, newFrom: endB, newTo: b.length });
  return mergeAcrossSpaces(segments, a);
}

/** Hunks parted only by spaces become one ("the quick" → "a slow" is one replacement). */
function mergeAcrossSpaces(segments: Segment[], a: readonly Token[]): Segment[] {
  const out: Segment[] = [];
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k]!;
    const prev = out[out.length - 1];
    const next = segments[k + 1];
    if (segment.eq && prev && !prev.eq && next && !next.eq && segment.oldTo - segment.oldFrom <= 2 && isSpaces(a, segment.oldFrom, segment.oldTo)) {
      prev.oldTo = next.oldTo;
      prev.newTo = next.newTo;
      k++;
      continue;
    }
    out.push(segment.eq ? segment : { ...segment });
  }
  return out;
}

function isSpaces(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/^\s+$/u.test(tokens[i]!.text) || tokens[i]!.key[0] !== 't') return false;
  return true;
}

function formatting(marks: readonly Mark[]): Mark[] {
  return marks.filter((mark) => isFormattingMark(mark.type.name));
}

/** A piece of the result's inline content, or the place where the block is cut. */
export type Piece = PMNode | typeof BOUNDARY;

/**
 * The comparison's inline content for `a` → `b` (token lists of the old and new block). When one
 * list holds `BOUNDARY` (a split or join), the pieces hold it at the place the block is cut; the
 * spaces changed right there belong to `boundaryChange`.
 */
export function compareTokens(a: readonly Token[], b: readonly Token[], segments: readonly Segment[], ctx: CompareContext, boundaryChange?: PendingChange): Piece[] {
  const pieces: Piece[] = [];
  for (const segment of segments) {
    if (segment.eq) keep(a, b, segment, ctx, pieces);
    else hunk(a, b, segment, ctx, pieces, boundaryChange);
  }
  return pieces;
}

/** `after` with the comments `before` had (the merge keeps the current text's comments on words both keep). */
function carry(before: PMNode, after: PMNode): PMNode {
  let marks = after.marks;
  for (const mark of before.marks) if (mark.type.name === 'comment') marks = mark.addToSet(marks);
  return marks === after.marks ? after : after.mark(marks);
}

function sameFormatting(a: readonly Mark[], b: readonly Mark[]): boolean {
  return Mark.sameSet(formatting(a), formatting(b));
}

function keep(a: readonly Token[], b: readonly Token[], segment: Segment, ctx: CompareContext, pieces: Piece[]): void {
  let change: PendingChange | null = null;
  for (let k = 0; k < segment.newTo - segment.newFrom; k++) {
    const before = a[segment.oldFrom + k]!.node!;
    const after = b[segment.newFrom + k]!.node!;
    if (Mark.sameSet(before.marks, after.marks) || sameFormatting(before.marks, after.marks)) {
      change = null;
      pieces.push(carry(before, after));
      continue;
    }
    const was = formatting(before.marks);
    const now = formatting(after.marks);
    if (!change) {
      change = ctx.change('format');
      change.description = ctx.describe({ format: { before: was.map((m) => m.toJSON() as { type: string }), after: now.map((m) => m.toJSON() as { type: string }) } });
    }
    addText(change, 'inserted', b[segment.newFrom + k]!.text);
    addText(change, 'deleted', a[segment.oldFrom + k]!.text);
    const kept = carry(before, after);
    const mark = ctx.mark('format_change', change, { before: was.map((m) => m.toJSON() as unknown) });
    pieces.push(kept.mark(mark.addToSet(kept.marks)));
  }
}

function hunk(a: readonly Token[], b: readonly Token[], segment: Segment, ctx: CompareContext, pieces: Piece[], boundaryChange?: PendingChange): void {
  const olds = a.slice(segment.oldFrom, segment.oldTo);
  const news = b.slice(segment.newFrom, segment.newTo);
  const real = (token: Token) => token !== BOUNDARY && !(token.key[0] === 't' && /^\s+$/u.test(token.text));
  const onlyBoundary = boundaryChange && (olds.includes(BOUNDARY) || news.includes(BOUNDARY)) && !olds.some(real) && !news.some(real);
  // A citation pointed at another source (and nothing else changed there).
  if (olds.length === 1 && news.length === 1 && olds[0]!.key[0] === 'c' && news[0]!.key[0] === 'c' && Mark.sameSet(olds[0]!.node!.marks, news[0]!.node!.marks)) {
    const before = olds[0]!.node!;
    const after = news[0]!.node!;
    const change = ctx.change('citation');
    const from = before.attrs.source as string;
    const to = after.attrs.source as string;
    change.description = `${ctx.citationLabel(from, 'old')} → ${ctx.citationLabel(to, 'new')}: ${ctx.sourceName(from, 'old')} → ${ctx.sourceName(to, 'new')}`;
    change.deleted = olds[0]!.text;
    change.inserted = news[0]!.text;
    pieces.push(ctx.markNode(after, 'attr_change', change, { before: { source: from } }));
    return;
  }
  const change = onlyBoundary ? boundaryChange : ctx.change('text');
  for (const token of olds) {
    if (token === BOUNDARY) pieces.push(BOUNDARY);
    else {
      pieces.push(token.node!.mark(ctx.mark('deletion', change).addToSet(token.node!.marks)));
      if (!onlyBoundary) addText(change, 'deleted', token.text);
    }
  }
  for (const token of news) {
    if (token === BOUNDARY) pieces.push(BOUNDARY);
    else {
      pieces.push(token.node!.mark(ctx.mark('insertion', change).addToSet(token.node!.marks)));
      if (!onlyBoundary) addText(change, 'inserted', token.text);
    }
  }
  if (onlyBoundary) return;
  const citationsOnly = [...olds, ...news].every((token) => token === BOUNDARY || token.key[0] === 'c');
  if (citationsOnly) {
    change.kind = ctx.kindOverride ?? 'citation';
    const cited = (tokens: Token[], side: Side) => tokens.filter((t) => t !== BOUNDARY).map((t) => `${t.text}: ${ctx.sourceName(t.key.slice(1), side)}`).join(', ');
    change.description = news.length && olds.length ? `Replaced citation ${cited(olds, 'old')} → ${cited(news, 'new')}` : news.length ? `Inserted citation ${cited(news, 'new')}` : `Deleted citation ${cited(olds, 'old')}`;
  } else {
    change.description = ctx.describe({ deleted: change.deleted, inserted: change.inserted });
  }
}
