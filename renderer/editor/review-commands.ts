/**
 * The review commands of the editor (the shortcuts of shared/commands.ts, the review panel's
 * buttons): go to the next or previous change, accept or reject one suggestion, all of them or
 * all of one author, each as one transaction (undo takes it back), refused in Viewing mode, the
 * cursor landing on the next change afterwards. And the review focus plugin: which thread and
 * which suggestion are active (the thread the cursor is in; a thread or suggestion whose card
 * has the focus), shown
 * stronger in the text (`cd-comment-active`, `cd-change-active`), and which card the last
 * selection came from (Escape goes back to it).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { NodeSelection, Plugin, PluginKey, TextSelection, type Command, type EditorState, type Selection, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { keydownHandler } from 'prosemirror-keymap';
import { commandKeys, type CommandId } from '../../shared/commands';
import { isSuggestionMark, type Decision, type SuggestionFilter } from '../../shared/review/resolve';
import { hooksFor } from './hooks';
import { decideSuggestions } from '../../shared/review/resolve';
import { reviewIndexOf } from './review-actions';
import { asReviewDecision, reviewModeOf } from './review-mode';
import { landingAfter, reviewStops, stopFrom, suggestionAt } from './review-list';
import { MAC } from './platform';
import { centreWithin } from './scroll-within';

/** What the review focus plugin keeps. */
export interface ReviewFocus {
  /** The thread whose card has the focus, or null. */
  readonly thread: string | null;
  /** The suggestion whose card has the focus, or null. */
  readonly suggestion: string | null;
  /** The card the current selection was made from (Escape returns to it), or null. */
  readonly returnTo: string | null;
  /** The active thread and suggestion (focused card, else under the cursor). */
  readonly activeThread: string | null;
  readonly activeSuggestion: string | null;
  readonly decorations: DecorationSet;
}

type FocusMeta = Partial<Pick<ReviewFocus, 'thread' | 'suggestion' | 'returnTo'>>;

/** The review focus plugin's key. */
export const reviewFocusKey = new PluginKey<ReviewFocus>('copydesk-review-focus');

/** `tr` with the card focus changed (`thread`/`suggestion`: the card that has the focus, null when none). */
export function setReviewFocus(tr: Transaction, focus: FocusMeta): Transaction {
  return tr.setMeta(reviewFocusKey, focus);
}

/** The review focus of `state` (none without the plugin). */
export function reviewFocusOf(state: EditorState): ReviewFocus | undefined {
  return reviewFocusKey.getState(state);
}


/** The thread under the cursor (a comment mark on the text on either side of it, or on the selected node). */
function threadUnderCursor(state: EditorState): string | null {
  const { $from } = state.selection;
  const marks = [...(state.selection instanceof NodeSelection ? state.selection.node.marks : []), ...($from.nodeBefore?.marks ?? []), ...($from.nodeAfter?.marks ?? [])];
  const comment = marks.find((mark) => mark.type.name === 'comment');
  return comment ? (comment.attrs.thread as string) : null;
}

/** The decorations that show thread `thread` and suggestion `suggestion` stronger. */
function activeDecorations(doc: PMNode, thread: string | null, suggestion: string | null): DecorationSet {
  if (thread === null && suggestion === null) return DecorationSet.empty;
  const found: Decoration[] = [];
  doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      const cls =
        mark.type.name === 'comment' && mark.attrs.thread === thread ? 'cd-comment-active' : isSuggestionMark(mark) && mark.attrs.id === suggestion ? 'cd-change-active' : null;
      if (cls === null) continue;
      found.push(node.isInline ? Decoration.inline(pos, pos + node.nodeSize, { class: cls }) : Decoration.node(pos, pos + node.nodeSize, { class: cls }));
    }
    return true;
  });
  return DecorationSet.create(doc, found);
}

let readOnlyKeys: ((view: EditorView, event: KeyboardEvent) => boolean) | null = null;

/** The review keys that work in a read-only editor, from the command table. */
function readOnlyKeydown(): (view: EditorView, event: KeyboardEvent) => boolean {
  const commands: Partial<Record<CommandId, Command>> = { 'review-comment': requestComment, 'review-next': goToChange(1), 'review-previous': goToChange(-1), 'review-back-to-card': backToCard };
  const bindings: Record<string, Command> = {};
  for (const [id, command] of Object.entries(commands) as [CommandId, Command][]) for (const key of commandKeys(id, MAC)) bindings[key] = command;
  return keydownHandler(bindings);
}

/** The review focus plugin. */
export function reviewFocusPlugin(): Plugin<ReviewFocus> {
  return new Plugin<ReviewFocus>({
    key: reviewFocusKey,
    state: {
      init: (_config, state) => {
        const thread = threadUnderCursor(state);
        return { thread: null, suggestion: null, returnTo: null, activeThread: thread, activeSuggestion: null, decorations: activeDecorations(state.doc, thread, null) };
      },
      apply: (tr, prev, _old, state) => {
        const meta = tr.getMeta(reviewFocusKey) as FocusMeta | undefined;
        const thread = meta && 'thread' in meta ? (meta.thread ?? null) : prev.thread;
        const suggestion = meta && 'suggestion' in meta ? (meta.suggestion ?? null) : prev.suggestion;
        const returnTo = meta && 'returnTo' in meta ? (meta.returnTo ?? null) : tr.docChanged || tr.selectionSet ? null : prev.returnTo;
        if (!meta && !tr.docChanged && !tr.selectionSet) return prev;
        // The thread under the cursor is active; a suggestion only from its card (the one being typed would flash).
        const activeThread = thread ?? threadUnderCursor(state);
        const activeSuggestion = suggestion;
        // Walks the document only when what is active changes (or the document does while something is).
        const same = activeThread === prev.activeThread && activeSuggestion === prev.activeSuggestion;
        const decorations =
          same && !tr.docChanged ? prev.decorations : activeThread === null && activeSuggestion === null ? DecorationSet.empty : same ? prev.decorations.map(tr.mapping, tr.doc) : activeDecorations(state.doc, activeThread, activeSuggestion);
        return { thread, suggestion, returnTo, activeThread, activeSuggestion, decorations };
      },
    },
    props: {
      decorations: (state) => reviewFocusKey.getState(state)?.decorations,
      handleDOMEvents: {
        // A read-only editor (Viewing mode) skips its keymaps; commenting and moving between changes still work there.
        keydown: (view, event) => {
          if (view.editable) return false;
          if (!readOnlyKeys) readOnlyKeys = readOnlyKeydown();
          if (!readOnlyKeys(view, event)) return false;
          event.preventDefault();
          return true;
        },
      },
    },
  });
}

const REVIEW_NOW = 'copydesk-review-now';

/** `tr` marked as a review action whose result the review panel shows at once (not after a pause). */
export function reviewNow(tr: Transaction): Transaction {
  return tr.setMeta(REVIEW_NOW, true);
}

/** Whether `tr` was marked by `reviewNow`. */
export function isReviewNow(tr: Transaction): boolean {
  return tr.getMeta(REVIEW_NOW) === true;
}

/** The selection of `from`–`to`: the node when it is one selectable atom, else the text between. */
export function rangeSelection(doc: PMNode, from: number, to: number): Selection {
  const node = doc.nodeAt(from);
  if (node && from + node.nodeSize === to && NodeSelection.isSelectable(node) && (node.isAtom || !node.isTextblock)) return NodeSelection.create(doc, from);
  const size = doc.content.size;
  return TextSelection.between(doc.resolve(Math.min(from, size)), doc.resolve(Math.min(to, size)));
}

/** Centres the selection's start in the article column (only there, as `EditorStore.reveal`). */
export function centreSelection(view: EditorView): void {
  const selection = view.state.selection;
  const target = view.nodeDOM(selection.from);
  const { node } = view.domAtPos(selection.from);
  const element = target instanceof Element ? target : node instanceof Element ? node : node.parentElement;
  if (element) centreWithin(element, () => !view.isDestroyed && view.state.selection.eq(selection));
}

function dispatchAndShow(tr: Transaction, dispatch: (tr: Transaction) => void, view: EditorView | undefined): void {
  dispatch(tr);
  if (view) centreSelection(view);
}

/** Next (`dir` 1) or previous (-1) change: selects the next pending suggestion or open thread, wrapping around. */
export function goToChange(dir: 1 | -1): Command {
  return (state, dispatch, view) => {
    const stop = stopFrom(reviewStops(reviewIndexOf(state)), state.selection.from, dir);
    if (!stop) return false;
    if (dispatch) dispatchAndShow(state.tr.setSelection(rangeSelection(state.doc, stop.from, stop.to)), dispatch, view);
    return true;
  };
}

/**
 * Accepts or rejects the suggestions `filter` picks, in one transaction, the cursor landing on
 * the next suggestion after `at` (default: where the first decided one was). False in Viewing
 * mode or when nothing is picked.
 */
export function decideWhere(decision: Decision, filter: SuggestionFilter, at?: number): Command {
  return (state, dispatch, view) => {
    if (reviewModeOf(state) === 'viewing') return false;
    const picked = reviewIndexOf(state).suggestions.filter((s) => filter(s));
    const first = picked[0];
    if (!first) return false;
    if (!dispatch) return true;
    const tr = reviewNow(asReviewDecision(state.tr));
    decideSuggestions(tr, decision, filter);
    if (!tr.docChanged) return false;
    const landing = landingAfter(reviewIndexOf(tr.doc), tr.mapping.map(at ?? first.from, -1));
    if (landing) tr.setSelection(rangeSelection(tr.doc, landing.from, landing.to));
    else tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(tr.mapping.map(at ?? first.from, -1), tr.doc.content.size))));
    dispatchAndShow(tr, dispatch, view);
    return true;
  };
}

/** Accepts or rejects suggestion `id`. */
export function decideOne(decision: Decision, id: string): Command {
  return decideWhere(decision, (s) => s.id === id);
}

/** Accepts or rejects the suggestion at the cursor (or whose card has the focus). */
export function decideCurrent(decision: Decision): Command {
  return (state, dispatch, view) => {
    const focused = reviewFocusOf(state)?.suggestion ?? null;
    const id = focused ?? suggestionAt(reviewIndexOf(state), state.selection.from, state.selection.to)?.id;
    return id === undefined || id === null ? false : decideOne(decision, id)(state, dispatch, view);
  };
}

/** Ctrl/Cmd+Alt+M: asks the shell for the comment composer (nothing without the hook). */
export const requestComment: Command = (_state, _dispatch, view) => {
  const hook = view ? hooksFor(view).onCommentRequest : undefined;
  if (!view || !hook) return false;
  hook(view);
  return true;
};

/** Escape after a card selected its place: back to that card (nothing otherwise). */
export const backToCard: Command = (state, _dispatch, view) => {
  const id = reviewFocusOf(state)?.returnTo ?? null;
  const hook = view ? hooksFor(view).onReviewCardRequest : undefined;
  if (id === null || !view || !hook) return false;
  hook(id, view);
  return true;
};
