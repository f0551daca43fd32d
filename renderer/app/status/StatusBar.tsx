/**
 * The status bar, always visible under the editor: save state (saved, saving, unsaved, or the
 * error and its reason, with a way to act on it), the review mode, word count and reading time, and the number of
 * problems (a button that opens the Problems panel). Every figure comes from the editor's
 * incremental plugin states; nothing here walks the document.
 */
import type { ReactElement } from 'react';
import type { EditorState } from 'prosemirror-state';
import { problemsOf } from '../../editor/problems-plugin';
import { reviewModeOf } from '../../editor/review-mode';
import { ModeIcon, modeLabel } from '../draft-screen/ModeSwitch';
import { wordCountOf } from '../../editor/word-count-plugin';
import type { SaveStatus } from '../session/save-controller';
import { useEditorValue, type EditorStore } from '../session/editor-store';
import { plural } from '../status-labels';

/** Properties of `StatusBar`. */
export interface StatusBarProps {
  readonly store: EditorStore;
  readonly status: SaveStatus;
  readonly onRetry: () => void;
  readonly onResolve: () => void;
  readonly onProblems: () => void;
  readonly problemsOpen: boolean;
}

const words = (s: EditorState): number => wordCountOf(s).words;
const minutes = (s: EditorState): number => wordCountOf(s).minutes;
const errors = (s: EditorState): number => problemsOf(s).errors;
const warnings = (s: EditorState): number => problemsOf(s).warnings;

/** A sentence for the save state. */
export function saveStatusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'unsaved':
      return 'Unsaved changes';
    case 'error':
      return `Not saved: ${status.message}`;
    case 'conflict':
      return status.deleted ? 'Not saved: the file was deleted or moved on disk' : 'Not saved: the file changed on disk';
  }
}

/** The status bar. */
export function StatusBar({ store, status, onRetry, onResolve, onProblems, problemsOpen }: StatusBarProps): ReactElement {
  const w = useEditorValue(store, words);
  const m = useEditorValue(store, minutes);
  const e = useEditorValue(store, errors);
  const warn = useEditorValue(store, warnings);
  const mode = useEditorValue(store, reviewModeOf);
  const total = e + warn;
  const problemsLabel = total === 0 ? 'No problems' : `${plural(total, 'problem', 'problems')}: ${plural(e, 'error', 'errors')}, ${plural(warn, 'warning', 'warnings')}`;
  return (
    <footer className="cd-statusbar" data-region="Status bar">
      <div className={`cd-save-state cd-save-${status.kind}`} role="status">
        <span className="cd-save-dot" aria-hidden="true" />
        <span className="cd-save-text">{saveStatusText(status)}</span>
      </div>
      {status.kind === 'error' ? (
        <button type="button" className="cd-status-button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
      {status.kind === 'conflict' ? (
        <button type="button" className="cd-status-button" onClick={onResolve}>
          Resolve…
        </button>
      ) : null}
      <span className={`cd-status-item cd-mode-status cd-mode-${mode}`} aria-live="polite">
        <ModeIcon mode={mode} />
        {modeLabel(mode)}
      </span>
      <span className="cd-status-sep" aria-hidden="true" />
      <span className="cd-status-item">{plural(w, 'word', 'words')}</span>
      <span className="cd-status-item">{w === 0 ? 'no reading time' : `${String(Math.max(1, m))} min read`}</span>
      <button
        type="button"
        className={`cd-status-button cd-problems-count${e > 0 ? ' cd-has-errors' : warn > 0 ? ' cd-has-warnings' : ''}`}
        aria-label={`${problemsLabel}. ${problemsOpen ? 'Hide' : 'Show'} the list`}
        aria-expanded={problemsOpen}
        onClick={onProblems}
      >
        {total === 0 ? 'No problems' : plural(total, 'problem', 'problems')}
      </button>
    </footer>
  );
}
