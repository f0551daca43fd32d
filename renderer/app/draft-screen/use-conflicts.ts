/**
 * Conflicts concern of the draft screen: when a save is refused because the file changed (or
 * went) on disk, the conflict dialog opens at once; its actions (and the banner's) merge their
 * version (their changes as suggestions, saved; the Review panel opens on them), keep mine,
 * reload theirs, or save mine as a copy.
 */
import { useEffect, useMemo } from 'react';
import { messageOf } from '../api';
import { notify } from '../notices';
import type { DocumentSession } from '../session/document-session';
import { useObservable } from '../session/observable';
import type { SaveStatus } from '../session/save-controller';
import type { ConflictActions } from './ConflictBanner';
import type { DraftDialogs } from './use-draft-dialogs';

/** The conflict's actions; opens the conflict dialog when a save meets a conflict. */
export function useConflicts(
  session: DocumentSession,
  status: SaveStatus,
  dialogs: Pick<DraftDialogs, 'openConflict' | 'close'>,
  saveCopy: () => Promise<void>,
  showReview: () => void,
): ConflictActions {
  const { openConflict, close } = dialogs;
  const readOnly = useObservable(session.access).kind === 'read-only';
  useEffect(() => {
    if (status.kind === 'conflict' && status.cause === 'save') openConflict();
  }, [status, openConflict]);

  return useMemo<ConflictActions>(
    () => ({
      mergeTheirs: () => {
        close();
        session.mergeTheirs().then(
          ({ author, changes, saved }) => {
            const what = changes === 0 ? `Nothing of ${author}’s version was missing here` : `${author}’s changes are here as ${String(changes)} suggestion${changes === 1 ? '' : 's'}`;
            notify(`${what}${saved ? '; the draft is saved.' : '.'}`);
            if (changes > 0) showReview();
          },
          (e: unknown) => notify(messageOf(e), 'error'),
        );
      },
      // A read-only window (taken over, handed over) never writes over the holder's work: it merges.
      keepMine: readOnly
        ? null
        : () => {
            close();
            void session.saver.forceSave().then((ok) => {
              if (ok) notify('Your version was saved.');
            });
          },
      reloadTheirs: () => {
        close();
        session.reload().then(
          () => notify('Reloaded the version on disk.'),
          (e: unknown) => notify(messageOf(e), 'error'),
        );
      },
      saveCopy: () => {
        close();
        void saveCopy();
      },
    }),
    [session, readOnly, close, saveCopy, showReview],
  );
}
