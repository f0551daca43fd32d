/**
 * The merge within one textblock where the current text holds its own pending suggestions: their
 * changes (base → theirs, word by word) are laid over my block where the words they replaced are
 * words I left alone; where my suggestions touch the same words, their new words are inserted
 * beside mine and nothing is deleted. My suggestions stay as they are either way.
 */
import { Fragment, type Node as PMNode } from 'prosemirror-model';
import { isSuggestionMark } from '../review/resolve';
import { addText, type CompareContext, type PendingChange } from './context';
import { diffTokens, tokenize, type Token } from './inline';

const suggested = (token: Token): boolean => token.node!.marks.some(isSuggestionMark);
const insertedByMe = (token: Token): boolean => token.node!.marks.some((mark) => mark.type.name === 'insertion');

/** Mine's textblock with their changes to `base` as suggestions (null: past the word comparison). */
export function mergeInline(base: PMNode, mine: PMNode, theirs: PMNode, ctx: CompareContext): Fragment | null {
  const b = tokenize(base, 'old', ctx);
  const t = tokenize(theirs, 'new', ctx);
  const m = tokenize(mine, 'old', ctx);
  // My tokens as the block read before my suggestions were accepted (what base stands against).
  const kept = m.map((_, i) => i).filter((i) => !insertedByMe(m[i]!));
  const theirsRuns = diffTokens(b, t);
  const mineRuns = diffTokens(b, kept.map((i) => m[i]!));
  if (!theirsRuns || !mineRuns) return null;
  // Where each base token is in my block (-1: I changed it).
  const at = new Int32Array(b.length).fill(-1);
  for (const run of mineRuns) if (run.eq) for (let k = 0; k < run.oldTo - run.oldFrom; k++) at[run.oldFrom + k] = kept[run.newFrom + k]!;

  const deleted = new Map<number, PendingChange>();
  // Insertions after my token i (-1: at the start).
  const insertAfter = new Map<number, PMNode[]>();
  const place = (after: number, nodes: PMNode[]) => (insertAfter.get(after) ?? insertAfter.set(after, []).get(after)!).push(...nodes);
  /** My token after which their words go in place of base token `k` (the nearest mapped one before). */
  const anchor = (k: number): number => {
    for (let i = k - 1; i >= 0; i--) if (at[i]! >= 0) return at[i]!;
    return -1;
  };
  for (const run of theirsRuns) {
    if (run.eq) continue;
    const change = ctx.change('text');
    const news = t.slice(run.newFrom, run.newTo);
    const mapped: number[] = [];
    for (let k = run.oldFrom; k < run.oldTo; k++) mapped.push(at[k]!);
    const clean = mapped.every((i, n) => i >= 0 && !suggested(m[i]!) && (n === 0 || i === mapped[n - 1]! + 1));
    let after = anchor(run.oldFrom);
    if (clean && mapped.length) {
      for (const i of mapped) {
        deleted.set(i, change);
        addText(change, 'deleted', m[i]!.text);
      }
      after = mapped[mapped.length - 1]!;
    }
    const inserted = news.map((token) => token.node!.mark(ctx.mark('insertion', change).addToSet(token.node!.marks)));
    for (const token of news) addText(change, 'inserted', token.text);
    place(after, inserted);
    change.description = ctx.describe({ deleted: change.deleted, inserted: change.inserted });
  }
  const out: PMNode[] = [...(insertAfter.get(-1) ?? [])];
  m.forEach((token, i) => {
    const change = deleted.get(i);
    out.push(change ? token.node!.mark(ctx.mark('deletion', change).addToSet(token.node!.marks)) : token.node!);
    out.push(...(insertAfter.get(i) ?? []));
  });
  return Fragment.fromArray(out);
}
