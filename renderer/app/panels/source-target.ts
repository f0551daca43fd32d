/**
 * What the Sources panel reveals (`reveal('sources', target)`), and where "Back to the text"
 * goes from it: pure, tested in tests/unit/shell-panels.test.ts.
 */
import type { ProblemField } from '../../../shared/problems';

/** A source to reveal: from a citation at `from` (to come back to), or from elsewhere. */
export interface SourceTarget {
  readonly id: string;
  /** Position of the citation the reporter came from, or null. */
  readonly from: number | null;
  /** The field to focus (from a problem), or null for the entry's heading. */
  readonly field?: ProblemField | null;
}

/** Of the citations (in text order), the position of source `id`'s one nearest to `from` (its first when `from` is null), or null when it has none. */
export function citationToReturnTo(citations: readonly { readonly source: string; readonly pos: number }[], id: string, from: number | null): number | null {
  const cites = citations.filter((c) => c.source === id);
  const first = cites[0];
  if (!first) return null;
  if (from === null) return first.pos;
  return cites.reduce((a, b) => (Math.abs(b.pos - from) < Math.abs(a.pos - from) ? b : a)).pos;
}
