/**
 * The editor screen of one open draft: the app bar (back to the library, the draft's headline,
 * byline, file name and status: DraftHeader; the panel switches), the toolbar, the article canvas with the headline meter, the side panel, and
 * the status bar. It wires the editor's hooks to the dialogs (link, citation picker, figure) and
 * the panels, resolves save conflicts, exports, and carries out the draft's menu commands.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { EditorView } from 'prosemirror-view';
import { exportMenuHandlers } from '../../../shared/export/format-uses';
import type { ExportFormat } from '../../../shared/ipc/channels';
import { createSourceAndCite, insertCitation, insertFigure, linkAt, removeLink, setLink } from '../../editor/commands';
import { setByline } from '../../editor/byline';
import { sourceTooltip } from '../../editor/citation-view';
import { bylineText } from '../../../shared/byline';
import { findNext, findPrevious, openFind } from '../../editor/find';
import { footnotesOf } from '../../editor/footnote-plugin';
import type { EditorHooks } from '../../editor/hooks';
import { api, displayName, messageOf, toDraftName } from '../api';
import { CitePicker } from '../dialogs/CitePicker';
import { useAsk } from '../dialogs/dialog-host';
import { FigureDialog } from '../dialogs/FigureDialog';
import { LinkDialog } from '../dialogs/LinkDialog';
import type { Box } from '../dialogs/place-popover';
import { useMenuCommands } from '../menu-commands';
import { notify } from '../notices';
import { DesktopPreview } from '../panels/DesktopPreview';
import { authorsProblem, splitList } from '../panels/MetadataPanel';
import { SidePanel } from '../panels/SidePanel';
import type { DocumentSession } from '../session/document-session';
import { useObservable } from '../session/observable';
import { StatusBar } from '../status/StatusBar';
import { CiteCard } from './CiteCard';
import { ConflictBanner, ConflictDialog, type ConflictActions } from './ConflictBanner';
import { DraftHeader } from './DraftHeader';
import { EditorCanvas } from './EditorCanvas';
import { FindBar } from './FindBar';
import { HeadlineMeter } from './HeadlineMeter';
import { canCiteAt } from './toolbar-state';
import { Toolbar } from './Toolbar';
import { PANELS, usePanels } from './use-panels';

type OpenDialog =
  | { readonly kind: 'link'; readonly current: string | null; readonly anchor: Box | undefined }
  | { readonly kind: 'cite'; readonly anchor: Box | undefined }
  | { readonly kind: 'figure' }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'desktop-preview' };

/** Properties of `DraftScreen`. */
export interface DraftScreenProps {
  readonly session: DocumentSession;
  /** Back to the library (the app saves first). */
  readonly onLeave: () => void;
  /** The draft was moved to the trash: close it without saving. */
  readonly onTrashed: () => void;
}

/** The caret's box, which popups for the cursor are placed against. */
function caretBox(view: EditorView): Box | undefined {
  try {
    const { top, bottom, left, right } = view.coordsAtPos(view.state.selection.from);
    return { top, bottom, left, right };
  } catch {
    return undefined;
  }
}

/** The editor screen. */
export function DraftScreen({ session, onLeave, onTrashed }: DraftScreenProps): ReactElement {
  const ask = useAsk();
  const { store, saver } = session;
  const status = useObservable(saver.status);
  const meta = useObservable(session.meta);
  const panels = usePanels();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [citeFocus, setCiteFocus] = useState<{ id: string; text: string; anchor: Box } | null>(null);
  const closeDialog = useCallback(() => setDialog(null), []);
  // When a dialog closes with the focus back in the editor (or nowhere), ProseMirror must put the
  // DOM selection back where its state says (edits made while the dialog had the focus moved it).
  const hadDialog = useRef(false);
  useEffect(() => {
    if (dialog !== null) {
      hadDialog.current = true;
      return;
    }
    if (!hadDialog.current) return;
    hadDialog.current = false;
    const view = store.view;
    const active = document.activeElement;
    if (view && (active === null || active === document.body || view.dom.contains(active))) view.focus();
  }, [dialog, store]);

  const openLink = useCallback(() => setDialog({ kind: 'link', current: linkAt(store.getState())?.href ?? null, anchor: store.view ? caretBox(store.view) : undefined }), [store]);
  const openCite = useCallback(() => {
    const view = store.view;
    if (!view) return;
    if (!canCiteAt(view.state)) {
      notify('Put the cursor in the article’s text to cite a source there.');
      return;
    }
    setDialog({ kind: 'cite', anchor: caretBox(view) });
  }, [store]);
  const openFigure = useCallback(() => setDialog({ kind: 'figure' }), []);

  // The byline under the headline shows the authors (a decoration: they are metadata, not text).
  useEffect(() => {
    store.run(setByline(bylineText(meta.authors)), false);
  }, [store, meta.authors]);

  const editAuthors = useCallback(async () => {
    await ask.prompt({
      title: 'Authors',
      label: 'Authors, separated by commas',
      initial: session.meta.get().authors.join(', '),
      submit: 'Save',
      check: authorsProblem,
      apply: (text) => {
        session.setMeta({ authors: splitList(text) });
        return Promise.resolve(null);
      },
    });
  }, [ask, session]);

  const hooks = useMemo<EditorHooks>(
    () => ({
      onLinkRequest: openLink,
      onCiteRequest: openCite,
      onActivateCitation: (id, pos) => panels.showSource(id, pos),
      onActivateSource: (id) => panels.showSource(id, null),
      onBylineRequest: () => void editAuthors(),
      onCitationFocus: (id, view) => {
        const info = id === null ? undefined : footnotesOf(view.state).byId.get(id);
        const anchor = id === null ? undefined : caretBox(view);
        setCiteFocus(id !== null && info && anchor ? { id, text: sourceTooltip(info.node.attrs), anchor } : null);
      },
    }),
    [openLink, openCite, panels.showSource, editAuthors],
  );

  // Back from the Sources panel to the citation the reporter came from (or the nearest of that source).
  const backToText = useCallback(
    (id: string, from: number | null) => {
      const cites = footnotesOf(store.getState())
        .citations()
        .filter((c) => c.source === id);
      if (cites.length === 0) return;
      const target = from === null ? cites[0] : cites.reduce((a, b) => (Math.abs(b.pos - from) < Math.abs(a.pos - from) ? b : a));
      if (target) store.reveal(target.pos);
    },
    [store],
  );

  // A save refused because of someone else's change opens the conflict dialog at once.
  useEffect(() => {
    if (status.kind === 'conflict' && status.cause === 'save') setDialog({ kind: 'conflict' });
  }, [status]);

  const saveCopy = useCallback(async (): Promise<void> => {
    await ask.prompt({
      title: 'Save as',
      label: 'File name of the copy',
      initial: `${displayName(saver.identity.get().name)} (mine)`,
      submit: 'Save',
      check: (text) => (text.trim() === '' ? 'Type a name.' : null),
      apply: async (text) => {
        session.nameByHand();
        const result = await saver.saveAs(toDraftName(text));
        if (result.ok) {
          notify(`Saved as ${displayName(result.name)}.`);
          return null;
        }
        return result.reason === 'error' ? result.message : 'A draft with that name appeared meanwhile; choose another name.';
      },
    });
  }, [ask, saver, session]);

  const conflictActions = useMemo<ConflictActions>(
    () => ({
      keepMine: () => {
        setDialog(null);
        void saver.forceSave().then((ok) => {
          if (ok) notify('Your version was saved.');
        });
      },
      reloadTheirs: () => {
        setDialog(null);
        session.reload().then(
          () => notify('Reloaded the version on disk.'),
          (e: unknown) => notify(messageOf(e), 'error'),
        );
      },
      saveCopy: () => {
        setDialog(null);
        void saveCopy();
      },
    }),
    [saver, session, saveCopy],
  );

  const exportDraft = useCallback(
    async (format: ExportFormat, fragment = false): Promise<void> => {
      try {
        const result = await api().export.write({ name: session.name, format, ...(fragment ? { fragment: true } : {}), draft: session.snapshot() });
        if (result.ok) notify(`Exported to ${result.file}.`);
      } catch (e) {
        notify(messageOf(e), 'error');
      }
    },
    [session],
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
    'desktop-preview': () => setDialog({ kind: 'desktop-preview' }),
  });

  return (
    <div className="cd-screen cd-editor-screen">
      <header className="cd-top">
        <div className="cd-appbar" data-region="Header">
          <button type="button" className="cd-back" onClick={onLeave}>
            ← Library
          </button>
          <DraftHeader session={session} onEditAuthors={() => void editAuthors()} />
          <nav className="cd-panel-switches" aria-label="Panels">
            {PANELS.map((p) => (
              <button key={p.name} type="button" className="cd-panel-switch" aria-pressed={panels.open === p.name} onClick={() => panels.toggle(p.name)}>
                {p.title}
              </button>
            ))}
          </nav>
        </div>
        <Toolbar store={store} onLink={openLink} onCite={openCite} onFigure={openFigure} />
        <FindBar store={store} />
        {status.kind === 'conflict' ? <ConflictBanner deleted={status.deleted} actions={conflictActions} /> : null}
      </header>
      <div className={`cd-workarea${panels.open ? ' cd-with-panel' : ''}`}>
        <main
          className="cd-article-column"
          data-region="Article"
          aria-label="Article"
          onBlur={(event) => {
            if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setCiteFocus(null);
          }}
        >
          <HeadlineMeter store={store} />
          <div className="cd-article">
            <EditorCanvas store={store} hooks={hooks} />
          </div>
        </main>
        {panels.open ? (
          <SidePanel
            name={panels.open}
            session={session}
            request={panels.request}
            highlighted={citeFocus?.id ?? null}
            onClose={panels.close}
            onBack={backToText}
            onShowSource={(id, field) => panels.showSource(id, null, field)}
            onExport={(format, fragment) => void exportDraft(format, fragment)}
            onDesktopPreview={() => setDialog({ kind: 'desktop-preview' })}
          />
        ) : null}
      </div>
      <StatusBar
        store={store}
        status={status}
        onRetry={() => void saver.saveNow()}
        onResolve={() => setDialog({ kind: 'conflict' })}
        onProblems={() => panels.toggle('problems')}
        problemsOpen={panels.open === 'problems'}
      />
      {citeFocus ? <CiteCard text={citeFocus.text} anchor={citeFocus.anchor} /> : null}
      {dialog?.kind === 'link' ? (
        <LinkDialog
          current={dialog.current}
          anchor={dialog.anchor}
          onClose={closeDialog}
          onApply={(href) => {
            store.run(setLink(href), false);
            closeDialog();
          }}
          onRemove={() => {
            store.run(removeLink, false);
            closeDialog();
          }}
        />
      ) : null}
      {dialog?.kind === 'cite' ? (
        <CitePicker
          sources={footnotesOf(store.getState()).ordered}
          anchor={dialog.anchor}
          onClose={closeDialog}
          onCite={(id) => {
            store.run(insertCitation(id), false);
            closeDialog();
          }}
          onCreate={(fields) => {
            const done = store.run(createSourceAndCite(fields), false);
            if (done) closeDialog();
            return done;
          }}
        />
      ) : null}
      {dialog?.kind === 'figure' ? (
        <FigureDialog
          onClose={closeDialog}
          onChooseImage={async () => (await api().figures.importImage({ draft: session.name }))?.src ?? null}
          onInsert={(f) => {
            if (store.run(insertFigure(f.src, f.alt, f.caption, f.credit), false)) closeDialog();
            else notify('The figure could not be placed here.', 'error');
          }}
        />
      ) : null}
      {dialog?.kind === 'desktop-preview' ? <DesktopPreview session={session} onClose={closeDialog} /> : null}
      {dialog?.kind === 'conflict' && status.kind === 'conflict' ? <ConflictDialog deleted={status.deleted} actions={conflictActions} onClose={closeDialog} /> : null}
    </div>
  );
}

function saveFailure(status: ReturnType<DocumentSession['saver']['status']['get']>): string {
  return status.kind === 'error' ? `Not saved: ${status.message}` : 'Not saved.';
}
