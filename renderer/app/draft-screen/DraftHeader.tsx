/**
 * The open draft's identity in the app bar, shown at all times: the headline as typed
 * ("Untitled" while empty; truncated with an ellipsis, whole in its title), the byline (a button
 * that edits the authors), the file's name, and the review status as a control that changes it
 * there: choosing one is the hand-over action of use-handover.ts (`onStatus`), and the select
 * shows the status the draft has until that action changed it (a cancelled change snaps back).
 * Beside it, who changed it last and when. It also names the window after the headline.
 */
import { useEffect, useId, type ReactElement } from 'react';
import type { EditorState } from 'prosemirror-state';
import { headlineText } from '../../../shared/article';
import { bylineText } from '../../../shared/byline';
import { STATUSES, type Status } from '../../../shared/draft/meta';
import { displayName } from '../api';
import type { DocumentSession } from '../session/document-session';
import { useEditorValue } from '../session/editor-store';
import { useObservable } from '../session/observable';
import { sinceText, STATUS_LABELS } from '../status-labels';
import './DraftHeader.css';

/** Properties of `DraftHeader`. */
export interface DraftHeaderProps {
  readonly session: DocumentSession;
  /** Edit the authors (the byline was activated). */
  readonly onEditAuthors: () => void;
  /** The user chose the status `to` (use-handover.ts acts on it). */
  readonly onStatus: (to: Status) => void;
}

/** The headline's text in `state`. */
function stateHeadline(state: EditorState): string {
  return headlineText(state.doc);
}

/** The draft's headline, byline, file name and status. */
export function DraftHeader({ session, onEditAuthors, onStatus }: DraftHeaderProps): ReactElement {
  const headline = useEditorValue(session.store, stateHeadline).trim();
  const meta = useObservable(session.meta);
  const identity = useObservable(session.saver.identity);
  // A read-only window changes nothing, its status neither (the banner's Take over comes first).
  const readOnly = useObservable(session.access).kind === 'read-only';
  const statusId = useId();
  const shown = headline || 'Untitled';
  const byline = bylineText(meta.authors);
  const last = meta.statusLog?.at(-1);
  const since = last && last.to === meta.status ? sinceText(last) : null;
  useEffect(() => {
    document.title = `${shown} — Copydesk`;
  }, [shown]);
  return (
    <>
      <div className="cd-draft-identity">
        <h1 className="cd-draft-headline" title={shown}>
          {shown}
        </h1>
        <p className="cd-draft-subline">
          <button type="button" className="cd-header-byline" title="Edit the authors" onClick={onEditAuthors}>
            {byline || 'Add authors'}
          </button>
          <span className="cd-header-file" title={`File: ${identity.name}`}>
            <span className="cd-visually-hidden">File: </span>
            {displayName(identity.name)}
          </span>
        </p>
      </div>
      <div className="cd-status-control">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          disabled={readOnly}
          title={readOnly ? 'Read-only here: take the draft over to change its status' : since ? `${STATUS_LABELS[meta.status]} ${since}` : undefined}
          className={`cd-status-${meta.status}`}
          value={meta.status}
          onChange={(e) => onStatus(e.target.value as Status)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
