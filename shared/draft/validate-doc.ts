/**
 * Turns a document's JSON into a checked ProseMirror node, or throws a `DraftError` that names
 * the first offending node by its place ("paragraph 3 of the body › text").
 *
 * Review (shared/review/model.ts): the doc's `review` attribute is checked by the schema; here,
 * every suggestion mark must carry its stamp (id, author, time), every comment mark must name a
 * thread the review data holds, and thread ids must be unique. A draft breaking any of these is
 * refused with the place named, never repaired (dropping the mark would lose a comment's anchor or
 * a suggestion's author). A thread without marks is fine (detached), and so is an author missing
 * from the table (the author's id is shown instead of a name).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { describePosition, placeName } from '../article';
import { SUGGESTION_MARKS, type ReviewData } from '../review/model';
import { schema } from '../schema';
import { capped, DraftError, quoted } from './errors';
import { jsonDeeperThan, MAX_DEPTH, TOO_DEEP_MESSAGE } from './json-check';

interface RawNode {
  type?: unknown;
  content?: unknown;
}

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'text', 'marks']);
const SUGGESTION_MARK_NAMES: ReadonlySet<string> = new Set(SUGGESTION_MARKS);
const STAMP = ['id', 'author', 'at'] as const;
const MARK_KEYS = new Set(['type', 'attrs']);

function checkKeys(value: unknown, allowed: ReadonlySet<string>, what: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new RangeError(`${what} is not an object`);
  for (const key of Object.keys(value)) if (!allowed.has(key)) throw new RangeError(`${what} has an unknown key ${quoted(key)}`);
}

function checkAttrNames(attrs: unknown, known: Record<string, unknown>, what: string): void {
  if (attrs === undefined) return;
  if (attrs === null || typeof attrs !== 'object' || Array.isArray(attrs)) throw new RangeError(`the attributes of ${what} are not an object`);
  // Own keys only: "constructor" or "__proto__" is no attribute, whatever Object.prototype holds.
  for (const key of Object.keys(attrs)) if (!Object.hasOwn(known, key)) throw new RangeError(`${what} has an unknown attribute ${quoted(key)}`);
}

// ProseMirror's fromJSON silently drops unknown keys and attributes; a draft holding them would
// lose them on the next save, so they are refused instead.
function checkShape(json: unknown): void {
  checkKeys(json, NODE_KEYS, 'a node');
  const raw = json as { type?: unknown; attrs?: unknown; marks?: unknown };
  const type = typeof raw.type === 'string' && Object.hasOwn(schema.nodes, raw.type) ? schema.nodes[raw.type] : undefined;
  if (!type) throw new RangeError(`unknown node type ${quoted(raw.type)}`);
  checkAttrNames(raw.attrs, type.spec.attrs ?? {}, type.name);
  if (raw.marks !== undefined) {
    if (!Array.isArray(raw.marks)) throw new RangeError(`the marks of ${type.name} are not a list`);
    for (const mark of raw.marks as unknown[]) {
      checkKeys(mark, MARK_KEYS, 'a mark');
      const name = (mark as { type?: unknown }).type;
      const markType = typeof name === 'string' && Object.hasOwn(schema.marks, name) ? schema.marks[name] : undefined;
      if (!markType) throw new RangeError(`unknown mark type ${quoted(name)}`);
      const attrs = (mark as { attrs?: unknown }).attrs;
      checkAttrNames(attrs, markType.spec.attrs ?? {}, `mark ${markType.name}`);
      if (SUGGESTION_MARK_NAMES.has(markType.name)) {
        const missing = STAMP.filter((key) => (attrs as Record<string, unknown> | undefined)?.[key] === undefined);
        if (missing.length > 0) throw new RangeError(`suggestion mark ${markType.name} has no ${missing.join(', ')} (every suggestion carries its id, author and time)`);
      }
    }
  }
}

function build(json: unknown): PMNode {
  checkShape(json);
  const content = (json as RawNode).content;
  if (Array.isArray(content)) content.forEach(checkShapeDeep);
  const node = schema.nodeFromJSON(json);
  node.check();
  return node;
}

function checkShapeDeep(json: unknown): void {
  checkShape(json);
  const content = (json as RawNode).content;
  if (Array.isArray(content)) content.forEach(checkShapeDeep);
}

function label(json: unknown, index: number, parentType: unknown, siblings: unknown[]): string {
  const type = typeof (json as RawNode | null)?.type === 'string' ? ((json as RawNode).type as string) : 'node';
  if (parentType !== 'doc') return `${type} ${String(index + 1)}`;
  const sameBefore = siblings.slice(0, index + 1).filter((s) => (s as RawNode | null)?.type === type).length;
  return placeName(type, sameBefore);
}

// Finds the deepest node whose own JSON fails to build while all its children build.
function locate(json: unknown, path: string[]): { path: string[]; message: string } {
  try {
    build(json);
    return { path, message: 'valid' };
  } catch (error) {
    const content = (json as RawNode | null)?.content;
    if (Array.isArray(content)) {
      for (let i = 0; i < content.length; i++) {
        try {
          build(content[i]);
        } catch {
          return locate(content[i], [...path, label(content[i], i, (json as RawNode).type, content)]);
        }
      }
    }
    return { path, message: error instanceof Error ? error.message : String(error) };
  }
}

// A path of at most seven steps: the first three and the last three around "…".
function shortPath(path: readonly string[]): string {
  const steps = path.length > 7 ? [...path.slice(0, 3), '…', ...path.slice(-3)] : path;
  return steps.map((step) => capped(step)).join(' › ');
}

/** Builds and checks the document of a draft; throws `DraftError('invalid-document')` if it does not fit the schema. */
export function validateDocJson(json: unknown): PMNode {
  if (json === null || typeof json !== 'object' || (json as RawNode).type !== 'doc') {
    throw new DraftError('invalid-document', 'The draft\'s document is missing or is not a Copydesk document (expected "doc": {"type": "doc", …}).');
  }
  // The document's braces are the second level of the file's (`MAX_DEPTH` counts the envelope's).
  if (jsonDeeperThan(json, MAX_DEPTH - 1)) throw new DraftError('invalid-document', TOO_DEEP_MESSAGE);
  let doc: PMNode;
  try {
    doc = build(json);
  } catch (error) {
    const found = locate(json, ['document']);
    // Should a rebuild pass where the whole failed, the first failure is the reason.
    const reason = found.message === 'valid' && error instanceof Error ? error.message : found.message;
    throw new DraftError('invalid-document', `The draft's document does not fit Copydesk's article schema at ${shortPath(found.path)}: ${capped(reason, 200)}.`);
  }
  checkReview(doc);
  return doc;
}

/** Refuses duplicate thread ids and a comment mark whose thread the review data does not hold. */
function checkReview(doc: PMNode): void {
  const review = doc.attrs.review as ReviewData | null;
  const threads = new Set<string>();
  for (const thread of review?.threads ?? []) {
    if (threads.has(thread.id)) throw new DraftError('invalid-document', `The draft's review data holds thread ${quoted(thread.id)} twice.`);
    threads.add(thread.id);
  }
  const comment = schema.marks.comment;
  const found = { pos: -1, thread: '' };
  doc.descendants((node, pos) => {
    if (found.pos >= 0) return false;
    for (const mark of node.marks) {
      if (mark.type === comment && !threads.has(mark.attrs.thread as string)) {
        found.pos = pos;
        found.thread = mark.attrs.thread as string;
        return false;
      }
    }
    return true;
  });
  if (found.pos < 0) return;
  throw new DraftError(
    'invalid-document',
    `The draft's document has a comment in ${describePosition(doc, found.pos)} whose thread ${quoted(found.thread)} is not in the draft's review data.`,
  );
}
