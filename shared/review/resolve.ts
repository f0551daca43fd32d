/**
 * Accepting and rejecting suggestions: the steps that turn a suggestion's marks (model.ts) into
 * the text as it was meant to read, or back into the text as it was.
 *
 * Content changes come first, from the end of the document backwards so that no position moves
 * before it is used; joins of blocks (an accepted `join`, a rejected `split`) come after, once
 * the text they join is final.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { canJoin, replaceStep, Transform } from 'prosemirror-transform';
import { reviewDataOf } from './authors';
import { FORMATTING_MARKS, SUGGESTION_MARKS } from './model';

/** A suggestion's stamp, as a filter sees it. */
export interface SuggestionStamp {
  readonly id: string;
  readonly author: string;
  readonly at: string;
}

/** Which suggestions a decision applies to; absent: all of them. */
export type SuggestionFilter = (stamp: SuggestionStamp) => boolean;

/** Accept or reject. */
export type Decision = 'accept' | 'reject';

const SUGGESTION_MARK_NAMES: ReadonlySet<string> = new Set(SUGGESTION_MARKS);

/** Whether `mark` is one of the suggestion marks. */
export function isSuggestionMark(mark: Mark): boolean {
  return SUGGESTION_MARK_NAMES.has(mark.type.name);
}

interface Found {
  readonly mark: Mark;
  readonly from: number;
  to: number;
  /** The node the mark is on, when it is not text. */
  readonly node: PMNode | null;
}

/** Whether deciding `mark` this way removes what it marks. */
function removesContent(mark: Mark, decision: Decision): boolean {
  return mark.type.name === (decision === 'accept' ? 'deletion' : 'insertion');
}

/** Whether deciding `mark` this way joins its block to the text before. */
function joinsBlock(mark: Mark, decision: Decision): boolean {
  return mark.type.name === (decision === 'accept' ? 'join' : 'split');
}

function collect(doc: PMNode, filter: SuggestionFilter | undefined, decision: Decision) {
  const found: Found[] = [];
  const joins: number[] = [];
  const citedByRejected = new Set<string>();
  doc.descendants((node, pos) => {
    let descend = true;
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark) || (filter && !filter(mark.attrs as SuggestionStamp))) continue;
      // A citation that goes, or goes back to its old source, may leave a new source uncited.
      if (decision === 'reject' && node.type.name === 'citation' && (mark.type.name === 'insertion' || mark.type.name === 'attr_change')) citedByRejected.add(node.attrs.source as string);
      if (node.isText) {
        const last = found[found.length - 1];
        if (last && last.node === null && last.to === pos && last.mark.eq(mark)) last.to = pos + node.nodeSize;
        else found.push({ mark, from: pos, to: pos + node.nodeSize, node: null });
        continue;
      }
      if (joinsBlock(mark, decision)) joins.push(pos);
      found.push({ mark, from: pos, to: pos + node.nodeSize, node });
      if (removesContent(mark, decision)) descend = false;
    }
    return descend;
  });
  return { found, joins, citedByRejected };
}

/**
 * Positions of the document before the decision, mapped through the steps taken since `start`.
 * Steps are taken from the end backwards, so a range wholly before every step so far needs no
 * mapping; only one that overlaps an earlier decided range does.
 */
class Mapper {
  private lowest = Infinity;
  constructor(private readonly tr: Transform, private readonly start: number) {}

  map(pos: number, assoc: number): { pos: number; deleted: boolean } {
    if (pos < this.lowest) return { pos, deleted: false };
    const maps = this.tr.mapping.maps;
    let deleted = false;
    for (let i = this.start; i < maps.length; i++) {
      const result = (maps[i] as (typeof maps)[number]).mapResult(pos, assoc);
      pos = result.pos;
      if (result.deleted) deleted = true;
    }
    return { pos, deleted };
  }

  touched(pos: number): void {
    this.lowest = Math.min(this.lowest, pos);
  }
}

function decideOne(tr: Transform, item: Found, decision: Decision, mapper: Mapper): void {
  const { mark, node } = item;
  const schema = tr.doc.type.schema;
  const from = mapper.map(item.from, 1);
  const to = mapper.map(item.to, -1);
  mapper.touched(item.from);
  if (from.pos >= to.pos) return;
  if (node && !node.isText) {
    // A node inside content removed already, or no longer there.
    const now = tr.doc.nodeAt(from.pos);
    if (from.deleted || !now || now.type !== node.type || now.nodeSize !== to.pos - from.pos) return;
  }
  if (removesContent(mark, decision)) {
    tr.delete(from.pos, to.pos);
    return;
  }
  if (decision === 'reject' && mark.type.name === 'format_change') {
    for (const name of FORMATTING_MARKS) {
      const type = schema.marks[name];
      if (type) tr.removeMark(from.pos, to.pos, type);
    }
    for (const json of mark.attrs.before as unknown[]) tr.addMark(from.pos, to.pos, schema.markFromJSON(json));
  }
  if (decision === 'reject' && mark.type.name === 'attr_change' && node) {
    for (const [key, value] of Object.entries(mark.attrs.before as Record<string, unknown>)) tr.setNodeAttribute(from.pos, key, value);
  }
  if (node && !node.isText) tr.removeNodeMark(from.pos, mark);
  else tr.removeMark(from.pos, to.pos, mark);
}

/** The end of the content of the textblock before `pos` (a block's start), or null when none can take a join. */
function textEndBefore(doc: PMNode, pos: number): number | null {
  let $pos = doc.resolve(pos);
  for (;;) {
    const before = $pos.nodeBefore;
    if (!before) {
      if ($pos.depth === 0) return null;
      $pos = doc.resolve($pos.before());
      continue;
    }
    if (before.isTextblock) return $pos.pos - 1;
    if (before.isLeaf || before.type.spec.isolating === true) return null;
    $pos = doc.resolve($pos.pos - 1);
  }
}

/** Joins the block at `pos` to the text before it (a textblock) or to the sibling of its kind before it, as deleting the boundary would. */
function joinBlock(tr: Transform, pos: number): boolean {
  const node = tr.doc.nodeAt(pos);
  if (node && !node.isTextblock) {
    // A block other than a textblock (a list item) joins the sibling of its kind before it.
    if (tr.doc.resolve(pos).nodeBefore?.type !== node.type || !canJoin(tr.doc, pos)) return false;
    tr.join(pos);
    return true;
  }
  if (!node?.isTextblock) return false;
  const end = textEndBefore(tr.doc, pos);
  if (end === null) return false;
  // What the text before cannot hold goes, as when joining in Editing mode (a link into a standfirst).
  const target = tr.doc.resolve(end).parent.type;
  if (target !== node.type) tr.clearIncompatible(pos, target);
  const step = replaceStep(tr.doc, end, pos + 1);
  if (!step) return false;
  return !tr.maybeStep(step).failed;
}

/** Adds to `tr` the steps that accept or reject the suggestions `filter` picks (all: no filter). */
export function decideSuggestions(tr: Transform, decision: Decision, filter?: SuggestionFilter): void {
  const { found, joins, citedByRejected } = collect(tr.doc, filter, decision);
  const start = tr.steps.length;
  const mapper = new Mapper(tr, start);
  for (let i = found.length - 1; i >= 0; i--) decideOne(tr, found[i] as Found, decision, mapper);
  const mapping = tr.mapping.slice(start);
  for (let i = joins.length - 1; i >= 0; i--) {
    const mapped = mapping.mapResult(joins[i] as number, 1);
    if (mapped.deleted) continue;
    const node = tr.doc.nodeAt(mapped.pos);
    if (!joinBlock(tr, mapped.pos) && node) {
      // Nothing to join to: the boundary stays, without its mark.
      for (const mark of node.marks) if (joinsBlock(mark, decision)) tr.removeNodeMark(mapped.pos, mark);
    }
  }
  if (citedByRejected.size) removeUncitedNewSources(tr, citedByRejected, filter);
}

/** Removes the sources suggested for insertion (by suggestions `filter` picks), among `ids`, that no citation names any more. */
function removeUncitedNewSources(tr: Transform, ids: ReadonlySet<string>, filter: SuggestionFilter | undefined): void {
  const cited = new Set<string>();
  const candidates: { pos: number; size: number }[] = [];
  tr.doc.descendants((node, pos) => {
    if (node.type.name === 'citation') cited.add(node.attrs.source as string);
    else if (node.type.name === 'source' && ids.has(node.attrs.id as string) && node.marks.some((m) => m.type.name === 'insertion' && (!filter || filter(m.attrs as SuggestionStamp)))) {
      candidates.push({ pos, size: node.nodeSize });
    }
    return !node.isTextblock;
  });
  for (let i = candidates.length - 1; i >= 0; i--) {
    const { pos, size } = candidates[i] as { pos: number; size: number };
    const id = tr.doc.nodeAt(pos)?.attrs.id as string;
    if (!cited.has(id)) tr.delete(pos, pos + size);
  }
}

/** `doc` with every suggestion accepted (or rejected). */
export function decideAll(doc: PMNode, decision: Decision): PMNode {
  const tr = new Transform(doc);
  decideSuggestions(tr, decision);
  return tr.doc;
}

/**
 * The text as it would read with every suggestion accepted and no trace of review: no comment
 * mark and no review data. What a clean export writes.
 */
export function finalDoc(doc: PMNode): PMNode {
  const tr = new Transform(doc);
  decideSuggestions(tr, 'accept');
  const comment = doc.type.schema.marks.comment;
  if (comment) tr.removeMark(0, tr.doc.content.size, comment);
  if (reviewDataOf(tr.doc).threads.length || doc.attrs.review !== null) tr.setDocAttribute('review', null);
  return tr.doc;
}

/** Whether `doc` holds any suggestion or comment (a quick walk that stops at the first). */
export function hasReview(doc: PMNode): boolean {
  if (doc.attrs.review !== null) return true;
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (node.marks.some((mark) => isSuggestionMark(mark) || mark.type.name === 'comment')) found = true;
    return !found;
  });
  return found;
}
