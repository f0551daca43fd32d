/**
 * TEMPORARY stand-in for helper B's index (issue 12): every pending suggestion and every thread
 * of a document, in document order. The lead replaces this file with B's at merge.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { reviewDataOf } from './authors';
import type { ReviewIndex, SuggestionEntry, SuggestionKind, ThreadEntry } from './model';

const KINDS: Readonly<Record<string, SuggestionKind>> = {
  insertion: 'insertion',
  deletion: 'deletion',
  format_change: 'format',
  attr_change: 'attributes',
  split: 'split',
  join: 'join',
};

interface Building {
  id: string;
  author: string;
  at: string;
  names: Set<string>;
  from: number;
  to: number;
  inserted: string;
  deleted: string;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function describe(b: Building): { kind: SuggestionKind; description: string } {
  if (b.names.has('insertion') && b.names.has('deletion')) return { kind: 'replacement', description: `Replaced: “${clip(b.deleted)}” → “${clip(b.inserted)}”` };
  if (b.names.has('insertion')) return { kind: 'insertion', description: `Inserted: “${clip(b.inserted)}”` };
  if (b.names.has('deletion')) return { kind: 'deletion', description: `Deleted: “${clip(b.deleted)}”` };
  const first = [...b.names][0] ?? 'insertion';
  const kind = KINDS[first] ?? 'insertion';
  const label: Record<SuggestionKind, string> = { insertion: 'Inserted', deletion: 'Deleted', replacement: 'Replaced', format: 'Formatted', attributes: 'Changed', split: 'Split the paragraph', join: 'Joined the paragraphs' };
  return { kind, description: label[kind] };
}

/** The review index of `doc` (stand-in). */
export function indexReview(doc: PMNode): ReviewIndex {
  const suggestions = new Map<string, Building>();
  const ranges = new Map<string, { from: number; to: number }>();
  doc.descendants((node, pos) => {
    for (const mark of node.marks as readonly Mark[]) {
      const name = mark.type.name;
      if (name === 'comment') {
        const id = mark.attrs.thread as string;
        const r = ranges.get(id);
        if (r) r.to = pos + node.nodeSize;
        else ranges.set(id, { from: pos, to: pos + node.nodeSize });
        continue;
      }
      if (!(name in KINDS)) continue;
      const id = mark.attrs.id as string;
      let b = suggestions.get(id);
      if (!b) {
        b = { id, author: mark.attrs.author as string, at: mark.attrs.at as string, names: new Set(), from: pos, to: pos, inserted: '', deleted: '' };
        suggestions.set(id, b);
      }
      b.names.add(name);
      b.to = pos + node.nodeSize;
      const text = node.isText ? (node.text ?? '') : node.textContent;
      if (name === 'insertion') b.inserted += text;
      if (name === 'deletion') b.deleted += text;
    }
    return true;
  });
  const list: SuggestionEntry[] = [...suggestions.values()].map((b) => ({ id: b.id, author: b.author, at: b.at, from: b.from, to: b.to, ...describe(b) }));
  list.sort((a, b) => a.from - b.from);
  const data = reviewDataOf(doc);
  const threads: ThreadEntry[] = data.threads.map((thread) => {
    const r = ranges.get(thread.id);
    return r ? { thread, from: r.from, to: r.to, detached: false } : { thread, from: null, to: null, detached: true };
  });
  threads.sort((a, b) => (a.from ?? Infinity) - (b.from ?? Infinity));
  return { suggestions: list, threads, authors: data.authors };
}
