/**
 * An edited copy of a generated article (issue 13's compare rows): `editArticle(draft, { edits,
 * seed })` makes `edits` changes spread evenly over the body, each in a block of its own, of
 * mixed kinds as an editor's pass over a story gives them:
 *
 * - `words`: one word replaced by another (about half the edits);
 * - `citation`: a citation pointed at another source (its source id changes);
 * - `bold`: one plain word made bold;
 * - `read-also`: a "Read also" item's URL changed;
 * - `move`: a paragraph moved 3–8 blocks further down (the blocks in between stay).
 *
 * The same draft and seed always give the same copy. It returns the copy and what was done (each
 * edit's kind and the top-level block, counted from 1 in the original), so that a benchmark can
 * check that the comparison found about as many changes as were made. Throws `RangeError` when
 * the article has too few blocks of some kind for the edits asked.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import type { Draft } from '../../shared/draft/format';
import { schema } from '../../shared/schema';
import { seededRandom } from './generate';

/** What one edit of `editArticle` does. */
export type EditKind = 'words' | 'citation' | 'bold' | 'read-also' | 'move';

/** One edit made: its kind and the top-level block (from 1) of the original it is in. */
export interface MadeEdit {
  readonly kind: EditKind;
  readonly block: number;
}

/** An edited copy and the edits it holds (in block order of the original). */
export interface EditedArticle {
  readonly draft: Draft;
  readonly edits: readonly MadeEdit[];
}

/** The share of each kind among the edits (words take what is left). */
const SHARES: readonly (readonly [EditKind, number])[] = [
  ['citation', 0.15],
  ['bold', 0.15],
  ['read-also', 0.1],
  ['move', 0.1],
];

/** Words an edit puts in place of another (none is in the generator's vocabulary). */
const REPLACEMENTS = ['municipal', 'provisional', 'substantial', 'regional', 'disputed', 'eventual', 'overnight', 'detailed'];

/** How many edits of each kind `edits` gives. */
export function editCounts(edits: number): Record<EditKind, number> {
  const counts = { words: 0, citation: 0, bold: 0, 'read-also': 0, move: 0 } satisfies Record<EditKind, number>;
  let left = edits;
  for (const [kind, share] of SHARES) {
    counts[kind] = Math.min(left, Math.round(edits * share));
    left -= counts[kind];
  }
  counts.words = left;
  return counts;
}

/** A plain text child (no marks) of a paragraph, with at least one word of letters. */
interface PlainRun {
  readonly pos: number;
  readonly text: string;
}

/** What a top-level block offers to each kind of edit. */
interface Candidate {
  readonly index: number;
  readonly offset: number;
  readonly node: PMNode;
  readonly runs: readonly PlainRun[];
  readonly citations: readonly { readonly pos: number; readonly source: string }[];
}

function candidates(doc: PMNode): Candidate[] {
  const out: Candidate[] = [];
  doc.forEach((node, offset, index) => {
    if (index < 2 || index === doc.childCount - 1) return;
    const runs: PlainRun[] = [];
    const citations: { pos: number; source: string }[] = [];
    if (node.type.name === 'paragraph') {
      node.forEach((child, childOffset) => {
        const pos = offset + 1 + childOffset;
        if (child.isText && child.marks.length === 0 && /\b[a-z]{3,}\b/u.test(child.text ?? '')) runs.push({ pos, text: child.text ?? '' });
        else if (child.type.name === 'citation') citations.push({ pos, source: child.attrs.source as string });
      });
    }
    out.push({ index, offset, node, runs, citations });
  });
  return out;
}

const suits: Record<EditKind, (c: Candidate) => boolean> = {
  words: (c) => c.runs.length > 0,
  bold: (c) => c.runs.length > 0,
  citation: (c) => c.citations.length > 0,
  'read-also': (c) => c.node.type.name === 'read_also',
  move: (c) => c.node.type.name === 'paragraph',
};

/** The edited copy (see the module comment). */
export function editArticle(draft: Draft, options: { readonly edits: number; readonly seed?: number }): EditedArticle {
  const next = seededRandom(options.seed ?? 13);
  const doc = draft.doc;
  const blocks = candidates(doc);
  const counts = editCounts(options.edits);
  const sourceIds = (doc.lastChild?.content.content ?? []).map((source) => source.attrs.id as string);
  // A block takes one edit; a move also keeps its landing place (the blocks it passes) free of other moves.
  const taken = new Set<number>();
  const chosen: { kind: EditKind; at: Candidate; by: number }[] = [];
  // Moves first (they need room), then the rarer kinds, words last.
  for (const kind of ['move', 'read-also', 'citation', 'bold', 'words'] as const) {
    const n = counts[kind];
    if (n === 0) continue;
    const fit = blocks.filter(suits[kind]);
    for (let k = 0; k < n; k++) {
      // Evenly spread: the k-th of n slots, then the next free block from there.
      const start = Math.floor(((k + 0.5) * fit.length) / n);
      let found: { at: Candidate; by: number } | null = null;
      for (let j = 0; j < fit.length && found === null; j++) {
        const at = fit[(start + j) % fit.length] as Candidate;
        if (taken.has(at.index)) continue;
        if (kind !== 'move') {
          found = { at, by: 0 };
          continue;
        }
        const by = 3 + Math.floor(next() * 6);
        const span = Array.from({ length: by + 1 }, (_, d) => at.index + d);
        if (at.index + by >= doc.childCount - 1 || span.some((i) => taken.has(i))) continue;
        for (const i of span) taken.add(i);
        found = { at, by };
      }
      if (found === null) throw new RangeError(`the article has too few blocks for ${String(n)} edits of kind ${kind}`);
      taken.add(found.at.index);
      chosen.push({ kind, ...found });
    }
  }

  // In-block edits from the end backwards, so that no earlier position moves.
  const tr = new Transform(doc);
  const inBlock = chosen.filter((edit) => edit.kind !== 'move').sort((a, b) => b.at.index - a.at.index);
  for (const { kind, at } of inBlock) {
    if (kind === 'words' || kind === 'bold') {
      const run = at.runs[Math.floor(next() * at.runs.length)] as PlainRun;
      const words = Array.from(run.text.matchAll(/\b[a-z]{3,}\b/gu));
      const word = words[Math.floor(next() * words.length)] as RegExpMatchArray;
      const from = run.pos + (word.index ?? 0);
      const to = from + word[0].length;
      if (kind === 'bold') tr.addMark(from, to, schema.mark('strong'));
      else tr.replaceWith(from, to, schema.text(REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)] as string));
    } else if (kind === 'citation') {
      const citation = at.citations[Math.floor(next() * at.citations.length)] as Candidate['citations'][number];
      const others = sourceIds.filter((id) => id !== citation.source);
      tr.setNodeAttribute(citation.pos, 'source', others[Math.floor(next() * others.length)] as string);
    } else {
      // The first item's URL.
      const itemPos = at.offset + 1;
      tr.setNodeAttribute(itemPos, 'url', `${String(at.node.firstChild?.attrs.url ?? '')}-updated`);
    }
  }

  // Then the moves, on the list of top-level blocks: each paragraph goes after the block `by` further down.
  const moves = new Map(chosen.filter((edit) => edit.kind === 'move').map((edit) => [edit.at.index, edit.by]));
  const landing = new Map<number, number>();
  for (const [from, by] of moves) landing.set(from + by, from);
  const children: PMNode[] = [];
  tr.doc.forEach((node, _offset, index) => {
    if (!moves.has(index)) children.push(node);
    const moved = landing.get(index);
    if (moved !== undefined) children.push(tr.doc.child(moved));
  });
  const edited = schema.node('doc', doc.attrs, children);
  edited.check();
  const edits = chosen.map(({ kind, at }) => ({ kind, block: at.index + 1 })).sort((a, b) => a.block - b.block);
  return { draft: { meta: draft.meta, doc: edited }, edits };
}
