/**
 * Escaping for the Markdown export: turns literal text into Markdown that CommonMark, GFM
 * (cmark-gfm, GitHub), markdown-it and pandoc (`-f gfm`, and its own `-f markdown`, the default
 * reader of `pandoc story.md`) all read back as the same literal text, byte for byte.
 *
 * The rules are correct by construction rather than minimal: every character that can open
 * syntax anywhere in a line is backslash-escaped (`\ ` * _ [ ] < > ~ | $ @ ^ {`, `^` because of
 * footnotes `[^1]` and inline notes `^[…]`, `{` because of pandoc's attributes after a heading or
 * a link, `{#id onfocus=…}`); `&` when it could start an entity; `:` where GFM's extended
 * autolinks (and pandoc's bare URIs) would turn text into links or pandoc's GFM emoji would turn
 * `:smile:` into a picture; `www.` likewise. pandoc's `smart` extension (on in `-f markdown`)
 * would make quotes curly, `--`/`---` dashes, `...` an ellipsis and the space after "Mr." or
 * "e.g." a no-break space: those characters are escaped too (`\"`, `\'`, `-\-`, `..\.`,
 * `Mr\.`), so the text comes back unchanged rather than typographically "equal". Characters that
 * only matter at the start of a line (`#`, `-`, `+`, `=`, `:`, list markers such as `1.`, `(1)`,
 * `a)`, `iv.`, whitespace) are handled by `escapeLineStart`, and whitespace at either end of a
 * line, which every reader strips, is written as a numeric character reference.
 */

/** Characters that can open inline or block syntax wherever they stand. */
const SPECIAL = /[\\`*_[\]<>~|$@^{"']/gu;
const ANY_SPECIAL = /[\\`*_[\]<>~|$@^{"']/u;
/** A `}` after `+` or `=`: the end of a CriticMarkup insertion or highlight. */
const SPAN_CLOSE = /(?<=[+=])\}/gu;
/** `&` that could start an entity. */
const ENTITY_START = /&(?=[#A-Za-z0-9])/gu;
/**
 * `:` after a letter (or at the start) and before a non-space: a URL scheme for GFM and pandoc;
 * and `:` before an emoji name and a colon (`:smile:`, pandoc `-f gfm`).
 */
const COLON = /(?<![^A-Za-z]):(?=\S)|:(?=[A-Za-z0-9_+-]+:)/gu;
/**
 * The dot of `www.` (a GFM extended autolink), the third dot of `...` (pandoc's smart ellipsis),
 * and the dot of an abbreviation from pandoc's default `abbreviations` data file before a space
 * or the end of the text (pandoc's smart extension makes that space a no-break space).
 */
const DOT = new RegExp(
  `\\.(?:(?<=(?:[Ww]{3}|\\.\\.)\\.)|(?<=(?<![A-Za-z0-9])(?:${[
    'aet', 'aetat', 'al', 'Apr', 'Aug', 'bk', 'Bros', 'c', 'Capt', 'cf', 'ch', 'chap', 'chs', 'Co', 'col', 'Corp', 'cp', 'd', 'Dec',
    'Dr', 'e\\.g', 'ed', 'eds', 'esp', 'f', 'fasc', 'Feb', 'ff', 'fig', 'fl', 'fol', 'fols', 'Fr', 'Gen', 'Gov', 'Hon', 'i\\.e', 'ill',
    'Inc', 'incl', 'Jan', 'Jr', 'Jul', 'Jun', 'Ltd', 'M\\.A', 'M\\.D', 'Mar', 'Mr', 'Mrs', 'Ms', 'n', 'n\\.b', 'nn', 'No', 'Nov', 'Oct',
    'p', 'Ph\\.D', 'pp', 'Pres', 'Prof', 'pt', 'q\\.v', 'Rep', 'Rev', 's\\.v', 's\\.vv', 'saec', 'sec', 'Sen', 'Sep', 'Sept', 'Sgt',
    'Sr', 'St', 'univ', 'viz', 'vol', 'vs',
  ].join('|')})\\.)(?=\\s|$))`,
  'gu',
);
/** A `-` after a `-`: pandoc's smart dashes. */
const DASH = /(?<=-)-/gu;

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
  if (md.includes(':')) md = md.replace(COLON, '\\:');
  if (md.includes('.')) md = md.replace(DOT, '\\.');
  if (md.includes('--')) md = md.replace(DASH, '\\-');
  // "C++}" or "a==}" would close a CriticMarkup span of a review export early.
  if (md.includes('}')) md = md.replace(SPAN_CLOSE, '\\}');
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
 * The start of an ordered list item: `1.` (CommonMark, any digits for pandoc), and pandoc's fancy
 * lists, a letter or a roman numeral before `.` or `)` and a space (`a)`, `iv.`).
 */
const LIST_MARKER = /^([0-9]+|([A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)(?=[.)](?:\s|$)))([.)])/u;
/** pandoc's fancy list item in parentheses: `(1)`, `(a)`, `(iv)`. */
const LIST_PARENS = /^\((?:[0-9]+|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)\)(?:\s|$)/u;

/**
 * Makes already-escaped Markdown `md` safe at the start of a line: a leading whitespace
 * character becomes a character reference (so it is neither stripped nor read as indentation),
 * and a leading `#`, `-`, `+`, `=`, `:` or list marker (`1.`, `1)`, `a)`, `iv.`, `(1)`) is escaped
 * so that it cannot start a heading, list, rule, setext underline, table delimiter row or fenced
 * div.
 */
export function escapeLineStart(md: string): string {
  const first = md.codePointAt(0);
  if (first === undefined) return md;
  const char = String.fromCodePoint(first);
  if (LINE_EDGE_SPACE.test(char)) return charRef(char) + md.slice(char.length);
  if (/[#\-+=:]/u.test(char)) return `\\${md}`;
  if (LIST_PARENS.test(md)) return `\\${md}`;
  const ordered = LIST_MARKER.exec(md);
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
