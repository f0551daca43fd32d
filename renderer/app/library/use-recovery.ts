/**
 * Drafts recovered after a crash: the journal's records (`recovery.list`), offered once at start
 * (and whenever the library shows) until the user restores or discards each one.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RecoveryEntry } from '../../../shared/ipc/channels';
import { api, messageOf } from '../api';

/** The recovery records and what can be done with them. */
export interface RecoveryState {
  readonly entries: readonly RecoveryEntry[];
  readonly error: string | null;
  /** Forgets a record (after the user said so, or once it was restored and saved). */
  discard(key: string): Promise<void>;
  refresh(): Promise<void>;
}

/** The recovery records (see the module comment). */
export function useRecovery(): RecoveryState {
  const [entries, setEntries] = useState<readonly RecoveryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setEntries(await api().recovery.list());
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const discard = useCallback(async (key: string) => {
    await api().recovery.discard({ key });
    setEntries((list) => list.filter((e) => e.key !== key));
  }, []);

  return { entries, error, discard, refresh };
}
