/** Human names of the review statuses and other small display helpers. */
import type { ApprovalBlockers } from '../../shared/desk/handover';
import type { DeskPerson, Status } from '../../shared/draft/meta';
import type { LockHolder } from '../../shared/ipc/channels';

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

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayYearFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** A moment close to `now` as short as it reads: "14:02" today, "2 Dec 14:02" this year, "2 Dec 2025" before. */
export function formatSince(iso: string, now: Date = new Date()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const at = new Date(time);
  if (at.toDateString() === now.toDateString()) return timeFormat.format(at);
  if (at.getFullYear() === now.getFullYear()) return `${dayFormat.format(at)} ${timeFormat.format(at)}`;
  return dayYearFormat.format(at);
}

/** Who set a status and since when: "since 14:02, Ana Garcia". */
export function sinceText(change: { readonly by: DeskPerson; readonly at: string }, now?: Date): string {
  return `since ${formatSince(change.at, now)}, ${change.by.name}`;
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

/** Who has a draft open, as the library says it ("Open by you" for the installation `me`). */
export function holderText(holder: LockHolder, me: string | null): string {
  return holder.id === me ? 'Open by you' : `Open by ${holder.name} on ${holder.machine}`;
}

/** What blocks approval, in words: "3 suggestions are pending and 1 comment thread is open". */
export function blockersText(blockers: ApprovalBlockers): string {
  const parts: string[] = [];
  if (blockers.suggestions > 0) parts.push(`${plural(blockers.suggestions, 'suggestion', 'suggestions')} ${blockers.suggestions === 1 ? 'is' : 'are'} pending`);
  if (blockers.threads > 0) parts.push(`${plural(blockers.threads, 'comment thread', 'comment threads')} ${blockers.threads === 1 ? 'is' : 'are'} open`);
  return parts.join(' and ');
}
