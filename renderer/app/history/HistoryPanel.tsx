/**
 * The History panel: every kept version of the open draft and its changes of status, newest
 * first (timeline.ts), each version with its time, author, word count and status; named
 * checkpoints stand out. A version's time shows it read-only in the article column; "Compare"
 * compares it with the current text, or with the version shown; "Name…" names it; "Name a
 * checkpoint…" saves and keeps the draft as a checkpoint. The list is the HistoryController's,
 * reloaded after each save.
 */
import { useEffect, type ReactElement } from 'react';
import type { VersionSummary } from '../../../shared/ipc/channels';
import { messageOf } from '../api';
import { useAsk } from '../dialogs/dialog-host';
import { notify } from '../notices';
import type { PanelProps } from '../panels/panel-registry';
import { useObservable } from '../session/observable';
import { formatCount, formatWhen, plural } from '../status-labels';
import { sideName, type HistoryController, type HistoryShown } from './history-controller';
import { labelProblem, statusChangeText, timeline, versionDetails, type TimelineEntry } from './timeline';
import './history.css';

function shownIds(shown: HistoryShown | null): { selected: string | null; compared: readonly string[] } {
  if (shown === null) return { selected: null, compared: [] };
  if (shown.kind === 'version') return { selected: shown.version.id, compared: [] };
  return { selected: null, compared: [shown.older, shown.newer].flatMap((side) => (side === null ? [] : [side.id])) };
}

function fail(e: unknown): void {
  notify(messageOf(e), 'error');
}

interface ItemProps {
  readonly history: HistoryController;
  readonly version: VersionSummary;
  /** The version shown read-only, when another one. */
  readonly other: VersionSummary | null;
  readonly selected: boolean;
  readonly compared: boolean;
  readonly busy: boolean;
  readonly onName: (version: VersionSummary) => void;
}

function VersionItem({ history, version, other, selected, compared, busy, onName }: ItemProps): ReactElement {
  const said = sideName(version);
  const unreadable = version.error !== undefined;
  const checkpoint = version.label !== undefined;
  const classes = ['cd-history-item', 'cd-history-version', checkpoint ? 'cd-history-checkpoint' : '', selected ? 'cd-history-selected' : '', compared ? 'cd-history-compared' : ''].filter(Boolean).join(' ');
  return (
    <li className={classes}>
      <button type="button" className="cd-history-open" aria-current={selected ? 'true' : undefined} disabled={unreadable || busy} onClick={() => void history.show(version).catch(fail)}>
        {checkpoint ? (
          <>
            <span className="cd-history-badge">Checkpoint</span> <span className="cd-history-label">{version.label}</span>
          </>
        ) : null}
        <time className="cd-history-time" dateTime={version.createdAt}>
          {formatWhen(version.createdAt)}
        </time>
      </button>
      <p className="cd-history-details">{versionDetails(version)}</p>
      <div className="cd-history-actions">
        <button type="button" className="cd-link-button" disabled={unreadable || busy} aria-label={`Compare ${said} with the current text`} onClick={() => void history.compare(version, null).catch(fail)}>
          Compare
        </button>
        {other !== null ? (
          <button
            type="button"
            className="cd-link-button"
            disabled={unreadable || busy}
            aria-label={`Compare ${said} with ${sideName(other)}`}
            onClick={() => void history.compare(version, other).catch(fail)}
          >
            Compare with shown
          </button>
        ) : null}
        <button type="button" className="cd-link-button" disabled={unreadable} aria-label={`${checkpoint ? 'Rename' : 'Name'} ${said}…`} onClick={() => onName(version)}>
          {checkpoint ? 'Rename…' : 'Name…'}
        </button>
      </div>
    </li>
  );
}

function StatusItem({ entry }: { entry: Extract<TimelineEntry, { kind: 'status' }> }): ReactElement {
  return (
    <li className="cd-history-item cd-history-status">
      <span className="cd-history-badge cd-history-badge-status">Status</span> {statusChangeText(entry.change)}
      <time className="cd-history-time" dateTime={entry.at}>
        {formatWhen(entry.at)}
      </time>
    </li>
  );
}

/** The History panel. */
export function HistoryPanel({ context }: PanelProps<null>): ReactElement {
  const { history, session } = context;
  const ask = useAsk();
  const state = useObservable(history.versions);
  const shown = useObservable(history.shown);
  const busy = useObservable(history.busy);
  const meta = useObservable(session.meta);
  useEffect(() => {
    void history.reload();
  }, [history]);

  const versions = state.kind === 'loaded' ? state.versions : [];
  const entries = timeline(versions, meta.statusLog ?? []);
  const { selected, compared } = shownIds(shown);
  const other = shown?.kind === 'version' ? shown.version : null;
  const checkpoints = versions.filter((v) => v.label !== undefined).length;

  const nameCheckpoint = async (): Promise<void> => {
    await ask.prompt({
      title: 'Name a checkpoint',
      label: 'Checkpoint name',
      initial: '',
      submit: 'Save checkpoint',
      check: labelProblem,
      apply: async (text) => {
        await history.checkpoint(text.trim());
        notify(`Checkpoint “${text.trim()}” saved.`);
        return null;
      },
    });
  };

  const nameVersion = (version: VersionSummary): void => {
    void ask.prompt({
      title: version.label !== undefined ? 'Rename checkpoint' : 'Name this version',
      label: 'Checkpoint name',
      initial: version.label ?? '',
      submit: 'Save name',
      check: labelProblem,
      apply: async (text) => {
        await history.label(version.id, text.trim());
        return null;
      },
    });
  };

  return (
    <div className="cd-panel-body cd-history">
      <div className="cd-history-tools">
        <p className="cd-panel-summary">
          {state.kind === 'loading' ? 'Loading versions…' : state.kind === 'error' ? `Versions cannot be listed: ${state.message}` : `${plural(versions.length, 'version', 'versions')}${checkpoints > 0 ? `, ${formatCount(checkpoints)} named` : ''}`}
        </p>
        <button type="button" disabled={busy} onClick={() => void nameCheckpoint()}>
          Name a checkpoint…
        </button>
      </div>
      {state.kind === 'loaded' && entries.length === 0 ? <p className="cd-history-empty">No version kept yet: one is kept as the draft is saved, at most every few minutes, and each time a checkpoint is named.</p> : null}
      <ol className="cd-history-list" aria-label="Versions and changes of status, newest first">
        {entries.map((entry) =>
          entry.kind === 'version' ? (
            <VersionItem
              key={`v-${entry.version.id}`}
              history={history}
              version={entry.version}
              other={other !== null && other.id !== entry.version.id ? other : null}
              selected={selected === entry.version.id}
              compared={compared.includes(entry.version.id)}
              busy={busy}
              onName={nameVersion}
            />
          ) : (
            <StatusItem key={`s-${entry.at}-${entry.change.to}`} entry={entry} />
          ),
        )}
      </ol>
    </div>
  );
}
