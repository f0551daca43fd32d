/**
 * The importers' intermediate document: blocks and inline content in the shape of the schema,
 * but with citations naming a key of the input (a footnote label, a reference number) rather
 * than a source id, and without the schema's content rules. The draft builder (builder.ts) turns
 * it into schema nodes once all sources are known, fitting content where the schema is stricter.
 */
import type { Mark } from 'prosemirror-model';

/** Inline content: text with marks (already checked against the URL policy), a citation, a hard break. */
export type ImportInline =
  | { readonly kind: 'text'; readonly text: string; readonly marks: readonly Mark[] }
  | { readonly kind: 'cite'; readonly key: string }
  | { readonly kind: 'break' };

/** A "Read also" item. */
export interface ImportReadAlsoItem {
  readonly title: string;
  readonly url: string;
  readonly kicker: string;
}

/** A body block. */
export type ImportBlock =
  | { readonly type: 'paragraph'; readonly content: readonly ImportInline[] }
  | { readonly type: 'heading'; readonly level: 2 | 3 | 4; readonly content: readonly ImportInline[] }
  | { readonly type: 'blockquote'; readonly content: readonly ImportBlock[] }
  | { readonly type: 'bullet_list'; readonly items: readonly (readonly ImportBlock[])[] }
  | { readonly type: 'ordered_list'; readonly start: number; readonly items: readonly (readonly ImportBlock[])[] }
  | { readonly type: 'figure'; readonly src: string; readonly alt: string; readonly credit: string; readonly caption: readonly ImportInline[] }
  | { readonly type: 'horizontal_rule' }
  | { readonly type: 'read_also'; readonly title: string; readonly items: readonly ImportReadAlsoItem[] };

/** Plain text of inline content (citations and breaks left out). */
export function inlineText(content: readonly ImportInline[]): string {
  let text = '';
  for (const piece of content) if (piece.kind === 'text') text += piece.text;
  return text;
}

/** True when `content` holds a citation. */
export function hasCitation(content: readonly ImportInline[]): boolean {
  return content.some((piece) => piece.kind === 'cite');
}
