/**
 * The citation picker (Ctrl/Cmd+Alt+F or "Cite source"), opened at the cursor: search the
 * draft's sources by title or outlet and pick one (a combobox over a listbox: arrows move,
 * Enter cites), or create a source with its fields and cite it in the same step (one undo
 * takes both back).
 */
import type { EditableSourceFields } from '../../../shared/sources/fields';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactElement } from 'react';
import type { SourceInfo } from '../../editor/footnote-state';
import { sourceTooltip } from '../../editor/citation-view';
import { foldForSearch } from '../library/use-library';
import { Dialog } from './Dialog';
import { DATE_HINT, DATE_PLACEHOLDER } from '../source-date';
import type { Box } from './place-popover';
import { urlMessage } from './url-messages';

/** A new source's fields: what a person writes of a source (shared/sources/fields.ts). */
export type NewSourceFields = EditableSourceFields;

/** Properties of `CitePicker`. */
export interface CitePickerProps {
  /** The draft's sources in number order. */
  readonly sources: readonly SourceInfo[];
  /** What to open next to (the caret's box). */
  readonly anchor: Box | undefined;
  readonly onCite: (sourceId: string) => void;
  /** Creates and cites; returns false when the editor refused (the dialog stays). */
  readonly onCreate: (fields: NewSourceFields) => boolean;
  readonly onClose: () => void;
}

const MAX_SHOWN = 50;

function matches(info: SourceInfo, words: readonly string[]): boolean {
  const text = foldForSearch(`${info.node.attrs.title as string} ${info.node.attrs.outlet as string}`);
  return words.every((w) => text.includes(w));
}

/** The citation picker. */
export function CitePicker({ sources, anchor, onCite, onCreate, onClose }: CitePickerProps): ReactElement {
  const [mode, setMode] = useState<'search' | 'new'>(sources.length === 0 ? 'new' : 'search');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [draft, setDraft] = useState<NewSourceFields>({ title: '', outlet: '', date: '', url: '', note: '' });
  const [refused, setRefused] = useState<string | null>(null);
  const [titleProblem, setTitleProblem] = useState<string | null>(null);
  const listId = useId();
  const searchId = useId();
  const body = useRef<HTMLDivElement>(null);
  const lastMode = useRef(mode);
  // Switching between searching and creating moves the focus to the new form's first field.
  useEffect(() => {
    if (lastMode.current === mode) return;
    lastMode.current = mode;
    body.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [mode]);
  const found = useMemo(() => {
    const words = foldForSearch(query).split(/\s+/u).filter(Boolean);
    return sources.filter((s) => matches(s, words)).slice(0, MAX_SHOWN);
  }, [sources, query]);
  // The last option creates a new source (titled with what was typed).
  const optionCount = found.length + 1;
  const current = Math.min(active, optionCount - 1);
  const optionId = (i: number): string => `${listId}-${String(i)}`;

  const startNew = (): void => {
    setDraft({ ...draft, title: query.trim() });
    setMode('new');
  };
  const choose = (i: number): void => {
    const info = found[i];
    if (info) onCite(info.id);
    else startNew();
  };
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : optionCount - 1;
      setActive((current + step) % optionCount);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(current);
    }
  };

  const urlProblem = urlMessage(draft.url, 'source', true);
  const unsafeUrl = urlProblem !== null && urlProblem.startsWith('A source’s URL');
  const empty = draft.title.trim() === '' && draft.note.trim() === '';
  const submitNew = (event: FormEvent): void => {
    event.preventDefault();
    // The first field that stops it gets the focus; its message stands next to it.
    const focus = (key: keyof NewSourceFields): void => document.getElementById(`${listId}-${key}`)?.focus();
    if (empty) {
      setTitleProblem('Give the source a title (or, for a plain footnote, a note).');
      return focus('title');
    }
    if (unsafeUrl) return focus('url');
    if (!onCreate({ ...draft, url: draft.url.trim() })) setRefused('A citation cannot go here: put the cursor in the text of the article.');
  };
  const field = (key: keyof NewSourceFields, label: string, type = 'text'): ReactElement => (
    <div className="cd-field">
      <label htmlFor={`${listId}-${key}`}>{label}</label>
      {key === 'note' ? (
        <textarea
          id={`${listId}-${key}`}
          rows={2}
          value={draft[key]}
          onChange={(e) => {
            setDraft({ ...draft, [key]: e.target.value });
            setTitleProblem(null);
          }}
        />
      ) : (
        <input
          id={`${listId}-${key}`}
          type={type}
          value={draft[key]}
          data-autofocus={key === 'title' ? true : undefined}
          placeholder={key === 'date' ? DATE_PLACEHOLDER : undefined}
          aria-invalid={(key === 'url' && urlProblem !== null) || (key === 'title' && titleProblem !== null) ? true : undefined}
          aria-describedby={
            key === 'url' && urlProblem !== null ? `${listId}-url-problem` : key === 'title' && titleProblem !== null ? `${listId}-title-problem` : key === 'date' ? `${listId}-date-hint` : undefined
          }
          onChange={(e) => {
            setDraft({ ...draft, [key]: e.target.value });
            setRefused(null);
            setTitleProblem(null);
          }}
        />
      )}
      {key === 'title' && titleProblem !== null ? (
        <p id={`${listId}-title-problem`} className="cd-field-error" role="alert">
          {titleProblem}
        </p>
      ) : null}
      {key === 'date' ? (
        // Heard, not shown: the placeholder shows the format, and a taller picker would leave the window.
        <span id={`${listId}-date-hint`} className="cd-visually-hidden">
          {DATE_HINT}
        </span>
      ) : null}
      {key === 'url' && urlProblem !== null ? (
        <p id={`${listId}-url-problem`} className="cd-field-error">
          {urlProblem}
        </p>
      ) : null}
    </div>
  );

  return (
    <Dialog title={mode === 'search' ? 'Cite a source' : 'Cite a new source'} onClose={onClose} anchor={anchor} className="cd-cite-picker">
      <div ref={body}>
      {mode === 'search' ? (
        <div className="cd-form" key="search">
          <label htmlFor={searchId}>Search sources by title or outlet</label>
          <input
            id={searchId}
            type="text"
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={optionId(current)}
            value={query}
            data-autofocus
            autoComplete="off"
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onSearchKey}
          />
          <ul id={listId} role="listbox" aria-label="Sources" className="cd-cite-options">
            {found.map((info, i) => (
              <li
                key={info.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                className="cd-cite-option"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(i)}
              >
                <span className="cd-cite-number">{info.number === null ? '–' : `[${String(info.number)}]`}</span>
                <span className="cd-cite-option-text">{sourceTooltip(info.node.attrs)}</span>
              </li>
            ))}
            <li id={optionId(found.length)} role="option" aria-selected={current === found.length} className="cd-cite-option cd-cite-new" onMouseDown={(e) => e.preventDefault()} onClick={startNew}>
              {query.trim() ? `New source “${query.trim()}”…` : 'New source…'}
            </li>
          </ul>
          {found.length === 0 && query.trim() !== '' ? <p className="cd-hint">No source matches; press Enter to create one.</p> : null}
        </div>
      ) : (
        <form className="cd-form" onSubmit={submitNew} noValidate key="new">
          {field('title', 'Title')}
          {field('outlet', 'Outlet or publisher')}
          <div className="cd-field-row">
            {field('date', 'Date')}
            {field('url', 'URL', 'url')}
          </div>
          {field('note', 'Note')}
          {refused !== null ? (
            <p className="cd-field-error" role="alert">
              {refused}
            </p>
          ) : null}
          <div className="cd-dialog-actions">
            {sources.length > 0 ? (
              <button type="button" className="cd-push-left" onClick={() => setMode('search')}>
                Back to sources
              </button>
            ) : null}
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="cd-button-primary">
              Create and cite
            </button>
          </div>
        </form>
      )}
      </div>
    </Dialog>
  );
}
