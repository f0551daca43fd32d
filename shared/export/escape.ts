/**
 * Escaping for the HTML export (and for any writer that emits HTML attribute values).
 *
 * Both functions escape all five characters that can end text or a quoted attribute (`&`, `<`,
 * `>`, `"`, `'`), so a draft's text can never become markup wherever the result is placed. They
 * also replace the code points HTML forbids in a document (control characters other than tab,
 * line feed, form feed and carriage return; noncharacters; lone surrogates) with U+FFFD, so that
 * odd pasted text cannot make the page invalid.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// `[^\P{Cc}\t\n\f\r]` is "a control character other than tab, LF, FF and CR". With the `u` flag,
// `\p{Cs}` matches only surrogates that are not part of a pair.
const UNSAFE = /[&<>"']|[^\P{Cc}\t\n\f\r]|\p{Noncharacter_Code_Point}|\p{Cs}/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

function replace(char: string): string {
  return ENTITIES[char] ?? '\ufffd';
}

/** `text` made safe as the content of an HTML element. */
export function escapeHtml(text: string): string {
  // Most text needs nothing: test once and hand back the same string.
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, replace) : text;
}

/** `text` made safe as a quoted HTML attribute value (either quote style). */
export function escapeAttr(text: string): string {
  return escapeHtml(text);
}
