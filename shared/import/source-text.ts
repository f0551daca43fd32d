/**
 * Reads a reference ("source") written as text into the fields of a source: title, outlet, date,
 * URL and note. Shared by the three importers, so a reference reads the same wherever it comes
 * from. It understands the seed article's style, which is also what Copydesk's exports write
 * (the citation text style, shared/sources/style.ts):
 *
 *     “Title,” Outlet, Date. https://url Note        "Title," Outlet, 2023
 *     “Title.” Note                                  [Title](https://url), Outlet, 17 August 2025
 *
 * - the title is a leading quotation (`“…,”`, `"…,"`, `«…»`…) or a leading link whose text is
 *   not its address;
 * - after the title come an outlet and/or a date (a year, an ISO date, or a date with a month
 *   name), separated by a comma and ended by a period;
 * - the URL is the first http(s) address written out as text, or else the address of the first
 *   http(s) link;
 * - everything else is the note.
 * A reference without a leading title is read as fields only when it is "Outlet, date" or a date
 * (then a URL and a note may follow), or a short phrase without a period before a URL (an
 * outlet: the export writes an untitled source so); any other is kept whole in the note, URLs
 * included, since its parts cannot be told apart reliably. Nothing is ever dropped: whatever is
 * not recognised stays in the note, and a final check writes the fields back in that style (URL
 * left out) and compares that with the input (quotation marks, separating commas and periods,
 * and spacing aside); if they differ, the whole reference goes into the note.
 */
import { styleText, type StyledFields } from '../sources/style';
import { classifyUrl } from '../url';

/** A piece of a reference: text, or a link (its text and its address). */
export interface SourcePiece {
  readonly text: string;
  readonly href?: string;
}

/** The fields of a source, without its id. */
export type ParsedSource = StyledFields;

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** The date forms recognised (as a regex source, no anchors). */
const DATE = `(?:\\d{4}-\\d{2}(?:-\\d{2})?|\\d{1,2} ${MONTH},? \\d{4}|${MONTH} \\d{1,2},? \\d{4}|${MONTH} \\d{4}|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4})`;
const DATE_AT_END = new RegExp(`(?:^|,\\s*)(${DATE})$`, 'u');
const DATE_THEN_PERIOD = new RegExp(`(?:^|,\\s*|\\.\\s+)(${DATE})(?:\\.(?=\\s|$)|$)`, 'u');
const WHOLE_DATE = new RegExp(`^${DATE}$`, 'u');
// An untitled reference: "Outlet, date" or a date, then optionally ". Note".
const UNTITLED_BEFORE_URL = new RegExp(`^([^.]{1,80}?)(?:,\\s*(${DATE}))?\\.?$`, 'u');
const UNTITLED = new RegExp(`^(?:([^,.“”"«»]{1,80}),\\s*)?(${DATE})(?:\\.(?:\\s+([\\s\\S]*))?)?$`, 'u');

// Each opening quote of a title and the closing quotes that pair with it (a title may hold other
// quotes: “A." B.”); the openers and every closer come from here.
const PAIRED_CLOSERS: Readonly<Record<string, string>> = { '“': '”', '"': '"', '«': '»', '„': '“”', '‘': '’' };

/** Closing quotes `closers` as patterns: with the comma or period that ends the title inside (“Title,”), and bare. */
interface Closers {
  readonly withPunct: RegExp;
  readonly bare: RegExp;
}

function closersOf(closers: string): Closers {
  return { withPunct: new RegExp(`([,.])[${closers}](?=\\s|$)`, 'gu'), bare: new RegExp(`[${closers}](?=[\\s,.;:]|$)`, 'gu') };
}

const PAIRED = new Map(Object.entries(PAIRED_CLOSERS).map(([opener, closers]) => [opener, closersOf(closers)]));
const ANY_CLOSER = closersOf([...new Set(Object.values(PAIRED_CLOSERS).join(''))].join(''));

/** A URL written out as text. */
const BARE_URL = /https?:\/\/[^\s<>"]+/iu;

/** True for a URL a source may hold and an export writes as a link. */
function usableUrl(url: string): boolean {
  return classifyUrl(url, 'source') === 'ok';
}

/** Splits plain text into pieces, each URL written out in it becoming a link piece. */
export function piecesFromText(text: string): SourcePiece[] {
  const pieces: SourcePiece[] = [];
  let rest = text;
  for (;;) {
    const match = BARE_URL.exec(rest);
    if (!match) break;
    let url = match[0];
    // Punctuation that ends the sentence is not part of the address (a ")" only if unbalanced).
    while (/[.,;:!?'\]]$/u.test(url) || (url.endsWith(')') && (url.match(/\(/gu)?.length ?? 0) < (url.match(/\)/gu)?.length ?? 0))) url = url.slice(0, -1);
    pieces.push({ text: rest.slice(0, match.index) });
    pieces.push({ text: url, href: url });
    rest = rest.slice(match.index + url.length);
  }
  pieces.push({ text: rest });
  return pieces.filter((piece) => piece.text !== '');
}

/**
 * A reference's text reduced for the "nothing lost" check: quotation marks with the comma or
 * period beside them, commas and periods before a space (separators) and white space runs do
 * not count (the fields hold a title
 * without its quotes, and exports put those back).
 */
function comparable(text: string): string {
  return text
    .replace(/\s*[,.]?\s*[“”"«»„‘’]\s*[,.]?\s*/gu, ' ')
    .replace(/[,.](?=\s|$)/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Outlet, date and a note from what follows a title that ended with a comma. */
function outletAndDate(rest: string, noteFollows: boolean): { outlet: string; date: string; note: string } {
  const text = rest.trim();
  if (text === '') return { outlet: '', date: '', note: '' };
  if (!noteFollows) {
    // The URL comes next, and the note after it: all of this is outlet and date.
    const head = text.replace(/[.,]$/u, '').trim();
    const date = DATE_AT_END.exec(head);
    if (date) return { outlet: head.slice(0, date.index).replace(/,\s*$/u, '').trim(), date: date[1] ?? '', note: '' };
    return { outlet: head, date: '', note: '' };
  }
  const date = DATE_THEN_PERIOD.exec(text);
  if (date) {
    return {
      outlet: text.slice(0, date.index).replace(/[,.]\s*$/u, '').trim(),
      date: date[1] ?? '',
      note: text.slice(date.index + date[0].length).trim(),
    };
  }
  const stop = /\.(?=\s|$)/u.exec(text);
  if (!stop) return { outlet: text, date: '', note: '' };
  return { outlet: text.slice(0, stop.index).trim(), date: '', note: text.slice(stop.index + 1).trim() };
}

/**
 * A leading quoted title: the title, how it ended (`,` or `.` or nothing) and the text after it.
 * The quote that pairs with the opening one closes it; any closer does when none pairs (a title
 * typed with mismatched quotes).
 */
function quotedTitle(head: string): { title: string; end: string; rest: string } | null {
  const paired = PAIRED.get(head.charAt(0));
  if (!paired) return null;
  return closedTitle(head.slice(1), paired) ?? closedTitle(head.slice(1), ANY_CLOSER);
}

/** The title in `body` (after its opening quote) up to the first closer with punctuation inside, else the first bare one. */
function closedTitle(body: string, { withPunct, bare }: Closers): { title: string; end: string; rest: string } | null {
  // The first closer with some title before it: `“,” x` has no title there, so look further.
  for (const punct of body.matchAll(withPunct)) {
    if (body.slice(0, punct.index).trim() !== '') return { title: body.slice(0, punct.index), end: punct[1] ?? '', rest: body.slice(punct.index + 2) };
  }
  for (const close of body.matchAll(bare)) {
    if (body.slice(0, close.index).trim() === '') continue;
    const after = body.slice(close.index + 1);
    const comma = /^\s*,/u.exec(after);
    return { title: body.slice(0, close.index), end: comma ? ',' : '', rest: comma ? after.slice(comma[0].length) : after };
  }
  return null;
}

/** `text` without quotation marks around it (a linked title written `"Title"`). */
function unquote(text: string): string {
  const quoted = /^["“«‘](.*)["”»’]$/su.exec(text);
  return quoted?.[1]?.trim() || text;
}

/** The reference kept whole as its note, links' addresses in brackets after their text. */
function everythingInNote(pieces: readonly SourcePiece[]): ParsedSource {
  const all = pieces.map((piece) => (piece.href !== undefined && piece.text.trim() !== piece.href ? `${piece.text} (${piece.href})` : piece.text));
  return { title: '', outlet: '', date: '', url: '', note: all.join('').trim() };
}

/** Options of `parseSourcePieces`. */
export interface SourceParseOptions {
  /** Also look for addresses written out in text pieces (HTML, where they are not links). */
  readonly findUrls?: boolean;
}

/**
 * The fields of a reference given as pieces (see the module comment). `pieces` hold the
 * reference's text in order; link pieces carry their address.
 */
export function parseSourcePieces(input: readonly SourcePiece[], options: SourceParseOptions = {}): ParsedSource {
  const pieces = options.findUrls ? input.flatMap((piece) => (piece.href === undefined ? piecesFromText(piece.text) : [piece])) : input;
  // The URL: an address written out, else the first http(s) link's address.
  let urlIndex = pieces.findIndex((piece) => piece.href !== undefined && piece.text.trim() === piece.href && usableUrl(piece.href));
  let url = urlIndex >= 0 ? (pieces[urlIndex]?.href ?? '') : '';
  let linkTitle: string | null = null;
  const firstText = pieces.findIndex((piece) => piece.text.trim() !== '');
  const first = pieces[firstText];
  if (first?.href !== undefined && first.text.trim() !== first.href && firstText !== urlIndex) linkTitle = unquote(first.text.trim());
  if (urlIndex < 0) {
    const linked = pieces.find((piece) => piece.href !== undefined && usableUrl(piece.href));
    if (linked?.href !== undefined) url = linked.href;
  }
  // Addresses of links that are neither the URL nor the title stay, in brackets, after their text.
  const shown = (piece: SourcePiece, index: number): string => {
    if (piece.href === undefined || index === urlIndex || piece.text.trim() === piece.href) return piece.text;
    if (piece.href === url || (index === firstText && linkTitle !== null)) return piece.text;
    return `${piece.text} (${piece.href})`;
  };
  let before: string;
  let after: string;
  if (urlIndex >= 0) {
    before = pieces.slice(0, urlIndex).map(shown).join('');
    after = pieces.slice(urlIndex + 1).map((piece, i) => shown(piece, urlIndex + 1 + i)).join('');
  } else {
    urlIndex = pieces.length;
    before = pieces.map(shown).join('');
    after = '';
  }
  const noteFollows = urlIndex === pieces.length;
  let title = '';
  let outlet = '';
  let date = '';
  let notes: string[] = [];
  const head = before.trim();
  const quoted = linkTitle === null ? quotedTitle(head) : null;
  if (linkTitle !== null) {
    title = linkTitle;
    const rest = pieces.slice(firstText + 1, urlIndex).map((piece, i) => shown(piece, firstText + 1 + i)).join('').replace(/^\s*[,.:]?\s*/u, '');
    const parts = outletAndDate(rest, noteFollows);
    ({ outlet, date } = parts);
    notes = [parts.note];
  } else if (quoted) {
    title = quoted.title.trim();
    if (quoted.end === ',' || (quoted.end === '' && quoted.rest.trim() !== '')) {
      const parts = outletAndDate(quoted.rest, noteFollows);
      ({ outlet, date } = parts);
      notes = [parts.note];
    } else {
      // “Title.” ends the reference's head: what follows (before any URL) is note, unless it is
      // plainly "Outlet, date".
      const rest = quoted.rest.trim().replace(/\.$/u, '');
      const dated = DATE_AT_END.exec(rest);
      if (dated && !rest.slice(0, dated.index).includes('.')) {
        outlet = rest.slice(0, dated.index).replace(/,\s*$/u, '').trim();
        date = dated[1] ?? '';
      } else {
        notes = [quoted.rest.trim()];
      }
    }
  } else {
    // Without a title, only "Outlet, date" (or a date) is read as fields; before a URL written
    // out, so is one short phrase without a period inside ("Reuters"), which the export writes
    // for a source with an outlet and no title.
    const untitled = noteFollows ? UNTITLED.exec(head) : UNTITLED_BEFORE_URL.exec(head);
    if (head !== '' && !untitled) return everythingInNote(pieces);
    outlet = untitled?.[1]?.trim() ?? '';
    date = untitled?.[2] ?? '';
    notes = [noteFollows ? (untitled?.[3]?.trim() ?? '') : ''];
  }
  if (outlet !== '' && date === '' && WHOLE_DATE.test(outlet)) {
    date = outlet;
    outlet = '';
  }
  notes.push(after.trim());
  const note = notes.filter((part) => part !== '').join(' ');
  const parsed: ParsedSource = { title, outlet, date, url, note };
  // Nothing may get lost: the fields, written back, must read as the reference did.
  const given = pieces
    .map((piece, i) => {
      if (i === urlIndex) return ' ';
      const text = shown(piece, i);
      return i === firstText && linkTitle !== null ? `“${text.trim()}”` : text;
    })
    .join('');
  const kept = styleText(parsed, { url: false });
  return comparable(kept) === comparable(given) ? parsed : everythingInNote(pieces);
}

/** The fields of a reference given as plain text (URLs written out in it are found). */
export function parseSourceText(text: string): ParsedSource {
  return parseSourcePieces(piecesFromText(text));
}
