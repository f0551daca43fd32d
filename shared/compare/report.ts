/**
 * How a comparison (types.ts) is told: the one rendering that `copydesk diff` prints and that the
 * app's compare view shows above the text, so that both say the same thing in the same words.
 *
 * For people (`comparisonLines`):
 *
 *     7 changes: 4 text, 1 citation, 1 format, 1 block moved
 *     ¶4       Replaced “Safety” → “Security”
 *     ¶6       [1] → [2]: Reuters → CFR
 *     ¶3 → ¶9  Moved paragraph
 *     Compared whole: paragraph 12 is too long to compare word by word; shown as replaced
 *     Pending suggestions are compared as accepted: 2 in the old version, none in the new.
 *
 * The summary line counts the changes by kind in the order of `CompareChangeKind` ("No changes"
 * when there are none). Each change is one line: its place, then its description. A place is the
 * top-level block's number, counted from 1 (headline ¶1, standfirst ¶2, then the body), in the
 * new version; a block that is only in the old version is "was ¶5"; a block moved is "¶3 → ¶9"
 * (old → new). Blocks compared as a whole (past what the word comparison handles) are said, one
 * line each, and so are pending suggestions, which are compared as if accepted.
 *
 * As JSON (`comparisonJson`), a stable shape with keys in this order:
 *
 *     {
 *       "summary": { "total": 7, "byKind": { "text": 4, "citation": 1, … }, "line": "7 changes: …" },
 *       "changes": [
 *         { "kind": "text", "place": "¶4", "description": "Replaced “Safety” → “Security”",
 *           "block": { "old": 4, "new": 4 }, "deleted": "Safety", "inserted": "Security" }, …
 *       ],
 *       "coarse": [ { "block": 12, "reason": "…" } ],
 *       "pending": { "old": 2, "new": 0 }
 *     }
 *
 * `summary.byKind` lists only the kinds present, in the order of `CompareChangeKind`; `changes`
 * is in document order; `kind` is a `CompareChangeKind`; `block.old`/`block.new` are null where
 * the block is in one version only; `deleted`/`inserted` are '' when nothing is removed or added.
 * Positions in the comparison's document (`from`/`to`) are left out: they mean nothing outside
 * the app.
 *
 * Nothing here escapes text: a caller that prints to a terminal passes each line (or the JSON)
 * through electron/cli/terminal-text.ts; the app's view shows it as text.
 */
import type { CompareChange, CompareChangeKind, Comparison } from './types';

/** Each kind as counted in the summary line: [one, several]. Its key order is the summary's order. */
const KIND_COUNTED: Readonly<Record<CompareChangeKind, readonly [string, string]>> = {
  text: ['text', 'text'],
  citation: ['citation', 'citations'],
  format: ['format', 'format'],
  'block-added': ['block added', 'blocks added'],
  'block-removed': ['block removed', 'blocks removed'],
  'block-moved': ['block moved', 'blocks moved'],
  'block-changed': ['block changed', 'blocks changed'],
  split: ['paragraph split', 'paragraph splits'],
  join: ['paragraph join', 'paragraph joins'],
  'read-also': ['“Read also”', '“Read also”'],
  source: ['source', 'sources'],
  figure: ['figure', 'figures'],
};

/** Every change kind, in the order the summary counts them. */
export const COMPARE_KINDS = Object.keys(KIND_COUNTED) as readonly CompareChangeKind[];

const changes = (n: number): string => `${String(n)} change${n === 1 ? '' : 's'}`;

/** "7 changes: 4 text, 1 citation, 1 format, 1 block moved", "1 change: 1 source", or "No changes". */
export function summaryLine(summary: Comparison['summary']): string {
  if (summary.total === 0) return 'No changes';
  const parts = COMPARE_KINDS.flatMap((kind) => {
    const n = summary.byKind[kind] ?? 0;
    if (n === 0) return [];
    const [one, several] = KIND_COUNTED[kind];
    return [`${String(n)} ${n === 1 ? one : several}`];
  });
  return `${changes(summary.total)}: ${parts.join(', ')}`;
}

/** Where a change is: "¶4" (in the new version), "was ¶5" (a block only in the old one), "¶3 → ¶9" (a block moved). */
export function changePlace(change: Pick<CompareChange, 'kind' | 'block'>): string {
  const { old, new: now } = change.block;
  if (now === null) return old === null ? '' : `was ¶${String(old)}`;
  if (change.kind === 'block-moved' && old !== null && old !== now) return `¶${String(old)} → ¶${String(now)}`;
  return `¶${String(now)}`;
}

/** The sentence about pending suggestions, or null when neither version has any. */
export function pendingNote(pending: Comparison['pending']): string | null {
  if (pending.old === 0 && pending.new === 0) return null;
  const count = (n: number): string => (n === 0 ? 'none' : String(n));
  return `Pending suggestions are compared as accepted: ${count(pending.old)} in the old version, ${count(pending.new)} in the new.`;
}

/** The line about a block compared as a whole. */
export function coarseLine(block: Comparison['coarse'][number]): string {
  return `Compared whole: ${block.reason}`;
}

/** The comparison for people, one line per entry (see the module comment); no line ends with a newline. */
export function comparisonLines(comparison: Comparison): string[] {
  const places = comparison.changes.map(changePlace);
  const width = Math.max(0, ...places.map((place) => place.length));
  const lines = [summaryLine(comparison.summary)];
  comparison.changes.forEach((change, i) => lines.push(`${(places[i] ?? '').padEnd(width)}  ${change.description}`));
  for (const block of comparison.coarse) lines.push(coarseLine(block));
  const note = pendingNote(comparison.pending);
  if (note !== null) lines.push(note);
  return lines;
}

/** One change in the JSON form. */
export interface ReportedChange {
  readonly kind: CompareChangeKind;
  readonly place: string;
  readonly description: string;
  readonly block: { readonly old: number | null; readonly new: number | null };
  readonly deleted: string;
  readonly inserted: string;
}

/** The JSON form of a comparison (see the module comment). */
export interface ComparisonJson {
  readonly summary: { readonly total: number; readonly byKind: Readonly<Partial<Record<CompareChangeKind, number>>>; readonly line: string };
  readonly changes: readonly ReportedChange[];
  readonly coarse: readonly { readonly block: number; readonly reason: string }[];
  readonly pending: { readonly old: number; readonly new: number };
}

/** The comparison as a plain JSON value with a stable key order (see the module comment). */
export function comparisonJson(comparison: Comparison): ComparisonJson {
  const byKind: Partial<Record<CompareChangeKind, number>> = {};
  for (const kind of COMPARE_KINDS) {
    const n = comparison.summary.byKind[kind] ?? 0;
    if (n > 0) byKind[kind] = n;
  }
  return {
    summary: { total: comparison.summary.total, byKind, line: summaryLine(comparison.summary) },
    changes: comparison.changes.map((change) => ({
      kind: change.kind,
      place: changePlace(change),
      description: change.description,
      block: { old: change.block.old, new: change.block.new },
      deleted: change.deleted,
      inserted: change.inserted,
    })),
    coarse: comparison.coarse.map((block) => ({ block: block.block, reason: block.reason })),
    pending: { old: comparison.pending.old, new: comparison.pending.new },
  };
}
