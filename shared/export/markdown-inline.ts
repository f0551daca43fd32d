/**
 * Inline Markdown for the export: text with emphasis, strong emphasis and links, footnote
 * references and hard breaks, written so that every CommonMark reader finds the same marks.
 *
 * Emphasis is the delicate part. CommonMark only treats `*` as an opening delimiter when it is
 * "left-flanking" and as a closing one when it is "right-flanking", which depends on the
 * characters on either side. So:
 * - whitespace at the edge of an emphasised stretch is moved outside its delimiters;
 * - where a delimiter would still not flank as meant (`word**"quote"**`, a mark starting right
 *   after a letter with punctuation inside), the outside neighbour is written as a numeric
 *   character reference (`&#100;`), which reads back as the same character but counts as
 *   punctuation for the flanking rules;
 * - marks open in order of how far they reach, so that nested marks nest in the output and only
 *   truly overlapping ones are split.
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
  /** How far (item index) each of `marks` reaches without interruption. */
  ends: number[];
}

const RANK: Record<MdMark['type'], number> = { link: 0, em: 1, strong: 2 };
const ASCII_PUNCT = /^[!-/:-@[-`{-~]$/u;
const PUNCT_LIKE = /^[!-/:-@[-`{-~\p{P}\p{S}]$/u;
const NON_SPACE = /\S/u;

function sameMark(a: MdMark, b: MdMark): boolean {
  return a.type === b.type && a.href === b.href;
}

function hasMark(marks: readonly MdMark[], mark: MdMark): boolean {
  return marks.some((m) => sameMark(m, mark));
}

// `'\n'` stands for a line boundary, which counts as whitespace.
function isSpace(char: string): boolean {
  return char === '\n' || char === '' || LINE_EDGE_SPACE.test(char);
}

// Whitespace or punctuation for every reader, whichever version of the spec it follows.
function isSafe(char: string): boolean {
  return char === '\n' || char === '' || char === ' ' || char === '\t' || ASCII_PUNCT.test(char);
}

// Punctuation for at least one reader (CommonMark 0.31 counts symbols; older readers do not).
function isPunctLike(char: string): boolean {
  return PUNCT_LIKE.test(char);
}

/** Splits text pieces into leading whitespace, core and trailing whitespace items. */
function toItems(pieces: readonly InlinePiece[], heading: boolean): Item[] {
  const items: Item[] = [];
  // Adjacent text with the same marks is one stretch (line-start escaping must see all of it).
  const merged: InlinePiece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (piece.kind === 'text' && last?.kind === 'text' && last.marks.length === piece.marks.length && last.marks.every((m, k) => sameMark(m, piece.marks[k] as MdMark))) {
      merged[merged.length - 1] = { kind: 'text', text: last.text + piece.text, marks: last.marks };
    } else {
      merged.push(piece);
    }
  }
  const push = (kind: Item['kind'], value: string, marks: readonly MdMark[], space = false): void => {
    items.push({ kind, value, marks, space, ends: [] });
  };
  for (const piece of merged) {
    if (piece.kind === 'break') {
      // In a heading a hard break is a space: no link, emphasis only if it runs on both sides.
      if (heading) push('text', ' ', (items[items.length - 1]?.marks ?? []).filter((m) => m.type !== 'link'), true);
      else push('break', '', []);
    } else if (piece.kind === 'raw') {
      push('raw', piece.md, []);
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
  const before: (readonly MdMark[])[] = [];
  let marks: readonly MdMark[] = [];
  for (const item of items) {
    before.push(marks);
    if (!item.space) marks = item.marks;
  }
  marks = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (!item) continue;
    if (item.space) {
      const prev = before[i] ?? [];
      const next = marks;
      item.marks = item.marks.filter((m) => m.type === 'link' || (hasMark(prev, m) && hasMark(next, m)));
    } else {
      marks = item.marks;
    }
  }
}

function computeEnds(items: Item[]): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (!item) continue;
    const next = items[i + 1];
    item.ends = item.marks.map((mark) => {
      const k = next ? next.marks.findIndex((m) => sameMark(m, mark)) : -1;
      return next && k >= 0 ? (next.ends[k] ?? i) : i;
    });
  }
}

/** An emphasis delimiter character; `''` for link syntax. */
type Delim = '*' | '_' | '';

interface Token {
  readonly text: string;
  readonly delim: Delim;
  readonly open: boolean;
}

function markToken(mark: MdMark, delim: Delim, open: boolean): Token {
  if (mark.type === 'link') return { text: open ? '[' : `](${linkDestination(mark.href)})`, delim: '', open };
  return { text: mark.type === 'em' ? delim : delim + delim, delim, open };
}

/**
 * The delimiter character for marks opening after `tokens`, with `stack` still open and `before`
 * the character just before. `*` unless that could go wrong:
 * - right after `*` closers it would merge with them into one run that both closes and opens,
 *   which CommonMark's "multiple of 3" rule can mis-pair;
 * - inside a mark written with `*`, a `*` run that can also close (not after whitespace) would be
 *   taken as that mark's closer.
 * `_` is used then: the two characters never pair with each other.
 */
function openerDelim(tokens: readonly Token[], stack: readonly { delim: Delim }[], before: string): Delim {
  if (tokens[tokens.length - 1]?.delim === '*') return '_';
  if (stack.some((s) => s.delim === '_')) return '*';
  if (stack.some((s) => s.delim === '*') && before !== ' ' && before !== '\t' && before !== '\n') return '_';
  return '*';
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
  computeEnds(items);

  const out: string[] = [];
  // Whether the last part of `out` is text content (so its last character may be rewritten).
  let lastIsText = false;
  let lineStart = true;
  let afterCite = false;
  const stack: { mark: MdMark; end: number; delim: Delim }[] = [];

  const prevChar = (): string => (lineStart ? '\n' : lastChar(out[out.length - 1] ?? ''));
  const rewritePrev = (): void => {
    const last = out[out.length - 1];
    if (!lastIsText || last === undefined) return;
    const char = lastChar(last);
    out[out.length - 1] = last.slice(0, last.length - char.length) + charRef(char);
  };

  for (let i = 0; i <= items.length; i++) {
    const item = items[i];
    const marks = item?.marks ?? [];
    let keep = 0;
    while (keep < stack.length && hasMark(marks, (stack[keep] as { mark: MdMark }).mark)) keep++;
    const tokens: Token[] = [];
    for (let k = stack.length - 1; k >= keep; k--) {
      const entry = stack[k] as { mark: MdMark; delim: Delim };
      tokens.push(markToken(entry.mark, entry.delim, false));
    }
    stack.length = keep;
    const delim = openerDelim(tokens, stack, tokens.length ? lastChar(tokens[tokens.length - 1]?.text ?? '') : prevChar());
    const opening = marks
      .map((mark, k) => ({ mark, end: item?.ends[k] ?? i, delim: mark.type === 'link' ? ('' as const) : delim }))
      .filter(({ mark }) => !stack.some((s) => sameMark(s.mark, mark)))
      .sort((a, b) => b.end - a.end || RANK[a.mark.type] - RANK[b.mark.type]);
    for (const entry of opening) {
      tokens.push(markToken(entry.mark, entry.delim, true));
      stack.push(entry);
    }

    let content = '';
    let contentIsText = false;
    if (item?.kind === 'text') {
      content = heading ? escapeHeadingText(item.value) : escapeText(item.value);
      contentIsText = true;
      if (lineStart && tokens.length === 0) content = escapeLineStart(content);
    } else if (item?.kind === 'cite' || item?.kind === 'raw') {
      content = item.value;
    }
    if (afterCite && tokens.length === 0 && /^[(:]/u.test(content)) content = `\\${content}`;
    if ((tokens[0]?.text ?? content).startsWith('[') && lastIsText && !lineStart && prevChar() === '!') {
      const last = out[out.length - 1] ?? '';
      out[out.length - 1] = `${last.slice(0, -1)}\\!`;
    }

    // Make every delimiter run flank the way it is meant to. Runs are single-purpose: all
    // closers or all openers of one character.
    for (let a = 0; a < tokens.length; ) {
      const delimChar = tokens[a]?.delim ?? '';
      if (delimChar === '') {
        a++;
        continue;
      }
      let b = a;
      while (tokens[b + 1]?.delim === delimChar) b++;
      const opens = tokens[a]?.open ?? false;
      for (let round = 0; round < 3; round++) {
        const p = a > 0 ? lastChar(tokens[a - 1]?.text ?? '') : prevChar();
        const n = b < tokens.length - 1 ? firstChar(tokens[b + 1]?.text ?? '') : content === '' ? '\n' : firstChar(content);
        let fixPrev: boolean;
        let fixNext: boolean;
        if (opens) {
          fixNext = isSpace(n);
          fixPrev = delimChar === '*' ? isPunctLike(n) && !isSafe(p) : !isSafe(p);
        } else {
          fixPrev = isSpace(p);
          fixNext = delimChar === '*' ? isPunctLike(p) && !isSafe(n) : !isSafe(n);
        }
        // Only text can be rewritten; markup and line boundaries are left as they are.
        fixPrev &&= a === 0 && lastIsText && p !== '\n';
        fixNext &&= b === tokens.length - 1 && contentIsText && n !== '\n';
        if (!fixPrev && !fixNext) break;
        if (fixPrev) rewritePrev();
        if (fixNext) content = charRef(n) + content.slice(n.length);
      }
      a = b + 1;
    }

    if (item?.kind === 'break' || item === undefined) {
      const last = out[out.length - 1];
      for (const token of tokens) out.push(token.text);
      if (tokens.length === 0 && lastIsText && last !== undefined) out[out.length - 1] = escapeLineEnd(last);
      if (item === undefined) break;
      out.push('\\\n');
      lineStart = true;
      lastIsText = false;
      afterCite = false;
      continue;
    }
    for (const token of tokens) out.push(token.text);
    out.push(content);
    lineStart = false;
    lastIsText = contentIsText;
    afterCite = item.kind === 'cite';
  }
  return out.join('').split('\n');
}
