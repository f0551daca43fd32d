/**
 * Text input through an EditContext (Chromium's EditContext API) instead of the editable's DOM.
 *
 * While every block of a long article is rendered (render-all.ts), Chromium tells the input
 * method the plain text of the whole editable after each key, walking every rendered text node
 * (tests/bench/README.md, "What the profiles show"). With an EditContext on the editable, the
 * input method is told the EditContext's text instead: here the text of the caret's textblock
 * only. The editable stays `contenteditable`, so the caret, arrows, the selection, clipboard and
 * the accessibility tree are the browser's as before; only text input (typed keys, deletions the
 * keymap does not take, input-method compositions) arrives as `textupdate` events, which become
 * transactions through `handleTextInput` like ProseMirror's own DOM input.
 */
import { Plugin, PluginKey, Selection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { readPendingSelection } from './pending-selection';
import { renderingAll, watchRenderAll } from './render-all';

/** What this module uses of Chromium's EditContext (not yet in TypeScript's DOM library). */
interface EditContextLike extends EventTarget {
  readonly text: string;
  updateText(rangeStart: number, rangeEnd: number, text: string): void;
  updateSelection(start: number, end: number): void;
  updateControlBounds(bounds: DOMRect): void;
  updateSelectionBounds(bounds: DOMRect): void;
  updateCharacterBounds(rangeStart: number, bounds: DOMRect[]): void;
}
interface TextUpdateEventLike extends Event {
  readonly updateRangeStart: number;
  readonly updateRangeEnd: number;
  readonly text: string;
  readonly selectionStart: number;
  readonly selectionEnd: number;
}
interface CharacterBoundsUpdateEventLike extends Event {
  readonly rangeStart: number;
  readonly rangeEnd: number;
}
type EditContextConstructor = new () => EditContextLike;

/** The object replacement character: an inline node (a citation) in the input method's text. */
const OBJECT = '\ufffc';

/** The EditContext's text (the caret's textblock, one character a document position) and where it starts. */
interface TextWindow {
  readonly base: number;
  readonly text: string;
}

/** The textblock around `state`'s selection as one character per document position, or null. */
function windowOf(state: EditorState): TextWindow | null {
  const { $from, $to } = state.selection;
  if (!$from.parent.inlineContent || !$from.sameParent($to)) return null;
  let text = '';
  $from.parent.forEach((child) => {
    text += child.isText ? (child.text ?? '') : OBJECT.repeat(child.nodeSize);
  });
  return { base: $from.start(), text };
}

/** `view.coordsAtPos`, or null for a position it cannot place (outside the document, inside a node view's own DOM). */
function coordsOf(view: EditorView, pos: number, side: -1 | 1): { left: number; right: number; top: number; bottom: number } | null {
  if (pos < 0 || pos > view.state.doc.content.size) return null;
  try {
    return view.coordsAtPos(pos, side);
  } catch {
    return null;
  }
}

/** A caret after `text` where `tr` inserted it, starting at `start` or in the first textblock after it; null if it is not found there. */
function afterInserted(tr: Transaction, start: number, text: string): Selection | null {
  const at = Selection.near(tr.doc.resolve(start), 1).from;
  if (!text || tr.doc.textBetween(at, Math.min(tr.doc.content.size, at + text.length)) !== text) return null;
  return TextSelection.create(tr.doc, at + text.length);
}

const composingKey = new PluginKey<DecorationSet>('cd-edit-context');

/** This browser's EditContext constructor, if it has the API. */
function editContextConstructor(): EditContextConstructor | undefined {
  const Ctor = (globalThis as { EditContext?: unknown }).EditContext;
  return typeof Ctor === 'function' ? (Ctor as EditContextConstructor) : undefined;
}

/** An EditContext on a view's editable: `sync` after each new state; `detach` gives the editable its own input back. */
interface Attached {
  sync(): void;
  detach(): void;
  /** Whether an input method is composing (between its compositionstart and compositionend). */
  composing(): boolean;
}

/** The EditContext attached to each view (none: the editable's own input). */
const attachedTo = new WeakMap<EditorView, Attached>();
let compositions = 0;

/** Attaches a new EditContext to `view`'s editable. */
function attachEditContext(view: EditorView, Ctor: EditContextConstructor): Attached {
  const dom = view.dom as HTMLElement & { editContext: EditContextLike | null };
  const context = new Ctor();
  let current: TextWindow | null = null;
  /** The selection last given to the EditContext, in its text's offsets. */
  let told = { start: 0, end: 0 };
  let boundsFrame = 0;

  const sync = (): void => {
    const state = view.state;
    const next = windowOf(state);
    const text = next?.text ?? '';
    if (context.text !== text) context.updateText(0, context.text.length, text);
    current = next;
    told = next ? { start: state.selection.from - next.base, end: state.selection.to - next.base } : { start: 0, end: 0 };
    context.updateSelection(told.start, told.end);
    if (!boundsFrame) boundsFrame = requestAnimationFrame(updateBounds);
  };

  // Where the input method places its window: the editable and the caret, read once per frame.
  const updateBounds = (): void => {
    boundsFrame = 0;
    if (!dom.isConnected) return;
    context.updateControlBounds(dom.getBoundingClientRect());
    const head = coordsOf(view, view.state.selection.head, 1);
    if (head) context.updateSelectionBounds(new DOMRect(head.left, head.top, Math.max(1, head.right - head.left), head.bottom - head.top));
  };

  let composing = false;
  /** The history's composition group: one undo step however long the input method pauses. */
  let composition = 0;
  const onTextUpdate = (event: Event): void => {
    const e = event as TextUpdateEventLike;
    const text = e.text;
    // A key typed (or text sent without one: the emoji picker, dictation) right after the caret
    // moved can come before the selectionchange that tells ProseMirror, and so the EditContext,
    // where it went. ProseMirror reads the DOM's selection now; if it moved, the update, relative
    // to the selection the EditContext had, is applied at the DOM's.
    const was = { selection: view.state.selection, told };
    readPendingSelection(view);
    const moved = !view.state.selection.eq(was.selection);
    const before = view.state;
    const { from: selFrom, to: selTo } = view.state.selection;
    let from = selFrom;
    let to = selTo;
    if (moved) {
      const $sel = view.state.selection.$from;
      const [lo, hi] = $sel.parent.inlineContent ? [$sel.start(), $sel.end()] : [selFrom, selTo];
      from = Math.max(lo, selFrom + e.updateRangeStart - was.told.start);
      to = Math.min(hi, Math.max(from, selTo + e.updateRangeEnd - was.told.end));
    } else if (current) {
      from = current.base + e.updateRangeStart;
      to = current.base + e.updateRangeEnd;
    }
    const windowed = moved ? null : current;
    const deflt = (): Transaction => {
      const tr = text ? view.state.tr.insertText(text, from, to) : view.state.tr.delete(from, to);
      // Where the input method put the caret (inside a composition, say); otherwise after the text.
      const size = tr.doc.content.size;
      if (windowed) tr.setSelection(TextSelection.create(tr.doc, Math.min(size, windowed.base + e.selectionStart), Math.min(size, windowed.base + e.selectionEnd)));
      // Typed over a block, a gap cursor, everything or several blocks: right after the text
      // inserted, in the textblock it went into (not beside a paragraph made to hold it).
      else tr.setSelection(afterInserted(tr, tr.mapping.map(from, -1), text) ?? Selection.near(tr.doc.resolve(tr.mapping.map(to, -1)), -1));
      return tr.scrollIntoView();
    };
    if (!text) {
      // A deletion, or (nothing replaced) the input method moving the selection.
      view.dispatch(deflt());
    } else if (composing) {
      // The text being composed, underlined until the input method commits it; no input rule
      // runs on it (nor does one in ProseMirror's own composition handling).
      view.dispatch(deflt().setMeta(composingKey, { from, to: from + text.length }).setMeta('composition', composition));
    } else if (!view.someProp('handleTextInput', (f) => f(view, from, to, text, deflt))) {
      view.dispatch(deflt());
    }
    // The plugin's update synced a new state, except while composing; a refused transaction left
    // the document as it was, which the input method must be told too.
    if (composing || view.state === before) sync();
  };

  const onCompositionStart = (): void => {
    // The composition replaces the EditContext's selection, read after this event: bring it to the DOM's first.
    readPendingSelection(view);
    composing = true;
    composition = ++compositions;
  };
  const clearComposing = (): void => {
    if (!view.isDestroyed && composingKey.getState(view.state)?.find().length) view.dispatch(view.state.tr.setMeta(composingKey, null).setMeta('addToHistory', false));
  };
  const onCompositionEnd = (): void => {
    composing = false;
    clearComposing();
    sync();
  };

  const onCharacterBounds = (event: Event): void => {
    const e = event as CharacterBoundsUpdateEventLike;
    if (!current) return;
    const bounds: DOMRect[] = [];
    for (let i = e.rangeStart; i < e.rangeEnd; i++) {
      const a = coordsOf(view, current.base + i, 1);
      const b = coordsOf(view, current.base + i + 1, -1);
      if (!a || !b) return;
      bounds.push(new DOMRect(a.left, a.top, Math.max(0, b.left - a.left), a.bottom - a.top));
    }
    context.updateCharacterBounds(e.rangeStart, bounds);
  };

  const listening = new AbortController();
  const options = { signal: listening.signal };
  context.addEventListener('textupdate', onTextUpdate, options);
  context.addEventListener('compositionstart', onCompositionStart, options);
  context.addEventListener('characterboundsupdate', onCharacterBounds, options);
  context.addEventListener('compositionend', onCompositionEnd, options);
  dom.editContext = context;
  sync();
  const detach = (): void => {
    if (boundsFrame) cancelAnimationFrame(boundsFrame);
    listening.abort();
    attachedTo.delete(view);
    if (dom.editContext === context) dom.editContext = null;
    // Detached mid-composition (the view made read-only, the mode off): its underline goes, after
    // the update that detached it.
    if (composing) queueMicrotask(clearComposing);
  };
  const attached: Attached = { sync, detach, composing: () => composing };
  attachedTo.set(view, attached);
  return attached;
}

/** Attaches an EditContext while the whole article is rendered and the view editable, keeps it in step with each new state, and underlines the text being composed. */
export function editContextPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: composingKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const range = tr.getMeta(composingKey) as { from: number; to: number } | null | undefined;
        if (range === undefined) return set.map(tr.mapping, tr.doc);
        if (range === null || range.to <= range.from) return DecorationSet.empty;
        return DecorationSet.create(tr.doc, [Decoration.inline(range.from, range.to, { class: 'cd-composing' })]);
      },
    },
    props: {
      decorations: (state) => composingKey.getState(state),
      handleDOMEvents: {
        // While an input method composes, its keys (Enter that commits, arrows among candidates)
        // are its own, as ProseMirror leaves them while it composes in the DOM: no keymap runs.
        keydown: (view, event) => attachedTo.get(view)?.composing() === true || (attachedTo.has(view) && event.isComposing),
      },
    },
    view(view) {
      const follow = (): void => {
        const Ctor = editContextConstructor();
        const attached = attachedTo.get(view);
        const on = Ctor !== undefined && view.editable && renderingAll();
        if (on && !attached) attachEditContext(view, Ctor);
        else if (!on && attached) attached.detach();
      };
      const stop = watchRenderAll(follow);
      follow();
      return {
        update(v, prev) {
          const before = attachedTo.get(v);
          follow();
          const attached = attachedTo.get(v);
          // Just attached: already in step. While composing, the text updates keep it so themselves.
          if (!attached || attached !== before || attached.composing() || (v.state.doc === prev.doc && v.state.selection.eq(prev.selection))) return;
          attached.sync();
        },
        destroy() {
          stop();
          attachedTo.get(view)?.detach();
        },
      };
    },
  });
}
