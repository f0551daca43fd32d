/**
 * A plain summary of a draft for tools (`copydesk inspect`): headline, standfirst, word count,
 * sources with their derived numbers, "Read also" blocks and problems. Pure data that
 * serialises to JSON as it is; nothing here is stored, all of it is derived from the document.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { DEFAULT_READ_ALSO_TITLE, headlineText, standfirstOf } from './article';
import type { Draft } from './draft/format';
import { indexFootnotes } from './footnotes';
import { findProblems, type Severity } from './problems';
import { documentWords } from './words';

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
    standfirst: standfirstOf(doc).textContent,
    words: documentWords(doc),
    sources,
    readAlso,
    problems: findProblems(doc, index, missingAssets).map(({ severity, message }) => ({ severity, message })),
  };
}
