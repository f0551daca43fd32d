/**
 * Inline Markdown for the export: text with emphasis, strong emphasis and links, footnote
 * references and hard breaks, written so that every CommonMark reader finds the same marks.
 *
 * Emphasis is the delicate part. CommonMark only treats `*` as an opening delimiter when it is
 * "left-flanking" and as a closing one when it is "right-flanking", which depends on the
 * characters on either side, and pairs delimiter runs by rules that can mis-pair nested runs.
 * So:
 * - whitespace at the edge of an emphasised stretch is moved outside its delimiters;
 * - marks open in order of how far they reach, so that nested marks nest in the output and only
 *   truly overlapping ones are split;
 * - a delimiter run either only opens, only closes, or (right after `*` closers) closes and then
 *   opens, flanking on both sides (`*a***b**`); a mark opened inside a `*` mark is written with
 *   `_` (`*a __b__ c*`), which never pairs with `*`;
 * - where a run would still not flank as meant (`word**"quote"**`, a mark starting right after a
 *   letter with punctuation inside), the outside neighbour is written as a numeric character
 *   reference (`wor&#100;**"quote"**`), which reads back as the same character but counts as
 *   punctuation for the flanking rules (`fixFlanking`).
 * Everything is appended to one array and joined once, so the cost is linear in the text.
 */
import {
  LINE_EDGE_SPACE,
  charRef,
  escapeHeadingText,
  escapeLineEnd,
  escapeLineStart,
  escapeText,
  firstChar,
  lastChar,
  linkDestination,
} from './markdown-escape';

/** A mark as the Markdown writer sees it; `href` is `''` except on links. */
export interface MdMark {
  readonly type: 'link' | 'em' | 'strong';
  readonly href: string;
}

/** One piece of inline content, in reading order. */
export type InlinePiece =
  | { readonly kind: 'text'; readonly text: string; readonly marks: readonly MdMark[] }
  /** A footnote reference; `label` null for a citation of a missing source. */
  | { readonly kind: 'cite'; readonly label: string | null; readonly marks: readonly MdMark[] }
  | { readonly kind: 'break' }
  /** Markdown written as it is; it must begin and end with ASCII punctuation (the figure's image). */
  | { readonly kind: 'raw'; readonly md: string };

/** Options of `writeInline`. */
export interface InlineOptions {
  /** Content of an ATX heading: one line (hard breaks become spaces), every `#` escaped. */
  readonly heading?: boolean;
}

interface Item {
  readonly kind: 'text' | 'cite' | 'break' | 'raw';
  /** Literal text of a text item; Markdown of the others. */
  readonly value: string;
  marks: readonly MdMark[];
  /** A text item made only of whitespace. */
  readonly space: boolean;
  /** The marks of the nearest item before that is not whitespace (set for whitespace items). */
  before: readonly MdMark[];
}

const RANK: Record<MdMark['type'], number> = { link: 0, em: 1, strong: 2 };
const NO_MARKS: readonly MdMark[] = [];
const PUNCT_LIKE = /^[\p{P}\p{S}]$/u;
const NON_SPACE = /\S/u;

function sameMark(a: MdMark, b: MdMark): boolean {
  return a.type === b.type && a.href === b.href;
}

function hasMark(marks: readonly MdMark[], mark: MdMark): boolean {
  for (const m of marks) if (sameMark(m, mark)) return true;
  return false;
}

function sameMarks(a: readonly MdMark[], b: readonly MdMark[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!sameMark(a[k] as MdMark, b[k] as MdMark)) return false;
  return true;
}

function isAsciiPunct(code: number): boolean {
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

// `'\n'` stands for a line boundary, which counts as whitespace. (ASCII first: this runs at every
// mark boundary.)
function isSpace(char: string): boolean {
  const code = char === '' ? 0x20 : char.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return LINE_EDGE_SPACE.test(char);
}

// Whitespace or punctuation for every reader, whichever version of the spec it follows.
function isSafe(char: string): boolean {
  if (char === '' || char === '\n' || char === ' ' || char === '\t') return true;
  return char.length === 1 && isAsciiPunct(char.charCodeAt(0));
}

function isAsciiPunctChar(char: string): boolean {
  return char.length === 1 && isAsciiPunct(char.charCodeAt(0));
}

// A `.` at the end of Markdown `md` that no backslash escapes.
function endsWithBareDot(md: string): boolean {
  let slashes = 0;
  while (md.charAt(md.length - 2 - slashes) === '\\') slashes++;
  return md.endsWith('.') && slashes % 2 === 0;
}

// Punctuation for at least one reader (CommonMark 0.31 counts symbols; older readers do not).
function isPunctLike(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80) return isAsciiPunct(code);
  return PUNCT_LIKE.test(char);
}

/** Splits text pieces into leading whitespace, core and trailing whitespace items. */
function toItems(pieces: readonly InlinePiece[], heading: boolean): Item[] {
  const items: Item[] = [];
  // Adjacent text with the same marks is one stretch (line-start escaping must see all of it).
  const merged: InlinePiece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (piece.kind === 'text' && last?.kind === 'text' && sameMarks(last.marks, piece.marks)) {
      merged[merged.length - 1] = { kind: 'text', text: last.text + piece.text, marks: last.marks };
    } else {
      merged.push(piece);
    }
  }
  const push = (kind: Item['kind'], value: string, marks: readonly MdMark[], space = false): void => {
    items.push({ kind, value, marks, space, before: NO_MARKS });
  };
  for (const piece of merged) {
    if (piece.kind === 'break') {
      // In a heading a hard break is a space: no link, emphasis only if it runs on both sides.
      if (heading) push('text', ' ', (items[items.length - 1]?.marks ?? []).filter((m) => m.type !== 'link'), true);
      else push('break', '', NO_MARKS);
    } else if (piece.kind === 'raw') {
      push('raw', piece.md, NO_MARKS);
    } else if (piece.kind === 'cite') {
      push('cite', piece.label === null ? '\\[?\\]' : `[^${piece.label}]`, piece.marks.filter((m) => m.type !== 'link'));
    } else {
      const text = piece.text.replace(/\r\n?|\n/gu, ' ');
      const start = text.search(NON_SPACE);
      if (start < 0) {
        if (text !== '') push('text', text, piece.marks, true);
        continue;
      }
      let end = text.length;
      while (end > start && LINE_EDGE_SPACE.test(text.charAt(end - 1))) end--;
      if (start > 0) push('text', text.slice(0, start), piece.marks, true);
      push('text', text.slice(start, end), piece.marks);
      if (end < text.length) push('text', text.slice(end), piece.marks, true);
    }
  }
  let from = 0;
  let to = items.length;
  while (from < to && items[from]?.kind === 'break') from++;
  while (to > from && items[to - 1]?.kind === 'break') to--;
  return items.slice(from, to);
}

/** Whitespace keeps only the emphasis that runs on both sides of it, so no delimiter touches it. */
function restrictSpaceMarks(items: Item[]): void {
  // Forward pass: the marks before each whitespace item; backward pass: the marks after it.
  let marks: readonly MdMark[] = NO_MARKS;
  for (const item of items) {
    if (!item.space) marks = item.marks;
    else if (item.marks.length) item.before = marks;
  }
  marks = NO_MARKS;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as Item;
    if (!item.space) marks = item.marks;
    else if (item.marks.length) {
      const prev = item.before;
      const next = marks;
      item.marks = item.marks.filter((m) => m.type === 'link' || (hasMark(prev, m) && hasMark(next, m)));
    }
  }
}

/**
 * How far each mark reaches without interruption: `ends[i * 3 + RANK[type]]` is the index of the
 * last item of the run of that mark starting at item `i` (one typed array, not one per item).
 */
function computeEnds(items: readonly Item[]): Int32Array {
  const ends = new Int32Array(items.length * 3);
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as Item;
    const next = items[i + 1];
    for (const mark of item.marks) {
      const slot = i * 3 + RANK[mark.type];
      ends[slot] = next && hasMark(next.marks, mark) ? (ends[slot + 3] as number) : i;
    }
  }
  return ends;
}

/** An emphasis delimiter character; `''` for link syntax. */
type Delim = '*' | '_' | '';

interface Token {
  readonly text: string;
  readonly delim: Delim;
  readonly open: boolean;
}

// Tokens are immutable, so the emphasis ones are made once.
function emphasisTokens(delim: '*' | '_'): Record<'em' | 'strong', { open: Token; close: Token }> {
  const token = (text: string, open: boolean): Token => ({ text, delim, open });
  return {
    em: { open: token(delim, true), close: token(delim, false) },
    strong: { open: token(delim + delim, true), close: token(delim + delim, false) },
  };
}
const STAR = emphasisTokens('*');
const UNDERSCORE = emphasisTokens('_');
const LINK_OPEN: Token = { text: '[', delim: '', open: true };

function markToken(mark: MdMark, delim: Delim, open: boolean): Token {
  if (mark.type === 'link') return open ? LINK_OPEN : { text: `](${linkDestination(mark.href)})`, delim: '', open };
  const pair = (delim === '_' ? UNDERSCORE : STAR)[mark.type];
  return open ? pair.open : pair.close;
}

/**
 * The delimiter character for marks opening after `tokens` with `stack` still open: `*` unless
 * inside a mark written with `*`, where a `*` run that can also close would be taken as that
 * mark's closer; `_` is used then (`*a __b__ c*`): the two characters never pair with each other.
 * Right after `*` closers the openers join them in one run that closes and then opens
 * (`*a***b**`): `_` there would be text to pandoc's own Markdown, which takes `_` right after
 * a closing delimiter for a letter inside a word (`*a*__b__`).
 */
function openerDelim(stack: readonly { delim: Delim }[]): Delim {
  if (stack.some((s) => s.delim === '_')) return '*';
  return stack.some((s) => s.delim === '*') ? '_' : '*';
}

/**
 * A delimiter run in the output: parts `start` to `end - 1`, all openers, all closers, or
 * closers then openers (`both`).
 */
interface Run {
  readonly start: number;
  readonly end: number;
  readonly delim: '*' | '_';
  readonly opens: boolean;
  readonly both: boolean;
}

/**
 * Rewrites characters next to delimiter runs as character references until every run flanks the
 * way it is meant to. A rewritten character is ASCII punctuation (`&…;`) and is never rewritten
 * again, and each rewrite only re-checks the two runs beside that part, so this is linear.
 */
function fixFlanking(parts: string[], isText: readonly boolean[], runs: readonly Run[]): void {
  if (runs.length === 0) return;
  // For each part: the run just before it and the run just after it (-1: none).
  const runBefore = new Int32Array(parts.length + 1).fill(-1);
  const runAfter = new Int32Array(parts.length + 1).fill(-1);
  const queue: number[] = [];
  runs.forEach((run, r) => {
    runBefore[run.end] = r;
    if (run.start > 0) runAfter[run.start - 1] = r;
    queue.push(r);
  });
  const rewrite = (index: number, which: 'first' | 'last'): void => {
    const part = parts[index] ?? '';
    const char = which === 'first' ? firstChar(part) : lastChar(part);
    parts[index] = which === 'first' ? charRef(char) + part.slice(char.length) : part.slice(0, part.length - char.length) + charRef(char);
    const before = runBefore[index] ?? -1;
    const after = runAfter[index] ?? -1;
    if (before >= 0) queue.push(before);
    if (after >= 0) queue.push(after);
  };
  while (queue.length) {
    const run = runs[queue.pop() as number] as Run;
    const prevPart = run.start - 1;
    const prevText = parts[prevPart] ?? '';
    const p = prevPart < 0 || prevText.endsWith('\n') ? '\n' : lastChar(prevText);
    const n = run.end >= parts.length ? '\n' : firstChar(parts[run.end] ?? '');
    let fixPrev: boolean;
    let fixNext: boolean;
    if (run.both) {
      // Both flanking: letters on both sides, or ASCII punctuation on both sides.
      const letters = !isSpace(p) && !isPunctLike(p) && !isSpace(n) && !isPunctLike(n);
      fixPrev = !letters && !isAsciiPunctChar(p);
      fixNext = !letters && !isAsciiPunctChar(n);
    } else if (run.opens) {
      fixNext = isSpace(n);
      // pandoc's own Markdown also reads `_` right after a bare `.` as inside a word (`e.g.__x__`).
      fixPrev = run.delim === '*' ? isPunctLike(n) && !isSafe(p) : !isSafe(p) || (p === '.' && endsWithBareDot(prevText));
    } else {
      fixPrev = isSpace(p);
      fixNext = run.delim === '*' ? isPunctLike(p) && !isSafe(n) : !isSafe(n);
    }
    // Only text can be rewritten; markup and line boundaries stay as they are.
    if (fixPrev && p !== '\n' && isText[prevPart]) rewrite(prevPart, 'last');
    else if (fixNext && n !== '\n' && isText[run.end]) rewrite(run.end, 'first');
  }
}

/**
 * Writes inline content as Markdown lines (more than one only where there are hard breaks; every
 * line but the last then ends with the hard break's backslash). Returns `[]` for no content.
 */
export function writeInline(pieces: readonly InlinePiece[], options: InlineOptions = {}): string[] {
  const heading = options.heading ?? false;
  const items = toItems(pieces, heading);
  if (items.length === 0) return [];
  restrictSpaceMarks(items);
  const ends = computeEnds(items);

  const parts: string[] = [];
  const isText: boolean[] = [];
  const runs: Run[] = [];
  const emit = (md: string, text: boolean): void => {
    parts.push(md);
    isText.push(text);
  };
  let lineStart = true;
  let afterCite = false;
  const stack: { mark: MdMark; end: number; delim: Delim }[] = [];
  const tokens: Token[] = [];

  for (let i = 0; i <= items.length; i++) {
    const item = items[i];
    const marks = item?.marks ?? NO_MARKS;
    let keep = 0;
    while (keep < stack.length && hasMark(marks, (stack[keep] as { mark: MdMark }).mark)) keep++;
    if (tokens.length) tokens.length = 0;
    if (keep < stack.length) {
      for (let k = stack.length - 1; k >= keep; k--) {
        const entry = stack[k] as { mark: MdMark; delim: Delim };
        tokens.push(markToken(entry.mark, entry.delim, false));
      }
      stack.length = keep;
    }
    // The kept stack holds marks of this item only, so there is something to open exactly when
    // the item has more marks than that.
    if (marks.length > keep) {
      const delim = openerDelim(stack);
      const opening: { mark: MdMark; end: number; delim: Delim }[] = [];
      for (const mark of marks) {
        if (!stack.some((s) => sameMark(s.mark, mark))) opening.push({ mark, end: ends[i * 3 + RANK[mark.type]] ?? i, delim: mark.type === 'link' ? '' : delim });
      }
      if (opening.length > 1) opening.sort((a, b) => b.end - a.end || RANK[a.mark.type] - RANK[b.mark.type]);
      for (const entry of opening) {
        tokens.push(markToken(entry.mark, entry.delim, true));
        stack.push(entry);
      }
    }

    let content = '';
    if (item?.kind === 'text') {
      content = heading ? escapeHeadingText(item.value) : escapeText(item.value);
      if (lineStart && tokens.length === 0) content = escapeLineStart(content);
      // pandoc's own Markdown trims white space at the edges of a link's text: a reference keeps it.
      const first = firstChar(content);
      if (item.space && tokens.includes(LINK_OPEN) && LINE_EDGE_SPACE.test(first)) content = charRef(first) + content.slice(first.length);
      const link = item.space ? item.marks.find((m) => m.type === 'link') : undefined;
      if (link && !hasMark(items[i + 1]?.marks ?? NO_MARKS, link)) content = escapeLineEnd(content);
    } else if (item?.kind === 'cite' || item?.kind === 'raw') {
      content = item.value;
    }
    // `[^1](…)` would be a link and `[^1]:` a definition; `![` would start an image.
    if (afterCite && tokens.length === 0 && /^[(:]/u.test(content)) content = `\\${content}`;
    const lastIndex = parts.length - 1;
    if (!lineStart && isText[lastIndex] && (tokens[0]?.text ?? content).startsWith('[') && parts[lastIndex]?.endsWith('!')) {
      parts[lastIndex] = `${(parts[lastIndex] ?? '').slice(0, -1)}\\!`;
    }

    for (let a = 0; a < tokens.length; a++) {
      const token = tokens[a] as Token;
      if (token.delim !== '' && tokens[a - 1]?.delim !== token.delim) {
        let b = a;
        while (tokens[b + 1]?.delim === token.delim) b++;
        const both = !token.open && (tokens[b] as Token).open;
        runs.push({ start: parts.length, end: parts.length + b - a + 1, delim: token.delim, opens: token.open, both });
      }
      emit(token.text, false);
    }

    if (item?.kind === 'break' || item === undefined) {
      // Whitespace at the end of a line would be stripped.
      if (tokens.length === 0 && isText[lastIndex]) parts[lastIndex] = escapeLineEnd(parts[lastIndex] ?? '');
      if (item === undefined) break;
      emit('\\\n', false);
      lineStart = true;
      afterCite = false;
      continue;
    }
    emit(content, item.kind === 'text');
    lineStart = false;
    afterCite = item.kind === 'cite';
  }
  fixFlanking(parts, isText, runs);
  return parts.join('').split('\n');
}
