/**
 * The draft's table of review authors: every person whose suggestions or comments it holds, by
 * id, so that their names survive when the draft moves to another desk.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Transform } from 'prosemirror-transform';
import type { ReviewAuthor, ReviewData, Reviewer } from './model';

/** The doc's review data, or an empty one when it has none. */
export function reviewDataOf(doc: PMNode): ReviewData {
  return (doc.attrs.review as ReviewData | null) ?? { authors: {}, threads: [] };
}

/** Adds a step to `tr` that records `reviewer` in the author table, unless it is there as it is. */
export function ensureAuthor(tr: Transform, reviewer: Reviewer): void {
  const data = reviewDataOf(tr.doc);
  const known = data.authors[reviewer.id];
  if (known && known.name === reviewer.name && known.initials === reviewer.initials) return;
  tr.setDocAttribute('review', { ...data, authors: { ...data.authors, [reviewer.id]: { name: reviewer.name, initials: reviewer.initials } } });
}

/** What names an author missing from a draft's table. */
export const UNKNOWN_AUTHOR = 'Unknown reviewer';

/** The name of author `id` in `authors` (own entries only: an id such as "constructor" is no name), or `fallback`. */
export function authorName(authors: Readonly<Record<string, ReviewAuthor>>, id: string, fallback = UNKNOWN_AUTHOR): string {
  return Object.hasOwn(authors, id) ? (authors[id] as ReviewAuthor).name : fallback;
}
