/**
 * An import as content to paste into an open draft: what the editor's "turn these citations into
 * footnotes?" offer inserts when the user accepts it. The result has the shape of a checked
 * clipboard payload (shared/clipboard/payload.ts), so the editor inserts it exactly as it pastes
 * Copydesk's own content: the slice in one transaction marked with its carried sources
 * (shared/clipboard/carried.ts), which are merged with the draft's sources (same URL, or same
 * title and outlet, is the same source; clashing ids are renamed) in the same undo step.
 *
 * Top-level-only parts become body content: a headline becomes a level-2 heading, a standfirst
 * a paragraph. A paste with nothing but one empty paragraph is empty.
 */
import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
import { partOf, sourceNodes } from '../article';
import type { ClipboardContent } from '../clipboard/payload';
import { sourceFields } from '../sources/fields';
import { schema } from '../schema';
import type { ImportResult } from './types';

/** The content of an import, ready to paste (see the module comment). */
export function toPasteContent(result: ImportResult): ClipboardContent {
  const { doc } = result.draft;
  const nodes: PMNode[] = [];
  const sources = sourceNodes(doc).map((source) => sourceFields(source.attrs));
  doc.forEach((node) => {
    const part = partOf(node);
    if (part === 'headline') {
      if (node.textContent.trim() !== '') nodes.push(schema.node('heading', { level: 2 }, node.content));
    } else if (part === 'standfirst') {
      if (node.childCount > 0) nodes.push(schema.node('paragraph', null, node.content));
    } else if (part === 'body') {
      nodes.push(node);
    }
  });
  // The builder's placeholder paragraph of an empty body is not content.
  if (nodes.length === 1 && nodes[0]?.type.name === 'paragraph' && nodes[0].childCount === 0) nodes.length = 0;
  const content = Fragment.fromArray(nodes);
  const open = (node: PMNode | null): number => (node?.isTextblock ? 1 : 0);
  return { slice: new Slice(content, open(content.firstChild), open(content.lastChild)), carried: { sources } };
}
