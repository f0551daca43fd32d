/**
 * Making an editor: `createEditorState(doc, options)` bundles every plugin (so that commands,
 * undo and the derived figures work on a state alone, as in the tests), and
 * `createEditorView(mount, state, callbacks)` puts it on screen with the node views and the
 * shell's hooks.
 *
 * Plugin order matters: the footnote plugin comes before the problems plugin (which reads the
 * footnote index of the same state); the editor's own keymap before ProseMirror's base keymap.
 */
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { history } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, type Plugin, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from '../../shared/schema';
import { CitationView } from './citation-view';
import { atomArrowsPlugin } from './atom-arrows';
import { bylinePlugin } from './byline';
import { carriedDataPlugin } from './carried-data';
import { clipboardPlugins } from './clipboard';
import { FigureView } from './figure-view';
import { findPlugin } from './find';
import { footnotePlugin } from './footnote-plugin';
import { setHooks, type EditorHooks } from './hooks';
import { typographyPlugins } from './input-rules';
import { editorKeymaps } from './keymap';
import { liveBlocksPlugin } from './live-blocks';
import { pendingSelectionPlugin } from './pending-selection';
import { problemsPlugin } from './problems-plugin';
import { ReadAlsoItemView, ReadAlsoView } from './read-also-view';
import { readOnlyPlugin } from './read-only';
import { revealSelectionPlugin } from './reveal-selection';
import { editContextPlugin } from './edit-context';
import { dispatchInMode, reviewModePlugin, type ReviewModeState } from './review-mode';
import { reviewFocusPlugin } from './review-commands';
import { SourcesView, SourceView } from './source-view';
import { wordCountPlugin } from './word-count-plugin';


/** Settings of a new editor state. */
export interface EditorOptions {
  /** Typographic quotes, dashes and ellipsis as the reporter types (default on). */
  readonly typography?: boolean;
  /** The review mode and reviewer it starts in (default: Editing, no reviewer). */
  readonly review?: ReviewModeState;
  /** Someone else has the draft open: nothing can be changed (read-only.ts; default off). */
  readonly readOnly?: boolean;
}

/** Every plugin of the editor, in order. */
export function editorPlugins(options: EditorOptions = {}): Plugin[] {
  return [
    footnotePlugin(),
    carriedDataPlugin(),
    problemsPlugin(),
    wordCountPlugin(),
    history(),
    ...typographyPlugins(options.typography ?? true),
    // Before the gap cursor and ProseMirror's own arrow handling, which would select these forms.
    atomArrowsPlugin(),
    ...editorKeymaps(),
    ...clipboardPlugins(),
    dropCursor({ class: 'cd-drop-cursor' }),
    gapCursor(),
    liveBlocksPlugin(),
    revealSelectionPlugin(),
    findPlugin(),
    bylinePlugin(),
    readOnlyPlugin(options.readOnly),
    reviewModePlugin(options.review),
    reviewFocusPlugin(),
    editContextPlugin(),
    // The caret where the DOM has it before any keymap acts on a key (DOM event handlers run
    // before every plugin's keymap); after the EditContext's, which keeps its composition's keys.
    pendingSelectionPlugin(),
  ];
}

/** An editor state for `doc` (a checked Copydesk document) with every plugin. */
export function createEditorState(doc: PMNode, options: EditorOptions = {}): EditorState {
  if (doc.type.schema !== schema) throw new RangeError('the document was not built on the Copydesk schema');
  return EditorState.create({ doc, plugins: editorPlugins(options) });
}

/** What the shell passes to `createEditorView`. */
export interface EditorCallbacks extends EditorHooks {
  /** After each transaction, with the new state (update save state, counts, panels from it). */
  onChange?(state: EditorState, tr: Transaction): void;
  /** The editor's accessible name (default "Article"). */
  readonly label?: string;
}

/** Puts `state` on screen in `mount`, with the node views and the shell's hooks. */
export function createEditorView(mount: HTMLElement, state: EditorState, callbacks: EditorCallbacks = {}): EditorView {
  const view: EditorView = new EditorView(mount, {
    state,
    nodeViews: {
      citation: (node, v, getPos) => new CitationView(node, v, getPos, callbacks),
      figure: (node, v, getPos) => new FigureView(node, v, getPos, callbacks),
      read_also: (node, v, getPos) => new ReadAlsoView(node, v, getPos),
      read_also_item: (node, v, getPos) => new ReadAlsoItemView(node, v, getPos),
      sources: (node, v) => new SourcesView(node, v),
      source: (node, v) => new SourceView(node, v, callbacks),
    },
    attributes: {
      class: 'cd-editor',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': callbacks.label ?? 'Article',
      spellcheck: 'true',
    },
    // Through the review mode (review-mode.ts): a refused transaction changes nothing. (What the
    // browser had already typed into the page is redrawn by ProseMirror's DOM observer, which
    // updates a view its input left dirty; review-modes.spec.ts checks it.)
    dispatchTransaction(tr) {
      const outcome = dispatchInMode(view.state, tr);
      if (!outcome.ok) {
        callbacks.onModeRefusal?.(outcome.message, view);
        return;
      }
      const next = view.state.apply(outcome.tr);
      view.updateState(next);
      callbacks.onChange?.(next, outcome.tr);
    },
  });
  setHooks(view, callbacks);
  return view;
}
