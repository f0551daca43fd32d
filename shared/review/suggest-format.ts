/**
 * Recording a change of formatting (bold, italic, a link) or of a node's fields (a citation's
 * source, a source's, a figure's or a "Read also" block's or item's fields): applied at once, and
 * remembered on base content by a `format_change` or `attr_change` mark holding what it was.
 * Pending inserted content just takes the change; struck content does not.
 */
import { Mark, type Node as PMNode } from 'prosemirror-model';
import type { Transform } from 'prosemirror-transform';
import { FORMATTING, markNamed, statusAt, type Stamp, type Status } from './suggest-marks';
import type { Region } from './suggest-regions';

type MarkJSON = { type: string; attrs?: Record<string, unknown> };

function sameFormatting(marks: readonly Mark[], before: readonly MarkJSON[]): boolean {
  if (marks.length !== before.length) return false;
  const schema = marks[0]?.type.schema;
  return !schema || before.every((json) => marks.some((m) => m.eq(schema.markFromJSON(json))));
}

function formattingOf(marks: readonly Mark[]): Mark[] {
  return marks.filter((m) => FORMATTING.has(m.type.name));
}

/** Sets the marks of `from`–`to` (one run of `before`) to what `after` holds, recording formatting. */
function applyRun(out: Transform, from: number, to: number, before: readonly Mark[], after: readonly Mark[], status: Status, stamp: Stamp): void {
  const kept = before.filter((m) => !FORMATTING.has(m.type.name) && m.type.name !== 'comment' && (status !== 'base' || m.type.name !== 'format_change'));
  let set = Mark.none;
  for (const m of [...kept, ...after.filter((m) => FORMATTING.has(m.type.name) || m.type.name === 'comment')]) set = m.addToSet(set);
  if (status === 'base') {
    const previous = markNamed(before, 'format_change');
    const was = previous ? (previous.attrs.before as MarkJSON[]) : formattingOf(before).map((m) => m.toJSON() as MarkJSON);
    if (!sameFormatting(formattingOf(after), was)) {
      const type = out.doc.type.schema.marks.format_change;
      if (type) set = type.create({ ...stamp, before: was }).addToSet(set);
    }
  }
  for (const m of before) if (!m.isInSet(set)) out.removeMark(from, to, m);
  for (const m of set) if (!m.isInSet(before)) out.addMark(from, to, m);
}

/** Sets the attributes of the node at `pos` to `after`'s, recording them on base content. Returns false when it cannot. */
function applyAttrs(out: Transform, a: PMNode, pos: number, node: PMNode, after: PMNode, stamp: Stamp): boolean {
  const $pos = a.resolve(pos);
  const status = statusAt($pos, node);
  if (status === 'deleted') return true;
  const changed = Object.keys(after.attrs).filter((k) => node.attrs[k] !== after.attrs[k]);
  if (!changed.length) return true;
  for (const key of changed) out.setNodeAttribute(pos, key, after.attrs[key]);
  if (status === 'inserted') return true;
  const existing = markNamed(node.marks, 'attr_change');
  const was: Record<string, unknown> = { ...((existing?.attrs.before as Record<string, unknown> | undefined) ?? {}) };
  for (const key of changed) if (!(key in was)) was[key] = node.attrs[key];
  for (const key of Object.keys(was)) if (was[key] === after.attrs[key]) delete was[key];
  const type = a.type.schema.marks.attr_change;
  if (!type) return false;
  if (existing) out.removeNodeMark(pos, existing);
  if (Object.keys(was).length === 0) return true;
  if (!$pos.parent.type.allowsMarkType(type)) return false;
  out.addNodeMark(pos, type.create({ ...stamp, before: was }));
  return true;
}

/**
 * Records `region` of `a` (before) → `b` (after), which holds the same content but for inline
 * marks and node attributes, into `out` (a transform of `a`; positions in the region do not
 * move). Returns false when a change cannot be recorded.
 */
export function recordFormat(out: Transform, a: PMNode, b: PMNode, region: Region, stamp: Stamp): boolean {
  const { fa, ta } = region;
  const delta = region.fb - fa;
  let ok = true;
  a.nodesBetween(fa, ta, (node, pos) => {
    if (!ok) return false;
    const end = pos + node.nodeSize;
    if (node.isInline) {
      const from = Math.max(pos, fa);
      const to = Math.min(end, ta);
      const status = statusAt(a.resolve(pos), node);
      if (status !== 'deleted' && from < to) {
        b.nodesBetween(from + delta, to + delta, (nb, pb) => {
          if (!nb.isInline) return true;
          const f = Math.max(pb - delta, from);
          const t = Math.min(pb + nb.nodeSize - delta, to);
          if (f < t && !Mark.sameSet(node.marks, nb.marks)) applyRun(out, f, t, node.marks, nb.marks, status, stamp);
          return false;
        });
      }
      if (!node.isText && pos >= fa && end <= ta) {
        const after = b.nodeAt(pos + delta);
        if (after && after.type === node.type) ok = applyAttrs(out, a, pos, out.doc.nodeAt(pos) ?? node, after, stamp);
      }
      return false;
    }
    if (pos >= fa && end <= ta) {
      const after = b.nodeAt(pos + delta);
      if (after && after.type === node.type) ok = applyAttrs(out, a, pos, node, after, stamp);
    }
    return true;
  });
  return ok;
}
