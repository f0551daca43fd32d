/**
 * The library's filter by status: one toggle button per status with how many drafts have it
 * ("Ready for edit 2"), and "All", so that an editor sees at a glance what is waiting. Buttons
 * in a named group, each `aria-pressed`, reachable with Tab; a status no draft has is still listed
 * (its count says 0) so that the row does not move as drafts change.
 */
import type { ReactElement } from 'react';
import { STATUSES, type Status } from '../../../shared/draft/statuses';
import { formatCount, STATUS_LABELS } from '../status-labels';

/** Properties of `StatusFilter`. */
export interface StatusFilterProps {
  /** The status shown, or null for all. */
  readonly value: Status | null;
  readonly counts: Readonly<Record<Status, number>>;
  readonly total: number;
  readonly onChange: (value: Status | null) => void;
}

/** The filter buttons. */
export function StatusFilter({ value, counts, total, onChange }: StatusFilterProps): ReactElement {
  const button = (key: Status | null, label: string, count: number): ReactElement => (
    <button
      key={key ?? 'all'}
      type="button"
      className={`cd-filter-button${key ? ` cd-filter-${key}` : ''}`}
      aria-pressed={value === key}
      aria-label={`${label}: ${formatCount(count)}`}
      onClick={() => onChange(key)}
    >
      {label} <span className="cd-filter-count">{formatCount(count)}</span>
    </button>
  );
  return (
    <div className="cd-status-filter" role="group" aria-label="Show drafts by status">
      {button(null, 'All', total)}
      {STATUSES.map((s) => button(s, STATUS_LABELS[s], counts[s]))}
    </div>
  );
}
