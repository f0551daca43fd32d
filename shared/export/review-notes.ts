/**
 * What the review exports (`--review`, "Include suggestions and comments") say about a
 * suggestion or a thread, in words: who, when, what formatting or which fields changed. Shared by
 * the HTML and the Markdown writers; pure.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { authorName, reviewDataOf } from '../review/authors';
import { describeSuggestion, type Formatting } from '../review/describe';
import { isFormattingMark, type ReviewData, type Thread } from '../review/model';

/** The review data of a document as the writers read it. */
export class ReviewNotes {
  private readonly data: ReviewData;
  private readonly threads = new Map<string, Thread>();

  constructor(doc: PMNode) {
    this.data = reviewDataOf(doc);
    for (const thread of this.data.threads) this.threads.set(thread.id, thread);
  }

  /** An author's name from the draft's table, or "Unknown reviewer". */
  name(authorId: string): string {
    return authorName(this.data.authors, authorId);
  }

  /** The thread of id `id`, if the draft has it. */
  thread(id: string): Thread | undefined {
    return this.threads.get(id);
  }

  /** Every thread, in the order they were opened. */
  allThreads(): readonly Thread[] {
    return this.data.threads;
  }

  /** "Ana Ruiz, 2026-05-01 10:00 UTC": who made suggestion `mark`, and when. */
  stamp(mark: Mark): string {
    return `${this.name(mark.attrs.author as string)}, ${readableTime(mark.attrs.at as string)}`;
  }
}

/** An ISO time as "2026-05-01 10:00 UTC" (the same on every desk), or as it is when unreadable. */
export function readableTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}


/** "Formatted: bold": what a `format_change` on `node` changed, in the review panel's words (describe.ts). */
export function formatChangeWords(mark: Mark, node: PMNode): string {
  const after: Formatting = node.marks.filter((m) => isFormattingMark(m.type.name)).map((m) => m.toJSON() as Formatting[number]);
  return describeSuggestion({ inserted: '', deleted: '', nodes: [], format: { before: mark.attrs.before as Formatting, after } }, (id) => id).description;
}

function quoted(value: unknown): string {
  if (value === null || value === '') return 'empty';
  const text = String(value).replace(/\s+/gu, ' ').trim();
  return `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;
}

/**
 * "Changed source: Reuters → CFR", "Changed figure: credit “A” → “B”": what an `attr_change`
 * on `node` changed, in the review panel's words (describe.ts) with the values before and after,
 * which a reader of an export cannot see otherwise. `sourceName` names a source by id.
 */
export function attrChangeWords(mark: Mark, node: PMNode, sourceName: (id: string) => string): string {
  const before = mark.attrs.before as Record<string, unknown>;
  const words = describeSuggestion({ inserted: '', deleted: '', nodes: [{ mark: 'attr_change', type: node.type.name, attrs: node.attrs, before }], format: null }, sourceName).description;
  if (node.type.name === 'citation') return words;
  // "Changed figure: credit" → "Changed figure: credit “Reuters” → “AFP”".
  const colon = words.indexOf(': ');
  const values = Object.entries(before).map(([key, old]) => `${key} ${quoted(old)} → ${quoted(node.attrs[key])}`);
  return colon < 0 || !values.length ? words : `${words.slice(0, colon + 2)}${values.join(', ')}`;
}

/** Names a source as the review panel does (shared/review/index.ts): its outlet, else its title, else its id. */
export function sourceNamer(byId: ReadonlyMap<string, { readonly node: PMNode }>): (id: string) => string {
  return (id) => {
    const attrs = byId.get(id)?.node.attrs as { outlet?: string; title?: string } | undefined;
    return attrs?.outlet?.trim() || attrs?.title?.trim() || id;
  };
}

/** The threads whose comment marks end in each textblock, by thread id → the last textblock holding one. */
export function lastBlockOfThreads(doc: PMNode): Map<PMNode, string[]> {
  const last = new Map<string, PMNode>();
  doc.descendants((node, _pos, parent) => {
    if (!node.isInline || !parent) return true;
    for (const mark of node.marks) if (mark.type.name === 'comment') last.set(mark.attrs.thread as string, parent);
    return false;
  });
  const byBlock = new Map<PMNode, string[]>();
  for (const [thread, block] of last) {
    const list = byBlock.get(block);
    if (list) list.push(thread);
    else byBlock.set(block, [thread]);
  }
  return byBlock;
}
