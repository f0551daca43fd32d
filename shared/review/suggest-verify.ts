/**
 * A check of a recorded change to blocks (Enter, a paste of several blocks, a deletion across
 * blocks): on the few top-level blocks around it, rejecting everything must give what rejecting
 * gave before, and accepting everything what accepting the command's own result gives. A change
 * the engine cannot record faithfully is refused rather than recorded wrong.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { decideAll } from './resolve';

/** `doc` cut down to its top-level blocks `from`–`to` (indices), with its headline, standfirst and sources. */
function around(doc: PMNode, from: number, to: number): PMNode {
  const last = doc.childCount - 1;
  const children: PMNode[] = [doc.child(0), doc.child(1)];
  for (let i = Math.max(2, from); i <= Math.min(last - 1, to); i++) children.push(doc.child(i));
  if (children.length === 2) children.push(doc.type.schema.node('paragraph'));
  children.push(doc.child(last));
  return doc.type.create({ ...doc.attrs, review: null }, children);
}

/**
 * Whether `recorded` (the document before with one change recorded as suggestions, between
 * `from` and `to` of `before`) decides to what `before` and `after` (the command's document) do.
 */
export function recordedFaithfully(before: PMNode, after: PMNode, recorded: PMNode, from: number, to: number): boolean {
  const first = Math.max(0, before.resolve(from).index(0) - 1);
  const last = before.resolve(to).index(0) + 1;
  const shift = (doc: PMNode) => last + doc.childCount - before.childCount;
  const mine = around(recorded, first, shift(recorded));
  return (
    decideAll(mine, 'reject').eq(decideAll(around(before, first, last), 'reject')) &&
    decideAll(mine, 'accept').eq(decideAll(around(after, first, shift(after)), 'accept'))
  );
}
