/**
 * The React shell: the library or the open draft's editor, the dialogs, the notices, F6 region
 * cycling, and what comes from the main process — menu commands (routed to the screen that
 * shows), drafts the system asks to open, changes of draft files on disk, and whether assistive
 * technology is on (the whole article is then rendered, use-render-all.ts). State is kept per
 * concern: the library listing (`useLibrary`), the recovery records (`useRecovery`), the open
 * draft (`DocumentSession`: editor state, metadata, saving).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { ExternalChange, ImportedDraft, MenuCommand, OpenedDraft, RecoveryEntry } from '../../shared/ipc/channels';
import { api, displayName, messageOf } from './api';
import { DialogHost, useAsk } from './dialogs/dialog-host';
import { ImportReportDialog } from './dialogs/ImportReportDialog';
// The look of the editor's paste offer (renderer/editor/paste-offer.ts), with the app's styles.
import '../editor/paste-offer.css';
import { DraftScreen } from './draft-screen/DraftScreen';
import { LibraryView } from './library/LibraryView';
import { useLibrary } from './library/use-library';
import { useRecovery } from './library/use-recovery';
import { MenuRouter, MenuRouterContext, type MenuHandlers } from './menu-commands';
import { Notices, notify } from './notices';
import { typography } from './preferences';
import { useRegionCycling } from './regions';
import { DocumentSession, type SessionOptions } from './session/document-session';
import { saveStatusText } from './status/StatusBar';
import { useRenderAll } from './use-render-all';

/** The application. */
export function App(): ReactElement {
  return (
    <DialogHost>
      <Shell />
    </DialogHost>
  );
}

function Shell(): ReactElement {
  const ask = useAsk();
  const router = useMemo(() => new MenuRouter(), []);
  const library = useLibrary();
  const recovery = useRecovery();
  const [session, setSession] = useState<DocumentSession | null>(null);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  // File > Import: the report waits until the new draft's editor is up (and has the focus).
  const pendingReport = useRef<ImportedDraft | null>(null);
  const [importReport, setImportReport] = useState<ImportedDraft | null>(null);
  useRegionCycling();
  // The whole article rendered for a screen reader (assistive technology on, or the preference).
  useRenderAll();

  const start = useCallback((opened: OpenedDraft, options: Partial<SessionOptions> = {}): boolean => {
    try {
      const next = new DocumentSession(api(), opened, {
        typography: typography.get(),
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

  const backToLibrary = useCallback(
    (closing: DocumentSession) => {
      closing.dispose();
      setSession((now) => (now === closing ? null : now));
      void library.refresh();
      void recovery.refresh();
      document.title = 'Copydesk';
    },
    [library, recovery],
  );

  /** Closes the open draft after saving; asks when it cannot be saved. False when the user stays. */
  const leave = useCallback(async (): Promise<boolean> => {
    const current = sessionRef.current;
    if (!current) return true;
    const clean = await current.saver.settle();
    if (!clean) {
      const choice = await ask.choose({
        title: 'Close without saving?',
        message: `${saveStatusText(current.saver.status.get())}. If you close the draft now, the edits since the last save are lost.`,
        choices: [
          { value: 'stay', label: 'Stay with the draft' },
          { value: 'discard', label: 'Close without saving', danger: true },
        ],
      });
      if (choice !== 'discard') return false;
    }
    await current.saver.forgetJournal();
    backToLibrary(current);
    return true;
  }, [ask, backToLibrary]);

  const openDraft = useCallback(
    async (name: string) => {
      if (sessionRef.current?.name === name) return;
      if (!(await leave())) return;
      try {
        start(await api().drafts.open({ name }));
      } catch (e) {
        notify(messageOf(e), 'error');
        void library.refresh();
      }
    },
    [leave, start, library],
  );

  const createDraft = useCallback(async () => {
    if (!(await leave())) return;
    try {
      start(await api().drafts.create());
    } catch (e) {
      notify(messageOf(e), 'error');
    }
  }, [leave, start]);

  /** File > Import…: a file becomes a new draft (main process), which opens with its report. */
  const importFile = useCallback(async () => {
    let imported: ImportedDraft | null;
    try {
      imported = await api().drafts.import({});
    } catch (e) {
      notify(messageOf(e), 'error');
      return;
    }
    if (!imported) return;
    void library.refresh();
    if (!(await leave())) {
      notify(`Imported as “${displayName(imported.name)}”; it is in the library.`);
      return;
    }
    pendingReport.current = imported;
    if (!start({ name: imported.name, draft: imported.draft, hash: imported.hash })) pendingReport.current = null;
  }, [leave, start, library]);

  // Runs after the new session's editor took the focus (children's effects run first).
  useEffect(() => {
    const pending = pendingReport.current;
    if (pending && session?.name === pending.name) {
      pendingReport.current = null;
      setImportReport(pending);
    }
  }, [session]);

  /** Opens a recovered draft with its unsaved content over its file (or a new file); saving it discards the record. */
  const restore = useCallback(
    async (entry: Extract<RecoveryEntry, { readable: true }>) => {
      if (!(await leave())) return;
      try {
        const taken = await api().recovery.take({ key: entry.key });
        let base: OpenedDraft | null = null;
        if (taken.name !== null) base = await api().drafts.open({ name: taken.name }).catch(() => null);
        base ??= await api().drafts.create();
        if (start({ name: base.name, hash: base.hash, draft: taken.draft }, { journalKey: entry.key, dirty: true })) notify(`Restored “${entry.headline || displayName(base.name)}”; it will be saved in a moment.`);
      } catch (e) {
        notify(messageOf(e), 'error');
      }
    },
    [leave, start],
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

  const onExternalChange = useCallback((change: ExternalChange) => {
    const current = sessionRef.current;
    if (!current || current.saver.externalChange(change) !== 'reload') return;
    current.reload().then(
      () => notify(`“${displayName(current.name)}” changed on disk and was reloaded.`),
      (e: unknown) => notify(messageOf(e), 'error'),
    );
  }, []);

  // The app's own menu commands, under those of the screen showing.
  const appCommands = useRef<MenuHandlers>({});
  appCommands.current = {
    new: () => void createDraft(),
    open: () => void leave(),
    import: () => void importFile(),
    close: () => void closeWindow(),
    'choose-workspace': () => void chooseWorkspace(),
  };
  /** The main process asks before the page goes (reload, close, quit): save, then answer. */
  const flush = useCallback(async (id: number) => {
    const current = sessionRef.current;
    const saved = current ? await current.saver.flushForUnload().catch(() => false) : true;
    await api()
      .window.flushed({ id, open: current?.name ?? null, saved })
      .catch(() => undefined);
  }, []);
  const openRef = useRef(openDraft);
  openRef.current = openDraft;
  const externalRef = useRef(onExternalChange);
  externalRef.current = onExternalChange;

  useEffect(() => {
    const unregister = router.register(appCommands);
    const stops = [
      api().on.menu(({ command }: { command: MenuCommand }) => void router.run(command)),
      api().on.openDraft(({ name }) => void openRef.current(name)),
      api().on.externalChange((change) => externalRef.current(change)),
      api().on.flush(({ id }) => void flush(id)),
    ];
    void api()
      .window.ready()
      .catch(() => undefined);
    return () => {
      unregister();
      for (const stop of stops) stop();
    };
  }, [router, flush]);

  return (
    <MenuRouterContext.Provider value={router}>
      {session ? (
        <DraftScreen
          key={session.id}
          session={session}
          onLeave={() => void leave()}
          onTrashed={() => {
            void session.saver.forgetJournal();
            backToLibrary(session);
          }}
        />
      ) : (
        <LibraryView
          library={library}
          recovery={recovery}
          onOpen={(name) => void openDraft(name)}
          onCreate={() => void createDraft()}
          onImport={() => void importFile()}
          onRestore={(entry) => void restore(entry)}
          onChooseWorkspace={() => void chooseWorkspace()}
        />
      )}
      {importReport && session?.name === importReport.name ? <ImportReportDialog name={importReport.name} report={importReport.report} onClose={() => setImportReport(null)} /> : null}
      <Notices />
    </MenuRouterContext.Provider>
  );
}
