/**
 * The compare view's words, pure: the summary at its top (how many changes of each kind, the
 * blocks compared whole, the pending suggestions left out) and what is announced when a change
 * becomes the current one.
 */
import type { CompareChange, CompareChangeKind, Comparison } from '../../../shared/compare/types';
import { formatCount, plural } from '../status-labels';

/** Each kind of change as counted in the summary: singular and plural. */
const KIND_WORDS: Readonly<Record<CompareChangeKind, readonly [string, string]>> = {
  text: ['text change', 'text changes'],
  citation: ['changed citation', 'changed citations'],
  format: ['formatting change', 'formatting changes'],
  'block-added': ['block added', 'blocks added'],
  'block-removed': ['block removed', 'blocks removed'],
  'block-moved': ['block moved', 'blocks moved'],
  'block-changed': ['block changed', 'blocks changed'],
  split: ['paragraph split', 'paragraphs split'],
  join: ['paragraphs joined', 'paragraphs joined'],
  'read-also': ['“Read also” change', '“Read also” changes'],
  source: ['source change', 'source changes'],
  figure: ['figure change', 'figure changes'],
};

/** The kinds in the order the summary lists them. */
const KIND_ORDER = Object.keys(KIND_WORDS) as CompareChangeKind[];

/** "3 text changes, 1 changed citation" (empty when nothing changed). */
export function kindCounts(summary: Comparison['summary']): string {
  return KIND_ORDER.flatMap((kind) => {
    const n = summary.byKind[kind] ?? 0;
    const [one, many] = KIND_WORDS[kind];
    return n > 0 ? [plural(n, one, many)] : [];
  }).join(', ');
}

/** The summary's first line: "12 changes: 8 text changes, 2 changed citations…", or "No changes". */
export function summaryLine(comparison: Pick<Comparison, 'summary'>): string {
  const { total } = comparison.summary;
  if (total === 0) return 'No changes';
  return `${plural(total, 'change', 'changes')}: ${kindCounts(comparison.summary)}`;
}

/** The summary's notes: blocks compared whole, suggestions pending in either version. */
export function summaryNotes(comparison: Pick<Comparison, 'coarse' | 'pending'>): string[] {
  const notes = comparison.coarse.map((block) => block.reason);
  const { old, new: newer } = comparison.pending;
  if (old + newer > 0) {
    notes.push(`Pending suggestions (${formatCount(old)} in the older version, ${formatCount(newer)} in the newer) are compared as if accepted.`);
  }
  return notes;
}

/** What is announced when change `index` (from 0) becomes the current one: "Change 2 of 12: Replaced …". */
export function changeAnnouncement(changes: readonly CompareChange[], index: number): string {
  const change = changes[index];
  if (change === undefined) return '';
  return `Change ${formatCount(index + 1)} of ${formatCount(changes.length)}: ${change.description}`;
}

/** The index of the next (`step` 1) or previous (-1) change from `current` (-1: none yet), wrapping around. */
export function stepChange(count: number, current: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
