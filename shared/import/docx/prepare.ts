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
import { allW, childrenOf, isElement, isW, parseXml, remove, serializeXml, textRun, unwrap, W, wAttr, type XmlDocument, type XmlElement } from './xml';

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
}

const CHANGE_NAMES = ['ins', 'del', 'moveTo', 'moveFrom'] as const;
const NOTE_PARTS = ['word/footnotes.xml', 'word/endnotes.xml'];
/** Elements inside which a run may stand (so a marker run may replace a change or a range mark there). */
const RUN_PARENTS = new Set(['p', 'hyperlink', 'smartTag', 'fldSimple', 'customXml', 'sdtContent', 'ins', 'del', 'moveTo', 'moveFrom', 'dir', 'bdo']);

function hasRun(element: XmlElement): boolean {
  return allW(element, 'r').length > 0;
}

/** Removes the marker characters from the text of `doc`; returns how many there were. */
function cleanText(doc: XmlDocument): number {
  let count = 0;
  for (const name of ['t', 'delText']) {
    for (const t of allW(doc, name)) {
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
function separateLists(doc: XmlDocument): void {
  for (const p of allW(doc, 'p')) {
    const previous = p.previousSibling;
    const here = listId(p);
    if (!here || !isW(previous, 'p')) continue;
    const before = listId(previous);
    if (!before || before === here) continue;
    const separator = doc.createElementNS(W, 'w:p');
    separator.appendChild(textRun(doc, LIST_BREAK));
    p.parentNode?.insertBefore(separator, p);
  }
}

/** Accepts every change in `doc` (a notes part): deletions removed, insertions kept; returns how many. */
function acceptAll(doc: XmlDocument): number {
  let count = 0;
  for (const name of CHANGE_NAMES) {
    for (const element of allW(doc, name)) {
      if (!element.parentNode) continue;
      count++;
      if (name === 'del' || name === 'moveFrom') {
        // A deleted paragraph mark (inside w:rPr) only marks; deleted runs go.
        remove(element);
      } else if (isW(element.parentNode, 'rPr')) remove(element);
      else unwrap(element);
    }
  }
  for (const name of ['rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'numberingChange']) for (const element of allW(doc, name)) remove(element);
  for (const name of ['commentRangeStart', 'commentRangeEnd']) for (const element of allW(doc, name)) remove(element);
  return count;
}

/** Prepares the package's files (see the module comment). */
export function preparePackage(files: Readonly<Record<string, Uint8Array>>): PreparedPackage {
  const out: Record<string, Uint8Array> = { ...files };
  const changes: TrackedChange[] = [];
  const rangedComments = new Set<string>();
  const accepted = { formatting: 0, inNotes: 0, other: 0 };
  let strayCharacters = 0;
  const main = files['word/document.xml'];
  const doc = main ? parseXml(strFromU8(main)) : null;
  if (doc) {
    strayCharacters += cleanText(doc);
    for (const name of CHANGE_NAMES) {
      for (const element of allW(doc, name)) {
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
      for (const element of allW(doc, name)) {
        accepted.formatting++;
        remove(element);
      }
    }
    for (const name of ['sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'numberingChange']) for (const element of allW(doc, name)) remove(element);
    for (const [name, kind] of [
      ['commentRangeStart', 'C'],
      ['commentRangeEnd', 'c'],
    ] as const) {
      for (const element of allW(doc, name)) {
        const id = wAttr(element, 'id') ?? '';
        if (/^\d{1,9}$/u.test(id) && placeRun(element, textRun(doc, marker(kind, Number(id))), kind === 'C')) rangedComments.add(id);
        remove(element);
      }
    }
    separateLists(doc);
    out['word/document.xml'] = strToU8(serializeXml(doc));
  }
  for (const part of NOTE_PARTS) {
    const bytes = files[part];
    const notes = bytes ? parseXml(strFromU8(bytes)) : null;
    if (!notes) continue;
    strayCharacters += cleanText(notes);
    accepted.inNotes += acceptAll(notes);
    out[part] = strToU8(serializeXml(notes));
  }
  return { files: out, changes, rangedComments, accepted, strayCharacters };
}
