/**
 * Escaping for the Markdown export: turns literal text into Markdown that CommonMark, GFM
 * (cmark-gfm, GitHub), markdown-it and pandoc all read back as the same literal text.
 *
 * The rules are correct by construction rather than minimal: every character that can open
 * syntax anywhere in a line is backslash-escaped (`\ ` * _ [ ] < > ~ | $ @ ^`, `^` because of
 * footnotes `[^1]` and markdown-it's inline notes `^[…]`); `&` when it could
 * start an entity; `:` and `www.` where GFM's extended autolinks (and pandoc's bare URIs) would
 * otherwise turn text into links. Characters that only matter at the start of a line (`#`, `-`,
 * `+`, `=`, `:`, `1.`, whitespace) are handled by `escapeLineStart`, and whitespace at either end
 * of a line, which every reader strips, is written as a numeric character reference.
 */

/** Characters that can open inline or block syntax wherever they stand. */
const SPECIAL = /[\\`*_[\]<>~|$@^]/gu;
const ANY_SPECIAL = /[\\`*_[\]<>~|$@^]/u;
/** `&` that could start an entity. */
const ENTITY_START = /&(?=[#A-Za-z0-9])/gu;
/** `:` after a letter (or at the start) and before a non-space: a URL scheme for GFM and pandoc. */
const SCHEME_COLON = /(?<![^A-Za-z]):(?=\S)/gu;
/** The dot of `www.`, which starts a GFM extended autolink. */
const WWW_DOT = /(?<=[Ww]{3})\./gu;

/** Line breaks, which text written on one line must not contain. */
const LINE_BREAKS = /\r\n?|\n/gu;

/** Whitespace that some reader strips at the start or end of a line (JavaScript's `\s`). */
export const LINE_EDGE_SPACE = /\s/u;

/** Escapes `text` for use inside a line of Markdown (not at the start of a line). */
export function escapeText(text: string): string {
  // The rarer rules only run when their character is there: this is the export's hot loop.
  let md = text.includes('\n') || text.includes('\r') ? text.replace(LINE_BREAKS, ' ') : text;
  if (ANY_SPECIAL.test(md)) md = md.replace(SPECIAL, '\\$&');
  if (md.includes('&')) md = md.replace(ENTITY_START, '\\&');
  if (md.includes(':')) md = md.replace(SCHEME_COLON, '\\:');
  if (md.includes('.')) md = md.replace(WWW_DOT, '\\.');
  return md;
}

/** Like `escapeText`, and every `#` too (an ATX heading's closing sequence). */
export function escapeHeadingText(text: string): string {
  return escapeText(text).replace(/#/gu, '\\#');
}

/** `char` (one code point) as a numeric character reference: `&#32;`. */
export function charRef(char: string): string {
  return `&#${String(char.codePointAt(0))};`;
}

/**
 * Makes already-escaped Markdown `md` safe at the start of a line: a leading whitespace
 * character becomes a character reference (so it is neither stripped nor read as indentation),
 * and a leading `#`, `-`, `+`, `=`, `:` or `1.`/`1)` is escaped so that it cannot start a
 * heading, list, rule, setext underline or table delimiter row.
 */
export function escapeLineStart(md: string): string {
  const first = md.codePointAt(0);
  if (first === undefined) return md;
  const char = String.fromCodePoint(first);
  if (LINE_EDGE_SPACE.test(char)) return charRef(char) + md.slice(char.length);
  if (/[#\-+=:]/u.test(char)) return `\\${md}`;
  const ordered = /^([0-9]{1,10})([.)])/u.exec(md);
  if (ordered) return `${ordered[1] ?? ''}\\${md.slice(ordered[1]?.length ?? 0)}`;
  return md;
}

/** Makes Markdown `md` safe at the end of a line: trailing whitespace becomes a character reference. */
export function escapeLineEnd(md: string): string {
  const last = lastChar(md);
  return last !== '' && LINE_EDGE_SPACE.test(last) ? md.slice(0, md.length - last.length) + charRef(last) : md;
}

/** The last code point of `s`, or `''`. */
export function lastChar(s: string): string {
  if (s === '') return '';
  const code = s.charCodeAt(s.length - 1);
  return code >= 0xdc00 && code <= 0xdfff && s.length > 1 ? s.slice(-2) : s.slice(-1);
}

/** The first code point of `s`, or `''`. */
export function firstChar(s: string): string {
  const cp = s.codePointAt(0);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/**
 * Writes `&` as `&#38;` (pandoc decodes an entity even after a backslash-escaped `&`) and a final
 * backslash as `&#92;`: cmark-gfm's scanner would otherwise read the closing `\\>` or `\\"` as an
 * escaped delimiter and run on to a later one.
 */
function finish(escaped: string): string {
  const body = escaped.replace(/&/gu, '&#38;');
  return body.endsWith('\\\\') ? `${body.slice(0, -2)}&#92;` : body;
}

/**
 * A link or image destination in pointy brackets, `<…>`, which allows any character but line
 * breaks and unescaped `<`, `>`. Backslashes and brackets are backslash-escaped, line breaks and
 * other control characters percent-encoded (see also `finish`). Readers give back exactly `url`.
 */
export function linkDestination(url: string): string {
  const escaped = url
    .replace(/[\\<>]/gu, '\\$&')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `<${finish(escaped)}>`;
}

/**
 * A link title in double quotes: ASCII punctuation backslash-escaped (pandoc would otherwise let a
 * backtick in a title start a code span), line breaks as spaces (see also `finish`).
 */
export function linkTitle(text: string): string {
  return `"${finish(text.replace(LINE_BREAKS, ' ').replace(/[!-%'-/:-@[-`{-~]/gu, '\\$&'))}"`;
}
