/**
 * The compare view's words, pure: the summary at its top and the notes under it (the words of
 * `copydesk diff`, shared/compare/report.ts: one rendering of a comparison), what is announced
 * when a change becomes the current one, and stepping through the changes.
 */
import { changePlace, coarseLine, pendingNote, summaryLine } from '../../../shared/compare/report';
import type { CompareChange, Comparison } from '../../../shared/compare/types';
import { formatCount } from '../status-labels';

/** The summary line: "7 changes: 4 text, 1 citation, 1 format, 1 block moved", or "No changes". */
export function comparisonSummary(comparison: Pick<Comparison, 'summary'>): string {
  return summaryLine(comparison.summary);
}

/** The notes under the summary: blocks compared whole, and pending suggestions (compared as accepted). */
export function summaryNotes(comparison: Pick<Comparison, 'coarse' | 'pending'>): string[] {
  const pending = pendingNote(comparison.pending);
  return [...comparison.coarse.map(coarseLine), ...(pending === null ? [] : [pending])];
}

/** What is announced when change `index` (from 0) becomes the current one: "Change 2 of 12, ¶4: Replaced “Safety” → “Security”". */
export function changeAnnouncement(changes: readonly CompareChange[], index: number): string {
  const change = changes[index];
  if (change === undefined) return '';
  const place = changePlace(change);
  return `Change ${formatCount(index + 1)} of ${formatCount(changes.length)}${place === '' ? '' : `, ${place}`}: ${change.description}`;
}

/** The index of the next (`step` 1) or previous (-1) change from `current` (-1: none yet), wrapping around. */
export function stepChange(count: number, current: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
