/**
 * The state one comparison carries while it builds its document: who the changes are by, the
 * suggestion ids it hands out (one per change), the changes found so far with the block they are
 * in, and how each version numbers and names its sources.
 */
import type { Mark, Node as PMNode, Schema } from 'prosemirror-model';
import { indexFootnotes, type FootnoteIndex } from '../footnotes';
import { describeSuggestion, type NodePart, type SuggestionParts } from '../review/describe';
import type { SuggestionMarkName } from '../review/model';
import type { CoarseBlock, CompareChangeKind } from './types';

/** A change while the comparison is being built (its place is found once the document is). */
export interface PendingChange {
  readonly id: string;
  kind: CompareChangeKind;
  description: string;
  readonly block: { readonly old: number | null; readonly new: number | null };
  deleted: string;
  inserted: string;
  /** A moved block: its place is where it is inserted. */
  readonly moved?: true;
}

/** Which version a node comes from. */
export type Side = 'old' | 'new';

/** How many characters of deleted or inserted text a change keeps. */
const KEPT_CHANGE_TEXT = 2_000;

/** One comparison's state (compare.ts makes one per call). */
export class CompareContext {
  readonly changes: PendingChange[] = [];
  readonly coarse: CoarseBlock[] = [];
  /** The top-level block being compared, from 1, in each version. */
  block: { old: number | null; new: number | null } = { old: null, new: null };
  /** Inside a figure or a "Read also" block: the kind every change there has. */
  kindOverride: CompareChangeKind | null = null;
  readonly schema: Schema;
  private readonly notes: Readonly<Record<Side, FootnoteIndex>>;
  private next = 1;

  constructor(
    oldDoc: PMNode,
    newDoc: PMNode,
    private readonly author: string,
    private readonly at: string,
    private readonly prefix: string,
  ) {
    this.schema = newDoc.type.schema;
    this.notes = { old: indexFootnotes(oldDoc), new: indexFootnotes(newDoc) };
  }

  /** Records a new change in the current block and returns it (its id stamps its marks). */
  change(kind: CompareChangeKind, description = '', extra: { moved?: true; block?: PendingChange['block'] } = {}): PendingChange {
    const change: PendingChange = {
      id: `${this.prefix}${String(this.next++)}`,
      kind: this.kindOverride ?? kind,
      description,
      block: extra.block ?? { ...this.block },
      deleted: '',
      inserted: '',
      ...(extra.moved ? { moved: true as const } : {}),
    };
    this.changes.push(change);
    return change;
  }

  /** A suggestion mark of `change`, stamped with the comparison's author and time. */
  mark(name: SuggestionMarkName, change: PendingChange, extra: Record<string, unknown> = {}): Mark {
    return this.schema.marks[name]!.create({ id: change.id, author: this.author, at: this.at, ...extra });
  }

  /** `node` with a node mark of `change` (a whole block or atom inserted, deleted, changed…). */
  markNode(node: PMNode, name: SuggestionMarkName, change: PendingChange, extra: Record<string, unknown> = {}): PMNode {
    return node.mark(this.mark(name, change, extra).addToSet(node.marks));
  }

  /** Source `id` named for a person in version `side`: its outlet, else its title, else its id. */
  sourceName(id: string, side: Side): string {
    const attrs = this.notes[side].byId.get(id)?.node.attrs as Record<string, string> | undefined;
    return attrs?.outlet?.trim() || attrs?.title?.trim() || id;
  }

  /** A citation of `id` as the reader sees it in version `side`: "[2]" ("[?]" when it has no number). */
  citationLabel(id: string, side: Side): string {
    const number = this.notes[side].numbers.get(id);
    return `[${number === undefined ? '?' : String(number)}]`;
  }

  /** Says a change the way the review panel says a suggestion (describe.ts). */
  describe(parts: Partial<SuggestionParts>, side: Side = 'new'): string {
    const full: SuggestionParts = { inserted: '', deleted: '', nodes: [], format: null, ...parts };
    return describeSuggestion(full, (id) => this.sourceName(id, side)).description;
  }

  /** Says a node-level change: "Inserted paragraph", "Changed “Read also” item: url". */
  describeNode(part: NodePart, side: Side = 'new'): string {
    return this.describe({ nodes: [part] }, side);
  }
}

/** Adds `text` to what a change deletes or inserts (kept short). */
export function addText(change: PendingChange, which: 'deleted' | 'inserted', text: string): void {
  if (change[which].length < KEPT_CHANGE_TEXT) change[which] = (change[which] + text).slice(0, KEPT_CHANGE_TEXT);
}
