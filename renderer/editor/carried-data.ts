/**
 * Carried data in the editor (shared/clipboard/carried.ts): content that arrives with data of
 * its own (a paste or a drop from another draft, an accepted paste offer) is inserted by a
 * transaction marked with `carry(tr, carried)`. This plugin's `appendTransaction` then lets
 * each carrier (shared/clipboard/carriers.ts) bring its data into the document: sources are
 * merged with the draft's (the same source is reused, a clashing id is renamed) and the pasted
 * citations re-pointed. Appended transactions join their original in prosemirror-history, so
 * one undo takes the paste and its carried data back together.
 */
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import type { Transform } from 'prosemirror-transform';
import { CARRIERS, carriedBy, type CarriedData } from '../../shared/clipboard/carriers';
import { changedRange } from './changed-range';

const carryKey = new PluginKey('copydesk-carried-data');

/**
 * Marks `tr` as inserting content that carries `carried` (from the draft it was copied from);
 * the plugin brings that data into the document in the same undo step.
 */
export function carry<T extends Transaction>(tr: T, carried: Partial<CarriedData>): T {
  return tr.setMeta(carryKey, carried) as T;
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

/** The carried-data plugin (see the module comment). */
export function carriedDataPlugin(): Plugin {
  return new Plugin({
    key: carryKey,
    appendTransaction(trs, _oldState, newState) {
      const index = trs.findIndex((tr) => tr.getMeta(carryKey) !== undefined);
      if (index < 0) return null;
      const carried = trs[index]?.getMeta(carryKey) as Partial<CarriedData>;
      const range = finalRange(trs, index);
      const tr = newState.tr;
      for (const carrier of CARRIERS) {
        // Each carrier sees the pasted range where the carriers before it left it.
        const mapped = range && { from: tr.mapping.map(range.from, -1), to: tr.mapping.map(range.to, 1) };
        carrier.apply(tr, carriedBy(carried, carrier), mapped);
      }
      return tr.docChanged ? tr : null;
    },
  });
}
