/**
 * Hand-over concern of the draft screen (shared/desk/handover.ts says what each status means):
 * - changing the status is an action: it needs the person's name (the change is recorded as
 *   theirs), refuses Approved while suggestions are pending or threads open unless the user
 *   confirms, records the change in `meta.statusLog`, saves at once, keeps the checkpoint the
 *   status names (`versions.checkpoint`: the file as saved), and says what happened;
 * - the mode the status imposes on this person (`modeFor`) is applied when the draft opens, when
 *   its status changes here, and when the file comes back changed from someone else (reloaded):
 *   the reporter who files is in Viewing until it is sent back, the editor in Suggesting. An
 *   imposed mode is the draft's, not the window's: the next draft opens in the window's mode; one
 *   the editor refuses for now (a read-only draft stays in Viewing) applies once it can;
 * - leaving an imposed mode for Editing by hand asks first (`allowSwitch`), so it is never silent.
 * - the lock follows who has the text: a window whose person the status puts in Viewing lets go of
 *   the lock and follows the file read-only (`session.handOver`), so the other person opens it
 *   without being asked who has it; it takes the lock back when the draft returns (`takeBack`).
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { approvalBlockers, modeFor, nothingBlocks, recordStatusChange, STATUS_RULES, type DeskMode } from '../../../shared/desk/handover';
import type { DraftMeta, Status } from '../../../shared/draft/meta';
import type { Reviewer, ReviewMode } from '../../../shared/review/model';
import { reviewModeOf, setReviewMode } from '../../editor/review-mode';
import { api, messageOf } from '../api';
import { useAsk } from '../dialogs/dialog-host';
import { notify } from '../notices';
import { currentReviewer, useInstallationId, useReviewer, windowMode } from '../reviewer';
import type { DocumentSession } from '../session/document-session';
import { useObservable } from '../session/observable';
import { blockersText, STATUS_LABELS } from '../status-labels';
import { modeLabel } from './ModeSwitch';

/** The hand-over's state and actions. */
export interface HandOverControl {
  /** The mode the draft's status imposes on this person now, or null. */
  readonly imposed: DeskMode | null;
  /** Changes the status as an action (see the module comment). */
  changeStatus(to: Status): Promise<void>;
  /** Whether switching to `next` by hand may go on (leaving an imposed mode for Editing asks first). */
  allowSwitch(next: ReviewMode): Promise<boolean>;
}

// What decides the imposed mode: the status and who changed it last.
function deskKey(meta: DraftMeta): string {
  const last = meta.statusLog?.at(-1);
  return `${meta.status}|${last ? `${last.by.id}@${last.at}` : ''}`;
}

/** The hand-over of the draft open in `session`. */
export function useHandOver(session: DocumentSession): HandOverControl {
  const ask = useAsk();
  const { requireReviewer } = useReviewer();
  const meta = useObservable(session.meta);
  const me = useInstallationId();
  // The imposed mode last applied (undefined: none applied yet for this draft).
  const applied = useRef<DeskMode | null | undefined>(undefined);
  const appliedKey = useRef<string | null>(null);


  const imposed = useMemo(() => (me === null ? null : modeFor(meta, me)), [meta, me]);

  // A mode the editor refused for now (a read-only draft stays in Viewing): tried again after each transaction until it applies.
  const waiting = useRef<{ mode: ReviewMode; reviewer: Reviewer | null } | null>(null);

  /** Puts the editor in `mode` for this draft only (the window's mode stays); Suggesting asks for a name, Viewing if refused. */
  const enter = useCallback(
    async (mode: ReviewMode): Promise<void> => {
      let reviewer: Reviewer | null = currentReviewer.get();
      if (mode === 'suggesting' && reviewer === null) reviewer = await requireReviewer();
      const next = mode === 'suggesting' && reviewer === null ? 'viewing' : mode;
      waiting.current = null;
      if (reviewModeOf(session.store.getState()) === next) return;
      if (!session.store.run(setReviewMode(next, reviewer), false)) waiting.current = { mode: next, reviewer };
    },
    [session, requireReviewer],
  );

  useEffect(
    () =>
      session.store.listen(() => {
        if (waiting.current === null) return;
        // Not inside another transaction's listeners.
        queueMicrotask(() => {
          const wanted = waiting.current;
          if (wanted && session.store.run(setReviewMode(wanted.mode, wanted.reviewer), false)) waiting.current = null;
        });
      }),
    [session],
  );

  /** Applies the mode `m`'s status imposes, once per change of status; `tell`: say why in a notice. */
  const follow = useCallback(
    (m: DraftMeta, tell: boolean): void => {
      if (me === null) return;
      const key = deskKey(m);
      if (key === appliedKey.current) return;
      appliedKey.current = key;
      const desk = modeFor(m, me);
      const before = applied.current;
      applied.current = desk;
      if (desk) {
        void enter(desk.mode);
        if (tell) notify(desk.reason);
      } else if (before) {
        // The status no longer imposes a mode: back to the window's.
        void enter(windowMode.get());
      }
      // The lock follows who has the text: handed over while another person has it (a change
      // made here hands it over once saved, in changeStatus), taken back when it returns.
      if (desk?.mode === 'viewing') {
        if (tell) void session.handOver().catch((e: unknown) => notify(messageOf(e), 'error'));
      } else {
        const mode = desk?.mode ?? windowMode.get();
        void session.takeBack(mode, currentReviewer.get()).catch((e: unknown) => notify(messageOf(e), 'error'));
      }
    },
    [me, enter, session],
  );

  // When the draft opens (once the installation's id is known) and whenever its status changes
  // (here, or in a reload of the file someone else saved).
  useEffect(() => {
    follow(session.meta.get(), true);
    return session.meta.subscribe(() => follow(session.meta.get(), true));
  }, [session, follow]);

  const changeStatus = useCallback(
    async (to: Status): Promise<void> => {
      if (session.meta.get().status === to) return;
      const reviewer = await requireReviewer();
      if (reviewer === null) return;
      if (to === 'approved') {
        const blockers = approvalBlockers(session.store.getState().doc);
        if (!nothingBlocks(blockers)) {
          const yes = await ask.confirm({
            title: 'Approve with the review unfinished?',
            message: `${blockersText(blockers)}. Approving signs off the text as it reads now, with ${blockers.suggestions + blockers.threads === 1 ? 'it' : 'them'} undecided.`,
            confirm: 'Approve anyway',
          });
          if (!yes) return;
        }
      }
      const now = session.meta.get();
      if (now.status === to) return;
      const next = recordStatusChange(now, to, { id: reviewer.id, name: reviewer.name }, new Date());
      // The mode follows without a second notice: the one below says it all.
      follow(next, false);
      session.setMeta({ status: next.status, statusLog: next.statusLog ?? [] });
      // Handing the draft over lets go of its lock before the save that tells the other person.
      const handing = modeFor(next, reviewer.id)?.mode === 'viewing';
      const saved = await (handing ? session.handOver() : session.saver.saveNow()).catch(() => false);
      if (!saved) {
        notify(`The status is now ${STATUS_LABELS[to]}, but the draft could not be saved yet, so no checkpoint was kept.`, 'error');
        return;
      }
      const label = STATUS_RULES[to].checkpoint;
      if (label !== null) {
        try {
          await api().versions.checkpoint({ name: session.name, label });
        } catch (e) {
          notify(`The checkpoint “${label}” could not be kept: ${messageOf(e)}`, 'error');
        }
      }
      notify(STATUS_RULES[to].notice);
    },
    [session, ask, requireReviewer, follow],
  );

  const allowSwitch = useCallback(
    async (next: ReviewMode): Promise<boolean> => {
      // The person chooses: a mode still waiting to apply gives way.
      waiting.current = null;
      const desk = applied.current;
      if (!desk || next !== 'editing' || desk.mode === 'editing' || reviewModeOf(session.store.getState()) === 'editing') return true;
      return ask.confirm({
        title: 'Edit the draft anyway?',
        message: `${desk.reason} In Editing your changes apply directly, with no trace for the others to review.`,
        confirm: `Switch to ${modeLabel('editing')}`,
        cancel: `Stay in ${modeLabel(desk.mode)}`,
      });
    },
    [session, ask],
  );

  return useMemo(() => ({ imposed, changeStatus, allowSwitch }), [imposed, changeStatus, allowSwitch]);
}
