/**
 * A read-only view of a document that is not the open draft: a kept version, or a comparison
 * (shared/compare: the newer version with the changes as review marks). It is the editor's own
 * state and view (every plugin and node view, so citations are numbered, sources and "Read also"
 * blocks drawn and review marks styled as in the article), started in Viewing mode with no
 * reviewer, so nothing can change the text; plus a highlight of one range (the compare view's
 * current change, class `cd-change-active` of review.css).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { createEditorState, createEditorView } from './create-editor';

/** A range of the shown document to highlight, or null. */
export type HighlightRange = { readonly from: number; readonly to: number } | null;

const highlightKey = new PluginKey<DecorationSet>('copydesk-read-only-highlight');

// A node decoration on each whole block or atom inside the range (a block added, removed or
// moved has no inline content of its own to carry the class), inline ones on the text elsewhere.
function decorationsFor(doc: PMNode, range: HighlightRange): DecorationSet {
  if (range === null) return DecorationSet.empty;
  const from = Math.max(0, Math.min(range.from, doc.content.size));
  const to = Math.max(from, Math.min(range.to, doc.content.size));
  const decorations: Decoration[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    const end = pos + node.nodeSize;
    if ((node.isBlock || (node.isAtom && !node.isText)) && pos >= from && end <= to) {
      decorations.push(Decoration.node(pos, end, { class: 'cd-change-active' }));
      return false;
    }
    if (node.isInline) {
      const a = Math.max(pos, from);
      const b = Math.min(end, to);
      if (b > a) decorations.push(Decoration.inline(a, b, { class: 'cd-change-active' }));
      return false;
    }
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

function highlightPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: highlightKey,
    state: {
      init: () => DecorationSet.empty,
      apply: (tr, set) => {
        const range = tr.getMeta(highlightKey) as HighlightRange | undefined;
        return range === undefined ? set.map(tr.mapping, tr.doc) : decorationsFor(tr.doc, range);
      },
    },
    props: { decorations: (state) => highlightKey.getState(state) },
  });
}

/** `tr` with the highlight set to `range` (null: none), the cursor at its start. Returns `tr`. */
export function setHighlight(tr: Transaction, range: HighlightRange): Transaction {
  tr.setMeta(highlightKey, range).setMeta('addToHistory', false);
  if (range !== null) tr.setSelection(TextSelection.near(tr.doc.resolve(Math.max(0, Math.min(range.from, tr.doc.content.size)))));
  return tr;
}

/** The read-only editor state of `doc` (a document on the Copydesk schema). */
export function createReadOnlyState(doc: PMNode): EditorState {
  const state = createEditorState(doc, { typography: false, review: { mode: 'viewing', reviewer: null } });
  return state.reconfigure({ plugins: [...state.plugins, highlightPlugin()] });
}

/** A read-only view on screen. */
export interface ReadOnlyView {
  readonly view: EditorView;
  /** Highlights `range` (null: none) and puts the cursor at its start, so that it can be scrolled to. */
  highlight(range: HighlightRange): void;
  destroy(): void;
}

/** Puts `doc` on screen in `mount`, read-only, named `label` for assistive technology. */
export function createReadOnlyView(mount: HTMLElement, doc: PMNode, label: string): ReadOnlyView {
  const view = createEditorView(mount, createReadOnlyState(doc), { label });
  return {
    view,
    highlight: (range) => view.dispatch(setHighlight(view.state.tr, range)),
    destroy: () => view.destroy(),
  };
}

/** The highlighted range's decorations of `state` (tests). */
export function highlightOf(state: EditorState): DecorationSet {
  return highlightKey.getState(state) ?? DecorationSet.empty;
}
