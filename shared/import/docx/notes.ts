/**
 * Word footnotes and endnotes that cite the same work. Word has no sources: a reporter repeats
 * the reference in every note, writes "Ibid." when a note cites the same work as the note just
 * before it, and adds a page ("Ibid., p. 4", "Ibid., 4", "“Title,” Outlet, 2023, p. 12"). Those
 * notes become ONE source cited several times:
 * - "Ibid." (also "Ibid", "Ibidem", "Id.") is the source of the previous note of the same kind
 *   (footnote or endnote), in reading order;
 * - notes whose text is the same (case, spacing, quotation marks and a final period aside) are
 *   one source;
 * - a page or locator at the end of a note (", p. 4", ", pp. 4–5", ", at 4", and after "Ibid."
 *   a bare number) is taken off the reference and kept at the citation's place: it belongs to
 *   that one citation, not to the work, which other citations cite at other pages (see README.md).
 * Notes with the same title and outlet but differently written are merged later by the draft
 * builder (shared/sources/ rules).
 */

/** A note's text read for citing: the reference, and the locator cut off its end. */
export interface NoteCitation {
  /** The reference without the locator ('' for "Ibid."). */
  readonly reference: string;
  /** "p. 4", "pp. 4–5", or '' when none. */
  readonly locator: string;
  /** True for "Ibid." and its kin. */
  readonly ibid: boolean;
}

const IBID = /^(?:ibid(?:em)?|ib|id)\.?(?=$|[\s,;:])\s*[,;:]?\s*(.*)$/iu;
const PAGE = /^(?:(pp?|pages?|at)\.?\s*)?(\d+(?:\s*[-–]\s*\d+)?[a-z]?)\.?$/iu;
const TRAILING_PAGE = /[,;]\s*(pp?\.|pages?|at)\s*(\d+(?:\s*[-–]\s*\d+)?)\.?$/iu;

/** The locator as the draft writes it: "p. 4", "pp. 4–5". */
function locatorText(word: string | undefined, pages: string): string {
  const clean = pages.replace(/\s*[-–]\s*/u, '–');
  const plural = clean.includes('–') || /^pp|^pages/iu.test(word ?? '');
  return `${plural ? 'pp.' : 'p.'} ${clean}`;
}

/** Reads a note's text (see the module comment). */
export function readNote(text: string): NoteCitation {
  const trimmed = text.replace(/\s+/gu, ' ').trim();
  const ibid = IBID.exec(trimmed);
  if (ibid) {
    const rest = (ibid[1] ?? '').trim();
    const page = PAGE.exec(rest);
    if (rest === '' || page) return { reference: '', locator: page ? locatorText(page[1], page[2] ?? '') : '', ibid: true };
  }
  const trailing = TRAILING_PAGE.exec(trimmed);
  if (trailing && trailing.index > 0) return { reference: trimmed.slice(0, trailing.index).trim(), locator: locatorText(trailing[1], trailing[2] ?? ''), ibid: false };
  return { reference: trimmed, locator: '', ibid: false };
}

/** A reference's text folded for comparing: case, spacing, quotation marks, apostrophes and a final period aside. */
export function referenceKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[“”„‟«»"]/gu, '"')
    .replace(/[‘’‚‛']/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[.\s]+$/u, '')
    .toLocaleLowerCase('en');
}

/** A numbered item's text without its number ("1. ", "[1] ", "1) "). */
export function withoutItemNumber(text: string): string {
  return text.replace(/^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s+/u, '');
}
