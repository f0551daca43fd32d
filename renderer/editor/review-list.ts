/**
 * What the review panel lists and where the review shortcuts go, as pure functions of a review
 * index: the cards in document order under a filter, the stops of next/previous (pending
 * suggestions and open threads that have text), the suggestion under the cursor, and where the
 * cursor lands after a decision.
 */
import type { ReviewIndex, SuggestionEntry, ThreadEntry } from '../../shared/review/model';

/** What the panel shows. */
export interface ReviewFilter {
  readonly suggestions: boolean;
  readonly comments: boolean;
  /** Resolved threads too (they are hidden otherwise). */
  readonly resolved: boolean;
}

/** The panel's filter when it opens: open suggestions and threads. */
export const DEFAULT_FILTER: ReviewFilter = { suggestions: true, comments: true, resolved: false };

/** A card of the panel: a suggestion (with the threads about it) or a thread. */
export type ReviewItem =
  | { readonly kind: 'suggestion'; readonly id: string; readonly entry: SuggestionEntry; readonly threads: readonly ThreadEntry[] }
  | { readonly kind: 'thread'; readonly id: string; readonly entry: ThreadEntry };

/** Where a card's place is in the text, or null (a detached thread). */
export function itemRange(item: ReviewItem): { from: number; to: number } | null {
  if (item.kind === 'suggestion') return { from: item.entry.from, to: item.entry.to };
  const { from, to } = item.entry;
  return from === null || to === null ? null : { from, to };
}

/** The panel's cards under `filter`, in document order; detached threads last, in the index's order. */
export function reviewItems(index: ReviewIndex, filter: ReviewFilter): ReviewItem[] {
  const pending = new Set(index.suggestions.map((s) => s.id));
  const about = new Map<string, ThreadEntry[]>();
  const threads: ThreadEntry[] = [];
  for (const t of index.threads) {
    const shown = filter.resolved || t.thread.resolved === undefined;
    const suggestion = t.thread.suggestion;
    // A thread about a pending suggestion rides on its card; with changes filtered out, it is a card of its own.
    if (suggestion !== undefined && pending.has(suggestion) && filter.suggestions) {
      if (shown) about.set(suggestion, [...(about.get(suggestion) ?? []), t]);
    } else if (shown && filter.comments) threads.push(t);
  }
  const items: ReviewItem[] = [];
  if (filter.suggestions) for (const s of index.suggestions) items.push({ kind: 'suggestion', id: s.id, entry: s, threads: about.get(s.id) ?? [] });
  for (const t of threads) items.push({ kind: 'thread', id: t.thread.id, entry: t });
  // Stable: a thread and a suggestion starting at the same place keep suggestions first.
  const at = (item: ReviewItem): number => itemRange(item)?.from ?? Infinity;
  return items.map((item, i) => ({ item, i })).sort((a, b) => at(a.item) - at(b.item) || a.i - b.i).map(({ item }) => item);
}

/** A place next/previous stops at. */
export interface ReviewStop {
  readonly kind: 'suggestion' | 'thread';
  readonly id: string;
  readonly from: number;
  readonly to: number;
}

/** The stops of next/previous: pending suggestions and open threads with text, in document order. */
export function reviewStops(index: ReviewIndex): ReviewStop[] {
  const stops: ReviewStop[] = index.suggestions.map((s) => ({ kind: 'suggestion', id: s.id, from: s.from, to: s.to }));
  for (const t of index.threads) {
    if (t.thread.resolved === undefined && t.from !== null && t.to !== null) stops.push({ kind: 'thread', id: t.thread.id, from: t.from, to: t.to });
  }
  return stops.sort((a, b) => a.from - b.from || (a.kind === b.kind ? 0 : a.kind === 'suggestion' ? -1 : 1));
}

/** The stop after (`dir` 1) or before (-1) position `pos`, wrapping around; null when there is none. */
export function stopFrom(stops: readonly ReviewStop[], pos: number, dir: 1 | -1): ReviewStop | null {
  if (stops.length === 0) return null;
  if (dir === 1) return stops.find((s) => s.from > pos) ?? stops[0] ?? null;
  for (let i = stops.length - 1; i >= 0; i--) if ((stops[i] as ReviewStop).from < pos) return stops[i] as ReviewStop;
  return stops[stops.length - 1] ?? null;
}

/** The suggestion the selection `from`–`to` is in or on (the first one touching it), or null. */
export function suggestionAt(index: ReviewIndex, from: number, to: number): SuggestionEntry | null {
  return index.suggestions.find((s) => s.from <= to && s.to >= from && !(s.to === from && from !== to)) ?? null;
}

/** Where the cursor goes after a decision at `pos` (mapped into the new document): the next suggestion at or after it, else the first; null when none is left. */
export function landingAfter(index: ReviewIndex, pos: number): SuggestionEntry | null {
  return index.suggestions.find((s) => s.from >= pos) ?? index.suggestions[0] ?? null;
}
