/**
 * One source in the Sources panel, compact: its number and title, a line with its outlet, date,
 * site and how often it is cited, its problems, and its actions: "Edit" (its fields, mounted only
 * while open: title, outlet, date, URL, note, each committed as one undo step when the field
 * loses focus, on Enter, or on Escape, which also closes them), "Remove" for an uncited source
 * (one click), "Delete with its citations" for a cited one (after a confirmation), "Back to the
 * text" when the reporter came from a citation. Memoised: it redraws only when its source,
 * number, count, problems or open state change.
 */
import { EDITABLE_SOURCE_FIELDS, type EditableSourceField } from '../../../shared/sources/fields';
import { memo, useEffect, useId, useRef, useState, type ReactElement } from 'react';
import type { SourceInfo } from '../../editor/footnote-state';
import type { SourceProblem } from '../../../shared/problem-checks';
import { sourceElementId } from '../../editor/source-ids';
import { urlMessage } from '../dialogs/url-messages';
import type { SourceEdit } from '../../editor/commands';
import { plural } from '../status-labels';
import { DATE_HINT, DATE_PLACEHOLDER } from '../source-date';

type Field = EditableSourceField;

const LABELS: Record<Field, string> = { title: 'Title', outlet: 'Outlet', date: 'Date', url: 'URL', note: 'Note' };


/** Properties of `SourceEntry`. */
export interface SourceEntryProps {
  readonly info: SourceInfo;
  readonly problems: readonly SourceProblem[];
  /** The citation is selected in the text. */
  readonly highlighted: boolean;
  /** Offer "Back to the text". */
  readonly canGoBack: boolean;
  readonly onEdit: (id: string, edit: SourceEdit) => boolean;
  /** The draft is in Viewing mode: the fields are read-only and the source cannot be removed. */
  readonly readOnly: boolean;
  readonly onRemove: (id: string, cited: boolean) => void;
  readonly onBack: (id: string) => void;
  readonly onShowInText: (id: string) => void;
  /** Its fields are shown (mounted only then). */
  readonly editing: boolean;
  /** Opens or closes the fields of source `id`. */
  readonly onEditing: (id: string, open: boolean) => void;
}

/** The panel's element id of source `id` (the canvas uses `sourceElementId`). */
export function panelEntryId(id: string): string {
  return `panel-${sourceElementId(id)}`;
}

function SourceField({ id, field, value, readOnly, onCommit, onClose }: { id: string; field: Field; value: string; readOnly: boolean; onCommit: (value: string) => boolean; onClose: () => void }): ReactElement {
  const [text, setText] = useState(value);
  const [refused, setRefused] = useState(false);
  const inputId = useId();
  const messageId = useId();
  const hintId = useId();
  useEffect(() => setText(value), [value]);
  const problem = field === 'url' ? urlMessage(text, 'source', true) : null;
  const commit = (): void => {
    if (text === value) return;
    const ok = onCommit(text);
    setRefused(!ok);
    if (!ok) setText(value);
  };
  const describe = problem !== null || refused;
  const hint = field === 'date';
  const describedBy = [describe ? messageId : null, hint ? hintId : null].filter(Boolean).join(' ');
  const props = {
    id: inputId,
    value: text,
    readOnly,
    'aria-invalid': problem !== null ? true : undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
    onChange: (e: { target: { value: string } }) => {
      setText(e.target.value);
      setRefused(false);
    },
    onBlur: commit,
    // Escape keeps what was typed and closes the fields.
    onKeyDown: (e: { key: string; preventDefault: () => void }) => {
      if (e.key === 'Enter' && field !== 'note') commit();
      if (e.key !== 'Escape') return;
      e.preventDefault();
      commit();
      onClose();
    },
    'data-source-field': `${id}:${field}`,
  };
  return (
    <div className={`cd-field cd-source-field-${field}`}>
      <label htmlFor={inputId}>{LABELS[field]}</label>
      {field === 'note' ? (
        <textarea rows={2} {...props} />
      ) : (
        <input
          type={field === 'url' ? 'url' : 'text'}
          spellCheck={field === 'url' ? false : undefined}
          placeholder={hint ? DATE_PLACEHOLDER : undefined}
          {...props}
        />
      )}
      {hint ? (
        <p id={hintId} className="cd-hint">
          {DATE_HINT}
        </p>
      ) : null}
      {describe ? (
        <p id={messageId} className="cd-field-error">
          {refused ? 'Not kept: only http(s) addresses are allowed for sources.' : problem}
        </p>
      ) : null}
    </div>
  );
}

/** The line under the title: outlet, date, the URL's host, and how often the source is cited. */
function summaryLine(attrs: Record<Field, string>, citations: number): string {
  const url = attrs.url.trim();
  const host = url === '' ? '' : (URL.parse(url)?.host ?? url);
  const parts = [attrs.outlet.trim(), attrs.date.trim(), host].filter((part) => part !== '');
  parts.push(citations > 0 ? `cited ${plural(citations, 'time', 'times')}` : 'not cited');
  return parts.join(' · ');
}

function SourceEntryView({ info, problems, highlighted, canGoBack, editing, onEdit, readOnly, onRemove, onBack, onShowInText, onEditing }: SourceEntryProps): ReactElement {
  const attrs = info.node.attrs as Record<Field | 'id', string>;
  const title = attrs.title.trim() || attrs.note.trim().slice(0, 60) || `Source ${info.id}`;
  const headingId = useId();
  const fieldsId = useId();
  const cited = info.citations > 0;
  const toggle = useRef<HTMLButtonElement>(null);
  const fields = useRef<HTMLDivElement>(null);
  // Focus: into the fields when they open from the button, back to the button when they close.
  const opened = useRef(false);
  useEffect(() => {
    if (editing && opened.current) fields.current?.querySelector<HTMLElement>('input, textarea')?.focus();
    if (!editing && opened.current) toggle.current?.focus();
    opened.current = false;
  }, [editing]);
  const setEditing = (open: boolean): void => {
    opened.current = true;
    onEditing(info.id, open);
  };
  return (
    <li
      id={panelEntryId(info.id)}
      className={`cd-source-entry${highlighted ? ' cd-source-highlight' : ''}${cited ? '' : ' cd-source-entry-uncited'}${editing ? ' cd-source-editing' : ''}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="cd-source-title" tabIndex={-1}>
        <span className="cd-source-number">{info.number === null ? 'Uncited' : `[${String(info.number)}]`}</span>
        {` ${title}`}
      </h3>
      <p className="cd-source-summary">{summaryLine(attrs, info.citations)}</p>
      {problems.length > 0 ? (
        <ul className="cd-source-problems" aria-label={`Problems of ${title}`}>
          {problems.map((p, i) => (
            <li key={i} className={`cd-problem-${p.severity}`}>
              {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      {editing ? (
        <div ref={fields} id={fieldsId} className="cd-source-fields" role="group" aria-label={`${readOnly ? 'Details' : 'Fields'} of “${title}”`}>
          {EDITABLE_SOURCE_FIELDS.map((field) => (
            <SourceField
              key={field}
              id={info.id}
              field={field}
              value={attrs[field]}
              readOnly={readOnly}
              onCommit={(value) => onEdit(info.id, { [field]: value })}
              onClose={() => setEditing(false)}
            />
          ))}
        </div>
      ) : null}
      <div className="cd-source-actions">
        <button
          ref={toggle}
          type="button"
          aria-expanded={editing}
          aria-controls={editing ? fieldsId : undefined}
          aria-label={`${editing ? 'Done with' : readOnly ? 'Details of' : 'Edit'} “${title}”`}
          onClick={() => setEditing(!editing)}
        >
          {editing ? 'Done' : readOnly ? 'Details' : 'Edit'}
        </button>
        {canGoBack ? (
          <button type="button" className="cd-button-primary" onClick={() => onBack(info.id)}>
            Back to the text
          </button>
        ) : cited ? (
          <button type="button" onClick={() => onShowInText(info.id)} aria-label={`Show in text: the first citation of “${title}”`}>
            Show in text
          </button>
        ) : null}
        {cited ? (
          <button type="button" className="cd-button-quiet-danger" disabled={readOnly} onClick={() => onRemove(info.id, true)} aria-label={`Delete with citations: “${title}” and its ${plural(info.citations, 'citation', 'citations')}`}>
            Delete with citations
          </button>
        ) : (
          <button type="button" className="cd-button-danger" disabled={readOnly} onClick={() => onRemove(info.id, false)} aria-label={`Remove the uncited source “${title}”`}>
            Remove
          </button>
        )}
      </div>
    </li>
  );
}

function sameProblems(a: readonly SourceProblem[], b: readonly SourceProblem[]): boolean {
  return a.length === b.length && a.every((p, i) => p.message === b[i]?.message);
}

/** One source in the Sources panel (see the module comment). */
export const SourceEntry = memo(
  SourceEntryView,
  (a, b) =>
    a.info.node === b.info.node &&
    a.info.number === b.info.number &&
    a.info.citations === b.info.citations &&
    a.highlighted === b.highlighted &&
    a.editing === b.editing &&
    a.onEditing === b.onEditing &&
    a.canGoBack === b.canGoBack &&
    sameProblems(a.problems, b.problems) &&
    a.onEdit === b.onEdit &&
    a.readOnly === b.readOnly &&
    a.onRemove === b.onRemove &&
    a.onBack === b.onBack &&
    a.onShowInText === b.onShowInText,
);
