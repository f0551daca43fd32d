/**
 * The open draft's editor state, as the shell watches it. The editor core calls `onTransaction`
 * after every transaction; components read what they need through `useEditorValue(store,
 * select, equal)`, which re-renders them only when their selected value changes. Selectors must
 * be cheap (read plugin states, the selection, the headline): nothing here walks or serialises
 * the document per keystroke.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { NodeSelection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { createEditorState } from '../../editor/create-editor';
import { typographyOn } from '../../editor/input-rules';
import { isReadOnly } from '../../editor/read-only';
import { dispatchInMode, reviewModeStateOf } from '../../editor/review-mode';
import { centreWithin } from '../../editor/scroll-within';
import type { Listener } from './observable';

// The element holding document position `pos` (a text node's parent).
function elementAt(view: EditorView, pos: number): Element | null {
  const { node } = view.domAtPos(pos);
  return node instanceof Element ? node : node.parentElement;
}

/** Called after each transaction (and after a whole new state, with `tr` null). */
export type TransactionListener = (state: EditorState, tr: Transaction | null) => void;

/** The editor state of one open draft, and its view once mounted. */
export class EditorStore {
  private current: EditorState;
  private editorView: EditorView | null = null;
  private readonly listeners = new Set<TransactionListener>();

  constructor(state: EditorState) {
    this.current = state;
  }

  /** The current editor state. */
  readonly getState = (): EditorState => this.current;

  /** The mounted view, or null before the canvas mounts it. */
  get view(): EditorView | null {
    return this.editorView;
  }

  /** The canvas mounted (`view`) or unmounted (`null`) the editor. */
  attach(view: EditorView | null): void {
    this.editorView = view;
    if (view) this.current = view.state;
  }

  /** Called by the editor after each transaction. */
  readonly onTransaction = (state: EditorState, tr: Transaction): void => {
    this.current = state;
    this.emit(state, tr);
  };

  /** Calls `listener` after each transaction; returns the function that stops it. */
  listen(listener: TransactionListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** `useSyncExternalStore`'s subscribe. */
  readonly subscribe = (listener: Listener): (() => void) => this.listen(() => listener());

  /** Runs `command` on the view; focuses the editor afterwards unless `focus` is false. */
  run(command: Command, focus = true): boolean {
    const view = this.editorView;
    if (!view) return false;
    const done = command(view.state, view.dispatch, view);
    if (focus) view.focus();
    return done;
  }

  /**
   * Applies `tr` (made on the current state) as the view would, through the review mode; works
   * before the canvas mounts the view too. False when the mode refused it.
   */
  dispatch(tr: Transaction): boolean {
    const view = this.editorView;
    if (view) {
      const before = view.state;
      view.dispatch(tr);
      return view.state !== before;
    }
    const outcome = dispatchInMode(this.current, tr);
    if (!outcome.ok) return false;
    this.current = this.current.apply(outcome.tr);
    this.emit(this.current, outcome.tr);
    return true;
  }

  /** True when `command` applies to the current state (to enable a button). */
  can(command: Command): boolean {
    return command(this.current, undefined, this.editorView ?? undefined);
  }

  /**
   * Replaces the document (a reload from disk): a fresh state with every plugin and no undo
   * history, the typographic switch, the review mode and read-only kept, the cursor near where it was.
   */
  replaceDoc(doc: PMNode): void {
    const before = this.current;
    let state = createEditorState(doc, { typography: typographyOn(before), review: reviewModeStateOf(before), readOnly: isReadOnly(before) });
    const at = Math.min(before.selection.from, state.doc.content.size - 1);
    const selection = TextSelection.between(state.doc.resolve(at), state.doc.resolve(at));
    state = state.apply(state.tr.setSelection(selection).setMeta('addToHistory', false));
    this.current = state;
    this.editorView?.updateState(state);
    this.emit(state, null);
  }

  /**
   * Selects the node at `pos` (a citation, a source) or puts the cursor there, centres it in the
   * article column (only there: the shell around it does not move), focuses the editor.
   */
  reveal(pos: number): void {
    const view = this.editorView;
    if (!view) return;
    const doc = view.state.doc;
    const at = Math.max(0, Math.min(pos, doc.content.size));
    const node = doc.nodeAt(at);
    let tr = view.state.tr;
    if (node && NodeSelection.isSelectable(node) && (node.isAtom || node.type.name === 'figure')) tr = tr.setSelection(NodeSelection.create(doc, at));
    else {
      const inside = node && node.isBlock ? at + 1 : at;
      tr = tr.setSelection(TextSelection.near(doc.resolve(Math.min(inside, doc.content.size))));
    }
    view.dispatch(tr);
    view.focus();
    // Centred in the article column only: Element.scrollIntoView (and ProseMirror's scroll, which
    // walks every ancestor) would also move the shell around the column (scroll-within.ts).
    const selection = view.state.selection;
    const target = view.nodeDOM(at);
    const element = target instanceof Element ? target : elementAt(view, selection.head);
    if (element) centreWithin(element, () => !view.isDestroyed && view.state.selection.eq(selection));
  }

  private emit(state: EditorState, tr: Transaction | null): void {
    for (const listener of [...this.listeners]) listener(state, tr);
  }
}

/**
 * A value derived from the store's state by `select`, re-rendering only when it changes
 * (`equal`, default `Object.is`). `select` runs once per state.
 */
export function useEditorValue<T>(store: EditorStore, select: (state: EditorState) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const memo = useRef<{ state: EditorState; value: T } | null>(null);
  const selectRef = useRef(select);
  selectRef.current = select;
  const getSnapshot = useCallback((): T => {
    const state = store.getState();
    const last = memo.current;
    if (last && last.state === state) return last.value;
    const value = selectRef.current(state);
    if (last && equal(last.value, value)) {
      memo.current = { state, value: last.value };
      return last.value;
    }
    memo.current = { state, value };
    return value;
    // `equal` is expected to be a stable function (module level), so it is not a dependency.
  }, [store]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}
