/**
 * What the reporter sees when the draft's file changed (or vanished) on disk while they had
 * edits, or when a save was refused for that reason: a banner above the article that stays
 * until resolved, and, when a save was refused, a dialog at once. Both offer the same choices:
 * merge their version (their changes as suggestions over mine, then saved: nothing is lost),
 * keep mine (write this version over the file), reload theirs (drop my edits), save mine as a
 * copy; for a vanished file, save it again.
 */
import type { ReactElement } from 'react';
import { Dialog } from '../dialogs/Dialog';

/** The choices of a conflict. */
export interface ConflictActions {
  /** Their changes as suggestions by them over the current text, then saved (session `mergeTheirs`). */
  readonly mergeTheirs: () => void;
  /** Writes this version over the file; null in a read-only window, which never overwrites whoever holds the draft. */
  readonly keepMine: (() => void) | null;
  readonly reloadTheirs: () => void;
  readonly saveCopy: () => void;
}

function Choices({ deleted, actions, autofocus }: { deleted: boolean; actions: ConflictActions; autofocus?: boolean }): ReactElement {
  return (
    <div className="cd-conflict-actions">
      {deleted ? null : (
        <button type="button" className="cd-button-primary" onClick={actions.mergeTheirs} data-autofocus={autofocus ? true : undefined}>
          Merge their version
        </button>
      )}
      {actions.keepMine === null ? null : (
        <button type="button" className={deleted ? 'cd-button-primary' : undefined} onClick={actions.keepMine}>
          {deleted ? 'Save it again' : 'Keep mine'}
        </button>
      )}
      {deleted ? null : (
        <button type="button" onClick={actions.reloadTheirs}>
          Reload theirs
        </button>
      )}
      <button type="button" onClick={actions.saveCopy} data-autofocus={autofocus && deleted ? true : undefined}>
        Save mine as a copy…
      </button>
    </div>
  );
}

// The banner says it short (it stays above the article); the dialog says what each choice does.
function explain(deleted: boolean, full: boolean): string {
  if (deleted) return 'The draft’s file was deleted or moved by someone else. Your version is still here (and in the recovery journal).';
  return full
    ? 'Someone else changed this draft’s file since you opened it. Merge their version (their changes appear as suggestions over yours, and nothing is lost), keep yours (theirs is overwritten, though an earlier version may be kept), take theirs (your edits are dropped), or save yours as a copy.'
    : 'Someone else saved it since you opened it. “Merge their version” keeps both: their changes become suggestions over yours.';
}

/** The banner above the article. */
export function ConflictBanner({ deleted, actions }: { readonly deleted: boolean; readonly actions: ConflictActions }): ReactElement {
  return (
    <div className="cd-banner cd-banner-warning cd-conflict" role="alert">
      <p>
        <strong>{deleted ? 'The file is gone from disk.' : 'The file changed on disk.'}</strong> {explain(deleted, false)}
      </p>
      <Choices deleted={deleted} actions={actions} />
    </div>
  );
}

/** The dialog shown when a save was refused. */
export function ConflictDialog({ deleted, actions, onClose }: { readonly deleted: boolean; readonly actions: ConflictActions; readonly onClose: () => void }): ReactElement {
  return (
    <Dialog title={deleted ? 'The draft’s file is gone' : 'The draft changed on disk'} description={explain(deleted, true)} role="alertdialog" onClose={onClose} className="cd-dialog-small">
      <Choices deleted={deleted} actions={actions} autofocus />
    </Dialog>
  );
}
