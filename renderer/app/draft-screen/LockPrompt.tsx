/**
 * What opening a draft that someone else has open asks (its lock file is theirs and fresh): who,
 * on which machine, since when; then "Open read-only", "Take over" (their window turns read-only,
 * and what they typed and had not saved yet may end in a conflict that they can merge) or Cancel.
 */
import type { ReactElement } from 'react';
import type { LockHolder } from '../../../shared/ipc/channels';
import type { Ask } from '../dialogs/dialog-host';
import { holderSentence } from '../session/access';

/** What the user chose: how to open the draft again. */
export type LockChoice = 'read-only' | 'take-over';

function LockPromptForm({ holder, onDone }: { readonly holder: LockHolder; readonly onDone: (choice: LockChoice | null) => void }): ReactElement {
  return (
    <div className="cd-lock-prompt">
      <p>{holderSentence(holder, Date.now())}</p>
      <p>
        <strong>Open read-only</strong> to read it while they work: it follows their saves, and you can take it over later.
      </p>
      <p>
        <strong>Take over</strong> to edit it: their window turns read-only. What they typed and had not saved yet is saved at once, and may end in a conflict
        that they can merge with “Merge their version”.
      </p>
      <div className="cd-dialog-actions">
        <button type="button" className="cd-push-left" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="button" onClick={() => onDone('take-over')}>
          Take over
        </button>
        <button type="button" className="cd-button-primary" onClick={() => onDone('read-only')} data-autofocus>
          Open read-only
        </button>
      </div>
    </div>
  );
}

/** Asks how to open a draft `holder` has open; null when the user cancelled. */
export function askLockChoice(ask: Ask, holder: LockHolder): Promise<LockChoice | null> {
  return ask.form<LockChoice>(`${holder.name} has this draft open`, (done) => <LockPromptForm holder={holder} onDone={done} />);
}
