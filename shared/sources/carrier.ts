/**
 * Sources as carried data (shared/clipboard/carried.ts): copied content takes along the sources
 * its citations name, and a paste merges them into the target document (merge.ts: the same
 * source is reused, a clashing id is renamed) and re-points the pasted citations, in the same
 * undo step as the paste. Copied `sources` sections and `source` nodes are taken out of the
 * content and carried as sources.
 *
 * On the wire (the clipboard payload's `sources` field, as written since payload version 1): an
 * array of source fields objects. Every field is checked against the schema (id shape, URL
 * policy) and an unknown field refuses the payload.
 */
import type { Node as PMNode, Schema } from 'prosemirror-model';
import type { Transform } from 'prosemirror-transform';
import { sourceInsertPos } from '../article';
import { PayloadError, type Carrier, type PastedRange } from '../clipboard/carried';
import { citedSourceIds, renameCitations } from './citations';
import { documentSources, sourceFields, SOURCE_FIELDS, type SourceFields } from './fields';
import { planSourceMerge } from './merge';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readSource(schema: Schema, value: unknown): SourceFields {
  if (!isRecord(value)) throw new PayloadError('a carried source is not an object');
  for (const key of Object.keys(value)) {
    if (!(SOURCE_FIELDS as readonly string[]).includes(key)) throw new PayloadError(`a carried source has an unknown field "${key}"`);
  }
  const fields = sourceFields(value);
  try {
    schema.node('source', fields).check();
  } catch (error) {
    throw new PayloadError(`a carried source is invalid: ${(error as Error).message}`);
  }
  return fields;
}

/**
 * Merges `carried` into `tr`'s document: adds the sources it lacks at the end of the sources
 * section and re-points the citations inside `range` whose id changed.
 */
export function mergeCarriedSources(tr: Transform, carried: readonly SourceFields[], range: PastedRange | null): void {
  const plan = planSourceMerge(carried, documentSources(tr.doc));
  if (range) renameCitations(tr, range.from, range.to, plan.rename);
  if (plan.add.length > 0) {
    const schema = tr.doc.type.schema;
    tr.insert(sourceInsertPos(tr.doc), plan.add.map((fields) => schema.node('source', fields)));
  }
}

/** The sources carrier (see the module comment). */
export const sourcesCarrier: Carrier<'sources', readonly SourceFields[]> = {
  key: 'sources',
  empty: [],
  collect(slice, doc) {
    // The first source of an id, where an id is duplicated (as the footnote index does).
    const byId = new Map<string, SourceFields>();
    for (const source of documentSources(doc)) if (!byId.has(source.id)) byId.set(source.id, source);
    return citedSourceIds(slice.content).flatMap((id) => byId.get(id) ?? []);
  },
  read(value, schema) {
    if (!Array.isArray(value)) throw new PayloadError('the payload lacks its sources');
    return value.map((source: unknown) => readSource(schema, source));
  },
  takeOut(node: PMNode) {
    if (node.type.name === 'source') return [sourceFields(node.attrs)];
    if (node.type.name === 'sources') return (node.content.content as PMNode[]).map((source) => sourceFields(source.attrs));
    return null;
  },
  concat: (a, b) => [...a, ...b],
  apply: mergeCarriedSources,
};
