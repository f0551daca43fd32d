/**
 * The draft screen's open dialog (use-draft-dialogs.ts): the link dialog, the citation picker,
 * the figure dialog, the desktop preview and the conflict dialog, each applying its answer to
 * the editor or the session.
 */
import type { ReactElement } from 'react';
import { createSourceAndCite, insertCitation, insertFigure, removeLink, setLink } from '../../editor/commands';
import { footnotesOf } from '../../editor/footnote-plugin';
import { api } from '../api';
import { CitePicker } from '../dialogs/CitePicker';
import { FigureDialog } from '../dialogs/FigureDialog';
import { LinkDialog } from '../dialogs/LinkDialog';
import { notify } from '../notices';
import { DesktopPreview } from '../panels/DesktopPreview';
import type { DocumentSession } from '../session/document-session';
import type { SaveStatus } from '../session/save-controller';
import { ConflictDialog, type ConflictActions } from './ConflictBanner';
import type { DraftDialogs as Dialogs } from './use-draft-dialogs';

/** Properties of `DraftDialogs`. */
export interface DraftDialogsProps {
  readonly dialogs: Dialogs;
  readonly session: DocumentSession;
  readonly status: SaveStatus;
  readonly conflictActions: ConflictActions;
}

/** The open dialog, if any. */
export function DraftDialogs({ dialogs, session, status, conflictActions }: DraftDialogsProps): ReactElement | null {
  const { store } = session;
  const dialog = dialogs.open;
  const close = dialogs.close;
  switch (dialog?.kind) {
    case 'link':
      return (
        <LinkDialog
          current={dialog.current}
          anchor={dialog.anchor}
          onClose={close}
          onApply={(href) => {
            store.run(setLink(href), false);
            close();
          }}
          onRemove={() => {
            store.run(removeLink, false);
            close();
          }}
        />
      );
    case 'cite':
      return (
        <CitePicker
          sources={footnotesOf(store.getState()).ordered}
          anchor={dialog.anchor}
          onClose={close}
          onCite={(id) => {
            store.run(insertCitation(id), false);
            close();
          }}
          onCreate={(fields) => {
            const done = store.run(createSourceAndCite(fields), false);
            if (done) close();
            return done;
          }}
        />
      );
    case 'figure':
      return (
        <FigureDialog
          onClose={close}
          onChooseImage={async () => (await api().figures.importImage({ draft: session.name }))?.src ?? null}
          onInsert={(f) => {
            if (store.run(insertFigure(f.src, f.alt, f.caption, f.credit), false)) close();
            else notify('The figure could not be placed here.', 'error');
          }}
        />
      );
    case 'desktop-preview':
      return <DesktopPreview session={session} onClose={close} />;
    case 'conflict':
      return status.kind === 'conflict' ? <ConflictDialog deleted={status.deleted} actions={conflictActions} onClose={close} /> : null;
    case undefined:
      return null;
  }
}
