/**
 * The clipboard payload Copydesk writes beside text/html when content is copied: the ProseMirror
 * slice as JSON and the data carried with it (carried.ts: today the sources its citations name),
 * so that a paste into another draft brings that data along (`application/x-copydesk-slice+json`).
 *
 * On the wire: `{ "format": "copydesk-slice", "version": 1, "slice": …, "<carrier key>": … }`,
 * one field per carrier (carriers.ts), `sources` first. A reader ignores fields it does not know,
 * so a carrier added later travels without a new version, and a payload written by this code is
 * read by Copydesk versions that knew only sources.
 *
 * Anything on a clipboard may come from anywhere (any page in a Chromium-based browser can write
 * this type too), so reading it trusts nothing: the JSON must have the payload's shape, every
 * node and mark must fit the schema (content, attributes and the URL policy, checked deeply),
 * the open depths must be ones the content really has, every carrier checks its own field, and
 * nodes that only the document's top level may hold are turned into what a paste may insert
 * (headline and standfirst become paragraphs; a carrier's nodes, such as sources sections and
 * sources, are taken out and carried). A payload that fails any check is refused as a whole, and
 * the paste falls back to the HTML.
 */
import { Fragment, Slice, type Node as PMNode, type Schema } from 'prosemirror-model';
import { PayloadError } from './carried';
import { CARRIERS, carriedBy, type CarriedData } from './carriers';

export { PayloadError } from './carried';

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
  /** The data that came with it (sources: those its citations name, and any copied source nodes). */
  readonly carried: CarriedData;
}

/** What every carrier collects for `slice`, copied from `doc`. */
export function collectCarried(slice: Slice, doc: PMNode): CarriedData {
  return Object.fromEntries(CARRIERS.map((carrier) => [carrier.key, carrier.collect(slice, doc)])) as CarriedData;
}

/** Serialises `slice`, copied from `doc`, with the data carried with it. */
export function encodePayload(slice: Slice, doc: PMNode): string {
  return JSON.stringify({ format: PAYLOAD_FORMAT, version: PAYLOAD_VERSION, slice: slice.toJSON(), ...collectCarried(slice, doc) });
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

/**
 * Makes top-level content pasteable into a body: headline and standfirst become paragraphs, and
 * the nodes a carrier takes out (`sources` / `source`) are removed and returned as carried data.
 * A removed edge node closes that side of the slice.
 */
function pasteable(slice: Slice): { slice: Slice; carried: Record<string, unknown> } {
  const schema = slice.content.firstChild?.type.schema;
  const carried: Record<string, unknown> = {};
  if (!schema) return { slice, carried };
  const kept: PMNode[] = [];
  let { openStart, openEnd } = slice;
  const last = slice.content.childCount - 1;
  slice.content.forEach((node, _offset, index) => {
    for (const carrier of CARRIERS) {
      const taken = carrier.takeOut(node);
      if (taken === null) continue;
      carried[carrier.key] = carrier.concat(carriedBy(carried, carrier), taken);
      if (index === 0) openStart = 0;
      if (index === last) openEnd = 0;
      return;
    }
    const name = node.type.name;
    if (name === 'doc') throw new PayloadError('a payload may not hold a whole document node');
    kept.push(name === 'headline' || name === 'standfirst' ? schema.node('paragraph', null, node.content) : node);
  });
  const content = Fragment.fromArray(kept);
  return { slice: new Slice(content, Math.min(openStart, openable(content, 'start')), Math.min(openEnd, openable(content, 'end'))), carried };
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
  if (!isRecord(json.slice)) throw new PayloadError('the payload lacks its slice');
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
  const fields = json;
  const carried: Record<string, unknown> = Object.fromEntries(CARRIERS.map((carrier) => [carrier.key, carrier.read(fields[carrier.key], schema)]));
  const result = pasteable(new Slice(content, openStart as number, openEnd as number));
  for (const carrier of CARRIERS) carried[carrier.key] = carrier.concat(carriedBy(carried, carrier), carriedBy(result.carried, carrier));
  return { slice: result.slice, carried: carried as CarriedData };
}
