/**
 * Going to the field that fixes a problem (shared/problem-checks.ts names it): after the
 * selection was put on the node, the focus moves into that node's field in the canvas, e.g. the
 * URL input of a "Read also" item, the alt text of a figure.
 */
import type { EditorView } from 'prosemirror-view';
import type { ProblemField } from '../../shared/problems';
import { centreWithin } from './scroll-within';

// The inputs of the node views (read-also-view.ts, figure-view.ts), by node type and field.
const FIELDS: Readonly<Record<string, Partial<Record<ProblemField, string>>>> = {
  read_also_item: { title: 'input.cd-item-title', url: 'input.cd-item-url' },
  figure: { alt: 'input.cd-figure-alt' },
};

/** Focuses field `field` of the node at `pos` and centres it in the article column; the element, or null when that node has no such field. */
export function focusNodeField(view: EditorView, pos: number, field: ProblemField): HTMLElement | null {
  const node = view.state.doc.nodeAt(pos);
  const selector = node ? FIELDS[node.type.name]?.[field] : undefined;
  const dom = view.nodeDOM(pos);
  if (!selector || !(dom instanceof HTMLElement)) return null;
  const input = dom.querySelector<HTMLElement>(selector);
  if (!input) return null;
  input.focus({ preventScroll: true });
  centreWithin(input, () => input.ownerDocument.activeElement === input);
  return input;
}
