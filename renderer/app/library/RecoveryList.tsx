/**
 * The drafts recovered after a crash, offered at the top of the library: each readable record
 * can be restored (opened with its unsaved content, then autosaved) or discarded (after a
 * confirmation: the edits are gone then); an unreadable record shows why, and can be discarded.
 */
import type { ReactElement } from 'react';
import type { RecoveryEntry } from '../../../shared/ipc/channels';
import { displayName } from '../api';
import { useAsk } from '../dialogs/dialog-host';
import { formatWhen } from '../status-labels';

/** Properties of `RecoveryList`. */
export interface RecoveryListProps {
  readonly entries: readonly RecoveryEntry[];
  readonly error: string | null;
  readonly onRestore: (entry: Extract<RecoveryEntry, { readable: true }>) => void;
  readonly onDiscard: (key: string) => Promise<void>;
}

/** The recovered drafts (renders nothing when there are none). */
export function RecoveryList({ entries, error, onRestore, onDiscard }: RecoveryListProps): ReactElement | null {
  const ask = useAsk();
  if (entries.length === 0 && error === null) return null;

  const discard = async (entry: RecoveryEntry): Promise<void> => {
    const what = entry.readable ? `the unsaved edits of “${entry.headline || 'an untitled draft'}”` : 'this unreadable record';
    const yes = await ask.confirm({ title: 'Discard recovered edits?', message: `This deletes ${what} for good.`, confirm: 'Discard', danger: true });
    if (yes) await onDiscard(entry.key);
  };

  return (
    <section className="cd-recovery" aria-labelledby="cd-recovery-title">
      <h2 id="cd-recovery-title">Recovered after a crash</h2>
      {error !== null ? <p className="cd-field-error">The recovered drafts could not be listed: {error}</p> : null}
      <p className="cd-muted">Copydesk closed before these edits were saved. Restore them to continue, or discard them.</p>
      <ul className="cd-recovery-list">
        {entries.map((entry) => (
          <li key={entry.key} className={entry.readable ? 'cd-recovery-item' : 'cd-recovery-item cd-recovery-broken'}>
            {entry.readable ? (
              <>
                <div className="cd-recovery-text">
                  <strong>{entry.headline.trim() || 'Untitled draft'}</strong>
                  <span className="cd-muted">
                    {entry.name ? displayName(entry.name) : 'never saved'} · edits from {formatWhen(entry.savedAt)}
                  </span>
                </div>
                <button type="button" className="cd-button-primary" onClick={() => onRestore(entry)} aria-label={`Restore “${entry.headline.trim() || 'Untitled draft'}”`}>
                  Restore
                </button>
              </>
            ) : (
              <div className="cd-recovery-text">
                <strong>A record that cannot be restored</strong>
                <span className="cd-field-error">{entry.reason}</span>
              </div>
            )}
            <button type="button" onClick={() => void discard(entry)} aria-label={entry.readable ? `Discard the edits of “${entry.headline.trim() || 'Untitled draft'}”` : 'Discard the unreadable record'}>
              Discard
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
