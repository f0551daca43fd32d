/**
 * Checks on a draft's JSON that must come before any recursive walk of it: how deeply it nests
 * (`MAX_DEPTH`, the one limit for loading, the IPC check and saving) and, on the text, duplicate
 * keys (which `JSON.parse` would resolve silently by keeping the last one). All iterative.
 */
import type { Node as PMNode } from 'prosemirror-model';

/**
 * The deepest nesting of objects and arrays a draft's JSON may have, the file's own braces
 * counting as level 1 (a list nested in a list costs four levels). Chosen far below where the
 * recursive code a draft meets (ProseMirror's fromJSON and toJSON, JSON.stringify, the exports)
 * exhausts a default stack, and so that an HTML export stays within what browsers' HTML parsers
 * build (they stop nesting elements at 512). It holds every draft the importers make.
 */
export const MAX_DEPTH = 500;

/** The sentence that refuses a draft nested deeper than `MAX_DEPTH`. */
export const TOO_DEEP_MESSAGE = `The draft is nested too deeply (lists within lists, more than ${String(MAX_DEPTH)} levels of JSON); Copydesk reads drafts nested up to ${String(MAX_DEPTH)} levels.`;

/** A problem found by `scanJsonText`: what it is and where (1-based line and column). */
export interface JsonTextProblem {
  readonly kind: 'too-deep' | 'duplicate-key';
  /** For a duplicate key, the key (decoded). */
  readonly key?: string;
  readonly line: number;
  readonly column: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

// Keys of one open object: a short list while it is small (most are), a set when it grows.
type Keys = string[] | Set<string>;

function addKey(keys: Keys, key: string): { keys: Keys; duplicate: boolean } {
  if (Array.isArray(keys)) {
    if (keys.includes(key)) return { keys, duplicate: true };
    keys.push(key);
    return { keys: keys.length > 16 ? new Set(keys) : keys, duplicate: false };
  }
  if (keys.has(key)) return { keys, duplicate: true };
  keys.add(key);
  return { keys, duplicate: false };
}

function where(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * The first place where the JSON `text` nests deeper than `maxDepth` or repeats a key within one
 * object, or null. Meant for text that `JSON.parse` accepts (it does not check the grammar);
 * one pass, no recursion.
 */
export function scanJsonText(text: string, maxDepth = MAX_DEPTH): JsonTextProblem | null {
  // One entry per open object (its keys so far) or array (null).
  const open: (Keys | null)[] = [];
  let expectKey = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = text.indexOf('"', i + 1);
      for (;;) {
        if (end === -1) return null;
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        const top = open.length - 1;
        const added = addKey(open[top] as Keys, key);
        if (added.duplicate) return { kind: 'duplicate-key', key, ...where(text, i) };
        open[top] = added.keys;
        expectKey = false;
      }
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (open.length >= maxDepth) return { kind: 'too-deep', ...where(text, i) };
      open.push(c === OPEN_BRACE ? [] : null);
      expectKey = c === OPEN_BRACE;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      open.pop();
      expectKey = false;
    } else if (c === COMMA) {
      expectKey = open.length > 0 && open[open.length - 1] !== null;
    } else if (c === COLON) {
      expectKey = false;
    }
  }
  return null;
}

/** Whether the JSON value `value` nests deeper than `maxDepth` (a value that is no object or array has depth 0). Iterative. */
export function jsonDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const top = stack.pop() as { value: unknown; depth: number };
    if (top.value === null || typeof top.value !== 'object') continue;
    const depth = top.depth + 1;
    if (depth > maxDepth) return true;
    for (const child of Array.isArray(top.value) ? top.value : Object.values(top.value)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth });
    }
  }
  return false;
}

// How many levels a node's own JSON adds below its braces, its content aside: 1 for an `attrs`
// object, 2 for a `marks` list, 3 when a mark has attributes.
function ownExtra(node: PMNode): number {
  let extra = 0;
  for (const mark of node.marks) extra = Math.max(extra, Object.keys(mark.attrs).length > 0 ? 3 : 2);
  if (extra < 1) for (const key in node.attrs) if (Object.hasOwn(node.attrs, key)) return 1;
  return extra;
}

/**
 * The nesting depth of `node.toJSON()` (its own braces counting as 1), computed without calling
 * it: the check a draft must pass before it is serialised. Iterative. (Attribute values are
 * strings, numbers or null in the schema, so an `attrs` object adds one level.)
 */
export function nodeJsonDepth(node: PMNode): number {
  let deepest = 0;
  const nodes: PMNode[] = [node];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const current = nodes.pop() as PMNode;
    const depth = depths.pop() as number;
    deepest = Math.max(deepest, depth + ownExtra(current));
    const count = current.childCount;
    if (count === 0) continue;
    deepest = Math.max(deepest, depth + 1);
    for (let i = 0; i < count; i++) {
      const child = current.child(i);
      // Leaves (text, atoms) are measured here rather than pushed.
      if (child.childCount === 0) deepest = Math.max(deepest, depth + 2 + ownExtra(child));
      else {
        nodes.push(child);
        depths.push(depth + 2);
      }
    }
  }
  return deepest;
}

/**
 * Whether a top-level block of the document keeps its draft file within `MAX_DEPTH` (the block
 * sits at level 4 of the file: the file, `doc`, its `content`, the block). For editing commands
 * that nest deeper, so that they stop at the limit the file can hold.
 */
export function blockFitsDraft(block: PMNode): boolean {
  return 3 + nodeJsonDepth(block) <= MAX_DEPTH;
}
