/**
 * Text from a draft or an imported file made safe to print in a terminal. A terminal acts on
 * control characters instead of showing them (ESC sequences can retitle the window, clear the
 * screen or hide a link behind other text), and bidirectional overrides and isolates make a line
 * read in another order than it is written. Those are shown escaped, as `\x1b` or `\u202e`:
 *
 * - C0 controls (tab and line feed included: a printed value is one line), DEL and C1 controls;
 * - the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069;
 * - the line and paragraph separators U+2028 and U+2029;
 * - the invisible U+200B (zero-width space), U+2060 (word joiner) and U+FEFF.
 *
 * Left as they are: the marks U+200E, U+200F and U+061C and the joiners U+200C and U+200D, which
 * right-to-left scripts, Indic scripts and emoji need and which cannot reorder a line. A backslash
 * is not escaped, so `\x1b` typed in a headline prints as these four characters, like an escape.
 */

// eslint-disable-next-line no-control-regex -- control characters are what is escaped
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;

const escape = (char: string): string => {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `text` with every character a terminal would act on, or that would disguise the line, shown escaped (see the module comment). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

// Outside the C0 range, which JSON.stringify already escapes.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;

/**
 * `JSON.stringify(value, null, 2)` with the same characters as `terminalSafe` written as JSON
 * escapes (`\u202e`), so that the text is safe in a terminal and parses to the same value.
 */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
