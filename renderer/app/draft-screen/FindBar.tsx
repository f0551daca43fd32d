/**
 * The find bar (Edit > Find…, Ctrl/Cmd+F; Replace…, Ctrl+H or Cmd+Shift+H): a search field, the
 * match count ("3 of 17", announced politely), previous/next, "Match case" and "Whole word", and
 * a replace row ("Replace", "Replace all"). Its open state and query live in the editor's find
 * plugin (renderer/editor/find.ts), so the editor's own shortcuts open it too.
 *
 * Keys: Enter next, Shift+Enter previous (Enter in the replace field replaces), F3/Shift+F3 and
 * Ctrl/Cmd+G/Shift+G as in the editor, Escape closes the bar and puts the focus back in the text,
 * on the selected match. On a long article the query is searched after a short pause in typing.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import {
  closeFind,
  findNext,
  findPrevious,
  findStatus,
  replaceAll,
  replaceMatch,
  sameFindStatus,
  setFindQuery,
  type FindQuery,
  type FindStatus,
} from '../../editor/find';
import { MAC } from '../../editor/platform';
import { findBarKeys } from './shortcut-text';
import { useEditorValue, type EditorStore } from '../session/editor-store';
import './FindBar.css';

const KEYS = findBarKeys();

/** Above this document size (about 15,000 words) the search waits for a pause in typing. */
const DEBOUNCE_SIZE = 100_000;
const DEBOUNCE_MS = 150;

// The last focus request each store's bar carried out (a bar reopened by F3 takes no focus).
const handledRequests = new WeakMap<EditorStore, number>();

/** What the live region says. */
export function countText(status: Pick<FindStatus, 'search' | 'count' | 'current'>): string {
  if (status.search === '') return '';
  if (status.count === 0) return 'No matches';
  if (status.current === 0) return status.count === 1 ? '1 match' : `${String(status.count)} matches`;
  return `${String(status.current)} of ${String(status.count)}`;
}

/** Properties of `FindBar`. */
export interface FindBarProps {
  readonly store: EditorStore;
}

/** The find bar, shown while the editor's find plugin says it is open. */
export function FindBar({ store }: FindBarProps): ReactElement | null {
  const status = useEditorValue(store, findStatus, sameFindStatus);
  return status.open ? <OpenFindBar store={store} status={status} /> : null;
}

function OpenFindBar({ store, status }: { store: EditorStore; status: FindStatus }): ReactElement {
  const [text, setText] = useState(status.search);
  const [caseSensitive, setCaseSensitive] = useState(status.caseSensitive);
  const [wholeWord, setWholeWord] = useState(status.wholeWord);
  const [replacement, setReplacement] = useState('');
  const [showReplace, setShowReplace] = useState(status.mode === 'replace');
  const [note, setNote] = useState<string | null>(null);
  const findField = useRef<HTMLInputElement>(null);
  const replaceField = useRef<HTMLInputElement>(null);
  const pending = useRef<{ timer: number; query: FindQuery } | null>(null);

  // A request to focus (Ctrl/Cmd+F, Edit > Find…, Replace…): show the plugin's query (the text
  // selected in the article, if any) and focus the field asked for.
  useEffect(() => {
    if (handledRequests.get(store) === status.request) return;
    handledRequests.set(store, status.request);
    setText(status.search);
    setNote(null);
    const replacing = status.mode === 'replace';
    if (replacing) setShowReplace(true);
    // After this render, so that the replace row exists.
    requestAnimationFrame(() => {
      const field = replacing && status.search !== '' ? replaceField.current : findField.current;
      field?.focus();
      field?.select();
    });
  }, [store, status.request, status.mode, status.search]);

  useEffect(() => () => window.clearTimeout(pending.current?.timer), []);

  const runQuery = (query: FindQuery): void => {
    store.run(setFindQuery(query), false);
  };
  const flush = (): void => {
    const p = pending.current;
    if (!p) return;
    window.clearTimeout(p.timer);
    pending.current = null;
    runQuery(p.query);
  };
  const search = (query: FindQuery): void => {
    setNote(null);
    window.clearTimeout(pending.current?.timer);
    pending.current = null;
    if (store.getState().doc.content.size <= DEBOUNCE_SIZE) runQuery(query);
    else pending.current = { query, timer: window.setTimeout(flush, DEBOUNCE_MS) };
  };
  // The buttons stay focusable without matches (aria-disabled): a disabled button that has the
  // focus (Replace all, once nothing is left) would drop it to the page, out of the bar's keys.
  const step = (dir: 1 | -1): void => {
    flush();
    if (findStatus(store.getState()).count === 0) return;
    setNote(null);
    store.run(dir > 0 ? findNext : findPrevious, false);
  };
  const replaceOne = (): void => {
    flush();
    if (findStatus(store.getState()).count === 0) return;
    setNote(null);
    store.run(replaceMatch(replacement), false);
  };
  const replaceEvery = (): void => {
    flush();
    const count = findStatus(store.getState()).count;
    if (store.run(replaceAll(replacement), false)) setNote(`Replaced ${String(count)} ${count === 1 ? 'match' : 'matches'}`);
  };
  const close = (): void => {
    window.clearTimeout(pending.current?.timer);
    pending.current = null;
    store.run(closeFind, true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const mod = MAC ? event.metaKey : event.ctrlKey;
    const key = event.key.toLowerCase();
    let handled = true;
    if (event.key === 'Escape') close();
    else if (event.key === 'Enter' && event.target === findField.current) step(event.shiftKey ? -1 : 1);
    else if (event.key === 'Enter' && event.target === replaceField.current) replaceOne();
    else if (event.key === 'F3' || (mod && key === 'g' && !event.altKey)) step(event.shiftKey ? -1 : 1);
    else if (mod && key === 'f' && !event.altKey && !event.shiftKey) {
      findField.current?.focus();
      findField.current?.select();
    } else if (mod && key === 'h' && !event.altKey && event.shiftKey === MAC) {
      setShowReplace(true);
      requestAnimationFrame(() => replaceField.current?.focus());
    } else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const shown = note ?? countText({ search: text, count: status.count, current: status.current });
  const none = text !== '' && status.count === 0 && note === null;

  return (
    <div className="cd-findbar" role="search" aria-label="Find and replace" data-region="Find" onKeyDown={onKeyDown}>
      <div className="cd-findbar-row">
        <button
          type="button"
          className="cd-findbar-icon cd-findbar-expand"
          aria-expanded={showReplace}
          aria-controls={showReplace ? 'cd-findbar-replace' : undefined}
          aria-label="Show replace"
          title={`Replace (${KEYS.replace})`}
          onClick={() => setShowReplace((v) => !v)}
        >
          {showReplace ? '▾' : '▸'}
        </button>
        <input
          ref={findField}
          type="search"
          className={`cd-findbar-field${none ? ' cd-findbar-none' : ''}`}
          aria-label="Find in article"
          placeholder="Find in article"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            search({ search: event.target.value, caseSensitive, wholeWord });
          }}
        />
        <span className="cd-findbar-count" role="status" aria-live="polite" aria-atomic="true">
          {shown}
        </span>
        <button type="button" className="cd-findbar-icon" aria-label="Previous match" title={`Previous match (Shift+Enter, ${KEYS.previous})`} aria-disabled={status.count === 0} onClick={() => step(-1)}>
          ↑
        </button>
        <button type="button" className="cd-findbar-icon" aria-label="Next match" title={`Next match (Enter, ${KEYS.next})`} aria-disabled={status.count === 0} onClick={() => step(1)}>
          ↓
        </button>
        <label className="cd-findbar-option">
          <input
            type="checkbox"
            checked={caseSensitive}
            onChange={(event) => {
              setCaseSensitive(event.target.checked);
              search({ search: text, caseSensitive: event.target.checked, wholeWord });
            }}
          />
          Match case
        </label>
        <label className="cd-findbar-option">
          <input
            type="checkbox"
            checked={wholeWord}
            onChange={(event) => {
              setWholeWord(event.target.checked);
              search({ search: text, caseSensitive, wholeWord: event.target.checked });
            }}
          />
          Whole word
        </label>
        <button type="button" className="cd-findbar-icon cd-findbar-close" aria-label="Close find bar" title="Close (Escape)" onClick={close}>
          ×
        </button>
      </div>
      {showReplace ? (
        <div className="cd-findbar-row" id="cd-findbar-replace">
          <input
            ref={replaceField}
            type="text"
            className="cd-findbar-field cd-findbar-replace-field"
            aria-label="Replace with"
            placeholder="Replace with"
            autoComplete="off"
            spellCheck={false}
            value={replacement}
            onChange={(event) => setReplacement(event.target.value)}
          />
          <button type="button" className="cd-findbar-button" aria-disabled={status.count === 0} onClick={replaceOne}>
            Replace
          </button>
          <button type="button" className="cd-findbar-button" aria-disabled={status.count === 0} onClick={replaceEvery}>
            Replace all
          </button>
        </div>
      ) : null}
    </div>
  );
}
