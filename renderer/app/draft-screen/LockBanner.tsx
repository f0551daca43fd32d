/**
 * The banner above the article that says how this window holds the draft, when it does not simply
 * edit it: read-only (who has it, or who took it over from this window; the text follows their
 * saves; "Take over"), or unlocked (the lock file could not be written: editing goes on, and the
 * banner says why nobody else is warned that the draft is open here).
 */
import type { ReactElement } from 'react';
import { readOnlyTitle, sinceText, type WindowAccess } from '../session/access';

/** Properties of `LockBanner`. */
export interface LockBannerProps {
  readonly access: WindowAccess;
  /** Takes the draft over (read-only only). */
  readonly onTakeOver: () => void;
  /** A take-over is under way (its button is disabled meanwhile). */
  readonly busy?: boolean;
}

/** The banner, or nothing while the window edits the draft under its own lock. */
export function LockBanner({ access, onTakeOver, busy }: LockBannerProps): ReactElement | null {
  if (access.kind === 'editing') return null;
  if (access.kind === 'unlocked') {
    return (
      <div className="cd-banner cd-banner-warning cd-lock-banner" role="status">
        <p>
          <strong>Editing without a lock.</strong> {access.reason} You can go on editing: a save never overwrites someone else’s changes.
        </p>
      </div>
    );
  }
  const { holder, cause } = access;
  const detail =
    cause === 'handed'
      ? 'Take over to edit it before then.'
      : holder === null
        ? 'Nobody else has it open now.'
        : cause === 'taken'
          ? 'This window is read-only now, and the text follows their saves.'
          : `Opened ${sinceText(holder.since, Date.now())}. The text follows their saves.`;
  return (
    <div className="cd-banner cd-banner-info cd-lock-banner" role="status">
      <p>
        <strong>{readOnlyTitle(access)}</strong> {detail} Nothing can be changed here, comments neither.
      </p>
      <button type="button" className="cd-button-primary" onClick={onTakeOver} disabled={busy}>
        Take over
      </button>
    </div>
  );
}
