/**
 * Markers: how the Word import carries tracked changes and comment ranges through mammoth and
 * the HTML importer, which know nothing of them. Before mammoth reads the package, each place
 * where a change or a comment starts or ends gets a run of text `\uE000<kind><n>\uE001` (two
 * private-use characters around a letter and a number); the text goes through mammoth and the
 * HTML importer untouched, and the draft's text is then read for the markers, which become
 * review marks (review-marks.ts) and are taken out. Private-use characters of the file's own text
 * that could be taken for markers are removed first (and counted).
 */

/** Opens a marker. */
export const MARKER_OPEN = '\uE000';
/** Closes a marker. */
export const MARKER_CLOSE = '\uE001';
/**
 * The text of a paragraph put between two lists in a row that Word numbers apart (different
 * `w:numId`), which mammoth would make one list; html-prep.ts takes it out again.
 */
export const LIST_BREAK = '\uE002';

/**
 * What a marker says: a tracked insertion or deletion, or a comment range, starts (upper case) or
 * ends (lower case); or, at the start of a paragraph, that its paragraph mark was deleted (`P`) or
 * inserted (`Q`).
 */
export type MarkerKind = 'I' | 'i' | 'D' | 'd' | 'C' | 'c' | 'P' | 'Q';

/** A marker as text. */
export function marker(kind: MarkerKind, n: number): string {
  return `${MARKER_OPEN}${kind}${String(n)}${MARKER_CLOSE}`;
}

/** A marker found in text. */
export interface FoundMarker {
  readonly kind: MarkerKind;
  readonly n: number;
}

const MARKER = /\uE000([IiDdCcPQ])(\d{1,9})\uE001/gu;
const STRAY = /[\uE000-\uE002]/gu;

/** `text` cut at its markers: text pieces and markers in order (empty pieces left out). */
export function splitMarkers(text: string): (string | FoundMarker)[] {
  const out: (string | FoundMarker)[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    if (match.index > last) out.push(text.slice(last, match.index));
    out.push({ kind: match[1] as MarkerKind, n: Number(match[2]) });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** True when `text` holds a marker character. */
export function hasMarkers(text: string): boolean {
  return text.includes(MARKER_OPEN) || text.includes(MARKER_CLOSE) || text.includes(LIST_BREAK);
}

/** `text` without the characters markers are made of (a file's own, before markers are added). */
export function withoutMarkerCharacters(text: string): string {
  return text.replace(STRAY, '');
}

/**
 * `text` with its markers taken out, as it reads with every change accepted: the text between a
 * deletion's markers is left out too (for attributes, which cannot carry marks).
 */
export function acceptedText(text: string): string {
  let out = '';
  let deleting = 0;
  for (const piece of splitMarkers(text)) {
    if (typeof piece === 'string') {
      if (deleting === 0) out += piece;
    } else if (piece.kind === 'D') deleting++;
    else if (piece.kind === 'd') deleting = Math.max(0, deleting - 1);
  }
  return out.replace(STRAY, '');
}
