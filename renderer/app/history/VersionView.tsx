/**
 * A kept version shown read-only instead of the draft's text: a bar that says which version and
 * that it is read-only, with Restore (refused in Viewing mode), Compare with current and Back to
 * the draft (also Escape), above the version's article.
 */
import { useEffect, useRef, type ReactElement } from 'react';
import type { VersionSummary } from '../../../shared/ipc/channels';
import type { Node as PMNode } from 'prosemirror-model';
import { messageOf } from '../api';
import { notify } from '../notices';
import { useObservable } from '../session/observable';
import { formatWhen } from '../status-labels';
import type { HistoryController } from './history-controller';
import { ReadOnlyCanvas } from './ReadOnlyCanvas';
import { versionDetails, versionName } from './timeline';

/** Properties of `VersionView`. */
export interface VersionViewProps {
  readonly history: HistoryController;
  readonly version: VersionSummary;
  readonly doc: PMNode;
  /** Whether Restore may run (not in Viewing mode or a read-only window). */
  readonly canRestore: boolean;
  /** Back to the draft's text (focuses it). */
  readonly onBack: () => void;
}

/** The version view. */
export function VersionView({ history, version, doc, canRestore, onBack }: VersionViewProps): ReactElement {
  const busy = useObservable(history.busy);
  const title = useRef<HTMLHeadingElement>(null);
  const name = versionName(version, formatWhen);
  useEffect(() => title.current?.focus(), [version.id]);

  const restore = async (): Promise<void> => {
    try {
      if (await history.restore(version)) {
        notify(`Restored ${name}. The text before it is kept as a checkpoint; Undo takes the restore back.`);
        onBack();
      }
    } catch (e) {
      notify(messageOf(e), 'error');
    }
  };

  return (
    <>
      <div className="cd-history-bar">
        <div className="cd-history-bar-text">
          <h2 ref={title} tabIndex={-1} className="cd-history-bar-title" data-region-focus>
            {name}
          </h2>
          <p className="cd-history-bar-note">
            {version.label !== undefined ? `${formatWhen(version.createdAt)} · ` : ''}
            {versionDetails(version)} · <strong>Read-only</strong>
          </p>
        </div>
        <div className="cd-history-bar-actions">
          <button type="button" className="cd-button-primary" disabled={!canRestore || busy} title={canRestore ? undefined : 'Switch to Editing or Suggesting to restore a version.'} onClick={() => void restore()}>
            Restore
          </button>
          <button type="button" disabled={busy} onClick={() => void history.compare(version, null).catch((e: unknown) => notify(messageOf(e), 'error'))}>
            Compare with current
          </button>
          <button type="button" onClick={onBack}>
            Back to the draft
          </button>
        </div>
      </div>
      <div className="cd-article">
        <ReadOnlyCanvas doc={doc} label={`${name} (read-only)`} />
      </div>
    </>
  );
}
