/**
 * The footnote plugin: keeps the footnote index (`FootnoteState`: numbers by first citation,
 * counts per source, uncited sources, citations of missing sources) up to date incrementally,
 * and redraws only the citation and source views whose number changed.
 *
 * Content that arrives with its own sources (a paste or a drop from another draft, an import)
 * has them merged in the same undo step by the carried-data plugin (carried-data.ts, with the
 * sources carrier of shared/sources/carrier.ts). The plugin never deletes a source: one that
 * loses its last citation stays, listed in `uncited` (and as a problem), for the reporter to
 * remove.
 *
 * Pointer: a triple-click on a citation chip selects the chip's paragraph, as a triple-click
 * anywhere else in it does (ProseMirror selects the innermost selectable node, the chip alone).
 */
import { Plugin, PluginKey, TextSelection, type EditorState } from 'prosemirror-state';
import { registryFor } from './citation-registry';
import { changedSources, FootnoteState } from './footnote-state';

/** The plugin's key; `footnoteKey.getState(state)` is the `FootnoteState`. */
export const footnoteKey = new PluginKey<FootnoteState>('copydesk-footnotes');

/** The footnote index of `state` (throws if the editor was built without the plugin). */
export function footnotesOf(state: EditorState): FootnoteState {
  const footnotes = footnoteKey.getState(state);
  if (!footnotes) throw new Error('the footnote plugin is not installed in this editor state');
  return footnotes;
}

/** The footnote plugin (see the module comment). */
export function footnotePlugin(): Plugin<FootnoteState> {
  return new Plugin<FootnoteState>({
    key: footnoteKey,
    state: {
      init: (_config, state) => FootnoteState.create(state.doc),
      apply: (tr, value) => value.apply(tr),
    },
    props: {
      handleTripleClickOn(view, _pos, node, nodePos, event, direct) {
        if (!direct || event.button !== 0 || node.type.name !== 'citation') return false;
        const $chip = view.state.doc.resolve(nodePos);
        const selection = TextSelection.create(view.state.doc, $chip.start(), $chip.end());
        view.dispatch(view.state.tr.setSelection(selection).setMeta('pointer', true));
        // The second click of the three activated the chip, which took the focus to its source.
        view.focus();
        return true;
      },
    },
    // Redraws only the numbered views whose source's number, fields or count changed.
    view: () => ({
      update(view, prevState) {
        const before = footnoteKey.getState(prevState);
        const after = footnoteKey.getState(view.state);
        if (before && after && !before.sameAs(after)) registryFor(view).refresh(changedSources(before, after));
      },
    }),
  });
}
