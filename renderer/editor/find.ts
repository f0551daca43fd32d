/**
 * Find and replace in the article (Edit > Find…, the shell's find bar).
 *
 * Matching is prosemirror-search's `SearchQuery` (case, whole word, literal text; see
 * find-search.ts). It searches the ProseMirror document, not the DOM, so matches in
 * blocks the browser has not rendered (`content-visibility: auto`) are found like any other. It
 * sees the text of textblocks: headline, standfirst, body, list items, quotes and captions. Atoms
 * are one placeholder character (U+FFFC) to it, so a citation's source id, a "Read also" item
 * and a source (their fields are attributes) are never matched, nor changed by Replace all.
 * Replacement text is literal and takes the marks present across the whole match.
 *
 * Not prosemirror-search's own `search()` plugin: it searches the whole document again after
 * every transaction that changes the document or the selection, and each match restarts the scan
 * from the document's first block, on every key typed while the bar is open (the cost at 100,000
 * words is in renderer/editor/README.md, "Find and replace"). This plugin keeps the matches as a decoration set: a new query
 * searches every textblock once, one by one; an edit maps the set and searches again only the
 * textblocks that the edit touched; a selection change swaps at most two decorations (the
 * active match). With the bar closed it holds no query and does nothing per transaction.
 * Only the matches in the blocks around the viewport (and the selected one) are drawn: drawing
 * every match of a common word at 100,000 words made ProseMirror redraw as many paragraphs (the
 * figures are in renderer/editor/README.md); find-view.ts measures the window, which follows the
 * article's scrolling.
 *
 * The bar's open state lives here too, so the editor's own shortcuts (Ctrl/Cmd+F, F3…; see
 * keymap.ts) open it without the shell: `findStatus(state).request` grows on each request to
 * focus the bar's field.
 */
import { closeHistory } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, TextSelection, type Command, type EditorState, type Selection, type Transaction } from 'prosemirror-state';
import type { SearchQuery } from 'prosemirror-search';
import { hasDeletion } from '../../shared/review/accepted';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { changedRange } from './changed-range';
import { matchesInBlock, searchDocument, toSearchQuery, type FindQuery, type Match } from './find-search';
import { blocksInView, revealNear, scrollerOf, type PosRange } from './find-view';

export { matchesInBlock, searchDocument, toSearchQuery, type FindQuery, type Match } from './find-search';

/** Class of every match (style it in the shell; FindBar.css does). */
export const MATCH_CLASS = 'ProseMirror-search-match';
/** Class added to the match that is selected. */
export const ACTIVE_MATCH_CLASS = 'ProseMirror-active-search-match';

/** Which part of the bar a request opens. */
export type FindMode = 'find' | 'replace';

interface FindState {
  readonly open: boolean;
  readonly mode: FindMode;
  readonly query: SearchQuery;
  readonly set: DecorationSet;
  readonly count: number;
  readonly active: Match | null;
  readonly request: number;
  /** The blocks around the viewport (find-view.ts); null: no view has measured it (tests). */
  readonly window: PosRange | null;
  /** The highlights drawn: the matches in `window`, and the active one. */
  readonly shown: DecorationSet;
}

type FindMeta =
  | { readonly kind: 'open'; readonly mode: FindMode; readonly focus: boolean; readonly query: SearchQuery; readonly matches: readonly Match[] | null; readonly window: PosRange | null }
  | { readonly kind: 'close' }
  | { readonly kind: 'query'; readonly query: SearchQuery; readonly matches: readonly Match[] }
  | { readonly kind: 'window'; readonly window: PosRange };

/** The plugin's key. */
export const findKey = new PluginKey<FindState>('copydesk-find');

const plain = (m: Match): Decoration => Decoration.inline(m.from, m.to, { class: MATCH_CLASS }, { match: true });
const activeDeco = (m: Match): Decoration => Decoration.inline(m.from, m.to, { class: `${MATCH_CLASS} ${ACTIVE_MATCH_CLASS}` }, { match: true, active: true });

// Marks the match equal to the selection (if any) active, and the previous active one plain.
function markActive(set: DecorationSet, doc: PMNode, was: Match | null, selection: Selection): { set: DecorationSet; active: Match | null } {
  let next = set;
  if (was) {
    const old = next.find(was.from, was.to, (spec: { active?: boolean }) => spec.active === true);
    // (`remove` empties the array it is given: build the replacements first.)
    if (old.length > 0) {
      const plainAgain = old.map(plain);
      next = next.remove(old).add(doc, plainAgain);
    }
  }
  if (selection.empty) return { set: next, active: null };
  const hit = next.find(selection.from, selection.to).filter((d) => d.from === selection.from && d.to === selection.to);
  if (hit.length === 0) return { set: next, active: null };
  const active = { from: selection.from, to: selection.to };
  return { set: next.remove(hit).add(doc, [activeDeco(active)]), active };
}

function withMatches(value: FindState, doc: PMNode, selection: Selection, matches: readonly Match[]): FindState {
  const { set, active } = markActive(DecorationSet.create(doc, matches.map(plain)), doc, null, selection);
  return { ...value, set, active, count: matches.length };
}

const closed = (value: FindState): FindState => ({ ...value, open: false, set: DecorationSet.empty, count: 0, active: null, window: null, shown: DecorationSet.empty });

// The decorations to draw for `next` (reusing `before`'s when nothing they depend on changed).
function withShown(next: FindState, before: FindState, doc: PMNode): FindState {
  if (next.set === before.set && next.window === before.window) return next.shown === before.shown ? next : { ...next, shown: before.shown };
  const w = next.window;
  if (!w) return { ...next, shown: next.set };
  const inside = next.set.find(w.from, w.to);
  const a = next.active;
  const extra = a && (a.to < w.from || a.from > w.to) ? next.set.find(a.from, a.to, (spec: { active?: boolean }) => spec.active === true) : [];
  return { ...next, shown: DecorationSet.create(doc, [...inside, ...extra]) };
}

// The window mapped through an edit.
function mapWindow(window: PosRange | null, tr: Transaction): PosRange | null {
  return window && { from: tr.mapping.map(window.from, -1), to: tr.mapping.map(window.to, 1) };
}

// An edit while the bar is open: map the matches, search again the textblocks the edit touched.
function afterEdit(value: FindState, tr: Transaction, before: PMNode): FindState {
  const doc = tr.doc;
  let set = value.set.map(tr.mapping, doc);
  let count = value.count;
  const range = changedRange(tr);
  if (range) {
    // The touched textblocks, and the textblocks right beside the change (a join, a split).
    let lo = range.from;
    let hi = range.to;
    const removed: Decoration[] = [];
    const added: Match[] = [];
    doc.nodesBetween(Math.max(0, range.from - 1), Math.min(doc.content.size, range.to + 1), (node, pos) => {
      if (!node.isTextblock) {
        if (!hasDeletion(node.marks)) return true;
        // A block a suggestion deletes: its old matches go, nothing in it is found.
        lo = Math.min(lo, pos);
        hi = Math.max(hi, pos + node.nodeSize);
        removed.push(...set.find(pos, pos + node.nodeSize));
        return false;
      }
      const start = pos + 1;
      const end = start + node.content.size;
      lo = Math.min(lo, start);
      hi = Math.max(hi, end);
      removed.push(...set.find(start, end));
      added.push(...matchesInBlock(value.query, node, start));
      return false;
    });
    // The count: the old matches in the same region of the old document go, the new ones come.
    const back = tr.mapping.invert();
    const oldLo = Math.max(0, back.map(lo, -1));
    const oldHi = Math.min(before.content.size, back.map(hi, 1));
    count += added.length - value.set.find(oldLo, oldHi).length;
    set = set.remove(removed).add(doc, added.map(plain));
  }
  const was = value.active ? { from: tr.mapping.map(value.active.from, 1), to: tr.mapping.map(value.active.to, -1) } : null;
  const marked = markActive(set, doc, was, tr.selection);
  return { ...value, set: marked.set, active: marked.active, count, window: mapWindow(value.window, tr) };
}

/** The find plugin (register once; see the module comment). */
export function findPlugin(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => ({ open: false, mode: 'find', query: toSearchQuery({ search: '' }), set: DecorationSet.empty, count: 0, active: null, request: 0, window: null, shown: DecorationSet.empty }),
      apply(tr, value, oldState, state) {
        const next = applyFind(tr, value, oldState.doc, state);
        return next === value ? value : withShown(next, value, state.doc);
      },
    },
    props: {
      decorations: (state) => findKey.getState(state)?.shown ?? null,
    },
    view: (view) => windowKeeper(view),
  });
}

// The plugin state after `tr` (before `shown` is brought up to date).
function applyFind(tr: Transaction, value: FindState, before: PMNode, state: EditorState): FindState {
  const meta = tr.getMeta(findKey) as FindMeta | undefined;
  if (meta?.kind === 'close') return closed(value);
  if (meta?.kind === 'window') return value.open ? { ...value, window: meta.window } : value;
  if (meta?.kind === 'query') return withMatches({ ...value, query: meta.query, window: mapWindow(value.window, tr) }, state.doc, state.selection, meta.matches);
  if (meta?.kind === 'open') {
    let next: FindState = { ...value, open: true, mode: meta.mode, query: meta.query, request: value.request + (meta.focus ? 1 : 0), window: meta.window ?? mapWindow(value.window, tr) };
    if (meta.matches) next = withMatches(next, state.doc, state.selection, meta.matches);
    else if (tr.docChanged) next = afterEdit(next, tr, before);
    else if (tr.selectionSet) next = { ...next, ...markActive(next.set, state.doc, next.active, state.selection) };
    return next;
  }
  if (!value.open || !value.query.valid) return value;
  if (tr.docChanged) return afterEdit(value, tr, before);
  if (tr.selectionSet) {
    const sel = state.selection;
    if (value.active && value.active.from === sel.from && value.active.to === sel.to) return value;
    if (!value.active && sel.empty) return value;
    return { ...value, ...markActive(value.set, state.doc, value.active, sel) };
  }
  return value;
}

/**
 * Keeps the window on the viewport while the bar is open: on scroll (once per frame), when the
 * blocks within half a screen of the viewport are no longer all inside it, it becomes the blocks
 * within two screens (a transaction with only that; nothing happens while the bar is closed).
 */
function windowKeeper(view: EditorView): { update: (view: EditorView, previous: EditorState) => void; destroy: () => void } {
  let scroller: HTMLElement | null = null;
  let frame = 0;
  const check = (): void => {
    frame = 0;
    const s = findKey.getState(view.state);
    if (view.isDestroyed || !s?.open || !s.query.valid) return;
    const need = blocksInView(view, 0.5);
    if (!need || (s.window && s.window.from <= need.from && s.window.to >= need.to)) return;
    const wide = blocksInView(view, 2);
    if (wide) view.dispatch(view.state.tr.setMeta(findKey, { kind: 'window', window: wide } satisfies FindMeta));
  };
  const schedule = (): void => {
    if (frame === 0) frame = requestAnimationFrame(check);
  };
  return {
    update(v, previous) {
      const s = findKey.getState(v.state);
      if (!s?.open || s === findKey.getState(previous)) return;
      if (!scroller) {
        scroller = scrollerOf(v);
        scroller?.addEventListener('scroll', schedule, { passive: true });
      }
      schedule();
    },
    destroy() {
      scroller?.removeEventListener('scroll', schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    },
  };
}

/** What the find bar shows. */
export interface FindStatus {
  readonly open: boolean;
  readonly mode: FindMode;
  /** The current query (kept while the bar is closed, to open it again as it was). */
  readonly search: string;
  readonly caseSensitive: boolean;
  readonly wholeWord: boolean;
  /** How many matches. */
  readonly count: number;
  /** 1-based number of the selected match, 0 when the selection is not a match. */
  readonly current: number;
  /** Grows on each request to focus the bar's search field (it then shows `search`). */
  readonly request: number;
}

/** The find bar's figures (the match number costs a look at the matches before it). */
export function findStatus(state: EditorState): FindStatus {
  const s = findKey.getState(state);
  if (!s) return { open: false, mode: 'find', search: '', caseSensitive: false, wholeWord: false, count: 0, current: 0, request: 0 };
  const active = s.active;
  const current = active ? s.set.find(0, active.from).filter((d) => d.from < active.from).length + 1 : 0;
  const q = s.query;
  return { open: s.open, mode: s.mode, search: q.search, caseSensitive: q.caseSensitive, wholeWord: q.wholeWord, count: s.count, current, request: s.request };
}

/** Whether two statuses show the same (for `useEditorValue`). */
export function sameFindStatus(a: FindStatus, b: FindStatus): boolean {
  return (Object.keys(a) as (keyof FindStatus)[]).every((k) => a[k] === b[k]);
}

/** Every current match, in document order (empty while the bar is closed). */
export function findMatches(state: EditorState): Match[] {
  const s = findKey.getState(state);
  if (!s) return [];
  return s.set
    .find()
    .map((d) => ({ from: d.from, to: d.to }))
    .sort((a, b) => a.from - b.from);
}

// Text selected within one textblock, short enough to be a query.
function selectedText(state: EditorState): string | null {
  const { selection } = state;
  if (!(selection instanceof TextSelection) || selection.empty || !selection.$from.sameParent(selection.$to)) return null;
  const text = state.doc.textBetween(selection.from, selection.to, ' ', ' ');
  return text.trim() === '' || text.length > 200 ? null : text;
}

/**
 * Opens the bar (or asks it to focus its field again). Text selected in one textblock becomes
 * the query (the selection is then its first match); otherwise the last query is searched again.
 */
export function openFind(mode: FindMode = 'find'): Command {
  return (state, dispatch, view) => {
    const s = findKey.getState(state);
    if (!s) return false;
    if (!dispatch) return true;
    const prefill = selectedText(state);
    const query = prefill === null ? s.query : toSearchQuery({ search: prefill, caseSensitive: s.query.caseSensitive, wholeWord: s.query.wholeWord });
    const matches = s.open && prefill === null ? null : searchDocument(state.doc, query);
    const window = s.open || !view ? null : blocksInView(view, 2);
    dispatch(state.tr.setMeta(findKey, { kind: 'open', mode, focus: true, query, matches, window } satisfies FindMeta));
    return true;
  };
}

/** Sets the window of drawn highlights (find-view.ts measures it; exported for tests). */
export function setFindWindow(window: PosRange): Command {
  return (state, dispatch) => {
    if (!findKey.getState(state)?.open) return false;
    dispatch?.(state.tr.setMeta(findKey, { kind: 'window', window } satisfies FindMeta));
    return true;
  };
}

/** The highlights drawn now (the matches in the window, and the selected one). */
export function shownMatches(state: EditorState): Match[] {
  return (findKey.getState(state)?.shown.find() ?? []).map((d) => ({ from: d.from, to: d.to })).sort((x, y) => x.from - y.from);
}

/** Closes the bar: the highlights go, the query is kept for next time. */
export const closeFind: Command = (state, dispatch) => {
  if (!findKey.getState(state)?.open) return false;
  dispatch?.(state.tr.setMeta(findKey, { kind: 'close' } satisfies FindMeta));
  return true;
};

// The first match at or after `pos`, else the first one (wrapping).
function firstFrom(matches: readonly Match[], pos: number): Match | undefined {
  return matches.find((m) => m.from >= pos) ?? matches[0];
}

// Selects `m` (no `scrollIntoView`: see revealNear).
function selectMatch(tr: Transaction, m: Match): Transaction {
  return tr.setSelection(TextSelection.create(tr.doc, m.from, m.to));
}

function dispatchAndReveal(view: EditorView | undefined, dispatch: (tr: Transaction) => void, tr: Transaction, previous: Selection): void {
  dispatch(tr);
  if (view && tr.selectionSet) revealNear(view, previous);
}

/**
 * Searches for `q` (the bar calls it as the query changes): every match is highlighted and the
 * first one at or after the selection's start is selected and scrolled to. A walk over the
 * document's textblocks.
 */
export function setFindQuery(q: FindQuery): Command {
  return (state, dispatch, view) => {
    const s = findKey.getState(state);
    if (!s?.open) return false;
    if (!dispatch) return true;
    const query = toSearchQuery(q);
    const matches = searchDocument(state.doc, query);
    const tr = state.tr.setMeta(findKey, { kind: 'query', query, matches } satisfies FindMeta);
    const target = firstFrom(matches, state.selection.from);
    if (target) selectMatch(tr, target);
    dispatchAndReveal(view, dispatch, tr, state.selection);
    return true;
  };
}

function step(dir: 1 | -1): Command {
  return (state, dispatch, view) => {
    const s = findKey.getState(state);
    if (!s?.query.valid) return false;
    const { from, to } = state.selection;
    let matches: readonly Match[];
    let tr = state.tr;
    if (s.open) matches = findMatches(state);
    else {
      // F3 with the bar closed: open it again (without taking the focus) on the last query.
      matches = searchDocument(state.doc, s.query);
      tr = tr.setMeta(findKey, { kind: 'open', mode: s.mode, focus: false, query: s.query, matches, window: view ? blocksInView(view, 2) : null } satisfies FindMeta);
    }
    const target = dir > 0 ? (matches.find((m) => m.from >= to) ?? matches[0]) : ([...matches].reverse().find((m) => m.to <= from) ?? matches.at(-1));
    if (!target && s.open) return false;
    if (!dispatch) return true;
    if (target) selectMatch(tr, target);
    dispatchAndReveal(view, dispatch, tr, state.selection);
    return true;
  };
}

/** Selects the next match after the selection (wrapping to the first). */
export const findNext: Command = step(1);
/** Selects the previous match before the selection (wrapping to the last). */
export const findPrevious: Command = step(-1);

/**
 * Replaces `m` (a range of the transaction's first document) with `text`, which takes the marks
 * present across the whole match. Literal text: not SearchQuery's `getReplacements`, whose `$&`
 * and `$1` placeholders would eat a reporter's "$5" (and which drops a leading "$$").
 */
function replaceIn(tr: Transaction, m: Match, text: string): void {
  const from = tr.mapping.map(m.from, 1);
  const to = tr.mapping.map(m.to, -1);
  if (text === '') {
    tr.delete(from, to);
    return;
  }
  const marks = tr.doc.resolve(from).marksAcross(tr.doc.resolve(to)) ?? [];
  tr.replaceWith(from, to, tr.doc.type.schema.text(text, marks));
}

/**
 * Replaces the selected match with `text` (its own undo step) and selects the next match; when
 * the selection is not a match, selects the next one (a second Replace replaces it).
 */
export function replaceMatch(text: string): Command {
  return (state, dispatch, view) => {
    const s = findKey.getState(state);
    if (!s?.open || !s.query.valid) return false;
    if (!s.active) return findNext(state, dispatch, view);
    if (!dispatch) return true;
    const current = s.active;
    const matches = findMatches(state);
    const next = matches.find((m) => m.from >= current.to) ?? matches.find((m) => m.to <= current.from);
    const tr = closeHistory(state.tr);
    replaceIn(tr, current, text);
    if (next) selectMatch(tr, { from: tr.mapping.map(next.from, 1), to: tr.mapping.map(next.to, -1) });
    dispatchAndReveal(view, dispatch, tr, state.selection);
    return true;
  };
}

/** Replaces every match with `text`, in one undo step. */
export function replaceAll(text: string): Command {
  return (state, dispatch) => {
    const s = findKey.getState(state);
    if (!s?.open || s.count === 0) return false;
    if (!dispatch) return true;
    const tr = closeHistory(state.tr);
    for (const m of findMatches(state)) replaceIn(tr, m, text);
    dispatch(tr);
    return true;
  };
}
