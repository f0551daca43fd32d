/** History concern of the draft screen: the open draft's HistoryController, following its saves while the screen shows. */
import { useEffect, useMemo } from 'react';
import { api } from '../api';
import type { DocumentSession } from '../session/document-session';
import { HistoryController } from './history-controller';

/** The history of `session`. */
export function useHistory(session: DocumentSession): HistoryController {
  const history = useMemo(() => new HistoryController(api(), session), [session]);
  useEffect(() => history.attach(), [history]);
  return history;
}
