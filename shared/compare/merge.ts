/**
 * "Merge their version" after a save conflict: the other person's changes (from the version both
 * started from, `base`, to theirs) become suggestions by them over the current text (`mine`),
 * which keeps its own pending suggestions and comments. Nothing either person wrote is lost:
 * rejecting their suggestions gives `mine` back, accepting them brings in each of their changes.
 *
 * Block by block (top-level blocks aligned as compare.ts aligns them):
 * - a block only they changed: their change, word by word, as suggestions;
 * - a block both changed: mine → theirs as suggestions;
 * - a block only I changed, or nobody: mine as it is;
 * - a block they removed: deletion-marked; a block they added: inserted at the mapped place;
 * - a block I removed that they changed: their version inserted where it was;
 * - a textblock holding my own pending suggestions that they changed: their changes laid over
 *   it word by word, beside mine where both touched the same words (merge-inline.ts); any other
 *   block holding my suggestions: kept, with their version inserted after it;
 * - sources they added come along, their field changes are suggested (and, when I did not touch
 *   the sources, their removals and order too); authors and threads are united by id.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { bodyBlocks, buildArticle, headlineOf, sourcesSection, standfirstOf } from '../article';
import { reviewDataOf } from '../review/authors';
import { newReviewId, type ReviewData, type Reviewer } from '../review/model';
import { finalDoc, isSuggestionMark } from '../review/resolve';
import { alignBlocks } from './align';
import { comparePair } from './blocks';
import { CompareContext } from './context';
import { attrChange, compareSources } from './fields';
import { mergeInline } from './merge-inline';

/** What `mergeTheirs` is given. */
export interface MergeInput {
  /** The version both started from (what was on disk when the current text was opened or last saved). */
  readonly base: PMNode;
  /** The current text, with its own suggestions and comments. */
  readonly mine: PMNode;
  /** The other person's version, found on disk. */
  readonly theirs: PMNode;
  /** The other person (who saved `theirs`): their changes' author. */
  readonly author: Reviewer;
  /** The time their suggestions are stamped with; default now. */
  readonly at?: Date;
}

/** What they did to one block of `base`. */
type Theirs = { readonly state: 'same' } | { readonly state: 'removed' } | { readonly state: 'changed'; readonly node: PMNode };

const SAME: Theirs = { state: 'same' };

function childrenOf(node: PMNode, from = 0, to = node.childCount): PMNode[] {
  const list: PMNode[] = [];
  for (let i = from; i < to; i++) list.push(node.child(i));
  return list;
}

/** Whether `node` or anything in it carries a mark `test` picks. */
function hasMark(node: PMNode, test: (mark: Mark) => boolean): boolean {
  if (node.marks.some(test)) return true;
  let found = false;
  node.descendants((child) => {
    if (found) return false;
    if (child.marks.some(test)) found = true;
    return !found;
  });
  return found;
}

/** Whether `node` or anything in it carries a suggestion mark. */
const hasSuggestions = (node: PMNode): boolean => hasMark(node, isSuggestionMark);

/** How a block of the current text reads with its suggestions accepted, without comments (null: it is deleted). */
function readingOf(block: PMNode): PMNode | null {
  if (block.marks.some((mark) => mark.type.name === 'deletion')) return null;
  if (!hasMark(block, (mark) => isSuggestionMark(mark) || mark.type.name === 'comment')) return block;
  const bare = block.marks.length ? block.mark([]) : block;
  const read = bodyBlocks(finalDoc(buildArticle({ body: [bare] })));
  return read.length === 1 ? (read[0] as PMNode) : bare;
}

/** Their changes to `base` (blocks of the body), and the blocks they added after each base block (-1: before all). */
function theirChanges(base: readonly PMNode[], theirs: readonly PMNode[]) {
  const changes = new Map<number, Theirs>();
  const added = new Map<number, PMNode[]>();
  let last = -1;
  const add = (node: PMNode) => (added.get(last) ?? added.set(last, []).get(last)!).push(node);
  for (const step of alignBlocks(base, theirs)) {
    switch (step.op) {
      case 'keep':
        last = step.o;
        break;
      case 'pair':
        changes.set(step.o, { state: 'changed', node: theirs[step.n]! });
        last = step.o;
        break;
      case 'del':
      case 'moveFrom':
        changes.set(step.o, { state: 'removed' });
        last = step.o;
        break;
      case 'ins':
      case 'moveTo':
        add(theirs[step.n]!);
        break;
      case 'split':
        changes.set(step.o, { state: 'changed', node: theirs[step.n]! });
        last = step.o;
        add(theirs[step.n + 1]!);
        break;
      case 'join':
        changes.set(step.o, { state: 'changed', node: theirs[step.n]! });
        changes.set(step.o + 1, { state: 'removed' });
        last = step.o + 1;
        break;
    }
  }
  return { changes, added };
}

/** Merges their version into mine as their suggestions; `changes` counts the suggestions made. */
export function mergeTheirs(input: MergeInput): { doc: PMNode; changes: number } {
  const { mine, author } = input;
  const base = finalDoc(input.base);
  const theirs = finalDoc(input.theirs);
  const at = (input.at ?? new Date()).toISOString();
  const ctx = new CompareContext(base, theirs, author.id, at, `${newReviewId('m')}-`);

  const baseBody = bodyBlocks(base);
  const mineBody = bodyBlocks(mine);
  const { changes: theirState, added } = theirChanges(baseBody, bodyBlocks(theirs));

  // My blocks as they read, and which base block each stands for.
  const readings: PMNode[] = [];
  const readingOfRaw = new Map<number, number>();
  mineBody.forEach((block, i) => {
    const read = readingOf(block);
    if (read) {
      readingOfRaw.set(i, readings.length);
      readings.push(read);
    }
  });
  const baseOfReading = new Map<number, number>();
  for (const step of alignBlocks(baseBody, readings)) {
    if (step.op === 'keep' || step.op === 'pair' || step.op === 'split' || step.op === 'moveTo') baseOfReading.set(step.n, step.o);
    else if (step.op === 'join') baseOfReading.set(step.n, step.o);
  }
  const kept = new Set(baseOfReading.values());

  // What they did to blocks I removed goes after the nearest base block I kept.
  const home = (b: number): number => {
    let k = b;
    while (k >= 0 && !kept.has(k)) k--;
    return k;
  };
  const after = new Map<number, PMNode[]>();
  const attach = (b: number, nodes: PMNode[]) => {
    if (nodes.length) (after.get(home(b)) ?? after.set(home(b), []).get(home(b))!).push(...nodes);
  };
  const inserted = (node: PMNode) => ctx.markNode(node, 'insertion', ctx.change('block-added', 'Inserted'));
  for (let b = -1; b < baseBody.length; b++) {
    const state = theirState.get(b);
    if (b >= 0 && !kept.has(b) && state?.state === 'changed') attach(b, [inserted(state.node)]);
    attach(b, (added.get(b) ?? []).map(inserted));
  }

  const merged = (block: PMNode, reading: PMNode, state: Theirs, baseOf: number): PMNode[] => {
    if (state.state === 'same') return [block];
    if (state.state === 'removed') {
      if (block.marks.some((mark) => mark.type.name === 'insertion' || mark.type.name === 'deletion')) return [block];
      return [ctx.markNode(block, 'deletion', ctx.change('block-removed', 'Deleted'))];
    }
    if (reading.eq(state.node)) return [block];
    // Only they changed it: their change as suggestions over it.
    if (!hasSuggestions(block) && block.eq(baseBody[baseOf]!)) return comparePair(block, state.node, ctx);
    // Both changed it: their word changes laid over mine (never my changes as their deletions);
    // what cannot be laid word by word keeps mine and inserts theirs after it.
    const laid = overMine(baseBody[baseOf]!, block, state.node, ctx);
    return laid ? [laid] : [block, inserted(state.node)];
  };

  const body: PMNode[] = [...(after.get(-1) ?? [])];
  mineBody.forEach((block, i) => {
    const r = readingOfRaw.get(i);
    const b = r === undefined ? undefined : baseOfReading.get(r);
    if (b === undefined) {
      body.push(block);
      return;
    }
    body.push(...merged(block, readings[r!]!, theirState.get(b) ?? SAME, b));
    body.push(...(after.get(b) ?? []));
  });

  // The headline and standfirst: their change, unless I have suggestions pending there.
  const top: PMNode[] = [headlineOf, standfirstOf].map((part) => {
    const baseNode = part(base);
    const mineNode = part(mine);
    const theirsNode = part(theirs);
    if (baseNode.eq(theirsNode)) return mineNode;
    if (!hasSuggestions(mineNode) && mineNode.eq(baseNode)) return comparePair(mineNode, theirsNode, ctx)[0] ?? mineNode;
    // Both changed it (there is one headline): their words over mine, else their version as a suggestion over mine.
    return overMine(baseNode, mineNode, theirsNode, ctx) ?? comparePair(mineNode, theirsNode, ctx)[0] ?? mineNode;
  });

  const sources = mergeSources(sourcesSection(base).node, sourcesSection(mine).node, sourcesSection(theirs).node, ctx);
  const review = unite(reviewDataOf(mine), reviewDataOf(input.theirs), author);
  const doc = mine.type.create({ ...mine.attrs, review }, [...top, ...body, sources], mine.marks);
  return { doc, changes: ctx.changes.length };
}

/**
 * Their change to a textblock laid over mine, which holds suggestions of its own, word by word
 * (null: not a textblock of one kind on all sides, or a block mark of mine on it).
 */
function overMine(base: PMNode, mine: PMNode, theirs: PMNode, ctx: CompareContext): PMNode | null {
  if (!mine.isTextblock || mine.marks.length || !mine.sameMarkup(base) || !theirs.sameMarkup(base)) return null;
  const content = mergeInline(base, mine, theirs, ctx);
  return content ? mine.type.create(mine.attrs, content, mine.marks) : null;
}

/** My sources, with the ones they added (inserted) and their field changes (suggested). */
function mergeSources(base: PMNode, mine: PMNode, theirs: PMNode, ctx: CompareContext): PMNode {
  // Mine as it was: their sources section as suggestions over it (added, removed, fields, order).
  if (mine.eq(base)) return compareSources(mine, theirs, ctx);
  const byId = (node: PMNode) => new Map(childrenOf(node).map((source) => [source.attrs.id as string, source]));
  const baseSources = byId(base);
  const theirSources = byId(theirs);
  const mineIds = new Set<string>();
  const out: PMNode[] = [];
  mine.forEach((source) => {
    const id = source.attrs.id as string;
    mineIds.add(id);
    const their = theirSources.get(id);
    const was = baseSources.get(id);
    if (!their || !was || sameFields(their, was) || sameFields(their, source) || hasSuggestions(source)) out.push(source);
    else {
      const marks = attrChange(source, their, ctx, 'source');
      out.push(marks === their.marks ? source : their.mark(marks));
    }
  });
  theirs.forEach((source) => {
    if (!mineIds.has(source.attrs.id as string) && !baseSources.has(source.attrs.id as string)) {
      out.push(ctx.markNode(source, 'insertion', ctx.change('source', 'Added source')));
    }
  });
  return mine.type.create(mine.attrs, out, mine.marks);
}

function sameFields(a: PMNode, b: PMNode): boolean {
  return Object.keys(a.attrs).every((key) => a.attrs[key] === b.attrs[key]);
}

/** My review data with their authors and threads (by id), and their author. */
function unite(mine: ReviewData, theirs: ReviewData, author: Reviewer): ReviewData {
  const known = new Set(mine.threads.map((thread) => thread.id));
  return {
    authors: { ...theirs.authors, ...mine.authors, [author.id]: { name: author.name, initials: author.initials } },
    threads: [...mine.threads, ...theirs.threads.filter((thread) => !known.has(thread.id))],
  };
}
