/**
 * The Problems panel: the draft's problems (the foundation's checks: errors block publishing,
 * warnings are worth a look), each a button that goes to the place, into the field that fixes it
 * when there is one (a "Read also" item's URL, a figure's alt text, a source's title). The list (which names
 * places, so walks the document) is rebuilt when the reporter pauses, not per keystroke; the
 * counts in the status bar are live. Going to a problem reads the current list, so positions are
 * never stale.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { Problem, ProblemField } from '../../../shared/problems';
import { focusNodeField } from '../../editor/problem-target';
import { problemsOf, toldMissingAssets } from '../../editor/problems-plugin';
import type { EditorStore } from '../session/editor-store';
import { Observable } from '../session/observable';
import { useIdleValue } from '../session/use-idle-value';

/** Properties of `ProblemsPanel`. */
export interface ProblemsPanelProps {
  readonly store: EditorStore;
  /** Goes to a problem of a source (in the Sources panel), into `field` when it is one of the source's. */
  readonly onSourceProblem: (sourceId: string, field: ProblemField | null) => void;
}

const listOf = (state: Parameters<typeof problemsOf>[0]): readonly Problem[] => problemsOf(state).list();

/** The Problems panel. */
export function ProblemsPanel({ store, onSourceProblem }: ProblemsPanelProps): ReactElement {
  // The missing images change the list without changing the document.
  const [missingTold] = useState(() => new Observable(0));
  useEffect(() => store.listen((_state, tr) => tr && toldMissingAssets(tr) && missingTold.set(missingTold.get() + 1)), [store, missingTold]);
  const problems = useIdleValue(store, listOf, 400, missingTold);

  const go = (index: number, shown: Problem): void => {
    const state = store.getState();
    const now = problemsOf(state).list();
    const same = now[index]?.code === shown.code ? now[index] : now.find((p) => p.code === shown.code && p.where === shown.where);
    const target = same ?? shown;
    const node = target.pos < state.doc.content.size ? state.doc.nodeAt(target.pos) : null;
    if (node?.type.name === 'source') {
      onSourceProblem(node.attrs.id as string, target.field);
      return;
    }
    store.reveal(target.pos);
    const view = store.view;
    if (view && target.field) focusNodeField(view, target.pos, target.field);
  };

  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <div className="cd-panel-body cd-problems-panel">
      <p className="cd-panel-summary">
        {problems.length === 0 ? 'No problems found.' : `${String(errors)} error${errors === 1 ? '' : 's'}, ${String(problems.length - errors)} warning${problems.length - errors === 1 ? '' : 's'}.`}
      </p>
      <ul className="cd-problem-list">
        {problems.map((p, i) => (
          <li key={`${String(i)}:${p.code}:${String(p.pos)}`}>
            <button type="button" className={`cd-problem cd-problem-${p.severity}`} onClick={() => go(i, p)}>
              <span className="cd-problem-severity">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
              <span className="cd-problem-message">{p.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
