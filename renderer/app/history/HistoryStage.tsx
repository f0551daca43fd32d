/**
 * What the article column shows instead of the draft's text while the History panel asks for it
 * (HistoryController.shown): a kept version read-only (VersionView) or a comparison
 * (CompareView). Escape, anywhere but in a dialog or a field, goes back to the text.
 */
import { useEffect, useRef, type ReactElement } from 'react';
import type { HistoryController, HistoryShown } from './history-controller';
import { CompareView } from './CompareView';
import { VersionView } from './VersionView';
import './history.css';

/** Properties of `HistoryStage`. */
export interface HistoryStageProps {
  readonly history: HistoryController;
  readonly shown: HistoryShown;
  /** Whether Restore may run (not in Viewing mode). */
  readonly canRestore: boolean;
  /** Back to the draft's text. */
  readonly onBack: () => void;
}

/** The history stage. */
export function HistoryStage({ history, shown, canRestore, onBack }: HistoryStageProps): ReactElement {
  const back = useRef(onBack);
  back.current = onBack;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const target = event.target;
      if (target instanceof HTMLElement && target.matches('input, textarea, select')) return;
      event.preventDefault();
      event.stopPropagation();
      back.current();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);

  const label = shown.kind === 'version' ? 'Kept version' : 'Comparison';
  return (
    <section className={`cd-history-stage cd-history-stage-${shown.kind}`} aria-label={label}>
      {shown.kind === 'version' ? (
        <VersionView history={history} version={shown.version} doc={shown.doc} canRestore={canRestore} onBack={onBack} />
      ) : (
        <CompareView older={shown.older} newer={shown.newer} comparison={shown.comparison} onClose={onBack} />
      )}
    </section>
  );
}
