/**
 * Editing mode next to pending suggestions: text typed or pasted inside a struck run or a pending
 * insertion would take that run's mark (ProseMirror gives typed text the marks around it), and
 * come out struck, or credited to another author's suggestion. `editingCleanup` takes those
 * marks off what a transaction inserted; the mode plugin runs it in Editing mode from its
 * `appendTransaction` (renderer/editor/review-mode.ts). It looks only at the inserted ranges.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import { ReplaceStep } from 'prosemirror-transform';

const INHERITED = ['insertion', 'deletion', 'format_change'] as const;

/**
 * A transaction that takes the suggestion marks off the content `transactions` inserted (their
 * result is `state`), or null when none carries any.
 */
export function editingCleanup(transactions: readonly Transaction[], state: EditorState): Transaction | null {
  const ranges: { from: number; to: number }[] = [];
  for (const tr of transactions) {
    for (const r of ranges) {
      r.from = tr.mapping.map(r.from, 1);
      r.to = Math.max(r.from, tr.mapping.map(r.to, -1));
    }
    tr.steps.forEach((step, i) => {
      if (!(step instanceof ReplaceStep) || step.slice.size === 0) return;
      const later = tr.mapping.slice(i + 1);
      const from = later.map(step.from, 1);
      ranges.push({ from, to: Math.max(from, later.map(step.from + step.slice.size, -1)) });
    });
  }
  const types = INHERITED.map((name) => state.schema.marks[name]).filter((t) => t !== undefined);
  const tr = state.tr;
  for (const { from, to } of ranges) {
    if (from >= to) continue;
    for (const type of types) if (state.doc.rangeHasMark(from, to, type)) tr.removeMark(from, to, type);
  }
  return tr.docChanged ? tr : null;
}
