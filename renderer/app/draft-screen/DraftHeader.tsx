/**
 * The open draft's identity in the app bar, shown at all times: the headline as typed
 * ("Untitled" while empty; truncated with an ellipsis, whole in its title), the byline (a button
 * that edits the authors), the file's name, and the review status as a control that changes it
 * there. It also names the window after the headline.
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
import { STATUS_LABELS } from '../status-labels';
import './DraftHeader.css';

/** Properties of `DraftHeader`. */
export interface DraftHeaderProps {
  readonly session: DocumentSession;
  /** Edit the authors (the byline was activated). */
  readonly onEditAuthors: () => void;
}

/** The headline's text in `state`. */
function stateHeadline(state: EditorState): string {
  return headlineText(state.doc);
}

/** The draft's headline, byline, file name and status. */
export function DraftHeader({ session, onEditAuthors }: DraftHeaderProps): ReactElement {
  const headline = useEditorValue(session.store, stateHeadline).trim();
  const meta = useObservable(session.meta);
  const identity = useObservable(session.saver.identity);
  const statusId = useId();
  const shown = headline || 'Untitled';
  const byline = bylineText(meta.authors);
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
        <select id={statusId} className={`cd-status-${meta.status}`} value={meta.status} onChange={(e) => session.setMeta({ status: e.target.value as Status })}>
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
