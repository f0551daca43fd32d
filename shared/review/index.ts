/**
 * The review index: every pending suggestion (its marks grouped by id) and every thread with
 * where its comment marks are, derived from the document in one walk. Nothing of it is stored.
 * The review panel, `copydesk inspect` and `copydesk check` read it.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { reviewDataOf } from './authors';
import { describeSuggestion, KEPT_TEXT, type Formatting, type NodePart, type SuggestionParts } from './describe';
import { isFormattingMark, SUGGESTION_MARKS, type ReviewIndex, type SuggestionEntry, type ThreadEntry } from './model';

const SUGGESTION_NAMES: ReadonlySet<string> = new Set(SUGGESTION_MARKS);
/** The node-level parts a suggestion keeps for its description (the first ones). */
const KEPT_NODES = 8;

interface Gathered {
  readonly id: string;
  readonly author: string;
  readonly at: string;
  readonly from: number;
  to: number;
  readonly parts: SuggestionParts;
  // The textblock the last inserted or deleted text was in: text of another one is spaced.
  insertedIn: PMNode | null;
  deletedIn: PMNode | null;
}

function formattingOf(marks: readonly Mark[]): Formatting {
  return marks.filter((mark) => isFormattingMark(mark.type.name)).map((mark) => mark.toJSON() as Formatting[number]);
}

function addText(entry: Gathered, which: 'inserted' | 'deleted', text: string, parent: PMNode | null): void {
  const parts = entry.parts;
  if (parts[which].length >= KEPT_TEXT) return;
  const last = which === 'inserted' ? entry.insertedIn : entry.deletedIn;
  const joined = parts[which] !== '' && last !== parent ? `${parts[which]} ${text}` : parts[which] + text;
  parts[which] = joined.slice(0, KEPT_TEXT);
  if (which === 'inserted') entry.insertedIn = parent;
  else entry.deletedIn = parent;
}

function gather(entry: Gathered, mark: Mark, node: PMNode, parent: PMNode | null): void {
  const name = mark.type.name;
  if (node.isText || node.type.name === 'hard_break') {
    const text = node.text ?? ' ';
    if (name === 'insertion') addText(entry, 'inserted', text, parent);
    else if (name === 'deletion') addText(entry, 'deleted', text, parent);
    else if (name === 'format_change' && !entry.parts.format) entry.parts.format = { before: mark.attrs.before as Formatting, after: formattingOf(node.marks) };
    return;
  }
  if (entry.parts.nodes.length >= KEPT_NODES || name === 'format_change') return;
  const part: NodePart = {
    mark: name as NodePart['mark'],
    type: node.type.name,
    attrs: node.attrs,
    ...(name === 'attr_change' ? { before: mark.attrs.before as Record<string, unknown> } : {}),
  };
  entry.parts.nodes.push(part);
}

/** Indexes `doc`'s suggestions and threads, in document order, in one walk. */
export function indexReview(doc: PMNode): ReviewIndex {
  const data = reviewDataOf(doc);
  const suggestions = new Map<string, Gathered>();
  const anchors = new Map<string, { from: number; to: number }>();
  const sourceNames = new Map<string, string>();
  const sourceType = doc.type.schema.nodes.source;
  const commentType = doc.type.schema.marks.comment;

  doc.descendants((node, pos, parent) => {
    if (node.type === sourceType) {
      const attrs = node.attrs as Record<string, string>;
      const id = attrs.id ?? '';
      if (!sourceNames.has(id)) sourceNames.set(id, attrs.outlet?.trim() || attrs.title?.trim() || id);
    }
    const marks = node.marks;
    for (let i = 0; i < marks.length; i++) {
      const mark = marks[i] as Mark;
      const end = pos + node.nodeSize;
      if (mark.type === commentType) {
        const thread = mark.attrs.thread as string;
        const anchor = anchors.get(thread);
        if (anchor) anchor.to = Math.max(anchor.to, end);
        else anchors.set(thread, { from: pos, to: end });
      } else if (SUGGESTION_NAMES.has(mark.type.name)) {
        const id = mark.attrs.id as string;
        let entry = suggestions.get(id);
        if (entry) entry.to = Math.max(entry.to, end);
        else {
          entry = {
            id,
            author: mark.attrs.author as string,
            at: mark.attrs.at as string,
            from: pos,
            to: end,
            parts: { inserted: '', deleted: '', nodes: [], format: null },
            insertedIn: null,
            deletedIn: null,
          };
          suggestions.set(id, entry);
        }
        gather(entry, mark, node, parent);
      }
    }
    return true;
  });

  const sourceName = (id: string): string => sourceNames.get(id) ?? id;
  const suggestionEntries: SuggestionEntry[] = [];
  for (const entry of suggestions.values()) {
    const { kind, description } = describeSuggestion(entry.parts, sourceName);
    suggestionEntries.push({ id: entry.id, author: entry.author, at: entry.at, kind, from: entry.from, to: entry.to, description });
  }

  const threads: ThreadEntry[] = [];
  const byId = new Map(data.threads.map((thread) => [thread.id, thread]));
  // Anchored threads in document order of their first mark (the walk's order), then detached ones.
  for (const [id, anchor] of anchors) {
    const thread = byId.get(id);
    if (thread) threads.push({ thread, from: anchor.from, to: anchor.to, detached: false });
  }
  for (const thread of data.threads) if (!anchors.has(thread.id)) threads.push({ thread, from: null, to: null, detached: true });

  return { suggestions: suggestionEntries, threads, authors: data.authors };
}
