/**
 * The paste offer: text pasted from elsewhere (no Copydesk payload) whose bracketed citations
 * and reference list would become footnotes is pasted as usual first, and then the user is
 * offered, without a modal question, to turn them into footnotes.
 *
 * - `recordPaste` (called by the clipboard plugin's `handlePaste`) does the paste itself, exactly
 *   as ProseMirror would (the slice is already sanitised and fitted), and remembers the pasted
 *   range in the clipboard plugin's state (`clipboardKey`). Only when a cheap look at the
 *   clipboard's text finds something like a citation; every other paste is left to ProseMirror.
 * - A moment later (`setTimeout`, so that the paste paints first) the clipboard's HTML is read by
 *   `importHtml`, or its plain text by `importMarkdown` (when it has footnote definitions) or
 *   `importText` (shared/import: the same code path as File > Import and `copydesk import`). When that finds citations of sources it would create, the
 *   offer appears: `pasteOfferOf(state)`, drawn by `PasteOfferBar`.
 * - `convertPaste` replaces the pasted range with `toPasteContent(result)` in one undoable step
 *   (its own history event: one undo gives the plain pasted text back), its sources merged into
 *   the draft's like any Copydesk paste (`carry`). `keepPaste` (Escape) withdraws the offer.
 * - The bar (`PasteOfferBar`, the plugin's view) sits right after the editable, at the bottom of
 *   the visible text: a named group with the sentence and two buttons, announced through a
 *   polite live region. Tab from the text goes to it while it is open; Escape keeps the text.
 *   Its look is paste-offer.css (the shell loads it with the app's styles).
 * - An edit inside the pasted range, or another paste, withdraws the offer; edits elsewhere move it.
 * - The bar's `data-paste-analysis` attribute says where the last paste that reached `recordPaste`
 *   stands: "none" (not one to analyse), "pending", then "done" (the offer, if any, is showing).
 *   Tests wait for "done" before they check that no offer appeared.
 * HTML never reaches the document unsanitised: the plain paste went through `sanitizeHTML` and
 * `bodySlice`, the conversion is built by the importer from an allow-list of the schema.
 */
import { closeHistory } from 'prosemirror-history';
import type { Slice } from 'prosemirror-model';
import { PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { inBody, sourceNodes } from '../../shared/article';
import type { ClipboardContent } from '../../shared/clipboard/payload';
import type * as ImportModule from '../../shared/import/index';
import type { ImportResult } from '../../shared/import/types';
import { el } from './dom';
import { carry } from './carried-data';

/** An offer to turn a paste's citations into footnotes. */
export interface PasteOffer {
  /** The pasted range in the current document. */
  readonly from: number;
  readonly to: number;
  /** What Convert inserts instead. */
  readonly content: ClipboardContent;
  /** Citations and sources the conversion makes. */
  readonly citations: number;
  readonly sources: number;
}

/** The clipboard plugin's state: the last paste that may get an offer, and the offer. */
export interface PasteState {
  /** Identifies a paste, so that a late analysis does not apply to a newer one. */
  readonly id: number;
  /** The pasted range (mapped through later edits), or null. */
  readonly range: { readonly from: number; readonly to: number } | null;
  readonly offer: PasteOffer | null;
}

type PasteMeta = { readonly pasted: { readonly id: number; readonly from: number; readonly to: number } } | { readonly offer: PasteOffer & { readonly id: number } } | { readonly clear: true };

/** The clipboard plugin's key (its state is the `PasteState`). */
export const clipboardKey = new PluginKey<PasteState>('copydesk-clipboard');

const EMPTY: PasteState = { id: 0, range: null, offer: null };

/** The offer open in `state`, or null. */
export function pasteOfferOf(state: EditorState): PasteOffer | null {
  return clipboardKey.getState(state)?.offer ?? null;
}

/** True when a step of `tr` changed something strictly inside `from`–`to` (of the document before `tr`). */
function touches(tr: Transaction, from: number, to: number): boolean {
  let a = from;
  let b = to;
  for (const map of tr.mapping.maps) {
    let hit = false;
    map.forEach((oldStart, oldEnd) => {
      if (oldStart < b && oldEnd > a) hit = true;
    });
    if (hit) return true;
    a = map.map(a, 1);
    b = map.map(b, -1);
  }
  return false;
}

/** The plugin state's `apply` (see the module comment). */
export function applyPasteState(tr: Transaction, prev: PasteState): PasteState {
  const meta = tr.getMeta(clipboardKey) as PasteMeta | undefined;
  if (meta && 'pasted' in meta) return { id: meta.pasted.id, range: { from: meta.pasted.from, to: meta.pasted.to }, offer: null };
  if (meta && 'clear' in meta) return prev.range ? { ...EMPTY, id: prev.id } : prev;
  if (meta && 'offer' in meta) {
    if (meta.offer.id !== prev.id || !prev.range) return prev;
    const { content, citations, sources } = meta.offer;
    return { ...prev, offer: { from: prev.range.from, to: prev.range.to, content, citations, sources } };
  }
  if (!prev.range || !tr.docChanged) return prev;
  if (tr.getMeta('paste') || touches(tr, prev.range.from, prev.range.to)) return { ...EMPTY, id: prev.id };
  const range = { from: tr.mapping.map(prev.range.from, 1), to: tr.mapping.map(prev.range.to, -1) };
  return { id: prev.id, range, offer: prev.offer && { ...prev.offer, ...range } };
}

// Something like a citation: [1], [1][2], [1, 2], [1–3], or a note reference in HTML.
const TEXT_HINT = /\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]/u;
// A Markdown footnote definition at the start of a line: "[^1]: …", "[^label]: …".
const MARKDOWN_HINT = /^ {0,3}\[\^[^\]\s]+\]:/mu;
const HTML_HINT = /<sup[\s>]|\[\d{1,3}\]|href\s*=\s*["']?#(?:fn|cite|note|ref)/iu;
/** Larger pastes are pasted, never analysed (the analysis would hold up the editor). */
const MAX_ANALYSED_CHARS = 2 * 1024 * 1024;

let lastId = 0;

/**
 * Pastes `slice` as ProseMirror would and, when the clipboard looks like it holds citations,
 * remembers the range and schedules the analysis. Returns false (ProseMirror pastes) otherwise.
 */
export function recordPaste(view: EditorView, data: DataTransfer | null, slice: Slice): boolean {
  const html = data?.getData('text/html') ?? '';
  const text = data?.getData('text/plain') ?? '';
  const hinted = (html !== '' && html.length <= MAX_ANALYSED_CHARS && HTML_HINT.test(html)) || (text.length <= MAX_ANALYSED_CHARS && (TEXT_HINT.test(text) || MARKDOWN_HINT.test(text)));
  const { selection, doc } = view.state;
  if (!hinted || slice.size === 0 || !inBody(doc, selection.from) || !inBody(doc, selection.to)) {
    bars.get(view)?.showAnalysis(0, 'none');
    return false;
  }
  const id = ++lastId;
  bars.get(view)?.showAnalysis(id, 'pending');
  const single = slice.openStart === 0 && slice.openEnd === 0 && slice.content.childCount === 1 ? slice.content.firstChild : null;
  const tr = view.state.tr;
  if (single) tr.replaceSelectionWith(single, false);
  else tr.replaceSelection(slice);
  const from = tr.mapping.map(selection.from, -1);
  const to = tr.mapping.map(selection.to, 1);
  view.dispatch(tr.scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste').setMeta(clipboardKey, { pasted: { id, from, to } } satisfies PasteMeta));
  setTimeout(() => void analysePaste(view, id, html, text).finally(() => bars.get(view)?.showAnalysis(id, 'done')), 0);
  return true;
}

/** Sources with something in them (not the empty ones standing for a missing definition). */
function definedSources(result: ImportResult): number {
  let n = 0;
  sourceNodes(result.draft.doc).forEach((source) => {
    const a = source.attrs as Record<string, string>;
    if (a.title || a.outlet || a.url || a.note || a.date) n++;
  });
  return n;
}

/** The importers, loaded on the first paste that needs them (they stay out of the app's start-up bundle). */
type Importers = typeof ImportModule;

function importPlain({ importText }: Importers, pasted: string): ImportResult {
  // Without any blank line, every line is a paragraph (as ProseMirror pasted it); the text
  // importer cuts blocks at blank lines.
  return importText(/\n[^\S\n]*\n/u.test(pasted) ? pasted : pasted.replace(/\r\n?|\n/gu, '\n\n'));
}

/** What converting the clipboard would make, or null when it makes no footnotes. */
export function analyseClipboard(importers: Importers, html: string, text: string): { result: ImportResult; sources: number } | null {
  const readers: (() => ImportResult)[] = [];
  if (html !== '' && HTML_HINT.test(html)) readers.push(() => importers.importHtml(html));
  // Markdown with footnote definitions ("[^1]: …") is read as Markdown, before the text reader.
  if (text !== '' && MARKDOWN_HINT.test(text)) readers.push(() => importers.importMarkdown(text));
  if (text !== '' && TEXT_HINT.test(text)) readers.push(() => importPlain(importers, text));
  for (const read of readers) {
    const result = read();
    const sources = definedSources(result);
    if (result.report.citations > 0 && sources > 0) return { result, sources };
  }
  return null;
}

const current = (view: EditorView, id: number): boolean => !view.isDestroyed && clipboardKey.getState(view.state)?.id === id && !!clipboardKey.getState(view.state)?.range;

async function analysePaste(view: EditorView, id: number, html: string, text: string): Promise<void> {
  let meta: PasteMeta = { clear: true };
  try {
    const importers = await import('../../shared/import/index');
    if (!current(view, id)) return;
    const found = analyseClipboard(importers, html, text);
    if (found) meta = { offer: { id, from: 0, to: 0, content: importers.toPasteContent(found.result), citations: found.result.report.citations, sources: found.sources } };
  } catch (error) {
    console.warn('Copydesk: could not read the pasted citations:', error);
  }
  if (!current(view, id)) return;
  view.dispatch(view.state.tr.setMeta(clipboardKey, meta).setMeta('addToHistory', false));
}

/** Converts the offered paste into footnotes (one undo step of its own); false when there is no offer. */
export const convertPaste: Command = (state, dispatch) => {
  const offer = pasteOfferOf(state);
  if (!offer) return false;
  if (dispatch) {
    const tr = closeHistory(state.tr.replaceRange(offer.from, offer.to, offer.content.slice));
    tr.setMeta(clipboardKey, { clear: true } satisfies PasteMeta).setMeta('uiEvent', 'paste');
    dispatch(carry(tr.scrollIntoView(), offer.content.carried));
  }
  return true;
};

/** Withdraws the offer, keeping the pasted text as it is; false when there is no offer. */
export const keepPaste: Command = (state, dispatch) => {
  if (!pasteOfferOf(state)) return false;
  dispatch?.(state.tr.setMeta(clipboardKey, { clear: true } satisfies PasteMeta).setMeta('addToHistory', false));
  return true;
};

/** The sentence of an offer: "This text has 3 citations and 2 sources. Turn them into footnotes?" */
export function offerSentence(offer: Pick<PasteOffer, 'citations' | 'sources'>): string {
  const n = (count: number, word: string): string => `${String(count)} ${word}${count === 1 ? '' : 's'}`;
  return `This text has ${n(offer.citations, 'citation')} and ${n(offer.sources, 'source')}. Turn them into footnotes?`;
}

const bars = new WeakMap<EditorView, PasteOfferBar>();

/** Puts the focus on the open offer's Convert button; false when no offer is showing. */
export function focusPasteOffer(view: EditorView): boolean {
  return bars.get(view)?.focus() ?? false;
}

/** The offer bar under the text (the clipboard plugin's view; see the module comment). */
export class PasteOfferBar {
  private readonly bar: HTMLElement;
  private readonly text: HTMLElement;
  private readonly live: HTMLElement;
  private readonly convert: HTMLButtonElement;
  private shown: ClipboardContent | null = null;
  /** The paste whose analysis `data-paste-analysis` describes. */
  private analysed = 0;

  constructor(private readonly view: EditorView) {
    const doc = view.dom.ownerDocument;
    this.live = el(doc, 'div', { class: 'cd-paste-offer-live', role: 'status' });
    this.text = el(doc, 'p', { class: 'cd-paste-offer-text', id: `cd-paste-offer-${String(++lastId)}` });
    this.convert = el(doc, 'button', { type: 'button', class: 'cd-paste-offer-convert' }, ['Convert to footnotes']);
    const keep = el(doc, 'button', { type: 'button', class: 'cd-paste-offer-keep' }, ['Keep as text']);
    this.bar = el(doc, 'div', { class: 'cd-paste-offer', role: 'group', 'aria-label': 'Citations in the pasted text', 'aria-describedby': this.text.id, hidden: true }, [
      this.text,
      el(doc, 'div', { class: 'cd-paste-offer-actions' }, [this.convert, keep]),
    ]);
    this.convert.addEventListener('click', () => this.run(convertPaste));
    keep.addEventListener('click', () => this.run(keepPaste));
    this.bar.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.run(keepPaste);
    });
    view.dom.after(this.bar, this.live);
    bars.set(view, this);
  }

  private run(command: Command): void {
    command(this.view.state, this.view.dispatch);
    this.view.focus();
  }

  /** Sets `data-paste-analysis` (see the module comment); a late "done" of an older paste is ignored. */
  showAnalysis(id: number, state: 'none' | 'pending' | 'done'): void {
    if (state === 'done' && id !== this.analysed) return;
    this.analysed = id;
    this.bar.dataset.pasteAnalysis = state;
  }

  /** Focuses Convert; false when the bar is hidden. */
  focus(): boolean {
    if (this.bar.hidden) return false;
    this.convert.focus();
    return true;
  }

  /** Shows, changes or hides the bar after a state update. */
  update(): void {
    const offer = pasteOfferOf(this.view.state);
    if ((offer?.content ?? null) === this.shown) return;
    this.shown = offer?.content ?? null;
    const hadFocus = this.bar.contains(this.bar.ownerDocument.activeElement);
    if (offer) {
      const sentence = offerSentence(offer);
      this.text.textContent = sentence;
      this.live.textContent = `${sentence} Press Tab to choose, or Escape to keep the text as it is.`;
    } else {
      this.live.textContent = '';
    }
    this.bar.hidden = offer === null;
    if (!offer && hadFocus) this.view.focus();
  }

  destroy(): void {
    bars.delete(this.view);
    this.bar.remove();
    this.live.remove();
  }
}
