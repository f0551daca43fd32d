/**
 * Shell commands concern: what changes the open draft from the library or the File menu —
 * open, create, import (a file picked or dropped on the library becomes a new draft, opened
 * with its report), restore a
 * recovered draft, choose the workspace folder, close the window — each leaving the open
 * draft first (use-draft-session.ts).
 */
import { useCallback } from 'react';
import type { ImportedDraft, OpenedDraft, RecoveryEntry } from '../../../shared/ipc/channels';
import { MAX_DOCX_FILE_BYTES } from '../../../shared/import/types';
import { api, displayName, messageOf } from '../api';
import type { LibraryState } from '../library/use-library';
import type { RecoveryState } from '../library/use-recovery';
import { useAsk } from '../dialogs/dialog-host';
import { askLockChoice } from '../draft-screen/LockPrompt';
import { notify } from '../notices';
import { draftCode } from './draft-code';
import type { DraftSessionControl } from './use-draft-session';
import type { ImportReportState } from './use-import-report';

/** The shell's commands. */
export interface ShellCommands {
  openDraft(name: string): Promise<void>;
  createDraft(): Promise<void>;
  importFile(): Promise<void>;
  /** Imports a file dropped on the library (its name and bytes go to the main process). */
  importDropped(file: File): Promise<void>;
  /** Opens a recovered draft with its unsaved content over its file (or a new file); saving it discards the record. */
  restore(entry: Extract<RecoveryEntry, { readable: true }>): Promise<void>;
  chooseWorkspace(): Promise<void>;
  closeWindow(): Promise<void>;
}

/** The shell's commands over the draft session, the library and the recovery records. */
export function useShellCommands(drafts: DraftSessionControl, library: LibraryState, recovery: RecoveryState, report: Pick<ImportReportState, 'expect'>): ShellCommands {
  const { current, start, leave, openLocked } = drafts;
  const { expect } = report;
  const ask = useAsk();

  const openDraft = useCallback(
    async (name: string) => {
      if (current()?.name === name) return;
      // The draft's code, if the library's idle time did not bring it yet, downloads meanwhile.
      draftCode.load().catch(() => undefined);
      if (!(await leave())) return;
      try {
        const opened = await openLocked(name);
        if (opened) await start(opened);
      } catch (e) {
        notify(messageOf(e), 'error');
        void library.refresh();
      }
    },
    [current, leave, start, openLocked, library],
  );

  const createDraft = useCallback(async () => {
    if (!(await leave())) return;
    try {
      await start(await api().drafts.create());
    } catch (e) {
      notify(messageOf(e), 'error');
    }
  }, [leave, start]);

  /** Opens a draft just imported with its report (unless leaving the open draft is refused). */
  const opened = useCallback(async (imported: ImportedDraft) => {
    void library.refresh();
    if (!(await leave())) {
      notify(`Imported as “${displayName(imported.name)}”; it is in the library.`);
      return;
    }
    expect(imported);
    if (!(await start({ name: imported.name, draft: imported.draft, hash: imported.hash }))) expect(null);
  }, [leave, start, library, expect]);

  const importFile = useCallback(async () => {
    let imported: ImportedDraft | null;
    try {
      imported = await api().drafts.import({});
    } catch (e) {
      notify(messageOf(e), 'error');
      return;
    }
    if (imported) await opened(imported);
  }, [opened]);

  const importDropped = useCallback(async (file: File) => {
    if (file.size > MAX_DOCX_FILE_BYTES) {
      notify(`“${file.name}” is too large to import (${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${String(MAX_DOCX_FILE_BYTES / 1024 / 1024)} MB). Nothing was imported.`, 'error');
      return;
    }
    let imported: ImportedDraft;
    try {
      imported = await api().drafts.importDropped({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (e) {
      notify(messageOf(e), 'error');
      return;
    }
    await opened(imported);
  }, [opened]);

  const restore = useCallback(
    async (entry: Extract<RecoveryEntry, { readable: true }>) => {
      if (!(await leave())) return;
      try {
        const taken = await api().recovery.take({ key: entry.key });
        let base: OpenedDraft | null = null;
        // The recovered text goes over the file: it needs the lock (someone else has it: take it over, or restore as a new draft).
        if (taken.name !== null) base = await api().drafts.open({ name: taken.name }).catch(() => null);
        if (base?.access?.kind === 'held') base = (await askLockChoice(ask, base.access.holder)) === 'take-over' ? await api().drafts.open({ name: base.name, access: 'take-over' }) : null;
        base ??= await api().drafts.create();
        const options = { journalKey: entry.key, dirty: true, baseDraft: base.draft };
        if (await start({ name: base.name, hash: base.hash, draft: taken.draft, ...(base.access ? { access: base.access } : {}) }, options)) notify(`Restored “${entry.headline || displayName(base.name)}”; it will be saved in a moment.`);
      } catch (e) {
        notify(messageOf(e), 'error');
      }
    },
    [leave, start, ask],
  );

  const chooseWorkspace = useCallback(async () => {
    if (!(await leave())) return;
    try {
      if (await api().settings.chooseWorkspace()) {
        await library.refresh();
        await recovery.refresh();
      }
    } catch (e) {
      notify(messageOf(e), 'error');
    }
  }, [leave, library, recovery]);

  const closeWindow = useCallback(async () => {
    if (await leave()) await api().window.close();
  }, [leave]);

  return { openDraft, createDraft, importFile, importDropped, restore, chooseWorkspace, closeWindow };
}
