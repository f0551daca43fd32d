/** The library's drafts by status: how many have each, and those with one (StatusFilter.tsx shows them). */
import { STATUSES, type Status } from '../../../shared/draft/statuses';
import type { DraftSummary } from '../../../shared/ipc/channels';

/** How many of `drafts` have each status (a file that cannot be read has none). */
export function countByStatus(drafts: readonly DraftSummary[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const d of drafts) if (d.status) counts[d.status] += 1;
  return counts;
}

/** The drafts with `status` (all of them for null). */
export function withStatus(drafts: readonly DraftSummary[], status: Status | null): readonly DraftSummary[] {
  return status === null ? drafts : drafts.filter((d) => d.status === status);
}
