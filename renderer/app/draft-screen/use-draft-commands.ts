/**
 * Draft commands concern of the draft screen: what the File, Edit and View menus do to the open
 * draft (save, save as a copy, duplicate, rename, move to the trash, export, find and replace,
 * the desktop preview), registered with the menu router for as long as the screen shows.
 * `saveCopy` and `exportDraft` are also offered by the conflict dialog and the Preview panel.
 */
import { exportFormat, exportMenuHandlers } from '../../../shared/export/format-uses';
import { hasReviewContent } from '../../../shared/review/accepted';
import { createElement, useCallback } from 'react';
import type { ExportFormat } from '../../../shared/ipc/channels';
import { findNext, findPrevious, openFind } from '../../editor/find';
import { api, displayName, messageOf, toDraftName } from '../api';
import { useAsk } from '../dialogs/dialog-host';
import { ExportReviewForm } from '../dialogs/ExportReviewForm';
import { useMenuCommands } from '../menu-commands';
import { notify } from '../notices';
import { windowReview } from '../reviewer';
import type { DocumentSession } from '../session/document-session';
import type { SaveStatus } from '../session/save-controller';
import { goToChange, requestComment } from '../../editor/review-commands';

/** The commands other parts of the screen offer too. */
export interface DraftCommands {
  /** Asks for a name and saves the draft as a copy under it (the copy stays open). */
  saveCopy(): Promise<void>;
  /** Exports the draft through the main process (which asks where). */
  exportDraft(format: ExportFormat, fragment?: boolean): Promise<void>;
}

/** What a failed File > Save says. */
export function saveFailure(status: SaveStatus): string {
  return status.kind === 'error' ? `Not saved: ${status.message}` : 'Not saved.';
}

/** Registers the draft's menu commands; `onTrashed` closes the draft once it is in the trash, `openDesktopPreview` shows the preview. */
export function useDraftCommands(session: DocumentSession, onTrashed: () => void, openDesktopPreview: () => void): DraftCommands {
  const ask = useAsk();
  const { store, saver } = session;

  const saveCopy = useCallback(async (): Promise<void> => {
    await ask.prompt({
      title: 'Save as',
      label: 'File name of the copy',
      initial: `${displayName(saver.identity.get().name)} (mine)`,
      submit: 'Save',
      check: (text) => (text.trim() === '' ? 'Type a name.' : null),
      apply: async (text) => {
        // A read-only window changes nothing of the draft it shows; its copy is its own (the main process locked it for this window).
        const readOnly = session.access.get().kind === 'read-only';
        if (!readOnly) session.nameByHand();
        const result = await saver.saveAs(toDraftName(text));
        if (result.ok) {
          if (readOnly) {
            const { mode, reviewer } = windowReview();
            session.editAgain({ kind: 'editing' }, mode, reviewer);
            session.nameByHand();
          }
          notify(`Saved as ${displayName(result.name)}.`);
          return null;
        }
        return result.reason === 'error' ? result.message : 'A draft with that name appeared meanwhile; choose another name.';
      },
    });
  }, [ask, saver, session]);

  const exportDraft = useCallback(
    async (format: ExportFormat, fragment = false): Promise<void> => {
      // The save dialog cannot hold a checkbox: a draft under review asks first, in the app.
      let review = false;
      if (hasReviewContent(store.getState().doc)) {
        const answer = await ask.form<boolean>(`Export as ${exportFormat(format).label}`, (done) => createElement(ExportReviewForm, { onDone: done }));
        if (answer === null) return;
        review = answer;
      }
      try {
        const result = await api().export.write({ name: session.name, format, ...(fragment ? { fragment: true } : {}), ...(review ? { review: true } : {}), draft: session.snapshot() });
        if (result.ok) notify(`Exported to ${result.file}.`);
      } catch (e) {
        notify(messageOf(e), 'error');
      }
    },
    [ask, session, store],
  );

  const rename = useCallback(async () => {
    await ask.prompt({
      title: 'Rename draft',
      label: 'File name',
      initial: displayName(session.name),
      submit: 'Rename',
      check: (text) => (text.trim() === '' ? 'Type a name.' : null),
      apply: async (text) => {
        await session.rename(toDraftName(text));
        return null;
      },
    });
  }, [ask, session]);

  const trash = useCallback(async () => {
    const yes = await ask.confirm({ title: 'Move to trash?', message: `“${displayName(session.name)}” goes to the system trash, where it can still be restored.`, confirm: 'Move to trash', danger: true });
    if (!yes) return;
    try {
      await api().drafts.trash({ name: session.name });
      onTrashed();
    } catch (e) {
      notify(messageOf(e), 'error');
    }
  }, [ask, session, onTrashed]);

  useMenuCommands({
    save: () => {
      void saver.saveNow().then((ok) => {
        if (!ok && saver.status.get().kind === 'error') notify(saveFailure(saver.status.get()), 'error');
      });
    },
    'save-as': () => void saveCopy(),
    duplicate: () => {
      void saver
        .saveNow()
        .then(() => api().drafts.duplicate({ name: session.name }))
        .then((copy) => notify(`Duplicated as ${displayName(copy.name)}.`))
        .catch((e: unknown) => notify(messageOf(e), 'error'));
    },
    rename: () => void rename(),
    trash: () => void trash(),
    ...exportMenuHandlers((format) => void exportDraft(format)),
    // The bar focuses its own field; next/previous leave the focus where it is.
    find: () => void store.run(openFind('find'), false),
    replace: () => void store.run(openFind('replace'), false),
    'find-next': () => void store.run(findNext, false),
    'find-previous': () => void store.run(findPrevious, false),
    // Edit > Comment, Next Change, Previous Change (the review panel's keys).
    'review-comment': () => void store.run(requestComment),
    'review-next': () => void store.run(goToChange(1)),
    'review-previous': () => void store.run(goToChange(-1)),
    'desktop-preview': openDesktopPreview,
  });

  return { saveCopy, exportDraft };
}
