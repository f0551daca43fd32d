/**
 * Drafts whose lists nest `levels` deep, as text (built by string, so that any depth is cheap)
 * and as a ProseMirror document (built bottom-up, without the recursion of fromJSON), for the
 * tests of the nesting limit (shared/draft/json-check.ts).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { serializeDraft } from '../../../shared/draft/format';
import { schema } from '../../../shared/schema';
import { draftOf } from './build';

const META = '{"slug":"","section":"","tags":[],"authors":[],"status":"draft","created":"2026-01-02T03:04:05.000Z","updated":"2026-01-02T03:04:05.000Z"}';

/** The innermost text: plain, emphasised (its mark two levels below it) or linked (the link's attributes three). */
export type Leaf = 'text' | 'em' | 'link';

const LEAF_JSON: Record<Leaf, string> = {
  text: '{"type":"text","text":"deep"}',
  em: '{"type":"text","marks":[{"type":"em"}],"text":"deep"}',
  link: '{"type":"text","marks":[{"type":"link","attrs":{"href":"https://example.com/"}}],"text":"deep"}',
};

/** The compact JSON text of a draft whose bullet lists nest `levels` deep, with `leaf` in the innermost item. */
export function deepDraftText(levels: number, leaf: Leaf = 'text'): string {
  const parts: string[] = [];
  for (let i = 1; i < levels; i++) parts.push('{"type":"bullet_list","content":[{"type":"list_item","content":[{"type":"paragraph"},');
  const innermost = `{"type":"bullet_list","content":[{"type":"list_item","content":[{"type":"paragraph","content":[${LEAF_JSON[leaf]}]}]}]}`;
  const list = `${parts.join('')}${innermost}${']}]}'.repeat(levels - 1)}`;
  const doc = `{"type":"doc","content":[{"type":"headline","content":[{"type":"text","text":"Deep"}]},{"type":"standfirst"},${list},{"type":"sources"}]}`;
  return `{"format":"copydesk-draft","version":2,"meta":${META},"doc":${doc}}`;
}

/** The same document as `deepDraftText`, as a node. */
export function deepDoc(levels: number, leaf: Leaf = 'text'): PMNode {
  const marks = leaf === 'link' ? [schema.mark('link', { href: 'https://example.com/' })] : leaf === 'em' ? [schema.mark('em')] : [];
  let item = schema.node('list_item', null, [schema.node('paragraph', null, [schema.text('deep', marks)])]);
  for (let i = 1; i < levels; i++) item = schema.node('list_item', null, [schema.node('paragraph'), schema.node('bullet_list', null, [item])]);
  return schema.node('doc', null, [schema.node('headline', null, [schema.text('Deep')]), schema.node('standfirst'), schema.node('bullet_list', null, [item]), schema.node('sources')]);
}

/** `deepDoc` as the text of a saved draft. */
export function deepDraftSaved(levels: number, leaf: Leaf = 'text'): string {
  return serializeDraft(draftOf(deepDoc(levels, leaf)));
}

/** The deepest nesting of brackets outside strings in a JSON text (counted independently of the code under test). */
export function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return deepest;
}
