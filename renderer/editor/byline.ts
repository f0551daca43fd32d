/**
 * The byline under the headline: the draft's authors ("By A and B", shared/byline.ts) shown as a
 * widget decoration after the headline node, not as document content — authors live in the
 * draft's metadata beside the document, so they are neither typed into, undone, counted nor
 * exported as text. The shell sets the words with `setByline` whenever the authors change; a
 * click on the widget asks the shell to edit them (`onBylineRequest`). Without authors there is
 * no widget: the app bar's byline button offers "Add authors" (one place, and no line of height
 * taken from the first screen).
 */
import { Plugin, PluginKey, type Command, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { afterHeadline } from '../../shared/article';
import { el } from './dom';
import { hooksFor } from './hooks';

const key = new PluginKey<string>('byline');

/** The byline's words now ('' when the draft has no authors). */
export function bylineOf(state: EditorState): string {
  return key.getState(state) ?? '';
}

/** Sets the byline's words (no document change, no undo step). */
export function setByline(text: string): Command {
  return (state, dispatch) => {
    if (bylineOf(state) === text) return false;
    dispatch?.(state.tr.setMeta(key, text).setMeta('addToHistory', false));
    return true;
  };
}

function widget(text: string) {
  return (view: EditorView): HTMLElement => {
    const doc = view.dom.ownerDocument;
    const button = el(doc, 'button', { type: 'button', class: 'cd-byline-button', title: 'Edit the authors' }, [text]);
    button.addEventListener('click', (event) => {
      event.preventDefault();
      hooksFor(view).onBylineRequest?.(view);
    });
    return el(doc, 'div', { class: 'cd-byline', contenteditable: 'false' }, [button]);
  };
}

/** The byline plugin (its state: the byline's words). */
export function bylinePlugin(): Plugin<string> {
  // One decoration set per (document, words): rebuilt only when either changes.
  let last: { doc: EditorState['doc']; text: string; set: DecorationSet } | null = null;
  return new Plugin<string>({
    key,
    state: {
      init: () => '',
      apply: (tr, value) => {
        const next: unknown = tr.getMeta(key);
        return typeof next === 'string' ? next : value;
      },
    },
    props: {
      decorations(state) {
        const text = bylineOf(state);
        if (last && last.doc === state.doc && last.text === text) return last.set;
        const set = text
          ? DecorationSet.create(state.doc, [
              Decoration.widget(afterHeadline(state.doc), widget(text), { key: `byline:${text}`, side: -1, ignoreSelection: true, stopEvent: () => true }),
            ])
          : DecorationSet.empty;
        last = { doc: state.doc, text, set };
        return set;
      },
    },
  });
}
