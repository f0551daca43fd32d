/**
 * A source as data: the fields of a `source` node (the schema's attributes), read from node
 * attributes or from untrusted values alike, and the sources a document holds.
 */
import { sourceNodes } from '../article';
import type { Node as PMNode } from 'prosemirror-model';

/** The fields of a `source` node. */
export interface SourceFields {
  readonly id: string;
  readonly title: string;
  readonly outlet: string;
  readonly date: string;
  readonly url: string;
  readonly note: string;
}

/** The fields a person writes (all but the id, which is fixed once the source is made), in schema order, as forms show them. */
export const EDITABLE_SOURCE_FIELDS = ['title', 'outlet', 'date', 'url', 'note'] as const;

/** The field names of a source, in schema order. */
export const SOURCE_FIELDS = ['id', ...EDITABLE_SOURCE_FIELDS] as const;

/** One field a person writes. */
export type EditableSourceField = (typeof EDITABLE_SOURCE_FIELDS)[number];

/** What a person writes of a source: every field but the id. */
export type EditableSourceFields = Pick<SourceFields, EditableSourceField>;

/** Reads a source's fields from node attributes (missing ones are empty). */
export function sourceFields(attrs: Readonly<Record<string, unknown>>): SourceFields {
  const text = (name: string): string => (typeof attrs[name] === 'string' ? (attrs[name] as string) : '');
  return { id: text('id'), title: text('title'), outlet: text('outlet'), date: text('date'), url: text('url'), note: text('note') };
}

/** The sources of `doc`'s sources section, as fields, in document order. */
export function documentSources(doc: PMNode): SourceFields[] {
  const out: SourceFields[] = [];
  for (const node of sourceNodes(doc)) out.push(sourceFields(node.attrs));
  return out;
}
