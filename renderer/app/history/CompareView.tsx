/**
 * The compare view: one read-only article, the newer side with the changes marked as review
 * marks (shared/compare: insertions, deletions, changed citations, formatting, blocks added,
 * removed or moved), a summary at its top (counts by kind, blocks compared whole, pending
 * suggestions), and next/previous change on the review keys of shared/commands.ts (also Edit >
 * Next Change / Previous Change while it shows), the current change highlighted and announced.
 * Escape closes it (HistoryStage).
 */
import { keydownHandler } from 'prosemirror-keymap';
import type { EditorView } from 'prosemirror-view';
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { ariaKeys, commandKeys, tooltipKeys } from '../../../shared/commands';
import type { Comparison } from '../../../shared/compare/types';
import { MAC } from '../../editor/platform';
import { useMenuCommands } from '../menu-commands';
import { changeAnnouncement, comparisonSummary, stepChange, summaryNotes } from './compare-text';
import { sideName, type CompareSide } from './history-controller';
import { ReadOnlyCanvas } from './ReadOnlyCanvas';

/** Properties of `CompareView`. */
export interface CompareViewProps {
  readonly older: CompareSide;
  readonly newer: CompareSide;
  readonly comparison: Comparison;
  /** Closes the comparison (back to the draft's text). */
  readonly onClose: () => void;
}

function keyHint(id: 'review-next' | 'review-previous'): string {
  const keys = tooltipKeys(id, MAC);
  return keys === undefined ? '' : ` (${keys})`;
}

/** The compare view. */
export function CompareView({ older, newer, comparison, onClose }: CompareViewProps): ReactElement {
  const { changes } = comparison;
  const [current, setCurrent] = useState(-1);
  const title = useRef<HTMLHeadingElement>(null);
  const step = (dir: 1 | -1): void => setCurrent((i) => stepChange(changes.length, i, dir));
  const change = changes[current];
  const highlight = useMemo(() => (change ? { from: change.from, to: change.to } : null), [change]);
  const heading = `Comparing ${sideName(older)} with ${sideName(newer)}`;

  useEffect(() => {
    setCurrent(-1);
    title.current?.focus();
  }, [comparison]);

  // The review keys anywhere in the window while the comparison shows (the editor is hidden); Escape is HistoryStage's.
  const stepRef = useRef(step);
  stepRef.current = step;
  useEffect(() => {
    const bindings: Record<string, () => boolean> = {};
    for (const key of commandKeys('review-next', MAC)) bindings[key] = () => (stepRef.current(1), true);
    for (const key of commandKeys('review-previous', MAC)) bindings[key] = () => (stepRef.current(-1), true);
    const handle = keydownHandler(bindings);
    const noView = {} as EditorView;
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (handle(noView, event)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // Capturing: before the read-only editor's own keymap, which binds the same keys to its review marks.
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
  useMenuCommands({ 'review-next': () => step(1), 'review-previous': () => step(-1) });

  const notes = summaryNotes(comparison);
  return (
    <>
      <div className="cd-history-bar cd-compare-bar">
        <h2 ref={title} tabIndex={-1} className="cd-history-bar-title" data-region-focus>
          {heading}
        </h2>
        <div className="cd-history-bar-actions">
          <button type="button" disabled={changes.length === 0} aria-keyshortcuts={ariaKeys('review-previous', MAC)} title={`Previous change${keyHint('review-previous')}`} onClick={() => step(-1)}>
            Previous change
          </button>
          <button type="button" disabled={changes.length === 0} aria-keyshortcuts={ariaKeys('review-next', MAC)} title={`Next change${keyHint('review-next')}`} onClick={() => step(1)}>
            Next change
          </button>
          <button type="button" aria-keyshortcuts="Escape" onClick={onClose}>
            Close comparison
          </button>
        </div>
        <p className="cd-compare-summary">
          <strong>{comparisonSummary(comparison)}</strong> · Read-only
        </p>
        {notes.length > 0 ? (
          <ul className="cd-compare-notes">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
        <p className="cd-compare-current" role="status">
          {change ? changeAnnouncement(changes, current) : changes.length > 0 ? `Next change${keyHint('review-next')} goes to the first change.` : ''}
        </p>
      </div>
      <div className="cd-article">
        <ReadOnlyCanvas doc={comparison.doc} label={`${heading} (read-only)`} highlight={highlight} />
      </div>
    </>
  );
}
