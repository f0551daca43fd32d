/**
 * Prepares a checked Word package for mammoth, which reads a tracked insertion as plain text,
 * drops a tracked deletion and keeps no comment range: in word/document.xml each tracked change
 * (`w:ins`, `w:del`, `w:moveTo`, `w:moveFrom` around runs) is replaced by its runs between two
 * markers (markers.ts), a deletion's `w:delText` becoming `w:t` so that its text reaches the
 * draft, and each comment range's start and end (`w:commentRangeStart`/`End`) becomes a marker.
 * The authors and dates go into a side table, by marker number; an inserted or deleted paragraph
 * mark gets a marker at its paragraph's start. Other changes that are not to runs (formatting,
 * table rows) are accepted, and counted. In the footnotes and endnotes, which become sources (fields, no marks), every change
 * is accepted and comment ranges are left out.
 */
import { strFromU8, strToU8 } from 'fflate';
import { LIST_BREAK, marker, withoutMarkerCharacters } from './markers';
import { allW, childrenOf, indexW, isElement, isW, paragraphsText, parseXml, remove, serializeXml, textRun, unwrap, W, wAttr, type XmlDocument, type XmlElement } from './xml';

/** A tracked change of the body, by marker number. */
export interface TrackedChange {
  readonly kind: 'insertion' | 'deletion';
  readonly author: string;
  /** As Word wrote it (`w:date`), or ''. */
  readonly date: string;
  /** A paragraph mark inserted or deleted (marker `Q`/`P`), not runs. */
  readonly paragraph?: boolean;
}

/** What preparing the package found and did. */
export interface PreparedPackage {
  /** The package's files, changed as said above. */
  readonly files: Record<string, Uint8Array>;
  /** The body's tracked changes; marker `I3`/`D3` is `changes[3]`. */
  readonly changes: readonly TrackedChange[];
  /** Word comment ids whose range is marked in the body (marker `C<n>` is comment `w:id` n). */
  readonly rangedComments: ReadonlySet<string>;
  /** Changes accepted rather than kept as suggestions, by kind, for the report. */
  readonly accepted: { readonly formatting: number; readonly inNotes: number; readonly other: number };
  /** Private-use characters of the text taken out (they are what markers are made of). */
  readonly strayCharacters: number;
  /** What the file holds that the draft cannot (page headers, equations, charts…), one sentence each. */
  readonly unsupported: readonly string[];
}

const CHANGE_NAMES = ['ins', 'del', 'moveTo', 'moveFrom'] as const;
/** The elements whose presence means the body was edited here. */
const EDITED = [...CHANGE_NAMES, 'rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'numberingChange', 'commentRangeStart', 'commentRangeEnd'];
const NOTE_PARTS = ['word/footnotes.xml', 'word/endnotes.xml'];
/** Elements inside which a run may stand (so a marker run may replace a change or a range mark there). */
const RUN_PARENTS = new Set(['p', 'hyperlink', 'smartTag', 'fldSimple', 'customXml', 'sdtContent', 'ins', 'del', 'moveTo', 'moveFrom', 'dir', 'bdo']);

function hasRun(element: XmlElement): boolean {
  return allW(element, 'r').length > 0;
}

/** Removes the marker characters from the text of `doc`; returns how many there were. */
function cleanText(index: ReadonlyMap<string, XmlElement[]>): number {
  let count = 0;
  for (const name of ['t', 'delText']) {
    for (const t of index.get(name) ?? []) {
      const text = t.textContent ?? '';
      const clean = withoutMarkerCharacters(text);
      if (clean !== text) {
        count += text.length - clean.length;
        t.textContent = clean;
      }
    }
  }
  return count;
}

/** The first (or last) paragraph in or after (before) `element` among its siblings, for a range mark between paragraphs. */
function nearParagraph(element: XmlElement, forward: boolean): XmlElement | null {
  for (let node = forward ? element.nextSibling : element.previousSibling; node; node = forward ? node.nextSibling : node.previousSibling) {
    if (!isElement(node)) continue;
    if (isW(node, 'p')) return node;
    const inner = allW(node, 'p');
    const found = forward ? inner[0] : inner[inner.length - 1];
    if (found) return found;
  }
  return null;
}

/** Puts `run` where `element` stands, or, between paragraphs, at the start (end) of the next (previous) paragraph. */
function placeRun(element: XmlElement, run: XmlElement, atStart: boolean): boolean {
  const parent = element.parentNode;
  if (parent && RUN_PARENTS.has(parent.localName ?? '') && !(parent.localName === 'sdtContent' && allW(parent, 'p').length > 0)) {
    parent.insertBefore(run, element);
    return true;
  }
  const p = nearParagraph(element, atStart);
  if (!p) return false;
  if (atStart) {
    const pPr = childrenOf(p).find((child) => isW(child, 'pPr'));
    p.insertBefore(run, pPr ? pPr.nextSibling : p.firstChild);
  } else p.appendChild(run);
  return true;
}

/** The list a paragraph belongs to (`w:numId`), or '' when it is no list item. */
function listId(p: XmlElement): string {
  const pPr = childrenOf(p).find((child) => isW(child, 'pPr'));
  const numPr = pPr && childrenOf(pPr).find((child) => isW(child, 'numPr'));
  const numId = numPr && childrenOf(numPr).find((child) => isW(child, 'numId'));
  const id = numId ? (wAttr(numId, 'val') ?? '') : '';
  return id === '0' ? '' : id;
}

/** Puts a LIST_BREAK paragraph between two list paragraphs in a row of different lists (see markers.ts). */
function separateLists(doc: XmlDocument, paragraphs: readonly XmlElement[]): boolean {
  let changed = false;
  for (const p of paragraphs) {
    const previous = p.previousSibling;
    const here = listId(p);
    if (!here || !isW(previous, 'p')) continue;
    const before = listId(previous);
    if (!before || before === here) continue;
    const separator = doc.createElementNS(W, 'w:p');
    separator.appendChild(textRun(doc, LIST_BREAK));
    p.parentNode?.insertBefore(separator, p);
    changed = true;
  }
  return changed;
}

/** Accepts every change in `doc` (a notes part): deletions removed, insertions kept; returns how many. */
function acceptAll(index: ReadonlyMap<string, XmlElement[]>): number {
  let count = 0;
  const all = (name: string): XmlElement[] => index.get(name) ?? [];
  for (const name of CHANGE_NAMES) {
    for (const element of all(name)) {
      if (!element.parentNode) continue;
      count++;
      if (name === 'del' || name === 'moveFrom') {
        // A deleted paragraph mark (inside w:rPr) only marks; deleted runs go.
        remove(element);
      } else if (isW(element.parentNode, 'rPr')) remove(element);
      else unwrap(element);
    }
  }
  for (const name of ['rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'numberingChange']) for (const element of all(name)) remove(element);
  for (const name of ['commentRangeStart', 'commentRangeEnd']) for (const element of all(name)) remove(element);
  return count;
}

const FOREIGN: readonly (readonly [string, string, string])[] = [
  ['http://schemas.openxmlformats.org/officeDocument/2006/math', 'oMath', 'equation'],
  [W, 'object', 'embedded object (OLE)'],
  ['http://schemas.openxmlformats.org/drawingml/2006/chart', 'chart', 'chart'],
  ['http://schemas.openxmlformats.org/drawingml/2006/diagram', 'relIds', 'SmartArt diagram'],
];

/** What the body holds that the draft cannot, and the text of page headers and footers. */
function unsupportedContent(parsed: () => XmlDocument | null, xml: string, files: Readonly<Record<string, Uint8Array>>): string[] {
  const out: string[] = [];
  for (const [namespace, name, what] of FOREIGN) {
    // A plain search first: the count walks the whole tree.
    if (!new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}[\\s/>]`, 'u').test(xml)) continue;
    const count = parsed()?.getElementsByTagNameNS(namespace, name).length ?? 0;
    if (count) out.push(`${String(count)} ${what}${count === 1 ? '' : 's'} (a draft holds text, lists, quotes and pictures).`);
  }
  for (const name of Object.keys(files).sort()) {
    const kind = /^word\/(header|footer)\d*\.xml$/u.exec(name)?.[1];
    const bytes = files[name];
    const part = kind && bytes ? parseXml(strFromU8(bytes)) : null;
    const text = part?.documentElement ? paragraphsText(part.documentElement).replace(/\s+/gu, ' ') : '';
    if (text) out.push(`The page ${kind ?? ''} “${text.length > 80 ? `${text.slice(0, 79)}…` : text}” (page headers and footers are not part of the article).`);
  }
  return out;
}

/**
 * True when a part may need preparing: it names a tracked change, a comment range, a list
 * number (lists Word numbers apart) or holds a marker character. A plain search over the text,
 * only to skip the parse of parts that certainly need nothing (a long article without review).
 */
function mayNeedPreparing(xml: string): boolean {
  return /<(?:[A-Za-z_][\w.-]*:)?(?:ins|del|moveTo|moveFrom|commentRangeStart|commentRangeEnd|numId|rPrChange|pPrChange|sectPrChange|tblPrChange|trPrChange|tcPrChange|numberingChange)[\s/>]|[\uE000-\uE002]/u.test(xml);
}

/** Prepares the package's files (see the module comment). */
export function preparePackage(files: Readonly<Record<string, Uint8Array>>): PreparedPackage {
  const out: Record<string, Uint8Array> = { ...files };
  const changes: TrackedChange[] = [];
  const rangedComments = new Set<string>();
  const accepted = { formatting: 0, inNotes: 0, other: 0 };
  let strayCharacters = 0;
  const main = files['word/document.xml'];
  const mainXml = main ? strFromU8(main) : '';
  // Parsed only when needed: a long article without review needs nothing of this.
  let parsed: XmlDocument | null | undefined;
  const parsedMain = (): XmlDocument | null => (parsed === undefined ? (parsed = main ? parseXml(mainXml) : null) : parsed);
  const unsupported = unsupportedContent(parsedMain, mainXml, files);
  const doc = mayNeedPreparing(mainXml) ? parsedMain() : null;
  if (doc) {
    const index = indexW(doc);
    const all = (name: string): XmlElement[] => index.get(name) ?? [];
    strayCharacters += cleanText(index);
    for (const name of CHANGE_NAMES) {
      for (const element of all(name)) {
        if (!element.parentNode) continue;
        const deletion = name === 'del' || name === 'moveFrom';
        if (isW(element.parentNode, 'rPr')) {
          // A paragraph mark inserted or deleted: a marker at the paragraph's start (review-marks.ts
          // makes the whole paragraph one suggestion when all its text is inserted or deleted too).
          const p = element.parentNode.parentNode?.parentNode;
          if (isW(element.parentNode.parentNode, 'pPr') && isW(p, 'p')) {
            const n = changes.length;
            changes.push({ kind: deletion ? 'deletion' : 'insertion', author: wAttr(element, 'author') ?? '', date: wAttr(element, 'date') ?? '', paragraph: true });
            const pPr = element.parentNode.parentNode;
            p.insertBefore(textRun(doc, marker(deletion ? 'P' : 'Q', n)), pPr.nextSibling);
          } else accepted.other++;
          remove(element);
          continue;
        }
        if (!hasRun(element)) {
          accepted.other++;
          if (deletion) remove(element);
          else unwrap(element);
          continue;
        }
        const n = changes.length;
        changes.push({ kind: deletion ? 'deletion' : 'insertion', author: wAttr(element, 'author') ?? '', date: wAttr(element, 'date') ?? '' });
        if (deletion) {
          for (const delText of allW(element, 'delText')) {
            const t = doc.createElementNS(W, 'w:t');
            t.setAttribute('xml:space', 'preserve');
            t.appendChild(doc.createTextNode(delText.textContent ?? ''));
            delText.parentNode?.insertBefore(t, delText);
            remove(delText);
          }
          for (const instr of allW(element, 'delInstrText')) remove(instr);
        }
        element.insertBefore(textRun(doc, marker(deletion ? 'D' : 'I', n)), element.firstChild);
        element.appendChild(textRun(doc, marker(deletion ? 'd' : 'i', n)));
        unwrap(element);
      }
    }
    for (const name of ['rPrChange', 'pPrChange']) {
      for (const element of all(name)) {
        accepted.formatting++;
        remove(element);
      }
    }
    for (const name of ['sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'numberingChange']) for (const element of all(name)) remove(element);
    for (const [name, kind] of [
      ['commentRangeStart', 'C'],
      ['commentRangeEnd', 'c'],
    ] as const) {
      for (const element of all(name)) {
        const id = wAttr(element, 'id') ?? '';
        if (/^\d{1,9}$/u.test(id) && placeRun(element, textRun(doc, marker(kind, Number(id))), kind === 'C')) rangedComments.add(id);
        remove(element);
      }
    }
    const separated = separateLists(doc, all('p'));
    // Only a changed part is written again (serializing a long article costs).
    if (separated || strayCharacters || EDITED.some((name) => index.has(name))) out['word/document.xml'] = strToU8(serializeXml(doc));
  }
  for (const part of NOTE_PARTS) {
    const bytes = files[part];
    const xml = bytes ? strFromU8(bytes) : '';
    const notes = mayNeedPreparing(xml) ? parseXml(xml) : null;
    if (!notes) continue;
    const index = indexW(notes);
    strayCharacters += cleanText(index);
    accepted.inNotes += acceptAll(index);
    out[part] = strToU8(serializeXml(notes));
  }
  return { files: out, changes, rangedComments, accepted, strayCharacters, unsupported };
}
