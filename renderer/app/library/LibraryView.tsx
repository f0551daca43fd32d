/**
 * The library: the workspace's drafts (headline, status with who set it and since when and who
 * has the draft open: DraftStatusCell, last update, words), searchable by headline and filtered by
 * status (StatusFilter), with create, open, rename, duplicate and move-to-trash (after a confirmation), and
 * the drafts recovered after a crash at the top. A file dropped on it is imported (use-file-drop.ts). Menu commands rename, duplicate and trash act
 * on the draft whose row has the focus.
 */
import { useId, useMemo, useState, type ReactElement } from 'react';
import type { Status } from '../../../shared/draft/meta';
import type { DraftSummary, RecoveryEntry } from '../../../shared/ipc/channels';
import { api, displayName, messageOf, toDraftName } from '../api';
import { useAsk } from '../dialogs/dialog-host';
import { useMenuCommands } from '../menu-commands';
import { notify } from '../notices';
import { useInstallationId } from '../reviewer';
import { formatCount, formatWhen, holderText, STATUS_LABELS } from '../status-labels';
import { DraftStatusCell } from './DraftStatusCell';
import { RecoveryList } from './RecoveryList';
import { StatusFilter } from './StatusFilter';
import { countByStatus, withStatus } from './by-status';
import { filterDrafts, type LibraryState } from './use-library';
import { useFileDrop } from './use-file-drop';
import './library.css';
import type { RecoveryState } from './use-recovery';

/** Properties of `LibraryView`. */
export interface LibraryViewProps {
  readonly library: LibraryState;
  readonly recovery: RecoveryState;
  readonly onOpen: (name: string) => void;
  readonly onCreate: () => void;
  /** File > Import…: a text, Markdown, HTML or Word file becomes a new draft. */
  readonly onImport: () => void;
  /** A file dropped on the library: imported as File > Import does. */
  readonly onImportDropped: (file: File) => void;
  readonly onRestore: (entry: Extract<RecoveryEntry, { readable: true }>) => void;
  readonly onChooseWorkspace: () => void;
}

function titleOf(d: DraftSummary): string {
  const headline = d.headline.trim();
  if (headline) return headline;
  // "untitled.copydesk" is plainly "Untitled" (not "Untitled (untitled)"), "untitled-2" "Untitled 2".
  const file = displayName(d.name);
  const numbered = /^untitled(?:-(\d+))?$/iu.exec(file);
  if (numbered) return numbered[1] ? `Untitled ${numbered[1]}` : 'Untitled';
  return `Untitled (${file})`;
}

/** The library screen. */
export function LibraryView({ library, recovery, onOpen, onCreate, onImport, onImportDropped, onRestore, onChooseWorkspace }: LibraryViewProps): ReactElement {
  const ask = useAsk();
  const drop = useFileDrop((files) => {
    const [file] = files;
    if (files.length > 1) notify('Drop one file at a time: each becomes a draft of its own.', 'error');
    else if (file) onImportDropped(file);
  });
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  // This installation's id: its own locks read "Open by you".
  const me = useInstallationId();
  const searchId = useId();
  const matching = useMemo(() => filterDrafts(library.drafts ?? [], query), [library.drafts, query]);
  const counts = useMemo(() => countByStatus(matching), [matching]);
  const shown = useMemo(() => withStatus(matching, status), [matching, status]);

  /** Someone else has `d` open: renaming or trashing it under them asks first. */
  const othersHold = async (d: DraftSummary, action: 'rename' | 'trash'): Promise<boolean> => {
    if (!d.holder || d.holder.id === me) return true;
    return ask.confirm({
      title: `${d.holder.name} has this draft open`,
      message: `${holderText(d.holder, me)}. If you ${action === 'rename' ? 'rename it' : 'move it to the trash'} now, their window will find its file gone; they can save it again under its old name, which makes a second copy.`,
      confirm: action === 'rename' ? 'Rename anyway' : 'Move to trash anyway',
      danger: true,
    });
  };

  const rename = async (d: DraftSummary): Promise<void> => {
    if (!(await othersHold(d, 'rename'))) return;
    const renamed = await ask.prompt({
      title: `Rename “${titleOf(d)}”`,
      label: 'File name',
      initial: displayName(d.name),
      submit: 'Rename',
      check: (text) => (text.trim() === '' ? 'Type a name.' : null),
      apply: async (text) => {
        await api().drafts.rename({ name: d.name, newName: toDraftName(text) });
        return null;
      },
    });
    if (renamed !== null) await library.refresh();
  };

  const duplicate = async (d: DraftSummary): Promise<void> => {
    try {
      const copy = await api().drafts.duplicate({ name: d.name });
      notify(`Duplicated as ${displayName(copy.name)}.`);
      await library.refresh();
    } catch (e) {
      notify(messageOf(e), 'error');
    }
  };

  const trash = async (d: DraftSummary): Promise<void> => {
    if (!(await othersHold(d, 'trash'))) return;
    const yes = await ask.confirm({
      title: 'Move to trash?',
      message: `“${titleOf(d)}” (${d.name}) goes to the system trash, where it can still be restored.`,
      confirm: 'Move to trash',
      danger: true,
    });
    if (!yes) return;
    try {
      await api().drafts.trash({ name: d.name });
      notify(`Moved “${titleOf(d)}” to the trash.`);
      await library.refresh();
    } catch (e) {
      notify(messageOf(e), 'error');
    }
  };

  const focused = (): DraftSummary | undefined => (library.drafts ?? []).find((d) => d.name === current);
  useMenuCommands({
    rename: () => {
      const d = focused();
      if (d) void rename(d);
    },
    duplicate: () => {
      const d = focused();
      if (d) void duplicate(d);
    },
    trash: () => {
      const d = focused();
      if (d) void trash(d);
    },
  });

  return (
    <div className="cd-screen cd-library-screen">
      <header className="cd-appbar cd-top" data-region="Header">
        <h1 className="cd-brand">Copydesk</h1>
        <p className="cd-workspace" title={library.workspace?.folder}>
          <span className="cd-muted">Workspace</span> {library.workspace?.folder ?? '…'}
        </p>
        <div className="cd-appbar-actions">
          <button type="button" onClick={onChooseWorkspace}>
            Choose folder…
          </button>
          <button type="button" onClick={onImport} title="Import a text, Markdown, HTML or Word file as a new draft (or drop it on the library)">
            Import…
          </button>
          <button type="button" className="cd-button-primary" onClick={onCreate}>
            New draft
          </button>
        </div>
      </header>
      <main className={`cd-library${drop.dragging ? ' cd-library-dropping' : ''}`} data-region="Library" aria-label="Library" {...drop.handlers}>
        {drop.dragging ? (
          <p className="cd-drop-hint" role="status">
            Drop a text, Markdown, HTML or Word file to import it as a new draft
          </p>
        ) : null}
        {library.workspace?.problem ? <p className="cd-banner cd-banner-warning">{library.workspace.problem}</p> : null}
        <RecoveryList entries={recovery.entries} error={recovery.error} onRestore={onRestore} onDiscard={recovery.discard} />
        <div className="cd-library-head">
          <h2 id="cd-drafts-title">Drafts</h2>
          <div className="cd-search">
            <label htmlFor={searchId} className="cd-visually-hidden">
              Search drafts by headline
            </label>
            <input id={searchId} type="search" placeholder="Search headlines" value={query} onChange={(e) => setQuery(e.target.value)} data-region-focus />
          </div>
        </div>
        {library.drafts && library.drafts.length > 0 ? <StatusFilter value={status} counts={counts} total={matching.length} onChange={setStatus} /> : null}
        {library.error !== null ? <p className="cd-banner cd-banner-error">The drafts could not be listed: {library.error}</p> : null}
        {library.drafts === null ? (
          <p className="cd-muted">Loading drafts…</p>
        ) : library.drafts.length === 0 ? (
          <div className="cd-empty">
            <p>No drafts in this workspace yet.</p>
            <button type="button" className="cd-button-primary" onClick={onCreate}>
              Write your first draft
            </button>
            <p className="cd-muted">Or drop a Word, text, Markdown or HTML file here to import it.</p>
          </div>
        ) : (
          <table className="cd-drafts" aria-labelledby="cd-drafts-title">
            <thead>
              <tr>
                <th scope="col">Headline</th>
                <th scope="col">Status</th>
                <th scope="col" className="cd-when">
                  Updated
                </th>
                <th scope="col" className="cd-num">
                  Words
                </th>
                <th scope="col">
                  <span className="cd-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((d) => (
                <tr key={d.name} className={d.error ? 'cd-draft-broken' : undefined} onFocus={() => setCurrent(d.name)}>
                  <td>
                    {d.error ? (
                      <div>
                        <span className="cd-draft-title">{displayName(d.name)}</span>
                        <span className="cd-field-error cd-draft-error">{d.error}</span>
                      </div>
                    ) : (
                      <button type="button" className="cd-link-button cd-draft-title" onClick={() => onOpen(d.name)}>
                        {titleOf(d)}
                      </button>
                    )}
                    {d.headline.trim() && !d.error ? <span className="cd-draft-file cd-muted">{displayName(d.name)}</span> : null}
                  </td>
                  <td>
                    <DraftStatusCell draft={d} me={me} />
                  </td>
                  <td className="cd-when">
                    <time dateTime={d.updated} title={new Date(d.updated).toLocaleString()}>
                      {formatWhen(d.updated)}
                    </time>
                  </td>
                  <td className="cd-num">{formatCount(d.words)}</td>
                  <td className="cd-row-actions">
                    <button type="button" onClick={() => void rename(d)} aria-label={`Rename “${titleOf(d)}”`}>
                      Rename
                    </button>
                    {d.error ? null : (
                      <button type="button" onClick={() => void duplicate(d)} aria-label={`Duplicate “${titleOf(d)}”`}>
                        Duplicate
                      </button>
                    )}
                    <button type="button" className="cd-button-quiet-danger" onClick={() => void trash(d)} aria-label={`Move “${titleOf(d)}” to the trash`}>
                      Trash
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {library.drafts && library.drafts.length > 0 && shown.length === 0 ? (
          <p className="cd-muted" role="status">
            {matching.length === 0 ? `No headline matches “${query}”.` : `No draft${query.trim() ? ` matching “${query}”` : ''} has the status “${STATUS_LABELS[status ?? 'draft']}”.`}
          </p>
        ) : null}
      </main>
    </div>
  );
}
