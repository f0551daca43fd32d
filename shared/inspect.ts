/**
 * A plain summary of a draft for tools (`copydesk inspect`): headline, standfirst, word count,
 * sources with their derived numbers, "Read also" blocks, problems, and the review under way
 * (pending suggestions and comment threads). Pure data that serialises to JSON as it is; nothing
 * here is stored, all of it is derived from the document.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { DEFAULT_READ_ALSO_TITLE, describePosition, headlineText, standfirstOf } from './article';
import type { Draft } from './draft/format';
import { indexFootnotes } from './footnotes';
import { findProblems, type Severity } from './problems';
import { quote } from './review/describe';
import { indexReview } from './review/index';
import type { ReviewIndex, SuggestionKind } from './review/model';
import { documentWords } from './words';
import { acceptedText } from './review/accepted';
import { authorName } from './review/authors';

/** One source as `inspect` reports it. */
export interface InspectedSource {
  /** Number by order of first citation; `null` for a source that nothing cites. */
  readonly number: number | null;
  readonly id: string;
  readonly title: string;
  readonly outlet: string;
  readonly date: string;
  readonly url: string;
  /** How many citations name it. */
  readonly citations: number;
}

/** One "Read also" block, in document order. */
export interface InspectedReadAlso {
  /** The block's own title, or "Read also" when it has none. */
  readonly title: string;
  readonly items: readonly { readonly title: string; readonly url: string }[];
}

/** One problem, reduced to what a reader of the summary needs. */
export interface InspectedProblem {
  readonly severity: Severity;
  readonly message: string;
}

/** One pending suggestion as `inspect` reports it. */
export interface InspectedSuggestion {
  readonly id: string;
  /** The author's name from the draft's author table (their id when the table lacks them). */
  readonly author: string;
  readonly authorId: string;
  /** ISO time of the suggestion. */
  readonly at: string;
  readonly kind: SuggestionKind;
  /** What it changes, for a person ("Deleted: “…”", "Changed source: Reuters → CFR"). */
  readonly description: string;
  /** Where it is: "paragraph 3 of the body (“In a significant…”)". */
  readonly place: string;
}

/** One comment thread as `inspect` reports it. */
export interface InspectedThread {
  readonly id: string;
  /** The text it was opened on (kept when that text is deleted). */
  readonly quote: string;
  readonly messages: number;
  /** Every character it was on has been deleted: it has no place in the text any more. */
  readonly detached: boolean;
  readonly resolved: boolean;
  /** Where it is, or null when detached. */
  readonly place: string | null;
}

/** The review under way: pending suggestions and every thread (resolved ones too, flagged), in document order. */
export interface InspectedReview {
  readonly suggestions: readonly InspectedSuggestion[];
  readonly threads: readonly InspectedThread[];
}

/** Everything `inspectDraft` derives from a draft. */
export interface DraftInspection {
  readonly headline: string;
  readonly standfirst: string;
  /** Words of the copy (headline, standfirst, body, captions; not sources or "Read also"). */
  readonly words: number;
  /** Sources in number order; uncited ones last (number `null`), in document order. */
  readonly sources: readonly InspectedSource[];
  readonly readAlso: readonly InspectedReadAlso[];
  /** Problems in document order (see `findProblems`). */
  readonly problems: readonly InspectedProblem[];
  readonly review: InspectedReview;
}

const attr = (node: PMNode, name: string): string => (node.attrs[name] as string | undefined) ?? '';

/**
 * Derives a summary of `draft`: one walk for the footnotes, one for problems, one for words.
 * `missingAssets`: the figures' `assets/…` files found missing (see `findProblems`).
 */
export function inspectDraft(draft: Draft, missingAssets?: ReadonlySet<string>): DraftInspection {
  const { doc } = draft;
  const index = indexFootnotes(doc);
  const sources = index.sources.map(
    (entry): InspectedSource => ({
      number: entry.number,
      id: entry.id,
      title: attr(entry.node, 'title'),
      outlet: attr(entry.node, 'outlet'),
      date: attr(entry.node, 'date'),
      url: attr(entry.node, 'url'),
      citations: entry.citations,
    }),
  );
  const readAlso: InspectedReadAlso[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'read_also') {
      const items: { title: string; url: string }[] = [];
      node.forEach((item) => items.push({ title: attr(item, 'title'), url: attr(item, 'url') }));
      readAlso.push({ title: attr(node, 'title').trim() || DEFAULT_READ_ALSO_TITLE, items });
      return false;
    }
    // Nothing below a textblock or the sources can hold a "Read also" block.
    return !node.isTextblock && node.type.name !== 'sources';
  });
  return {
    headline: headlineText(doc),
    standfirst: acceptedText(standfirstOf(doc)),
    words: documentWords(doc),
    sources,
    readAlso,
    problems: findProblems(doc, index, missingAssets).map(({ severity, message }) => ({ severity, message })),
    review: inspectReview(doc),
  };
}

/** The review under way in `doc` (`index`: its review index, when the caller has it). */
export function inspectReview(doc: PMNode, index: ReviewIndex = indexReview(doc)): InspectedReview {
  return {
    suggestions: index.suggestions.map((entry) => ({
      id: entry.id,
      author: authorName(index.authors, entry.author, entry.author),
      authorId: entry.author,
      at: entry.at,
      kind: entry.kind,
      description: entry.description,
      place: describePosition(doc, entry.from),
    })),
    threads: index.threads.map((entry) => ({
      id: entry.thread.id,
      quote: entry.thread.quote,
      messages: entry.thread.messages.length,
      detached: entry.detached,
      resolved: entry.thread.resolved !== undefined,
      place: entry.from === null ? null : describePosition(doc, entry.from),
    })),
  };
}

/**
 * The warnings `copydesk check` gives about the review under way: one per pending suggestion and
 * one per open thread (resolved threads need nothing more).
 */
export function reviewWarnings(review: InspectedReview): InspectedProblem[] {
  const warnings: InspectedProblem[] = review.suggestions.map((suggestion) => ({
    severity: 'warning',
    message: `Pending suggestion by ${suggestion.author} in ${suggestion.place}: ${suggestion.description}; accept or reject it.`,
  }));
  for (const thread of review.threads) {
    if (thread.resolved) continue;
    const about = thread.quote.trim() === '' ? '' : ` on ${quote(thread.quote)}`;
    const where = thread.place === null ? ' (detached: its text was deleted)' : ` in ${thread.place}`;
    warnings.push({ severity: 'warning', message: `Open comment thread${about}${where}, ${String(thread.messages)} message${thread.messages === 1 ? '' : 's'}; resolve it.` });
  }
  return warnings;
}
