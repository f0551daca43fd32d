/**
 * Turns a document's JSON into a checked ProseMirror node, or throws a `DraftError` that names
 * the first offending node by its place ("paragraph 3 of the body › text").
 */
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema';
import { DraftError } from './errors';

interface RawNode {
  type?: unknown;
  content?: unknown;
}

function build(json: unknown): PMNode {
  const node = schema.nodeFromJSON(json);
  node.check();
  return node;
}

function label(json: unknown, index: number, parentType: unknown, siblings: unknown[]): string {
  const type = typeof (json as RawNode | null)?.type === 'string' ? ((json as RawNode).type as string) : 'node';
  if (parentType !== 'doc') return `${type} ${String(index + 1)}`;
  const sameBefore = siblings.slice(0, index + 1).filter((s) => (s as RawNode | null)?.type === type).length;
  return type === 'headline' || type === 'standfirst' || type === 'sources' ? type : `${type} ${String(sameBefore)} of the body`;
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

/** Builds and checks the document of a draft; throws `DraftError('invalid-document')` if it does not fit the schema. */
export function validateDocJson(json: unknown): PMNode {
  if (json === null || typeof json !== 'object' || (json as RawNode).type !== 'doc') {
    throw new DraftError('invalid-document', 'The draft\'s document is missing or is not a Copydesk document (expected "doc": {"type": "doc", …}).');
  }
  try {
    return build(json);
  } catch {
    const found = locate(json, ['document']);
    throw new DraftError('invalid-document', `The draft's document does not fit Copydesk's article schema at ${found.path.join(' › ')}: ${found.message}.`);
  }
}
