/**
 * Citations as seen from their sources: which sources a piece of content (a copied slice, an
 * imported fragment) cites, and re-pointing citations after a merge plan (merge.ts) renamed or
 * merged their sources.
 */
import type { Fragment, Node as PMNode } from 'prosemirror-model';
import type { Transform } from 'prosemirror-transform';

/** The source ids cited in `fragment`, in order of first citation. */
export function citedSourceIds(fragment: Fragment): string[] {
  const ids = new Set<string>();
  fragment.descendants((node) => {
    if (node.type.name === 'citation') ids.add(node.attrs.source as string);
    return !node.isLeaf;
  });
  return [...ids];
}

/**
 * Re-points, in `tr`, every citation that starts inside `[from, to)` of `tr.doc` and names a
 * renamed id (`rename`: old id → new id) at its new id. One simultaneous substitution: `a→b,
 * b→c` renames a citation of `a` to `b`, not to `c` (the ids are read from the document as it
 * was before, and changing an attribute moves nothing). The sources section is not entered.
 */
export function renameCitations(tr: Transform, from: number, to: number, rename: ReadonlyMap<string, string>): void {
  if (rename.size === 0 || to <= from) return;
  const doc: PMNode = tr.doc;
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.type.name === 'citation') {
      const id = rename.get(node.attrs.source as string);
      if (id !== undefined && pos >= from) tr.setNodeAttribute(pos, 'source', id);
      return false;
    }
    return node.type.name !== 'sources';
  });
}
