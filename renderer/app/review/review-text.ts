/**
 * The Review panel's sentences, pure: a quote cut to a line, the count of what is left to
 * review, and what a thread's card says it is about.
 */
import type { ReviewIndex, ThreadEntry } from '../../../shared/review/model';

/** `text` on one line, at most 80 characters. */
export function quoteOf(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/** "3 changes · 2 threads" (open threads), or that nothing is left. */
export function summaryOf(index: ReviewIndex): string {
  const s = index.suggestions.length;
  const t = index.threads.filter((e) => e.thread.resolved === undefined).length;
  if (s === 0 && t === 0) return 'No changes or comments to review.';
  return `${String(s)} change${s === 1 ? '' : 's'} · ${String(t)} thread${t === 1 ? '' : 's'}`;
}

/** What a thread's card says it is about. */
export function threadAbout(entry: ThreadEntry): string {
  const { quote, suggestion } = entry.thread;
  const quoted = quote.trim() === '' ? '' : ` “${quoteOf(quote)}”`;
  if (suggestion !== undefined && entry.detached) return `About a change since decided${quoted ? `:${quoted}` : ''}`;
  if (entry.detached) return `Detached: was about${quoted || ' text since deleted'}`;
  return `Comment on${quoted || ' this place'}`;
}
