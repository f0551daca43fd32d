/**
 * The footnote index the editor keeps up to date as the reporter types: source numbers by order
 * of first citation, citation counts, uncited sources and citations of missing sources; the
 * same figures as `shared/footnotes.ts` `indexFootnotes`, which walks the whole document.
 *
 * Cost per transaction (measured in tests/unit/editor-scale.test.ts):
 * - Steps whose changed ranges (old and new) hold no citation, such as typing, cost O(size of
 *   the change): the ranges are scanned for citations and the step's map is queued. Citation
 *   positions are not mapped on each key: they are mapped through the queued maps only when
 *   someone asks for them (`citations()`), or when 64 maps are queued.
 * - Steps that insert, delete, move or re-point citations splice the ordered citation list
 *   (O(citations + size of the change)) and renumber from it (O(citations)); never a walk of
 *   the document.
 * - A changed `sources` node (the document's last child; it is the same object as long as no
 *   source changes) rebuilds the source list (O(sources)).
 * - Only a step of a kind this code does not know makes it walk the whole document.
 * `recomputes` counts rebuilds of the derived index, so that tests can check that typing causes none.
 *
 * Under review the numbers are those of the text as it would read with every suggestion accepted
 * (as `indexFootnotes` counts): a citation a suggestion deletes (its own deletion mark or a
 * deleted block around it) stays in the list, flagged, but neither numbers nor counts. Adding or
 * removing a deletion mark over a citation re-flags the citations in that range (O(citations));
 * other mark steps cost nothing, as before.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { AttrStep, ReplaceAroundStep, ReplaceStep, AddMarkStep, RemoveMarkStep, AddNodeMarkStep, RemoveNodeMarkStep, DocAttrStep, type StepMap, type Transform } from 'prosemirror-transform';
import { findSources, sourcesSection } from '../../shared/article';
import { indexFootnotes } from '../../shared/footnotes';
import { hasDeletion } from '../../shared/review/accepted';

/** One source of the document with what is derived from it. */
export interface SourceInfo {
  readonly id: string;
  /** The `source` node (its attributes are the source's fields). */
  readonly node: PMNode;
  /** Offset of the node inside the `sources` section's content. */
  readonly offset: number;
  /** Number by order of first citation; `null` when nothing cites it. */
  readonly number: number | null;
  /** How many citations name it. */
  readonly citations: number;
}

/** One citation: the source id it names and its position in the document. */
export interface CitationAt {
  readonly source: string;
  readonly pos: number;
  /** A suggestion deletes it (absent when not). */
  readonly deleted?: true;
}

/**
 * The citation list holds a deleted citation's id behind this prefix (a character no id has), so
 * that a change of its flag is a change of the list, and renumbering skips it.
 */
const GONE = '\u0000';

function entryOf(id: string, deleted: boolean): string {
  return deleted ? GONE + id : id;
}

function sourceOfEntry(entry: string): string {
  return entry.startsWith(GONE) ? entry.slice(1) : entry;
}

/** Whether a suggestion deletes the citation at `pos` of `doc`: its own mark, or a deleted block around it. */
function isDeletedAt(doc: PMNode, pos: number): boolean {
  const node = doc.nodeAt(pos);
  if (node && hasDeletion(node.marks)) return true;
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) if (hasDeletion($pos.node(depth).marks)) return true;
  return false;
}

/** Maps queued before positions are brought up to date anyway. */
const MAX_PENDING = 64;

function mapPositions(positions: readonly number[], maps: readonly StepMap[]): number[] {
  return positions.map((pos) => maps.reduce((p, map) => map.map(p, 1), pos));
}

function isCitation(node: PMNode): boolean {
  return node.type.name === 'citation';
}

/** Calls `found` for each citation wholly inside `[from, to)` of `doc`; stops when it returns true. */
function scanCitations(doc: PMNode, from: number, to: number, found: (pos: number, id: string) => boolean | void): void {
  if (from >= to) return;
  let stop = false;
  doc.nodesBetween(from, to, (node, pos) => {
    if (stop) return false;
    if (isCitation(node)) {
      if (pos >= from && pos < to && found(pos, node.attrs.source as string) === true) stop = true;
      return false;
    }
    return node.type.name !== 'sources';
  });
}

function hasCitation(doc: PMNode, from: number, to: number): boolean {
  let any = false;
  scanCitations(doc, from, to, () => (any = true));
  return any;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((id, i) => id === b[i]));
}

/** Numbers and counts from the citations' ids in document order. */
function number(ids: readonly string[]): { numbers: Map<string, number>; counts: Map<string, number> } {
  const numbers = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const id of ids) {
    if (id.startsWith(GONE)) continue;
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return { numbers, counts };
}

/** Everything derived from the citations' order and the sources; shared by states while unchanged. */
interface Derived {
  readonly numbers: ReadonlyMap<string, number>;
  readonly counts: ReadonlyMap<string, number>;
  readonly sourcesNode: PMNode;
  readonly sources: readonly SourceInfo[];
  readonly byId: ReadonlyMap<string, SourceInfo>;
  readonly ordered: readonly SourceInfo[];
  readonly uncited: readonly string[];
  readonly missing: readonly string[];
}

function deriveFrom(ids: readonly string[], doc: PMNode): Derived {
  const { numbers, counts } = number(ids);
  const sourcesNode = sourcesSection(doc).node;
  const sources: SourceInfo[] = [];
  const byId = new Map<string, SourceInfo>();
  sourcesNode.forEach((node, offset) => {
    const id = node.attrs.id as string;
    const info = { id, node, offset, number: numbers.get(id) ?? null, citations: counts.get(id) ?? 0 };
    sources.push(info);
    if (!byId.has(id)) byId.set(id, info);
  });
  return {
    numbers,
    counts,
    sourcesNode,
    sources,
    byId,
    ordered: [...sources].sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity)),
    uncited: sources.filter((info) => info.citations === 0).map((info) => info.id),
    missing: [...numbers.keys()].filter((id) => !byId.has(id)),
  };
}

/** The footnote index of one editor state (immutable; `apply` makes the next one). */
export class FootnoteState {
  private mapped: readonly number[] | null;

  private constructor(
    /** Source ids of the citations, in document order. */
    private readonly ids: readonly string[],
    private readonly positions: readonly number[],
    private readonly pending: readonly StepMap[],
    private readonly derived: Derived,
    /** Renumberings so far in this editor's life (a test hook: typing must not add any). */
    readonly recomputes: number,
  ) {
    this.mapped = pending.length === 0 ? positions : null;
  }

  /** Number of each cited id (ids with no source too), by order of first citation. */
  get numbers(): ReadonlyMap<string, number> {
    return this.derived.numbers;
  }
  /** Citations per cited id. */
  get counts(): ReadonlyMap<string, number> {
    return this.derived.counts;
  }
  /** The document's `sources` section this index was built from. */
  get sourcesNode(): PMNode {
    return this.derived.sourcesNode;
  }
  /** Sources in document order. */
  get sources(): readonly SourceInfo[] {
    return this.derived.sources;
  }
  /** Source entries by id (the first, where an id is duplicated). */
  get byId(): ReadonlyMap<string, SourceInfo> {
    return this.derived.byId;
  }
  /** Sources in number order: cited ones by first citation, then uncited ones in document order. */
  get ordered(): readonly SourceInfo[] {
    return this.derived.ordered;
  }
  /** Ids of sources that nothing cites (flagged, never deleted by the editor). */
  get uncited(): readonly string[] {
    return this.derived.uncited;
  }
  /** Cited ids that no source has. */
  get missing(): readonly string[] {
    return this.derived.missing;
  }
  /** True when this index and `other` derive the same numbers and sources (no redraw needed). */
  sameAs(other: FootnoteState): boolean {
    return this.derived === other.derived;
  }

  /** Builds the index of `doc` with one walk (on opening a document). */
  static create(doc: PMNode, recomputes = 0): FootnoteState {
    const index = indexFootnotes(doc);
    const ids = index.citations.map((c) => entryOf(c.source, c.deleted === true));
    return new FootnoteState(ids, index.citations.map((c) => c.pos), [], deriveFrom(ids, doc), recomputes);
  }

  /** Number shown for citations of `id` (`null` when nothing cites it). */
  numberOf(id: string): number | null {
    return this.numbers.get(id) ?? null;
  }

  /** Citations in document order with their current positions (mapped on demand). */
  citations(): CitationAt[] {
    this.mapped ??= mapPositions(this.positions, this.pending);
    const mapped = this.mapped;
    return this.ids.map((entry, i) => (entry.startsWith(GONE) ? { source: entry.slice(1), pos: mapped[i] as number, deleted: true } : { source: entry, pos: mapped[i] as number }));
  }

  /** Position in `doc` (the document of this state) of the source with `id`, if any. */
  sourcePos(doc: PMNode, id: string): number | null {
    const info = this.byId.get(id);
    return info ? sourcesSection(doc).pos + 1 + info.offset : null;
  }

  /** The index after `tr` (whose starting document is the one this index describes). */
  apply(tr: Transform): FootnoteState {
    if (!tr.docChanged) return this;
    let ids = this.ids;
    let positions = this.positions;
    let pending = this.pending;
    let spliced = false;
    let unknown = false;
    tr.steps.forEach((step, i) => {
      const before = tr.docs[i] as PMNode;
      const after = tr.docs[i + 1] ?? tr.doc;
      const map = step.getMap();
      if (step instanceof AttrStep) {
        const node = before.nodeAt(step.pos);
        if (node && isCitation(node) && step.attr === 'source') {
          positions = mapPositions(positions, pending);
          pending = [];
          const at = positions.indexOf(step.pos);
          if (at >= 0) ids = ids.map((id, j) => (j === at ? entryOf(step.value as string, id.startsWith(GONE)) : id));
          spliced = true;
        }
        return;
      }
      if (step instanceof AddMarkStep || step instanceof RemoveMarkStep || step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep || step instanceof DocAttrStep) {
        // Marks and document attributes never move, add or remove citations; a deletion mark
        // (a suggestion, or deciding one) changes whether those it covers count.
        if (step instanceof DocAttrStep || step.mark.type.name !== 'deletion') return;
        let from: number;
        let to: number;
        if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
          from = step.from;
          to = step.to;
        } else {
          from = step.pos;
          to = step.pos + (after.nodeAt(step.pos)?.nodeSize ?? 1);
        }
        if (!hasCitation(after, from, to)) return;
        positions = mapPositions(positions, pending);
        pending = [];
        ids = reflag(ids, positions, after, from, to);
        spliced = true;
        return;
      }
      if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) {
        unknown = true;
        return;
      }
      const ranges: [number, number, number, number][] = [];
      map.forEach((oldStart, oldEnd, newStart, newEnd) => {
        ranges.push([oldStart, oldEnd, newStart, newEnd]);
      });
      const touched = ranges.some(([os, oe, ns, ne]) => hasCitation(before, os, oe) || hasCitation(after, ns, ne)) || (step instanceof ReplaceAroundStep && deletionChanged(before, after, step, map));
      if (!touched) {
        pending = [...pending, map];
        return;
      }
      positions = mapPositions(positions, pending);
      pending = [];
      ({ ids, positions } = splice(ids, positions, ranges, map, after));
      spliced = true;
      // A wrapper replaced around content (setNodeMarkup) may gain or lose a deletion mark.
      if (step instanceof ReplaceAroundStep) ids = reflag(ids, positions, after, map.map(step.from, 1), map.map(step.to, -1));
    });
    if (unknown) return FootnoteState.create(tr.doc, this.recomputes + 1);
    if (pending.length > MAX_PENDING) {
      positions = mapPositions(positions, pending);
      pending = [];
    }
    const reorder = spliced && !sameIds(ids, this.ids);
    const derived = reorder || findSources(tr.doc)?.node !== this.sourcesNode ? deriveFrom(ids, tr.doc) : this.derived;
    const recomputes = this.recomputes + (derived === this.derived ? 0 : 1);
    return new FootnoteState(ids, positions, pending, derived, recomputes);
  }
}

/** `ids` with the deleted flag of the citations at `positions` inside `[from, to)` of `doc` read again. */
function reflag(ids: readonly string[], positions: readonly number[], doc: PMNode, from: number, to: number): readonly string[] {
  return ids.map((entry, j) => {
    const pos = positions[j] as number;
    return pos >= from && pos < to ? entryOf(sourceOfEntry(entry), isDeletedAt(doc, pos)) : entry;
  });
}

/** Whether a `ReplaceAroundStep` gave or took a deletion mark to the node it rewraps. */
function deletionChanged(before: PMNode, after: PMNode, step: ReplaceAroundStep, map: StepMap): boolean {
  const old = before.nodeAt(step.from);
  const now = after.nodeAt(map.map(step.from, 1));
  return !!old && !!now && hasDeletion(old.marks) !== hasDeletion(now.marks) && hasCitation(after, map.map(step.from, 1), map.map(step.to, -1));
}

/**
 * Replaces the citations inside one step's changed ranges: those in the old ranges go, those
 * found in the new ranges come in, and the rest are mapped through the step.
 */
function splice(
  ids: readonly string[],
  positions: readonly number[],
  ranges: readonly [number, number, number, number][],
  map: StepMap,
  after: PMNode,
): { ids: string[]; positions: number[] } {
  const outIds: string[] = [];
  const outPos: number[] = [];
  let j = 0;
  for (const [oldStart, oldEnd, newStart, newEnd] of ranges) {
    for (; j < positions.length && (positions[j] as number) < oldStart; j++) {
      outIds.push(ids[j] as string);
      outPos.push(map.map(positions[j] as number, 1));
    }
    while (j < positions.length && (positions[j] as number) < oldEnd) j++;
    scanCitations(after, newStart, newEnd, (pos, id) => {
      outIds.push(entryOf(id, isDeletedAt(after, pos)));
      outPos.push(pos);
    });
  }
  for (; j < positions.length; j++) {
    outIds.push(ids[j] as string);
    outPos.push(map.map(positions[j] as number, 1));
  }
  return { ids: outIds, positions: outPos };
}

/**
 * Source ids whose displayed number or source changed between two indexes (the citation and
 * source views of those ids are the only ones to redraw). O(cited ids + sources).
 */
export function changedSources(before: FootnoteState, after: FootnoteState): Set<string> {
  const changed = new Set<string>();
  if (before.sameAs(after)) return changed;
  for (const [id, n] of after.numbers) if (before.numbers.get(id) !== n) changed.add(id);
  for (const id of before.numbers.keys()) if (!after.numbers.has(id)) changed.add(id);
  if (before.sourcesNode !== after.sourcesNode || before.sources !== after.sources) {
    for (const [id, info] of after.byId) {
      const old = before.byId.get(id);
      if (!old || old.node !== info.node || old.citations !== info.citations) changed.add(id);
    }
    for (const id of before.byId.keys()) if (!after.byId.has(id)) changed.add(id);
  }
  return changed;
}
