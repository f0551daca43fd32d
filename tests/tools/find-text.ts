/** Finding a text in a fixture's document, for the scripts that make fixtures from the seed article. */
import type { Node as PMNode } from 'prosemirror-model';

/** The position of the first occurrence of `text` inside one text node of `doc`; throws when there is none. */
export function findText(doc: PMNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    const at = node.isText ? (node.text ?? '').indexOf(text) : -1;
    if (at >= 0) found = pos + at;
    return true;
  });
  if (found < 0) throw new Error(`not in the seed: ${text}`);
  return found;
}
