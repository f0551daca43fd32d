/**
 * How the open draft is held in this window, as to its lock (shared/ipc/channels.ts `DraftAccess`,
 * electron/services/locks.ts): editing (this window holds the lock), read-only (asked for, or
 * because someone took it over: `cause`), or unlocked (the lock file could not be written; editing
 * goes on, and nobody else is warned). A draft that someone else holds (`held`) never reaches a
 * session: the shell asks the user first and opens it again with the access they chose.
 * Also the sentences that say who holds a draft, for the prompt and the banners.
 */
import type { DraftAccess, LockHolder } from '../../../shared/ipc/channels';

/** The open draft's access in this window. */
export type WindowAccess =
  | { readonly kind: 'editing' }
  | { readonly kind: 'unlocked'; readonly reason: string }
  /**
   * `cause`: the user asked to read it (`asked`), someone took it over from this window (`taken`),
   * or its status handed it to someone else (`handed`: shared/desk/handover.ts; it comes back
   * with the next change of status that gives this person the text again).
   */
  | { readonly kind: 'read-only'; readonly holder: LockHolder | null; readonly cause: ReadOnlyCause };

/** Why a window reads a draft without holding its lock. */
export type ReadOnlyCause = 'asked' | 'taken' | 'handed';

/** The window's access for a draft opened with `access` (absent: editing, as for an imported or recovered draft). */
export function windowAccessOf(access: DraftAccess | undefined): WindowAccess {
  switch (access?.kind) {
    case undefined:
    case 'editing':
      return { kind: 'editing' };
    case 'unlocked':
      return { kind: 'unlocked', reason: access.reason };
    case 'held':
      return { kind: 'read-only', holder: access.holder, cause: 'asked' };
    case 'read-only':
      return { kind: 'read-only', holder: access.holder, cause: 'asked' };
  }
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * When, for people: "5 minutes ago (14:05)", "just now (14:05)", or a date for another day
 * ("on 12 Mar 2026, 14:05"). `now` is the current time in milliseconds.
 */
export function sinceText(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const minutes = Math.floor((now - at) / 60_000);
  if (new Date(at).toDateString() !== new Date(now).toDateString() || minutes >= 12 * 60) return `on ${dayFormat.format(at)}`;
  const clock = timeFormat.format(at);
  if (minutes < 1) return `just now (${clock})`;
  if (minutes < 60) return `${String(minutes)} minute${minutes === 1 ? '' : 's'} ago (${clock})`;
  const hours = Math.floor(minutes / 60);
  return `${String(hours)} hour${hours === 1 ? '' : 's'} ago (${clock})`;
}

/** "Ben Ortiz has it open on ben-mac: opened 5 minutes ago (14:05)." */
export function holderSentence(holder: LockHolder, now: number): string {
  return `${holder.name} has it open on ${holder.machine}: opened ${sinceText(holder.since, now)}.`;
}

/** The read-only banner's headline: who has it, or who took it over from this window. */
export function readOnlyTitle(access: Extract<WindowAccess, { kind: 'read-only' }>): string {
  const { holder, cause } = access;
  if (cause === 'handed') return 'Handed over: this window follows the draft read-only until it comes back to you.';
  if (holder === null) return 'Read-only: opened for reading.';
  if (cause === 'taken') return `${holder.name} took over this draft on ${holder.machine}.`;
  return `Read-only: ${holder.name} has this draft open on ${holder.machine}.`;
}
