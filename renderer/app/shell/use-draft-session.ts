/**
 * Session lifecycle concern of the shell: the open draft's `DocumentSession` (or none: the
 * library shows), opened through its lock (someone else has it open: the user chooses read-only
 * or take over, LockPrompt.tsx), started from an opened draft, left after saving (asking when it
 * cannot be saved), closed (its lock released: `drafts.release`); and what the main process asks
 * of it: a changed file on disk (reloaded when there is nothing unsaved; a read-only window
 * follows the file without a word), the lock taken over by someone else (`lockLost`: what was
 * typed is saved, the window turns read-only), and a flush before the page goes (reload, close,
 * quit). The session's code (and the draft screen's) is loaded when the first draft opens, if
 * the library did not preload it already (draft-code.ts).
 */
import { useCallback, useRef, useState } from 'react';
import type { ExternalChange, LockHolder, OpenedDraft } from '../../../shared/ipc/channels';
import { api, displayName, messageOf } from '../api';
import { useAsk } from '../dialogs/dialog-host';
import { askLockChoice } from '../draft-screen/LockPrompt';
import { notify } from '../notices';
import { typography } from '../preferences';
import { windowReview } from '../reviewer';
import type { DocumentSession, SessionOptions } from '../session/document-session';
import { draftCode } from './draft-code';

/** The open draft and its lifecycle. */
export interface DraftSessionControl {
  readonly session: DocumentSession | null;
  /** The session open now (for callbacks that outlive a render). */
  current(): DocumentSession | null;
  /**
   * Opens draft `name` (`drafts.open`) through its lock: when someone else has it open, asks the
   * user and opens it again read-only or taking it over. Null when the user cancelled.
   */
  openLocked(name: string): Promise<OpenedDraft | null>;
  /** Opens `opened` in a new session (loading the draft's code first if needed); false (and a notice) when it cannot be opened. */
  start(opened: OpenedDraft, options?: Partial<SessionOptions>): Promise<boolean>;
  /** Disposes of `closing` (saved or given up already) and goes back to the library. */
  close(closing: DocumentSession): void;
  /** Closes the open draft after saving; asks when it cannot be saved. False when the user stays. */
  leave(): Promise<boolean>;
  /** Answers the main process's flush request `id`: saves first. */
  flush(id: number): Promise<void>;
  /** A draft file changed on disk: reloads the open draft when it is that one and has nothing unsaved. */
  externalChange(change: ExternalChange): void;
  /** Someone took over draft `name`: when it is the open one, it saves what was typed and turns read-only. */
  lockLost(name: string, holder: LockHolder): void;
}

/** The session lifecycle; `onClosed` runs when a draft was closed, once its lock is released (the library is shown again and read anew). */
export function useDraftSession(onClosed: () => void): DraftSessionControl {
  const ask = useAsk();
  const [session, setSession] = useState<DocumentSession | null>(null);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const closedRef = useRef(onClosed);
  closedRef.current = onClosed;

  const current = useCallback(() => sessionRef.current, []);

  const openLocked = useCallback(
    async (name: string): Promise<OpenedDraft | null> => {
      const opened = await api().drafts.open({ name });
      if (opened.access?.kind !== 'held') return opened;
      const choice = await askLockChoice(ask, opened.access.holder);
      return choice === null ? null : api().drafts.open({ name, access: choice });
    },
    [ask],
  );

  const start = useCallback(async (opened: OpenedDraft, options: Partial<SessionOptions> = {}): Promise<boolean> => {
    try {
      const code = draftCode.current ?? (await draftCode.load());
      const next = new code.DocumentSession(api(), opened, {
        typography: typography.get(),
        review: windowReview(),
        onDirtyChange: (dirty) => void api().window.setDirty({ dirty }).catch(() => undefined),
        ...options,
      });
      setSession(next);
      return true;
    } catch (e) {
      notify(`“${displayName(opened.name)}” cannot be opened: ${messageOf(e)}`, 'error');
      return false;
    }
  }, []);

  const close = useCallback((closing: DocumentSession) => {
    closing.dispose();
    // Its lock goes (the main process keeps a lock another window of this installation holds);
    // the library is read again once it has, or it would list the draft as still open here.
    void api()
      .drafts.release({ name: closing.name })
      .catch(() => undefined)
      .then(() => closedRef.current());
    setSession((now) => (now === closing ? null : now));
    document.title = 'Copydesk';
  }, []);

  const leave = useCallback(async (): Promise<boolean> => {
    const open = sessionRef.current;
    if (!open) return true;
    const clean = await open.saver.settle();
    if (!clean) {
      const { saveStatusText } = await draftCode.load();
      const choice = await ask.choose({
        title: 'Close without saving?',
        message: `${saveStatusText(open.saver.status.get())}. If you close the draft now, the edits since the last save are lost.`,
        choices: [
          { value: 'stay', label: 'Stay with the draft' },
          { value: 'discard', label: 'Close without saving', danger: true },
        ],
      });
      if (choice !== 'discard') return false;
    }
    await open.saver.forgetJournal();
    close(open);
    return true;
  }, [ask, close]);

  const flush = useCallback(async (id: number) => {
    const open = sessionRef.current;
    const saved = open ? await open.saver.flushForUnload().catch(() => false) : true;
    await api()
      .window.flushed({ id, open: open?.name ?? null, saved })
      .catch(() => undefined);
  }, []);

  const externalChange = useCallback((change: ExternalChange) => {
    const open = sessionRef.current;
    if (!open || open.saver.externalChange(change) !== 'reload') return;
    // A read-only window follows the other person's saves: nothing to tell.
    const quiet = open.access.get().kind === 'read-only';
    open.reload().then(
      () => {
        if (!quiet) notify(`“${displayName(open.name)}” changed on disk and was reloaded.`);
      },
      (e: unknown) => notify(messageOf(e), 'error'),
    );
  }, []);

  const lockLost = useCallback((name: string, holder: LockHolder) => {
    const open = sessionRef.current;
    if (!open || open.name !== name || open.access.get().kind === 'read-only') return;
    // The banner says who took it over; a notice says what became of the unsaved edits (a conflict shows its own banner).
    const typed = open.saver.dirty;
    open.lockLost(holder).then(
      (saved) => {
        if (typed && saved) notify(`${holder.name} took over the draft: what you had typed is saved.`);
      },
      (e: unknown) => notify(messageOf(e), 'error'),
    );
  }, []);

  return { session, current, openLocked, start, close, leave, flush, externalChange, lockLost };
}
