/**
 * Who is reviewing in this window, and the window's review mode. The reviewer (a stable id, a name
 * and initials) belongs to the installation and is kept by the main process (`reviewer.get`,
 * `reviewer.set`); the first time it is needed (switching to Suggesting, a first comment:
 * `requireReviewer`) a dialog asks for the name and initials, prefilled from the operating
 * system's user name. The mode is the window's: a draft opened in it starts in the mode it is in.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReviewerInfo } from '../../shared/ipc/channels';
import type { Reviewer, ReviewMode } from '../../shared/review/model';
import type { ReviewModeState } from '../editor/review-mode';
import { api, hasApi } from './api';
import { useAsk } from './dialogs/dialog-host';
import type { ReviewerName } from './dialogs/ReviewerForm';
import { Observable } from './session/observable';

/** This installation's reviewer, once known; null until the main process answered or the user gave a name. */
export const currentReviewer = new Observable<Reviewer | null>(null);

/** The window's review mode: the open draft's, and the one the next draft opens in. */
export const windowMode = new Observable<ReviewMode>('editing');

let asked: Promise<ReviewerInfo> | null = null;

/** Asks the main process for the reviewer (once; again after a failure). */
export function loadReviewer(): Promise<ReviewerInfo> {
  asked ??= api()
    .reviewer.get()
    .then(
      (info) => {
        if (info.reviewer && currentReviewer.get() === null) currentReviewer.set(info.reviewer);
        return info;
      },
      (error: unknown) => {
        asked = null;
        throw error;
      },
    );
  return asked;
}

/** This installation's author id (`ReviewerInfo.id`: its locks, its saves, its changes of status), once the main process said; null before. */
export function useInstallationId(): string | null {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    if (!hasApi()) return;
    let live = true;
    loadReviewer().then(
      (info) => {
        if (live) setId(info.id);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return id;
}

/** The mode and reviewer a newly opened draft's editor starts in (Suggesting needs a reviewer). */
export function windowReview(): ReviewModeState {
  const reviewer = currentReviewer.get();
  const mode = windowMode.get();
  return { mode: mode === 'suggesting' && reviewer === null ? 'editing' : mode, reviewer };
}

/** What needs the user's name in review. */
export interface ReviewerActions {
  /** The reviewer; the first time, a dialog asks for a name and initials (prefilled). Null when the user cancels. */
  requireReviewer(): Promise<Reviewer | null>;
  /** Asks for another name and initials (the id stays); the reviewer, or null when cancelled. */
  changeName(): Promise<Reviewer | null>;
}

/** The reviewer's actions, with the shell's dialogs. */
export function useReviewer(): ReviewerActions {
  const ask = useAsk();

  useEffect(() => {
    if (hasApi()) void loadReviewer().catch(() => undefined);
  }, []);

  const askName = useCallback(
    async (info: ReviewerInfo, intro?: string): Promise<Reviewer | null> => {
      const known = currentReviewer.get() ?? info.reviewer;
      const initial: ReviewerName = known ? { name: known.name, initials: known.initials } : info.suggested;
      let saved: Reviewer | null = null;
      // The form checks what is typed with the main process's validators (zod): not in the start chunk.
      const { ReviewerForm } = await import('./dialogs/ReviewerForm');
      const answer = await ask.form<ReviewerName>('Your name in review', (done) => (
        <ReviewerForm
          initial={initial}
          {...(intro === undefined ? {} : { intro })}
          apply={async (person) => {
            saved = await api().reviewer.set(person);
            return null;
          }}
          onDone={done}
        />
      ));
      if (answer === null || saved === null) return null;
      currentReviewer.set(saved);
      return saved;
    },
    [ask],
  );

  const requireReviewer = useCallback(async (): Promise<Reviewer | null> => {
    const known = currentReviewer.get();
    if (known) return known;
    const info = await loadReviewer();
    if (info.reviewer) return info.reviewer;
    return askName(info, 'Your suggestions and comments carry this name and your initials, so that others know who made them.');
  }, [askName]);

  const changeName = useCallback(async (): Promise<Reviewer | null> => askName(await loadReviewer()), [askName]);

  return useMemo(() => ({ requireReviewer, changeName }), [requireReviewer, changeName]);
}
