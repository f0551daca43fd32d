/**
 * The desk's hand-over: what each change of a draft's status means. Status is not a label but the
 * moment a draft passes from one person to another (the reporter files it, the editor sends it
 * back or finishes, the desk signs it off), so each change is recorded (who, when, from, to), may
 * keep the text as a named checkpoint, and decides the mode each person opens the draft in.
 * Pure: no DOM, no Node; the renderer (the status control, the hand-over hook) and the History
 * panel read it.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { MAX_STATUS_LOG, type DeskPerson, type DraftMeta, type Status, type StatusChange } from '../draft/meta';
import { indexReview } from '../review/index';
import type { ReviewMode } from '../review/model';

/** What entering a status does. */
export interface StatusRule {
  /**
   * The checkpoint saved as the draft enters the status (a version kept when time-spaced snapshots
   * are pruned), or null. Each hand-over keeps the text as it was handed over, so that the reporter
   * can compare "Filed" with what came back, and the desk what was edited with what was approved.
   */
  readonly checkpoint: string | null;
  /** What the person who made the change is told. */
  readonly notice: string;
}

/**
 * One table for every status: its checkpoint and what the person who changed it is told. `draft`
 * keeps no checkpoint: going back to draft hands nothing over.
 */
export const STATUS_RULES: Readonly<Record<Status, StatusRule>> = {
  draft: { checkpoint: null, notice: 'Back to Draft.' },
  'ready-for-edit': { checkpoint: 'Filed', notice: 'Filed: the draft is with the desk. This window follows it read-only until it is sent back to you.' },
  revise: { checkpoint: 'Sent back for revision', notice: 'Sent back for revision: the reporter edits it next, with your suggestions pending. This window follows it read-only meanwhile.' },
  edited: { checkpoint: 'Edited', notice: 'Edited: the text is kept as the checkpoint “Edited”.' },
  approved: { checkpoint: 'Approved', notice: 'Approved: the text is kept as the checkpoint “Approved”.' },
};

/**
 * `meta` after `by` changed its status to `to` at `at`: the status set and the change appended to
 * `statusLog` (the oldest dropped beyond `MAX_STATUS_LOG`, which the file format refuses to exceed).
 * The same status again is no change: `meta` comes back as it is, with nothing recorded.
 */
export function recordStatusChange(meta: DraftMeta, to: Status, by: DeskPerson, at: Date): DraftMeta {
  if (meta.status === to) return meta;
  const change: StatusChange = { from: meta.status, to, by: { id: by.id, name: by.name }, at: at.toISOString() };
  const log = [...(meta.statusLog ?? []), change].slice(-MAX_STATUS_LOG);
  return { ...meta, status: to, statusLog: log };
}

/** The last recorded change of `meta` into `status`, or null (never, or not recorded: an older file). */
export function lastChangeTo(meta: Pick<DraftMeta, 'statusLog'>, status: Status): StatusChange | null {
  const log = meta.statusLog ?? [];
  for (let i = log.length - 1; i >= 0; i--) {
    const change = log[i] as StatusChange;
    if (change.to === status) return change;
  }
  return null;
}

/** A mode the draft's status imposes on one person, and why (the mode switch and a notice say it). */
export interface DeskMode {
  readonly mode: ReviewMode;
  /** A few words beside the mode's name ("with the desk"). */
  readonly tag: string;
  /** The sentence that explains it. */
  readonly reason: string;
}

/**
 * The mode the person with author id `me` opens the draft in, or null when its status imposes
 * none (the window's own mode applies):
 * - `ready-for-edit`: the draft is with the desk. Whoever filed it (the last change into
 *   ready-for-edit) is in Viewing until it comes back, so that the reporter cannot change the text
 *   under the editor's hands (the window also lets go of the draft's lock and follows the file
 *   read-only: renderer/app/draft-screen/use-handover.ts); anyone else is in Suggesting, so that every
 *   change the desk makes stays visible to the reporter. A filed draft with no record of who filed
 *   it (an older file) opens in Suggesting for everyone: nothing is lost that way.
 * - `revise`: the draft is back with the reporter, the editor's suggestions pending. Whoever sent
 *   it back is in Viewing (it is no longer theirs to change); the reporter (whoever filed it, or,
 *   with no record of that, anyone else) is in Editing, deciding on the suggestions. A third
 *   person has no imposed mode. Someone who both filed and sent back their own draft edits it.
 * - `draft`, `edited`, `approved`: none.
 */
export function modeFor(meta: Pick<DraftMeta, 'status' | 'statusLog'>, me: string): DeskMode | null {
  const filer = lastChangeTo(meta, 'ready-for-edit')?.by ?? null;
  if (meta.status === 'ready-for-edit') {
    if (filer?.id === me) return { mode: 'viewing', tag: 'with the desk', reason: 'You filed this draft: it is with the desk until it is sent back.' };
    return { mode: 'suggesting', tag: 'ready for edit', reason: `Ready for edit${filer ? ` (filed by ${filer.name})` : ''}: your changes are recorded as suggestions.` };
  }
  if (meta.status === 'revise') {
    const sender = lastChangeTo(meta, 'revise')?.by ?? null;
    if (filer?.id === me || (filer === null && sender?.id !== me)) {
      return { mode: 'editing', tag: 'sent back', reason: `Sent back for revision${sender ? ` by ${sender.name}` : ''}: decide on the suggestions and file it again.` };
    }
    if (sender?.id === me) return { mode: 'viewing', tag: 'with the reporter', reason: 'You sent this draft back: it is with the reporter until it is filed again.' };
    return null;
  }
  return null;
}

/** What stands in the way of approving a draft: its pending suggestions and its open threads. */
export interface ApprovalBlockers {
  readonly suggestions: number;
  readonly threads: number;
}

/**
 * The pending suggestions and open (unresolved, detached ones included) threads of `doc`, read
 * from the review index (shared/review). Approving signs off the text as it reads: a pending
 * suggestion means the text is not settled yet, and an open thread a question nobody answered.
 */
export function approvalBlockers(doc: PMNode): ApprovalBlockers {
  const index = indexReview(doc);
  return { suggestions: index.suggestions.length, threads: index.threads.filter((entry) => entry.thread.resolved === undefined).length };
}

/** True when nothing stands in the way of approving. */
export function nothingBlocks(blockers: ApprovalBlockers): boolean {
  return blockers.suggestions === 0 && blockers.threads === 0;
}
