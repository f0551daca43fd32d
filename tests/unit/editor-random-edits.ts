/**
 * Random edits for the editor's property tests: each edit is a few numbers that fast-check
 * generates and shrinks, turned into a transaction on whatever document the state holds (typing,
 * deleting ranges, citing and unciting, splitting and joining, moving content, wrapping in a
 * quote, changing links, sources, "Read also" items and figures, undo and redo). Edits that do
 * not apply at the chosen place are skipped, so every run exercises real transactions.
 */
import fc from 'fast-check';
import { redo, undo } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { canJoin, canSplit, findWrapping } from 'prosemirror-transform';
import { schema } from '../../shared/schema';

/** One edit: a kind and three numbers that pick places and values. */
export type Edit = readonly [kind: number, a: number, b: number, c: number];

/** Edits, 1–3 per transaction. */
export const arbEdits: fc.Arbitrary<Edit[][]> = fc.array(
  fc.array(fc.tuple(fc.nat(20), fc.nat(100_000), fc.nat(40), fc.nat(1000)), { minLength: 1, maxLength: 3 }),
  { minLength: 1, maxLength: 25 },
);

const WORDS = ['word ', 'two words ', 'x', ' ', '“quoted” ', 'don’t ', 'U.S. ', '2022-23 ', '\u00a0', '!'];
const HREFS = ['https://example.com/a', 'https://exa mple.com', 'mailto:desk@example.com', '#sources'];
const IDS = ['a', 'b', 'c', 'new-one', 'missing'];

function textPos(doc: PMNode, a: number): number | null {
  const size = doc.content.size;
  for (let i = 0; i < 40; i++) {
    const pos = (a + i * 7919) % (size + 1);
    const $pos = doc.resolve(pos);
    if ($pos.parent.inlineContent) return pos;
  }
  return null;
}

function nodesOf(doc: PMNode, name: string): { node: PMNode; pos: number }[] {
  const found: { node: PMNode; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === name) found.push({ node, pos });
    return true;
  });
  return found;
}

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length ? list[n % list.length] : undefined;
}

/** Applies one edit to `tr` (skipping it when it does not apply there). */
function applyEdit(tr: Transaction, [kind, a, b, c]: Edit): void {
  const doc = tr.doc;
  const size = doc.content.size;
  try {
    switch (kind) {
      case 0:
      case 1:
      case 2: {
        const pos = textPos(doc, a);
        const $pos = pos === null ? null : doc.resolve(pos);
        if ($pos && $pos.parent.type.name !== 'headline') tr.insertText(pick(WORDS, c) ?? 'x', pos as number);
        else if ($pos) tr.insertText('Head', pos as number);
        break;
      }
      case 3: {
        const from = a % (size + 1);
        tr.delete(from, Math.min(size, from + (b % 12)));
        break;
      }
      case 4:
      case 5: {
        const pos = textPos(doc, a);
        if (pos === null) break;
        const $pos = doc.resolve(pos);
        const citation = schema.node('citation', { source: pick(IDS, c) ?? 'a' });
        if ($pos.parent.canReplaceWith($pos.index(), $pos.index(), citation.type)) tr.insert(pos, citation);
        break;
      }
      case 6: {
        const target = pick(nodesOf(doc, 'citation'), a);
        if (target) tr.delete(target.pos, target.pos + 1);
        break;
      }
      case 7: {
        const pos = textPos(doc, a);
        if (pos !== null && doc.resolve(pos).depth > 1 && canSplit(doc, pos)) tr.split(pos);
        else if (pos !== null && canSplit(doc, pos)) tr.split(pos);
        break;
      }
      case 8: {
        const pos = a % (size + 1);
        if (canJoin(doc, pos)) tr.join(pos);
        break;
      }
      case 9: {
        // move a piece of content elsewhere (cut and paste inside the document)
        const from = a % (size + 1);
        const to = Math.min(size, from + (b % 30) + 1);
        const slice = doc.slice(from, to);
        tr.delete(from, to);
        const at = textPos(tr.doc, c * 31);
        if (at !== null) tr.replace(at, at, slice);
        break;
      }
      case 10: {
        const from = textPos(doc, a);
        if (from === null) break;
        const $from = doc.resolve(from);
        const to = Math.min($from.end(), from + (b % 10) + 1);
        tr.addMark(from, to, schema.mark('link', { href: pick(HREFS, c) ?? HREFS[0] }));
        break;
      }
      case 11: {
        const sources = doc.lastChild as PMNode;
        const end = size - 1;
        if (c % 3 === 0 || sources.childCount === 0) {
          tr.insert(end, schema.node('source', { id: pick(IDS, a) ?? 'a', title: b % 2 ? 'Title' : '', url: pick(['', 'https://s.example/', 'https://bad url'], b) ?? '' }));
        } else {
          const target = pick(nodesOf(doc, 'source'), a);
          if (target && c % 3 === 1) tr.delete(target.pos, target.pos + 1);
          else if (target) tr.setNodeAttribute(target.pos, 'title', b % 2 ? '' : `T${String(c)}`);
        }
        break;
      }
      case 12: {
        const item = pick(nodesOf(doc, 'read_also_item'), a);
        if (item) tr.setNodeAttribute(item.pos, b % 2 ? 'url' : 'title', b % 2 ? (pick(['', 'https://r.example', 'https://r e'], c) ?? '') : c % 2 ? '' : 'Item');
        else {
          const pos = textPos(doc, a);
          if (pos !== null && doc.resolve(pos).depth === 1 && doc.resolve(pos).index(0) > 1) {
            tr.insert(doc.resolve(pos).after(1), schema.node('read_also', null, [schema.node('read_also_item', { title: '', url: '' })]));
          }
        }
        break;
      }
      case 13: {
        const pos = textPos(doc, a);
        if (pos === null) break;
        const range = doc.resolve(pos).blockRange();
        const wrapping = range && findWrapping(range, schema.nodes.blockquote!);
        if (range && wrapping) tr.wrap(range, wrapping);
        break;
      }
      case 14: {
        const pos = textPos(doc, a);
        if (pos !== null) tr.setBlockType(pos, pos, schema.nodes[b % 2 ? 'heading' : 'paragraph']!, b % 2 ? { level: 2 + (c % 3) } : null);
        break;
      }
      case 15: {
        const figure = pick(nodesOf(doc, 'figure'), a);
        if (figure) tr.setNodeAttribute(figure.pos, 'alt', b % 2 ? '' : 'Alt');
        break;
      }
      case 16: {
        // delete whole top-level blocks
        const index = 2 + (a % Math.max(1, doc.childCount - 3));
        if (doc.childCount > 4 && index < doc.childCount - 1) {
          let pos = 0;
          for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
          tr.delete(pos, pos + doc.child(index).nodeSize);
        }
        break;
      }
      default: {
        const citation = pick(nodesOf(doc, 'citation'), a);
        if (citation) tr.setNodeAttribute(citation.pos, 'source', pick(IDS, c) ?? 'a');
      }
    }
  } catch (error) {
    void error; // a step that does not fit there (RangeError, TransformError): the edit is skipped
  }
}

/**
 * Runs `edits` on `state`, one transaction per group (kinds 19 and 20 of a group's first edit
 * are undo and redo), calling `check` after each. Returns the final state.
 */
export function runEdits(state: EditorState, edits: readonly (readonly Edit[])[], check: (state: EditorState) => void): EditorState {
  let current = state;
  for (const group of edits) {
    const first = group[0];
    if (first && (first[0] === 19 || first[0] === 20)) {
      (first[0] === 19 ? undo : redo)(current, (tr) => (current = current.apply(tr)));
    } else {
      const tr = current.tr;
      for (const edit of group) applyEdit(tr, edit);
      current = current.apply(tr);
    }
    check(current);
  }
  return current;
}
