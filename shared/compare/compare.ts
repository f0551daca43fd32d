/**
 * `compareDocs`: the comparison of two versions of an article (types.ts says what it gives).
 *
 * Both versions are compared as they read with every suggestion accepted, without comments. The
 * headline, the standfirst and the sources are compared with their counterparts; the body's
 * blocks are aligned first (align.ts), so that unchanged blocks cost a fingerprint each and only
 * changed blocks are compared word by word (inline.ts). Every change is one suggestion (one id)
 * in the comparison's document, by the newer version's author.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { bodyBlocks, headlineOf, sourcesSection, standfirstOf } from '../article';
import type { Reviewer } from '../review/model';
import { finalDoc, hasReview, isSuggestionMark } from '../review/resolve';
import { compareBlockList, comparePair } from './blocks';
import { CompareContext, type PendingChange } from './context';
import { compareSources } from './fields';
import type { CompareChange, CompareChangeKind, Comparison } from './types';

/** Who the comparison's changes are by when no author is given. */
export const NEWER_VERSION: Reviewer = { id: 'newer-version', name: 'Newer version', initials: 'NV' };

/** What `compareDocs` may be told. */
export interface CompareOptions {
  /** The author of the changes (the newer version's author); default "Newer version". */
  readonly author?: Reviewer;
  /** The time the changes are stamped with; default now. */
  readonly at?: Date;
  /** The prefix of the suggestion ids the changes get (default "cmp"): the merge takes fresh ones. */
  readonly idPrefix?: string;
}

/** How many suggestions `doc` holds (distinct ids). */
export function countSuggestions(doc: PMNode): number {
  if (!hasReview(doc)) return 0;
  const ids = new Set<string>();
  doc.descendants((node) => {
    for (const mark of node.marks) if (isSuggestionMark(mark)) ids.add(mark.attrs.id as string);
    return true;
  });
  return ids.size;
}

/** Compares `oldDoc` with `newDoc`: the newer version with the changes marked, and the list of changes. */
export function compareDocs(oldDoc: PMNode, newDoc: PMNode, options: CompareOptions = {}): Comparison {
  const author = options.author ?? NEWER_VERSION;
  const at = (options.at ?? new Date()).toISOString();
  const before = finalDoc(oldDoc);
  const after = finalDoc(newDoc);
  const ctx = new CompareContext(before, after, author.id, at, options.idPrefix ?? 'cmp');

  const blocks: PMNode[] = [];
  // Headline and standfirst (blocks 1 and 2), the body, then the sources.
  [headlineOf, standfirstOf].forEach((part, i) => {
    ctx.block = { old: i + 1, new: i + 1 };
    blocks.push(...comparePair(part(before), part(after), ctx));
  });
  const oldSources = sourcesSection(before);
  const newSources = sourcesSection(after);
  blocks.push(...compareBlockList(bodyBlocks(before), bodyBlocks(after), ctx, { oldBase: 2, newBase: 2 }));
  ctx.block = { old: oldSources.index + 1, new: newSources.index + 1 };
  blocks.push(compareSources(oldSources.node, newSources.node, ctx));

  const review = { authors: { [author.id]: { name: author.name, initials: author.initials } }, threads: [] };
  const doc = after.type.create({ ...after.attrs, review }, blocks, after.marks);
  const changes = place(doc, after, ctx.changes);
  const byKind: Partial<Record<CompareChangeKind, number>> = {};
  for (const change of changes) byKind[change.kind] = (byKind[change.kind] ?? 0) + 1;
  return {
    doc,
    changes,
    summary: { total: changes.length, byKind },
    coarse: ctx.coarse,
    pending: { old: countSuggestions(oldDoc), new: countSuggestions(newDoc) },
  };
}

/** The changes with where their marks are in `doc`, in document order. */
function place(doc: PMNode, after: PMNode, pending: readonly PendingChange[]): CompareChange[] {
  const byId = new Map<string, { change: PendingChange; from: number; to: number }>();
  for (const change of pending) byId.set(change.id, { change, from: -1, to: -1 });
  if (pending.length) {
    // Only the blocks the comparison made are walked: unchanged ones are the newer version's own nodes.
    let pos = 0;
    const unchanged = new Set<PMNode>();
    after.forEach((child) => unchanged.add(child));
    doc.forEach((block) => {
      if (!unchanged.has(block)) {
        const visit = (node: PMNode, at: number) => {
          for (const mark of node.marks) {
            if (!isSuggestionMark(mark)) continue;
            const found = byId.get(mark.attrs.id as string);
            if (!found) continue;
            if (found.change.moved && mark.type.name !== 'insertion') continue;
            if (found.from < 0) found.from = at;
            found.to = Math.max(found.to, at + node.nodeSize);
          }
        };
        visit(block, pos);
        block.descendants((node, at) => {
          visit(node, pos + 1 + at);
          return true;
        });
      }
      pos += block.nodeSize;
    });
  }
  const placed: CompareChange[] = [];
  for (const { change, from, to } of byId.values()) {
    placed.push({ kind: change.kind, description: change.description, block: change.block, from: Math.max(0, from), to: Math.max(0, to), deleted: change.deleted, inserted: change.inserted });
  }
  return placed.sort((a, b) => a.from - b.from || a.to - b.to);
}
