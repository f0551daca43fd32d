/**
 * A check of a recorded change to blocks (Enter, a paste of several blocks, a deletion across
 * blocks): on the few top-level blocks around it, rejecting everything must give what rejecting
 * gave before, and accepting everything what accepting the command's own result gives. A change
 * the engine cannot record faithfully is refused rather than recorded wrong.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { bodyRange } from '../article';
import { decideAll } from './resolve';

/** `doc` cut down to its body blocks `from`–`to` (top-level indices), with what comes before and after the body. */
function around(doc: PMNode, from: number, to: number): PMNode {
  const { startIndex, endIndex } = bodyRange(doc);
  const children: PMNode[] = [];
  for (let i = 0; i < startIndex; i++) children.push(doc.child(i));
  const before = children.length;
  for (let i = Math.max(startIndex, from); i <= Math.min(endIndex - 1, to); i++) children.push(doc.child(i));
  if (children.length === before) children.push(doc.type.schema.node('paragraph'));
  for (let i = endIndex; i < doc.childCount; i++) children.push(doc.child(i));
  return doc.type.create({ ...doc.attrs, review: null }, children);
}

/**
 * Whether `recorded` (the document before with one change recorded as suggestions, between
 * `from` and `to` of `before`) decides to what `before` and `after` (the command's document) do.
 */
export function recordedFaithfully(before: PMNode, after: PMNode, recorded: PMNode, from: number, to: number): boolean {
  let first = Math.max(0, before.resolve(from).index(0) - 1);
  // A join reaches back over struck blocks to the text before them: they are part of the check.
  const bodyStart = bodyRange(before).startIndex;
  while (first > bodyStart && before.child(first).marks.some((m) => m.type.name === 'deletion')) first--;
  const last = before.resolve(to).index(0) + 1;
  const shift = (doc: PMNode) => last + doc.childCount - before.childCount;
  const mine = around(recorded, first, shift(recorded));
  return (
    decideAll(mine, 'reject').eq(decideAll(around(before, first, last), 'reject')) &&
    decideAll(mine, 'accept').eq(decideAll(around(after, first, shift(after)), 'accept'))
  );
}
