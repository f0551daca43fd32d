/**
 * The footnote plugin: keeps the footnote index (`FootnoteState`: numbers by first citation,
 * counts per source, uncited sources, citations of missing sources) up to date incrementally,
 * keeps citations and sources consistent inside the same undo step, and redraws only the
 * citation and source views whose number changed.
 *
 * Consistency: content that arrives with its own sources (a paste or a drop from another draft,
 * an import) is inserted by a transaction marked with `carrySources(tr, sources)`. The plugin's
 * `appendTransaction` then merges those sources into the document (`planSourceMerge`: the same
 * source is reused, a clashing id is renamed) and re-points the inserted citations. Appended
 * transactions join their original in prosemirror-history, so one undo takes the paste, its
 * citations and its sources back together. The plugin never deletes a source: one that loses
 * its last citation stays, listed in `uncited` (and as a problem), for the reporter to remove.
 *
 * Pointer: a triple-click on a citation chip selects the chip's paragraph, as a triple-click
 * anywhere else in it does (ProseMirror selects the innermost selectable node, the chip alone).
 */
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import type { Transform } from 'prosemirror-transform';
import { sourceInsertPos, sourceNodes } from '../../shared/article';
import { planSourceMerge } from '../../shared/clipboard/merge-sources';
import { sourceFields, type SourceFields } from '../../shared/clipboard/same-source';
import { changedRange } from './changed-range';
import { registryFor } from './citation-registry';
import { changedSources, FootnoteState } from './footnote-state';

/** The plugin's key; `footnoteKey.getState(state)` is the `FootnoteState`. */
export const footnoteKey = new PluginKey<FootnoteState>('copydesk-footnotes');

const carryKey = new PluginKey('copydesk-carried-sources');

/** The footnote index of `state` (throws if the editor was built without the plugin). */
export function footnotesOf(state: EditorState): FootnoteState {
  const footnotes = footnoteKey.getState(state);
  if (!footnotes) throw new Error('the footnote plugin is not installed in this editor state');
  return footnotes;
}

/**
 * Marks `tr` as inserting content whose citations name `sources` (from the draft it was copied
 * from); the plugin merges them into the document in the same undo step.
 */
export function carrySources<T extends Transaction>(tr: T, sources: readonly SourceFields[]): T {
  return tr.setMeta(carryKey, sources) as T;
}

/** The sources of `doc`'s sources section, as fields. */
export function documentSources(doc: PMNode): SourceFields[] {
  const out: SourceFields[] = [];
  for (const node of sourceNodes(doc)) out.push(sourceFields(node.attrs));
  return out;
}

/**
 * Merges `carried` into `state`'s document: adds the sources it lacks at the end of the sources
 * section and re-points the citations inside `range` whose id changed. Returns the transaction,
 * or null when nothing needs doing.
 */
export function mergeCarriedSources(state: EditorState, carried: readonly SourceFields[], range: { from: number; to: number } | null): Transaction | null {
  const plan = planSourceMerge(carried, documentSources(state.doc));
  const tr = state.tr;
  if (range && plan.rename.size > 0 && range.to > range.from) {
    state.doc.nodesBetween(range.from, range.to, (node, pos) => {
      if (node.type.name === 'citation') {
        const to = plan.rename.get(node.attrs.source as string);
        if (to !== undefined && pos >= range.from) tr.setNodeAttribute(pos, 'source', to);
        return false;
      }
      return node.type.name !== 'sources';
    });
  }
  if (plan.add.length > 0) {
    const schema = state.schema;
    tr.insert(sourceInsertPos(tr.doc), plan.add.map((fields) => schema.node('source', fields)));
  }
  return tr.docChanged ? tr : null;
}

/** The range of `trs[index]`'s changes, mapped to the document after all of `trs`. */
function finalRange(trs: readonly Transform[], index: number): { from: number; to: number } | null {
  const range = changedRange(trs[index] as Transform);
  if (!range) return null;
  let { from, to } = range;
  for (const later of trs.slice(index + 1)) {
    from = later.mapping.map(from, -1);
    to = later.mapping.map(to, 1);
  }
  return { from, to };
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
    appendTransaction(trs, _oldState, newState) {
      const index = trs.findIndex((tr) => tr.getMeta(carryKey) !== undefined);
      if (index < 0) return null;
      const carried = trs[index]?.getMeta(carryKey) as readonly SourceFields[];
      return mergeCarriedSources(newState, carried, finalRange(trs, index));
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
