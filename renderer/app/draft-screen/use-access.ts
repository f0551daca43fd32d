/**
 * Access concern of the draft screen: how this window holds the draft (session `access`:
 * editing, read-only, unlocked), and taking it over from whoever has it (the read-only banner's
 * "Take over"): the editor then edits again in the window's mode.
 */
import { useCallback, useState } from 'react';
import { messageOf } from '../api';
import { notify } from '../notices';
import { currentReviewer, windowReview } from '../reviewer';
import type { WindowAccess } from '../session/access';
import type { DocumentSession } from '../session/document-session';
import { useObservable } from '../session/observable';

/** The access, and taking the draft over. */
export interface AccessControl {
  readonly access: WindowAccess;
  /** A take-over is under way. */
  readonly busy: boolean;
  takeOver(): void;
}

/** The open draft's access in this window. */
export function useAccess(session: DocumentSession): AccessControl {
  const access = useObservable(session.access);
  const [busy, setBusy] = useState(false);
  const takeOver = useCallback(() => {
    setBusy(true);
    session
      .takeOver(windowReview().mode, currentReviewer.get())
      .then(
        () => {
          session.store.view?.focus();
          notify('You took over the draft: it is yours to edit.');
        },
        (e: unknown) => notify(messageOf(e), 'error'),
      )
      .finally(() => setBusy(false));
  }, [session]);
  return { access, busy, takeOver };
}
