/**
 * Citations inside a piece of content (a copied slice, an imported fragment): which sources it
 * cites, and the same content with citation ids renamed after a merge plan.
 */
import { Fragment, type Node as PMNode } from 'prosemirror-model';

/** The source ids cited in `fragment`, in order of first citation. */
export function citedSourceIds(fragment: Fragment): string[] {
  const ids = new Set<string>();
  fragment.descendants((node) => {
    if (node.type.name === 'citation') ids.add(node.attrs.source as string);
    return !node.isLeaf;
  });
  return [...ids];
}

/** True when `node` holds at least one citation (or is one). */
function holdsCitation(node: PMNode): boolean {
  if (node.type.name === 'citation') return true;
  let found = false;
  node.descendants((child) => {
    if (found) return false;
    if (child.type.name === 'citation') found = true;
    return !found && !child.isLeaf;
  });
  return found;
}

/**
 * `fragment` with every citation of a renamed id pointing at its new id (one simultaneous
 * substitution: `a→b, b→c` renames a citation of `a` to `b`, not to `c`). Nodes without
 * citations are reused as they are.
 */
export function renameCitations(fragment: Fragment, rename: ReadonlyMap<string, string>): Fragment {
  if (rename.size === 0) return fragment;
  let changed = false;
  const children: PMNode[] = [];
  fragment.forEach((node) => {
    let next = node;
    if (node.type.name === 'citation') {
      const to = rename.get(node.attrs.source as string);
      if (to !== undefined) next = node.type.create({ ...node.attrs, source: to }, null, node.marks);
    } else if (!node.isLeaf && holdsCitation(node)) {
      next = node.copy(renameCitations(node.content, rename));
    }
    if (next !== node) changed = true;
    children.push(next);
  });
  return changed ? Fragment.fromArray(children) : fragment;
}
