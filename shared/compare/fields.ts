/**
 * Comparing nodes field by field: a block's attributes (a heading's level, a figure's image, alt
 * text and credit), a "Read also" block's title and items, and the sources (matched by id). A
 * changed field is an `attr_change` mark whose `before` holds what the fields were.
 */
import { diffArrays } from 'diff';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { quote } from '../review/describe';
import type { CompareContext } from './context';
import type { CompareChangeKind } from './types';
import { compareInline } from './blocks';

/** The attributes of `o` that `n` changed, with their old values (null: none changed). */
function changedAttrs(o: PMNode, n: PMNode): Record<string, unknown> | null {
  let before: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(n.attrs)) {
    if (o.attrs[key] !== value) (before ??= {})[key] = o.attrs[key] as unknown;
  }
  return before;
}

/** `n`'s marks, with an `attr_change` of a new change of `kind` when its attributes changed. */
export function attrChange(o: PMNode, n: PMNode, ctx: CompareContext, kind: CompareChangeKind): readonly Mark[] {
  const before = changedAttrs(o, n);
  if (!before) return n.marks;
  const change = ctx.change(kind, ctx.describeNode({ mark: 'attr_change', type: n.type.name, attrs: n.attrs, before }));
  const fields = Object.keys(before);
  change.deleted = fields.map((key) => String(before[key])).join(' | ');
  change.inserted = fields.map((key) => String(n.attrs[key])).join(' | ');
  return ctx.mark('attr_change', change, { before }).addToSet(n.marks);
}

/** A figure: its fields, and its caption word by word. */
export function compareFigure(o: PMNode, n: PMNode, ctx: CompareContext): PMNode {
  const saved = ctx.kindOverride;
  ctx.kindOverride = 'figure';
  try {
    const figMarks = attrChange(o, n, ctx, 'figure');
    const caption = n.firstChild!;
    const content = compareInline(o.firstChild!, caption, ctx);
    if (!content) {
      // A caption too long to compare word by word: the figure is shown replaced.
      const change = ctx.change('figure', 'Replaced figure caption whole (too long to compare word by word)');
      ctx.coarse.push({ block: ctx.block.new ?? 0, reason: `the caption of figure ${String(ctx.block.new ?? 0)} is too long to compare word by word; shown as replaced` });
      const oldCaption = o.firstChild!;
      const deleted = ctx.mark('deletion', change);
      const inserted = ctx.mark('insertion', change);
      const text = [...markAll(oldCaption, deleted), ...markAll(caption, inserted)];
      return n.type.create(n.attrs, caption.type.create(caption.attrs, text), figMarks);
    }
    return n.type.create(n.attrs, caption.type.create(caption.attrs, content, caption.marks), figMarks);
  } finally {
    ctx.kindOverride = saved;
  }
}

function markAll(block: PMNode, mark: Mark): PMNode[] {
  const out: PMNode[] = [];
  block.forEach((child) => out.push(child.mark(mark.addToSet(child.marks))));
  return out;
}

function childrenOf(node: PMNode): PMNode[] {
  const list: PMNode[] = [];
  node.forEach((child) => list.push(child));
  return list;
}

function itemKey(node: PMNode): string {
  return JSON.stringify(node.attrs);
}

/**
 * Atoms aligned in order by their fields (`key`): equal runs kept, and in each changed run the
 * first removed ones paired with the first added ones (`pair`), the rest removed or added.
 */
function alignAtoms(olds: readonly PMNode[], news: readonly PMNode[], key: (node: PMNode) => string, ctx: CompareContext, kind: CompareChangeKind, pairable: (o: PMNode, n: PMNode) => boolean): PMNode[] {
  const out: PMNode[] = [];
  const runs = diffArrays(olds.map(key), news.map(key));
  let i = 0;
  let j = 0;
  let removed: PMNode[] = [];
  const flush = (added: PMNode[]) => {
    let k = 0;
    for (; k < removed.length && k < added.length && pairable(removed[k]!, added[k]!); k++) out.push(changeAtom(removed[k]!, added[k]!, ctx, kind));
    for (const node of removed.slice(k)) out.push(whole(node, 'deletion', ctx, kind));
    for (const node of added.slice(k)) out.push(whole(node, 'insertion', ctx, kind));
    removed = [];
  };
  for (const run of runs) {
    if (run.removed) {
      removed = olds.slice(i, (i += run.count));
    } else if (run.added) {
      flush(news.slice(j, (j += run.count)));
    } else {
      flush([]);
      for (let k = 0; k < run.count; k++) out.push(sameAtom(olds[i + k]!, news[j + k]!, ctx, kind));
      i += run.count;
      j += run.count;
    }
  }
  flush([]);
  return out;
}

/** Two atoms with the same key: equal, or (sources) fields other than the key changed. */
function sameAtom(o: PMNode, n: PMNode, ctx: CompareContext, kind: CompareChangeKind): PMNode {
  return o.eq(n) ? n : changeAtom(o, n, ctx, kind);
}

function changeAtom(o: PMNode, n: PMNode, ctx: CompareContext, kind: CompareChangeKind): PMNode {
  const marks = attrChange(o, n, ctx, kind);
  return marks === n.marks ? n : n.mark(marks);
}

function whole(node: PMNode, name: 'insertion' | 'deletion', ctx: CompareContext, kind: CompareChangeKind): PMNode {
  const side = name === 'insertion' ? 'new' : 'old';
  const title = (node.attrs.title as string | undefined) ?? '';
  const description = ctx.describeNode({ mark: name, type: node.type.name, attrs: node.attrs }, side) + (node.type.name !== 'source' && title.trim() ? `: ${quote(title)}` : '');
  const change = ctx.change(kind, description);
  change[name === 'insertion' ? 'inserted' : 'deleted'] = title;
  return ctx.markNode(node, name, change);
}

/** A "Read also" block: its title, and its items (added, removed, or a field changed). */
export function compareReadAlso(o: PMNode, n: PMNode, ctx: CompareContext): PMNode {
  const saved = ctx.kindOverride;
  ctx.kindOverride = 'read-also';
  try {
    const blockMarks = attrChange(o, n, ctx, 'read-also');
    const items = alignAtoms(childrenOf(o), childrenOf(n), itemKey, ctx, 'read-also', () => true);
    return n.type.create(n.attrs, items, blockMarks);
  } finally {
    ctx.kindOverride = saved;
  }
}

/** The sources section: sources matched by id, their fields compared. */
export function compareSources(o: PMNode, n: PMNode, ctx: CompareContext): PMNode {
  if (o.eq(n)) return n;
  const sources = alignAtoms(childrenOf(o), childrenOf(n), (node) => node.attrs.id as string, ctx, 'source', (a, b) => a.attrs.id === b.attrs.id);
  return n.type.create(n.attrs, sources, n.marks);
}
