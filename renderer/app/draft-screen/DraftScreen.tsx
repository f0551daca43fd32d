/**
 * The editor screen of one open draft: the app bar (back to the library, the draft's headline,
 * byline, file name and status: DraftHeader; the panel switches), the toolbar, the article
 * canvas with the headline meter, the side panel, and the status bar. It composes one hook per
 * concern: dialogs (use-draft-dialogs.ts, rendered by DraftDialogs), draft commands and the menu
 * (use-draft-commands.ts), the hand-over by status (use-handover.ts: the status control's action
 * and the mode a status imposes), the review mode (use-review-mode.ts, its control ModeSwitch),
 * conflicts (use-conflicts.ts), how the window holds the draft (use-access.ts, its LockBanner),
 * panels (use-panels.ts, registry in
 * panels/panels.tsx), the authors and byline (use-authors.ts), and what the editor asks of the
 * shell (use-editor-hooks.ts).
 */
import { useCallback, useMemo, type ReactElement } from 'react';
import { PANELS } from '../panels/panels';
import type { PanelContext } from '../panels/panel-registry';
import { SidePanel } from '../panels/SidePanel';
import type { DocumentSession } from '../session/document-session';
import { useObservable } from '../session/observable';
import { HistoryStage } from '../history/HistoryStage';
import { useHistory } from '../history/use-history';
import { StatusBar } from '../status/StatusBar';
import { CiteCard } from './CiteCard';
import { ConflictBanner } from './ConflictBanner';
import { DraftDialogs } from './DraftDialogs';
import { DraftHeader } from './DraftHeader';
import { EditorCanvas } from './EditorCanvas';
import { FindBar } from './FindBar';
import { HeadlineMeter } from './HeadlineMeter';
import { LockBanner } from './LockBanner';
import { ModeSwitch } from './ModeSwitch';
import { Toolbar } from './Toolbar';
import { useAccess } from './use-access';
import { useAuthors } from './use-authors';
import { useConflicts } from './use-conflicts';
import { useDraftCommands } from './use-draft-commands';
import { useDraftDialogs } from './use-draft-dialogs';
import { useEditorHooks } from './use-editor-hooks';
import { useHandOver } from './use-handover';
import { usePanels } from './use-panels';
import { useReviewMode } from './use-review-mode';

/** Properties of `DraftScreen`. */
export interface DraftScreenProps {
  readonly session: DocumentSession;
  /** Back to the library (the app saves first). */
  readonly onLeave: () => void;
  /** The draft was moved to the trash: close it without saving. */
  readonly onTrashed: () => void;
}

/** The editor screen. */
export function DraftScreen({ session, onLeave, onTrashed }: DraftScreenProps): ReactElement {
  const { store, saver } = session;
  const status = useObservable(saver.status);
  const meta = useObservable(session.meta);
  const panels = usePanels();
  const dialogs = useDraftDialogs(store);
  const editAuthors = useAuthors(session, meta.authors);
  const { saveCopy, exportDraft } = useDraftCommands(session, onTrashed, dialogs.openDesktopPreview);
  const { show: showPanel } = panels;
  const showReview = useCallback(() => showPanel('review'), [showPanel]);
  const conflictActions = useConflicts(session, status, dialogs, saveCopy, showReview);
  const lock = useAccess(session);
  const handOver = useHandOver(session);
  const review = useReviewMode(store, handOver);
  const { hooks, citeFocus, clearCiteFocus } = useEditorHooks({
    openLink: dialogs.openLink,
    openCite: dialogs.openCite,
    editAuthors,
    reveal: panels.reveal,
    refused: review.refused,
  });
  const citedSource = citeFocus?.id ?? null;
  // The draft's history (history/use-history.ts): a kept version or a comparison shows in the article column instead of the text.
  const { history, shown, canRestore, back: backToDraft } = useHistory(session);
  const panelContext = useMemo<PanelContext>(
    () => ({ session, reveal: panels.reveal, citedSource, exportDraft: (format, fragment) => void exportDraft(format, fragment), openDesktopPreview: dialogs.openDesktopPreview, history }),
    [session, panels.reveal, citedSource, exportDraft, dialogs.openDesktopPreview, history],
  );

  return (
    <div className="cd-screen cd-editor-screen">
      <header className="cd-top">
        <div className="cd-appbar" data-region="Header">
          <button type="button" className="cd-back" onClick={onLeave}>
            ← Library
          </button>
          <DraftHeader session={session} onEditAuthors={() => void editAuthors()} onStatus={(to) => void handOver.changeStatus(to)} />
          <nav className="cd-panel-switches" aria-label="Panels">
            {PANELS.map((p) => (
              <button key={p.name} type="button" className="cd-panel-switch" aria-pressed={panels.open === p.name} onClick={() => panels.toggle(p.name)}>
                {p.title}
              </button>
            ))}
          </nav>
        </div>
        <div className="cd-toolrow" inert={shown !== null}>
          <Toolbar store={store} onLink={dialogs.openLink} onCite={dialogs.openCite} onFigure={dialogs.openFigure} />
          <ModeSwitch control={review} />
        </div>
        <FindBar store={store} />
        <LockBanner access={lock.access} onTakeOver={lock.takeOver} busy={lock.busy} />
        {status.kind === 'conflict' ? <ConflictBanner deleted={status.deleted} actions={conflictActions} /> : null}
      </header>
      <div className={`cd-workarea${panels.open ? ' cd-with-panel' : ''}`}>
        <main
          className="cd-article-column"
          data-region="Article"
          aria-label="Article"
          onBlur={(event) => {
            if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) clearCiteFocus();
          }}
        >
          {/* A kept version or a comparison shows instead of the text, which stays mounted (hidden) underneath. */}
          {shown !== null ? <HistoryStage history={history} shown={shown} canRestore={canRestore} onBack={backToDraft} /> : null}
          {shown === null ? <HeadlineMeter store={store} /> : null}
          <div className="cd-article" hidden={shown !== null}>
            <EditorCanvas store={store} hooks={hooks} />
          </div>
        </main>
        {panels.open ? <SidePanel name={panels.open} context={panelContext} request={panels.requestOf(panels.open)} onClose={panels.close} /> : null}
      </div>
      <StatusBar
        store={store}
        status={status}
        onRetry={() => void saver.saveNow()}
        onResolve={dialogs.openConflict}
        onProblems={() => panels.toggle('problems')}
        problemsOpen={panels.open === 'problems'}
      />
      {citeFocus ? <CiteCard text={citeFocus.text} anchor={citeFocus.anchor} /> : null}
      <DraftDialogs dialogs={dialogs} session={session} status={status} conflictActions={conflictActions} />
    </div>
  );
}
