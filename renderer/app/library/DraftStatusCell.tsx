/**
 * A draft's status in the library: its badge, who set it and since when ("since 14:02, Ana
 * Garcia", from the last recorded change of status), and who has the draft open now ("Open by Ben
 * Ortiz on ben-mac", or "Open by you" for this installation's own lock).
 */
import type { ReactElement } from 'react';
import type { DraftSummary } from '../../../shared/ipc/channels';
import { formatSince, holderText, STATUS_LABELS } from '../status-labels';

/** The status cell of `draft`'s row; `me`: this installation's author id (null until known). */
export function DraftStatusCell({ draft, me }: { readonly draft: DraftSummary; readonly me: string | null }): ReactElement {
  if (!draft.status) return <>—</>;
  const change = draft.lastStatusChange;
  const holder = draft.holder;
  return (
    <div className="cd-status-cell">
      <span className={`cd-status cd-status-${draft.status}`}>{STATUS_LABELS[draft.status]}</span>
      {change && change.to === draft.status ? (
        <span className="cd-status-since cd-muted">
          since{' '}
          <time dateTime={change.at} title={new Date(change.at).toLocaleString()}>
            {formatSince(change.at)}
          </time>
          , {change.by.name}
        </span>
      ) : null}
      {holder ? (
        <span className="cd-holder" title={`Opened ${new Date(holder.since).toLocaleString()}`}>
          {holderText(holder, me)}
        </span>
      ) : null}
    </div>
  );
}
