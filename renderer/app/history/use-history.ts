/**
 * History concern of the draft screen: the open draft's HistoryController (following its saves
 * while the screen shows), what the article column shows instead of the text, whether Restore
 * may run (not in Viewing mode, so neither in a window that holds the draft read-only), and
 * going back to the text (focused).
 */
import { useCallback, useEffect, useMemo } from 'react';
import { api } from '../api';
import type { DocumentSession } from '../session/document-session';
import { useEditorValue } from '../session/editor-store';
import { useObservable } from '../session/observable';
import { HistoryController, type HistoryShown } from './history-controller';
import { canRestore } from './restore';

/** The history of the open draft, as the draft screen uses it. */
export interface HistoryConcern {
  readonly history: HistoryController;
  /** What the article column shows instead of the text, or null. */
  readonly shown: HistoryShown | null;
  readonly canRestore: boolean;
  /** Back to the text, focused. */
  readonly back: () => void;
}

/** The history of `session`. */
export function useHistory(session: DocumentSession): HistoryConcern {
  const history = useMemo(() => new HistoryController(api(), session), [session]);
  useEffect(() => history.attach(), [history]);
  const shown = useObservable(history.shown);
  const restorable = useEditorValue(session.store, canRestore);
  const back = useCallback(() => {
    history.back();
    requestAnimationFrame(() => session.store.view?.focus());
  }, [history, session]);
  return { history, shown, canRestore: restorable, back };
}
