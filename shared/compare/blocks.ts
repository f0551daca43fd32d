/**
 * Building the comparison's blocks: a list of sibling blocks aligned (align.ts) and each pair
 * compared within — textblocks word by word (inline.ts), containers (lists, quotes) block by
 * block, figures, "Read also" blocks and sources field by field (fields.ts). Removed blocks stay,
 * under a `deletion` node mark; added ones carry an `insertion` mark.
 */
import { Fragment, type Node as PMNode } from 'prosemirror-model';
import { label, quote } from '../review/describe';
import { alignBlocks } from './align';
import type { CompareContext, PendingChange } from './context';
import { addText } from './context';
import { attrChange, compareFigure, compareReadAlso } from './fields';
import { BOUNDARY, compareTokens, diffTokens, tokenize, type Piece } from './inline';

/** Where a list of blocks is in the article: the top-level numbers of its first blocks (from 1), or null inside a block. */
export interface TopLevel {
  readonly oldBase: number;
  readonly newBase: number;
}

function said(verb: string, node: PMNode): string {
  const text = node.textContent;
  return `${verb} ${label(node.type.name)}${text.trim() ? `: ${quote(text)}` : ''}`;
}

/** The comparison's blocks for `olds` → `news`. */
export function compareBlockList(olds: readonly PMNode[], news: readonly PMNode[], ctx: CompareContext, top: TopLevel | null = null): PMNode[] {
  const out: PMNode[] = [];
  const moves = new Map<number, PendingChange>();
  const saved = ctx.block;
  for (const step of alignBlocks(olds, news)) {
    if (top) {
      const o = 'o' in step ? top.oldBase + step.o + 1 : null;
      const n = 'n' in step ? top.newBase + step.n + 1 : null;
      ctx.block = { old: o, new: n };
    }
    switch (step.op) {
      case 'keep':
        out.push(news[step.n]!);
        break;
      case 'pair':
        out.push(...comparePair(olds[step.o]!, news[step.n]!, ctx));
        break;
      case 'del': {
        const node = olds[step.o]!;
        const change = ctx.change('block-removed', said('Deleted', node));
        addText(change, 'deleted', node.textContent);
        out.push(ctx.markNode(node, 'deletion', change));
        break;
      }
      case 'ins': {
        const node = news[step.n]!;
        const change = ctx.change('block-added', said('Inserted', node));
        addText(change, 'inserted', node.textContent);
        out.push(ctx.markNode(node, 'insertion', change));
        break;
      }
      case 'moveFrom':
      case 'moveTo': {
        let change = moves.get(step.o);
        if (!change) {
          const node = news[step.n]!;
          change = ctx.change('block-moved', said('Moved', node), { moved: true });
          addText(change, 'deleted', node.textContent);
          addText(change, 'inserted', node.textContent);
          moves.set(step.o, change);
        }
        out.push(step.op === 'moveFrom' ? ctx.markNode(olds[step.o]!, 'deletion', change) : ctx.markNode(news[step.n]!, 'insertion', change));
        break;
      }
      case 'split':
        out.push(...splitBlock(olds[step.o]!, news[step.n]!, news[step.n + 1]!, ctx));
        break;
      case 'join':
        out.push(...joinBlocks(olds[step.o]!, olds[step.o + 1]!, news[step.n]!, ctx));
        break;
    }
  }
  if (top) ctx.block = saved;
  return out;
}

/** The removed block and the added one, as one change of `kind`. */
function replaced(o: PMNode, n: PMNode, ctx: CompareContext, change: PendingChange): PMNode[] {
  addText(change, 'deleted', o.textContent);
  addText(change, 'inserted', n.textContent);
  return [ctx.markNode(o, 'deletion', change), ctx.markNode(n, 'insertion', change)];
}

/** The comparison of two blocks taken as the same block in both versions. */
export function comparePair(o: PMNode, n: PMNode, ctx: CompareContext): PMNode[] {
  if (o === n || o.eq(n)) return [n];
  if (o.type !== n.type) return replaced(o, n, ctx, ctx.change('block-changed', `Changed ${label(o.type.name)} → ${label(n.type.name)}${n.textContent.trim() ? `: ${quote(n.textContent)}` : ''}`));
  if (n.type.name === 'figure') return [compareFigure(o, n, ctx)];
  if (n.type.name === 'read_also') return [compareReadAlso(o, n, ctx)];
  const marks = attrChange(o, n, ctx, 'block-changed');
  if (n.isTextblock) {
    const content = compareInline(o, n, ctx);
    if (!content) return replaced(o, n, ctx, coarse(n, ctx));
    return [n.type.create(n.attrs, content, marks)];
  }
  if (n.isLeaf) return [marks === n.marks ? n : n.mark(marks)];
  const children = (node: PMNode) => {
    const list: PMNode[] = [];
    node.forEach((child) => list.push(child));
    return list;
  };
  return [n.type.create(n.attrs, compareBlockList(children(o), children(n), ctx), marks)];
}

/** A block past what is compared word by word: one change, and a note in `coarse`. */
function coarse(n: PMNode, ctx: CompareContext): PendingChange {
  const what = label(n.type.name);
  const where = ctx.block.new ?? ctx.block.old ?? 0;
  ctx.coarse.push({ block: where, reason: `${what} ${String(where)} is too long to compare word by word; shown as replaced` });
  return ctx.change('text', `Replaced ${what} whole (too long to compare word by word)`);
}

/** The compared inline content of two textblocks, or null when past the word comparison. */
export function compareInline(o: PMNode, n: PMNode, ctx: CompareContext): Fragment | null {
  const a = tokenize(o, 'old', ctx);
  const b = tokenize(n, 'new', ctx);
  const segments = diffTokens(a, b);
  if (!segments) return null;
  return Fragment.fromArray(compareTokens(a, b, segments, ctx) as PMNode[]);
}

function cut(pieces: readonly Piece[]): [Fragment, Fragment] {
  const at = pieces.indexOf(BOUNDARY);
  return [Fragment.fromArray(pieces.slice(0, at) as PMNode[]), Fragment.fromArray(pieces.slice(at + 1) as PMNode[])];
}

/** One paragraph split in two (a `split` mark on the second), with the words changed around. */
function splitBlock(o: PMNode, n1: PMNode, n2: PMNode, ctx: CompareContext): PMNode[] {
  const a = tokenize(o, 'old', ctx);
  const b = [...tokenize(n1, 'new', ctx), BOUNDARY, ...tokenize(n2, 'new', ctx)];
  const segments = diffTokens(a, b);
  if (!segments) {
    const change = coarse(n1, ctx);
    return [...replaced(o, n1, ctx, change), ctx.markNode(n2, 'insertion', change)];
  }
  const change = ctx.change('split', `Split ${label(o.type.name)}${n2.textContent.trim() ? ` before ${quote(n2.textContent.slice(0, 40))}` : ''}`);
  const [first, second] = cut(compareTokens(a, b, segments, ctx, change));
  return [n1.type.create(n1.attrs, first, n1.marks), n2.type.create(n2.attrs, second, ctx.mark('split', change).addToSet(n2.marks))];
}

/** Two paragraphs joined (a `join` mark on the second), with the words changed around. */
function joinBlocks(o1: PMNode, o2: PMNode, n: PMNode, ctx: CompareContext): PMNode[] {
  const a = [...tokenize(o1, 'old', ctx), BOUNDARY, ...tokenize(o2, 'old', ctx)];
  const b = tokenize(n, 'new', ctx);
  const segments = diffTokens(a, b);
  if (!segments) {
    const change = coarse(n, ctx);
    return [ctx.markNode(o1, 'deletion', change), ...replaced(o2, n, ctx, change)];
  }
  const change = ctx.change('join', `Joined ${label(o1.type.name)}s${o2.textContent.trim() ? ` before ${quote(o2.textContent.slice(0, 40))}` : ''}`);
  const [first, second] = cut(compareTokens(a, b, segments, ctx, change));
  return [o1.type.create(n.attrs, first, o1.marks), o2.type.create(o2.attrs, second, ctx.mark('join', change).addToSet(o2.marks))];
}
