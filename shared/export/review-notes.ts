/**
 * What the review exports (`--review`, "Include suggestions and comments") say about a
 * suggestion or a thread, in words: who, when, what formatting or which fields changed. Shared by
 * the HTML and the Markdown writers; pure.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { reviewDataOf } from '../review/authors';
import type { ReviewData, Thread } from '../review/model';

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
    return this.data.authors[authorId]?.name ?? 'Unknown reviewer';
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

const FORMAT_NAMES: Readonly<Record<string, string>> = { strong: 'bold', em: 'italic', link: 'link' };

function formattingWords(marks: readonly { type: string; attrs?: Record<string, string> }[]): string {
  const words = marks.map((mark) => (mark.type === 'link' && mark.attrs?.href ? `link to ${mark.attrs.href}` : (FORMAT_NAMES[mark.type] ?? mark.type)));
  return words.length ? words.join(', ') : 'plain';
}

/** "formatted: bold (was: plain)": what a `format_change` on `node` changed. */
export function formatChangeWords(mark: Mark, node: PMNode): string {
  const now = node.marks.filter((m) => m.type.name in FORMAT_NAMES).map((m) => m.toJSON() as { type: string; attrs?: Record<string, string> });
  return `formatted: ${formattingWords(now)} (was: ${formattingWords(mark.attrs.before as { type: string; attrs?: Record<string, string> }[])})`;
}

function quoted(value: unknown): string {
  if (value === null || value === '') return 'empty';
  const text = String(value).replace(/\s+/gu, ' ').trim();
  return `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;
}

/**
 * "changed the source (was: “Reuters”)", "changed caption credit: “A” → “B”": what an
 * `attr_change` on `node` changed. `sourceName` names a source by id (for citations).
 */
export function attrChangeWords(mark: Mark, node: PMNode, sourceName: (id: string) => string): string {
  const before = mark.attrs.before as Record<string, unknown>;
  const parts = Object.entries(before).map(([key, old]) => {
    if (node.type.name === 'citation' && key === 'source') return `changed the source: ${quoted(sourceName(String(old)))} → ${quoted(sourceName(node.attrs.source as string))}`;
    return `changed ${key}: ${quoted(old)} → ${quoted(node.attrs[key])}`;
  });
  return parts.join('; ') || 'changed';
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
