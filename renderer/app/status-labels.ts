/** Human names of the review statuses and other small display helpers. */
import type { Status } from '../../shared/draft/meta';

/** How each status reads in the interface. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  draft: 'Draft',
  'ready-for-edit': 'Ready for edit',
  revise: 'Revise',
  edited: 'Edited',
  approved: 'Approved',
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date and time for people ("12 Mar 2026, 14:05"); the text itself when it is not a date. */
export function formatWhen(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : dateFormat.format(time);
}

const numberFormat = new Intl.NumberFormat();

/** A count for people ("1,234"); one formatter for all (`toLocaleString` makes one per call). */
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "1 word", "1,234 words". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
