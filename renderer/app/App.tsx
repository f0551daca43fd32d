/**
 * The React shell: the library or the open draft's editor, the dialogs, the notices, F6 region
 * cycling, and whether assistive technology is on (the whole article is then rendered,
 * use-render-all.ts). `Shell` composes one hook per concern: the library listing (`useLibrary`)
 * and the recovery records (`useRecovery`), the open draft's session lifecycle
 * (shell/use-draft-session.ts), the import report (shell/use-import-report.ts), the commands
 * that open, create, import or restore a draft (shell/use-shell-commands.ts), and the main
 * process's events — menu commands routed to the screen that shows, drafts the system asks to
 * open, files changed on disk, flushes (shell/use-main-events.ts). The draft screen is in a
 * chunk of its own, loaded once the library is listed and the page is idle (shell/draft-code.ts).
 */
import { useCallback, useEffect, useMemo, type ReactElement } from 'react';
import { DialogHost } from './dialogs/dialog-host';
import { ImportReportDialog } from './dialogs/ImportReportDialog';
// The look of the editor's paste offer (renderer/editor/paste-offer.ts), with the app's styles.
import '../editor/paste-offer.css';
import { LibraryView } from './library/LibraryView';
import { useLibrary } from './library/use-library';
import { useRecovery } from './library/use-recovery';
import { MenuRouter, MenuRouterContext } from './menu-commands';
import { Notices } from './notices';
import { useReviewer } from './reviewer';
import { useRegionCycling } from './regions';
import { draftCode, preloadDraftCode } from './shell/draft-code';
import { useDraftSession } from './shell/use-draft-session';
import { useImportReport } from './shell/use-import-report';
import { useMainEvents } from './shell/use-main-events';
import { useShellCommands } from './shell/use-shell-commands';
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
  const router = useMemo(() => new MenuRouter(), []);
  const library = useLibrary();
  const recovery = useRecovery();
  useRegionCycling();
  // The whole article rendered for a screen reader (assistive technology on, or the preference).
  useRenderAll();
  const drafts = useDraftSession(
    useCallback(() => {
      void library.refresh();
      void recovery.refresh();
    }, [library, recovery]),
  );
  const { session } = drafts;
  // A session exists only once the draft's chunk is loaded (`drafts.start`).
  const DraftScreen = session ? draftCode.current?.DraftScreen : undefined;
  const listed = library.drafts !== null || library.error !== null;
  useEffect(() => (listed ? preloadDraftCode() : undefined), [listed]);
  const report = useImportReport(session);
  const commands = useShellCommands(drafts, library, recovery, report);
  const reviewer = useReviewer();
  useMainEvents(router, {
    commands: {
      new: () => void commands.createDraft(),
      open: () => void drafts.leave(),
      import: () => void commands.importFile(),
      close: () => void commands.closeWindow(),
      'choose-workspace': () => void commands.chooseWorkspace(),
      'review-name': () => void reviewer.changeName(),
    },
    openDraft: (name) => void commands.openDraft(name),
    externalChange: drafts.externalChange,
    lockLost: drafts.lockLost,
    flush: (id) => void drafts.flush(id),
  });

  return (
    <MenuRouterContext.Provider value={router}>
      {session && DraftScreen ? (
        <DraftScreen
          key={session.id}
          session={session}
          onLeave={() => void drafts.leave()}
          onTrashed={() => {
            void session.saver.forgetJournal();
            drafts.close(session);
          }}
        />
      ) : (
        <LibraryView
          library={library}
          recovery={recovery}
          onOpen={(name) => void commands.openDraft(name)}
          onCreate={() => void commands.createDraft()}
          onImport={() => void commands.importFile()}
          onImportDropped={(file) => void commands.importDropped(file)}
          onRestore={(entry) => void commands.restore(entry)}
          onChooseWorkspace={() => void commands.chooseWorkspace()}
        />
      )}
      {report.shown ? <ImportReportDialog name={report.shown.name} report={report.shown.report} onClose={report.dismiss} /> : null}
      <Notices />
    </MenuRouterContext.Provider>
  );
}
