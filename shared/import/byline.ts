/**
 * Bylines: "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, John Roe and Ann Poe",
 * "BY JANE DOE", read into the list of names a draft's `meta.authors` holds (the reverse of the
 * exports' joining of authors into one line).
 *
 * A news agency after the names ("By Jane Doe | Reuters", "By Jane Doe, Reuters", "By Jane Doe
 * (AP)") is not an author: it is returned apart, and the importers list it as left out. As the
 * last of a list only a known agency name counts as one ("By Jane Doe, John Roe" is two
 * authors); after "|", or "/" or a dash between spaces, or in brackets at the end, anything does.
 *
 * A line is a byline only when every name looks like one: two to six words (one will do in an
 * element marked as a byline), each capitalised (or a particle such as "van", "de", "al"), no
 * digits or sentence punctuation. So "By the time we arrived…", "By comparison, …" and "By
 * Monday" stay text. A byline in capitals gives names in title case ("BY JANE DOE": "Jane Doe").
 */

/** Names of news agencies that may follow the authors after a comma. */
const AGENCIES = new Set([
  'reuters', 'thomson reuters', 'ap', 'associated press', 'the associated press', 'afp', 'agence france-presse', 'agence france presse',
  'bloomberg', 'bloomberg news', 'dpa', 'pa', 'pa media', 'press association', 'ansa', 'efe', 'xinhua', 'kyodo', 'kyodo news', 'upi',
  'anp', 'belga', 'apa', 'tass', 'ria novosti', 'interfax', 'yonhap', 'aap', 'cp', 'the canadian press', 'canadian press', 'ukrinform',
]);

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'y', 'e', 'ten', 'ter', 'zu', 'st.']);

/** The longest line read as a byline (a real one is short; this also keeps names under meta's limits). */
const MAX_BYLINE = 300;

// A word of a name: a capital letter first (letters, apostrophes, hyphens and a final period for
// initials after it), or after a short lower-case prefix ("al-Masri", "d'Alembert").
const NAME_WORD = /^(?:\p{Ll}{1,3}['’-])?\p{Lu}[\p{L}\p{M}'’.-]*$/u;

function isName(name: string, minWords: number): boolean {
  const words = name.split(' ');
  if (words.length < minWords || words.length > 6 || name.length > 80) return false;
  if (!words.some((word) => NAME_WORD.test(word))) return false;
  return words.every((word) => NAME_WORD.test(word) || PARTICLES.has(word.toLowerCase()));
}

// "Jane Doe" from "JANE DOE", so that a shouted byline gives names as they are written elsewhere.
function unshout(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .split(' ')
    .map((word) => (PARTICLES.has(word.toLowerCase()) ? word.toLowerCase() : word.replace(/\p{L}+/gu, (part) => part.charAt(0) + part.slice(1).toLowerCase())))
    .join(' ');
}

/** A byline read: the authors, in order, and the agency named after them ('' when none). */
export interface Byline {
  readonly authors: readonly string[];
  readonly agency: string;
}

/**
 * The authors a byline names, or null when `text` is not a byline. `text` must start with "By"
 * (any case, an optional colon after it) unless `needsBy` is false, as for an HTML element
 * marked as a byline or a `<meta name="author">`. See the module comment for what is read.
 */
export function parseByline(text: string, needsBy = true): Byline | null {
  let line = text.replace(/\s+/gu, ' ').trim();
  if (line.length === 0 || line.length > MAX_BYLINE) return null;
  const by = /^by\b:?\s*/iu.exec(line);
  if (by) line = line.slice(by[0].length);
  else if (needsBy) return null;
  let agency = '';
  // An agency after a bar, a slash or a dash, or in brackets at the end.
  const apart = /^(.+?)\s*(?:\||\s[/–—-]\s)\s*(.+)$/u.exec(line) ?? /^(.+?)\s*\(([^()]+)\)$/u.exec(line);
  if (apart) {
    line = (apart[1] ?? '').trim();
    agency = (apart[2] ?? '').trim();
  }
  const parts = line
    .split(/\s*,\s*|\s+(?:and|&)\s+|\s*&\s*/iu)
    .map((part) => part.replace(/^(?:and|&)\s+/iu, ''))
    .filter((part) => part !== '');
  const last = parts[parts.length - 1];
  // "By Jane Doe, Reuters" and "By Reuters": a known agency as the last name.
  if (agency === '' && last !== undefined && AGENCIES.has(last.toLowerCase())) {
    parts.pop();
    agency = last;
    if (parts.length === 0) return { authors: [], agency };
  }
  // A line that must start with "By" needs first and last names: "By Monday" is no byline.
  const minWords = needsBy ? 2 : 1;
  if (parts.length === 0 || parts.length > 100 || !parts.every((part) => isName(part, minWords))) return null;
  return { authors: parts.map(unshout), agency };
}
