/**
 * Footnotes and endnotes in mammoth's HTML (references `<sup><a href="#footnote-3">`, notes
 * `<li id="footnote-3">` in one list at the end), made ready for the HTML importer, which makes a
 * source of each note and a citation of each reference: notes citing the same work (notes.ts)
 * are made one (the references re-pointed at the first note, the others removed), and a page
 * taken off a note is written after its citation. Then a final "Sources" / "Notes" / "References"
 * section that repeats the notes (the Word export writes one) is taken out of the body; its items
 * that match no note join the notes list, as uncited sources.
 */
import { defaultTreeAdapter as tree, html } from 'parse5';
import { isReferencesTitle } from '../phrases';
import { attr, children, findAll, isElement, textOf, type HElement, type HNode } from '../html-dom';
import { readNote, referenceKey, withoutItemNumber } from './notes';

const NOTE_ID = /^(footnote|endnote)-(\d+)$/u;

interface Note {
  readonly li: HElement;
  readonly id: string;
  readonly kind: string;
  /** Its number among the notes of its kind, in reading order. */
  readonly number: number;
}

/** The text of a note, without its back link. */
function noteText(li: HElement): string {
  const parts: string[] = [];
  const walk = (node: HNode): void => {
    if (isElement(node) && node.tagName === 'a' && (attr(node, 'href') ?? '').startsWith('#') && /^[\s↑]*$/u.test(textOf(node))) return;
    if (node.nodeName === '#text') parts.push((node as { value: string }).value);
    else for (const child of children(node)) walk(child);
  };
  walk(li);
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

/** Cuts `locator`'s text off the end of the note's last text (before its back link). */
function cutLocator(li: HElement, reference: string): void {
  const texts: { value: string }[] = [];
  const walk = (node: HNode): void => {
    if (node.nodeName === '#text') texts.push(node as { value: string });
    else if (!(isElement(node) && node.tagName === 'a' && /^[\s↑]*$/u.test(textOf(node)))) for (const child of children(node)) walk(child);
  };
  walk(li);
  const last = [...texts].reverse().find((text) => text.value.trim() !== '');
  if (!last) return;
  const cut = /[,;]\s*(?:pp?\.|pages?|at)\s*\d+(?:\s*[-–]\s*\d+)?\.?\s*$/iu.exec(last.value);
  if (cut && referenceKey(noteText(li)).startsWith(referenceKey(reference))) last.value = last.value.slice(0, cut.index);
}

/** The element a reference link stands for in the text: its `sup` when it is alone in one. */
function referenceElement(link: HElement): HElement {
  const parent = link.parentNode as HNode | null;
  return isElement(parent) && parent.tagName === 'sup' && children(parent).filter((c) => isElement(c) || textOf(c as HElement) !== '').length === 1 ? parent : link;
}

/** Inserts `text` right after `node`. */
function insertAfter(node: HNode, text: string): void {
  const parent = (node as HElement).parentNode as HElement | null;
  if (!parent) return;
  const index = parent.childNodes.indexOf(node as HElement);
  const next = parent.childNodes[index + 1];
  if (next) tree.insertTextBefore(parent, text, next);
  else tree.insertText(parent, text);
}

/** Merges the notes citing the same work (see the module comment); returns the notes for the report. */
export function mergeNotes(body: HElement): string[] {
  const lis = findAll(body, (el) => el.tagName === 'li' && NOTE_ID.test(attr(el, 'id') ?? ''));
  if (lis.length === 0) return [];
  const byId = new Map<string, HElement>(lis.map((li) => [attr(li, 'id') ?? '', li]));
  const notes = new Map<string, Note>();
  const counts = new Map<string, number>();
  const refs = findAll(body, (el) => el.tagName === 'a' && byId.has((attr(el, 'href') ?? '').slice(1)) && !byId.has(closestLiId(el)));
  const canonicalByKey = new Map<string, string>();
  const lastOfKind = new Map<string, string>();
  const merged = new Map<string, string[]>();
  const pages: string[] = [];
  const orphanIbid: string[] = [];
  const name = (note: Note): string => `${note.kind} ${String(note.number)}`;
  const noteOf = (id: string): Note => {
    let note = notes.get(id);
    if (!note) {
      const kind = NOTE_ID.exec(id)?.[1] ?? 'footnote';
      const number = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, number);
      note = { li: byId.get(id) as HElement, id, kind, number };
      notes.set(id, note);
    }
    return note;
  };
  for (const link of refs) {
    const id = (attr(link, 'href') ?? '').slice(1);
    const note = noteOf(id);
    const read = readNote(noteText(note.li));
    let target = id;
    if (read.ibid) {
      const previous = lastOfKind.get(note.kind);
      if (previous === undefined) orphanIbid.push(name(note));
      else target = previous;
    } else if (read.reference !== '') {
      const key = referenceKey(read.reference);
      const first = canonicalByKey.get(key);
      if (first === undefined) {
        canonicalByKey.set(key, id);
        if (read.locator) cutLocator(note.li, read.reference);
      } else target = first;
    }
    lastOfKind.set(note.kind, target);
    if (target !== id) {
      link.attrs = link.attrs.map((a) => (a.name === 'href' ? { ...a, value: `#${target}` } : a));
      const into = name(noteOf(target));
      merged.set(into, [...(merged.get(into) ?? []), `${String(note.number)}${read.ibid ? ' (“Ibid.”)' : ''}`]);
      tree.detachNode(note.li);
    }
    if (read.locator) {
      insertAfter(referenceElement(link), ` (${read.locator})`);
      pages.push(`${name(note)}: ${read.locator}`);
    }
  }
  const out: string[] = [];
  if (merged.size) {
    const groups = [...merged].map(([into, from]) => `${into} with ${from.length === 1 ? 'note' : 'notes'} ${from.join(', ')}`);
    out.push(`Notes citing the same work (the same reference, or “Ibid.” after it) became one source cited several times: ${groups.join('; ')}.`);
  }
  if (pages.length) out.push(`Pages given in notes are kept in the text, in brackets after their citation (${pages.join('; ')}): a page belongs to one citation, not to the source.`);
  if (orphanIbid.length) out.push(`“Ibid.” with no note before it (${orphanIbid.join(', ')}) is kept as a note of its own.`);
  return out;
}

function closestLiId(element: HElement): string {
  for (let node: HNode | null = element; node; node = (node as { parentNode: HNode | null }).parentNode) {
    if (isElement(node) && node.tagName === 'li' && NOTE_ID.test(attr(node, 'id') ?? '')) return attr(node, 'id') ?? '';
  }
  return '';
}

/** True for a heading or a paragraph that is only bold text, titled like a references section. */
function isReferencesHeading(node: HNode): node is HElement {
  if (!isElement(node)) return false;
  const heading = /^h[1-6]$/u.test(node.tagName) || (node.tagName === 'p' && children(node).every((c) => (isElement(c) && c.tagName === 'strong') || (c.nodeName === '#text' && textOf(c as HElement) === '')));
  return heading && isReferencesTitle(textOf(node));
}

/**
 * Takes a final references section out of the body (see the module comment); returns the notes
 * for the report. `notesList` is the list of notes (null when the file has none).
 */
export function takeReferencesSection(body: HElement): string[] {
  const top = children(body).filter((node): node is HElement => isElement(node));
  const notesList = top.find((el) => (el.tagName === 'ol' || el.tagName === 'ul') && children(el).some((li) => isElement(li) && NOTE_ID.test(attr(li, 'id') ?? ''))) ?? null;
  const content = top.filter((el) => el !== notesList && !(el.tagName === 'a' && children(el).length === 0));
  let start = -1;
  for (let i = content.length - 1; i >= 0; i--) {
    if (isReferencesHeading(content[i] as HElement)) {
      start = i;
      break;
    }
  }
  if (start < 0) return [];
  const section = content.slice(start + 1);
  if (section.length === 0 || !section.every((el) => el.tagName === 'ol' || el.tagName === 'ul' || el.tagName === 'p')) return [];
  const items = section.flatMap((el) => (el.tagName === 'p' ? [el] : children(el).filter((li): li is HElement => isElement(li) && li.tagName === 'li')));
  const keys = new Set<string>();
  if (notesList) {
    for (const li of children(notesList)) if (isElement(li)) keys.add(referenceKey(readNote(noteText(li)).reference));
  }
  const matched = items.filter((item) => keys.has(referenceKey(withoutItemNumber(noteText(item)))));
  const isList = section.some((el) => el.tagName === 'ol' || el.tagName === 'ul');
  if (matched.length === 0 && !(isList && notesList === null)) return [];
  let list = notesList;
  if (!list) {
    list = tree.createElement('ol', html.NS.HTML, [{ name: 'class', value: 'footnotes' }]);
    tree.appendChild(body, list);
  }
  const extra = items.filter((item) => !matched.includes(item) && noteText(item) !== '');
  extra.forEach((item, k) => {
    const li = tree.createElement('li', html.NS.HTML, [{ name: 'id', value: `docx-reference-${String(k + 1)}` }]);
    for (const child of [...children(item)]) {
      tree.detachNode(child as HElement);
      tree.appendChild(li, child as HElement);
    }
    tree.appendChild(list as HElement, li);
  });
  const title = textOf(content[start] as HElement);
  for (const el of content.slice(start)) tree.detachNode(el);
  const parts = [`The “${title}” list at the end (${String(items.length)} item${items.length === 1 ? '' : 's'}) was taken out of the body: the draft's sources take its place`];
  if (matched.length) parts.push(`${String(matched.length)} repeated the notes' sources`);
  if (extra.length) parts.push(extra.length === 1 ? '1 cited by no note became an uncited source' : `${String(extra.length)} cited by no note became uncited sources`);
  return [`${parts.join('; ')}.`];
}
