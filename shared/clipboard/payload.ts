/**
 * The clipboard payload Copydesk writes beside text/html when content is copied: the ProseMirror
 * slice as JSON and the sources its citations name, so that a paste into another draft brings
 * its sources along (`application/x-copydesk-slice+json`).
 *
 * Anything on a clipboard may come from anywhere (any page in a Chromium-based browser can write
 * this type too), so reading it trusts nothing: the JSON must have the payload's shape, every
 * node and mark must fit the schema (content, attributes and the URL policy, checked deeply),
 * the open depths must be ones the content really has, and nodes that only the document's top
 * level may hold are turned into what a paste may insert (headline and standfirst become
 * paragraphs; sources sections and sources are taken out and carried as sources). A payload
 * that fails any check is refused as a whole, and the paste falls back to the HTML.
 */
import { Fragment, Slice, type Node as PMNode, type Schema } from 'prosemirror-model';
import { citedSourceIds } from './slice-citations';
import { sourceFields, SOURCE_FIELDS, type SourceFields } from './same-source';

/** The MIME type of the payload. */
export const SLICE_MIME = 'application/x-copydesk-slice+json';

/** Format name and version written into every payload. */
export const PAYLOAD_FORMAT = 'copydesk-slice';
/** The payload version this code writes and reads. */
export const PAYLOAD_VERSION = 1;

/** Largest payload read (characters); a bigger one is refused rather than parsed. */
export const MAX_PAYLOAD_CHARS = 32 * 1024 * 1024;

/** A decoded, checked payload, ready to paste. */
export interface ClipboardContent {
  /** The content to insert (top-level-only nodes already converted or taken out). */
  readonly slice: Slice;
  /** Sources that came with it: those its citations name, and any copied source nodes. */
  readonly sources: readonly SourceFields[];
}

/** Serialises `slice` with the sources its citations name (looked up with `sourceOf`). */
export function encodePayload(slice: Slice, sourceOf: (id: string) => SourceFields | undefined): string {
  const sources: SourceFields[] = [];
  const seen = new Set<string>();
  for (const id of citedSourceIds(slice.content)) {
    const source = sourceOf(id);
    if (source && !seen.has(id)) {
      seen.add(id);
      sources.push(source);
    }
  }
  return JSON.stringify({ format: PAYLOAD_FORMAT, version: PAYLOAD_VERSION, slice: slice.toJSON(), sources });
}

/** Why a payload was refused. */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** How deep `fragment` can be open on one side (the chain of first or last non-leaf children). */
function openable(fragment: Fragment, side: 'start' | 'end'): number {
  let depth = 0;
  for (let node = side === 'start' ? fragment.firstChild : fragment.lastChild; node && !node.isLeaf; node = side === 'start' ? node.firstChild : node.lastChild) depth++;
  return depth;
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
 * Makes top-level content pasteable into a body: headline and standfirst become paragraphs, and
 * `sources` / `source` nodes are removed and returned as carried sources. A removed edge node
 * closes that side of the slice.
 */
function pasteable(slice: Slice): { slice: Slice; sources: SourceFields[] } {
  const schema = slice.content.firstChild?.type.schema;
  if (!schema) return { slice, sources: [] };
  const sources: SourceFields[] = [];
  const kept: PMNode[] = [];
  let { openStart, openEnd } = slice;
  const last = slice.content.childCount - 1;
  slice.content.forEach((node, _offset, index) => {
    const name = node.type.name;
    if (name === 'sources' || name === 'source') {
      const found = name === 'source' ? [node] : (node.content.content as PMNode[]);
      for (const source of found) sources.push(sourceFields(source.attrs));
      if (index === 0) openStart = 0;
      if (index === last) openEnd = 0;
      return;
    }
    if (name === 'doc') throw new PayloadError('a payload may not hold a whole document node');
    kept.push(name === 'headline' || name === 'standfirst' ? schema.node('paragraph', null, node.content) : node);
  });
  const content = Fragment.fromArray(kept);
  return { slice: new Slice(content, Math.min(openStart, openable(content, 'start')), Math.min(openEnd, openable(content, 'end'))), sources };
}

/**
 * Reads and checks a payload (see the module comment). Throws `PayloadError` with the reason
 * when it is not one Copydesk can paste.
 */
export function decodePayload(text: string, schema: Schema): ClipboardContent {
  if (text.length > MAX_PAYLOAD_CHARS) throw new PayloadError('the copied content is too large');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PayloadError('not JSON');
  }
  if (!isRecord(json) || json.format !== PAYLOAD_FORMAT) throw new PayloadError('not a Copydesk clipboard payload');
  if (json.version !== PAYLOAD_VERSION) throw new PayloadError(`payload version ${String(json.version)} is not supported`);
  if (!isRecord(json.slice) || !Array.isArray(json.sources)) throw new PayloadError('the payload lacks its slice or sources');
  const { openStart = 0, openEnd = 0 } = json.slice;
  if (!Number.isSafeInteger(openStart) || !Number.isSafeInteger(openEnd) || (openStart as number) < 0 || (openEnd as number) < 0) {
    throw new PayloadError('the slice has invalid open depths');
  }
  let content: Fragment;
  try {
    content = Fragment.fromJSON(schema, json.slice.content ?? []);
    content.forEach((node) => node.check());
  } catch (error) {
    throw new PayloadError(`the copied content does not fit the schema: ${(error as Error).message}`);
  }
  if ((openStart as number) > openable(content, 'start') || (openEnd as number) > openable(content, 'end')) {
    throw new PayloadError('the slice claims to be open deeper than its content');
  }
  const carried = (json.sources as unknown[]).map((value) => readSource(schema, value));
  const result = pasteable(new Slice(content, openStart as number, openEnd as number));
  return { slice: result.slice, sources: [...carried, ...result.sources] };
}
