/**
 * The Word file's tracked changes and comments as the draft's review (shared/review/model.ts):
 * the markers left in the draft's text (markers.ts, placed by prepare.ts) become marks, and are
 * taken out.
 * - A tracked insertion or deletion becomes an `insertion` / `deletion` suggestion (one per Word
 *   change), stamped with its author and date; deleted text stays in the draft, marked, until the
 *   deletion is accepted, as the review model wants.
 * - A comment becomes a thread anchored by `comment` marks on its range; its replies
 *   (commentsExtended.xml) are the thread's later messages; a comment marked done is resolved
 *   (Word records no one as resolving it: the thread's last message's author and time stand in).
 * - Authors get stable ids from their names (`word-<name>`), so a file imported twice names its
 *   reviewers alike; their initials are Word's (`w:initials`) or derived from the name.
 * Markers in attributes (a source's fields, a "Read also" item, a figure's alt text) cannot carry
 * marks: there the text reads with the changes accepted.
 */
import { Fragment, type Mark, type Node as PMNode } from 'prosemirror-model';
import { idBaseFromTitle } from '../../sources/ids';
import { schema } from '../../schema';
import { REVIEW_ID, type ReviewAuthor, type ReviewData, type Thread } from '../../review/model';
import { initialsOf } from '../../review/reviewer-name';
import type { WordComment } from './comments';
import { acceptedText, hasMarkers, splitMarkers } from './markers';
import type { TrackedChange } from './prepare';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/u;
const MAX_MESSAGE = 10_000;
const MAX_QUOTE = 2_000;

/** A Word date as the review model's ISO time (Word may leave out the zone: UTC then), or `fallback`. */
export function reviewTime(date: string, fallback: Date): string {
  const trimmed = date.trim();
  const withZone = /T\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/u.test(trimmed) ? `${trimmed}Z` : trimmed;
  return ISO_TIME.test(withZone) && !Number.isNaN(Date.parse(withZone)) ? withZone : fallback.toISOString();
}

/** What `applyReview` gives. */
export interface AppliedReview {
  readonly doc: PMNode;
  readonly suggestions: number;
  readonly threads: number;
  /** Paragraph breaks inserted or deleted that were accepted (not whole paragraphs). */
  readonly acceptedBreaks: number;
  /** Changes to text that became no suggestion (in attributes, or where marks are not allowed): accepted. */
  readonly acceptedInline: number;
}

class Authors {
  readonly table: Record<string, ReviewAuthor> = {};

  id(name: string, initials = ''): string {
    const shown = name.trim().slice(0, 100) || 'Unknown author';
    const id = `word-${idBaseFromTitle(shown)}`.slice(0, 64);
    if (!Object.hasOwn(this.table, id)) {
      const given = initials.trim();
      this.table[id] = { name: shown, initials: given.length >= 1 && given.length <= 4 ? given : initialsOf(shown).slice(0, 4) || '?' };
    }
    return REVIEW_ID.test(id) ? id : 'word-author';
  }
}

/** Turns the markers of `doc` into review marks and threads (see the module comment). */
export function applyReview(doc: PMNode, changes: readonly TrackedChange[], comments: readonly WordComment[], now: Date): AppliedReview {
  const authors = new Authors();
  const byId = new Map(comments.map((comment) => [comment.id, comment] as const));
  const rootOf = (comment: WordComment): WordComment => {
    let current = comment;
    for (let guard = 0; current.parent !== null && guard < 100; guard++) current = byId.get(current.parent) ?? current;
    return current;
  };
  const threadId = (comment: WordComment): string => `docx-c${comment.id.replace(/[^A-Za-z0-9_-]/gu, '')}`.slice(0, 64);
  const changeMark = (n: number): Mark | null => {
    const change = changes[n];
    if (!change) return null;
    const type = change.kind === 'insertion' ? schema.marks.insertion : schema.marks.deletion;
    return type ? type.create({ id: `docx-s${String(n)}`, author: authors.id(change.author), at: reviewTime(change.date, now) }) : null;
  };
  // The changes and comment ranges open at this point of the walk, in the order they opened.
  const openChanges: number[] = [];
  const openComments: string[] = [];
  const quotes = new Map<string, string>();
  const usedChanges = new Set<number>();

  // `deleted.value`: the text is deleted; `deleted.drop`: and cannot be marked so (it reads accepted).
  const activeMarks = (parent: PMNode, deleted: { value: boolean; drop?: boolean }): Mark[] => {
    const marks: Mark[] = [];
    const last = openChanges[openChanges.length - 1];
    if (last !== undefined) {
      const mark = changeMark(last);
      deleted.value = changes[last]?.kind === 'deletion';
      if (mark && parent.type.allowsMarkType(mark.type)) {
        marks.push(mark);
        usedChanges.add(last);
      } else deleted.drop = deleted.value;
    }
    const comment = schema.marks.comment;
    if (comment && parent.type.allowsMarkType(comment)) for (const thread of openComments) marks.push(comment.create({ thread }));
    return marks;
  };

  const open = (kind: string, n: number): void => {
    if (kind === 'I' || kind === 'D') openChanges.push(n);
    else if (kind === 'i' || kind === 'd') {
      const at = openChanges.lastIndexOf(n);
      if (at >= 0) openChanges.splice(at, 1);
    } else {
      const comment = byId.get(String(n));
      if (!comment) return;
      const thread = threadId(rootOf(comment));
      if (kind === 'C') {
        if (!openComments.includes(thread)) openComments.push(thread);
      } else {
        const at = openComments.indexOf(thread);
        if (at >= 0) openComments.splice(at, 1);
      }
    }
  };

  // Blocks made one suggestion by their paragraph mark, waiting for their parent to take the mark.
  const blockMarks = new Map<PMNode, { mark: Mark; inline: number[] }>();
  const absorbed = new Set<number>();
  let acceptedBreaks = 0;

  const textblock = (node: PMNode): PMNode => {
    const out: PMNode[] = [];
    let paragraph: { n: number; kind: 'insertion' | 'deletion' } | null = null;
    // A range over several blocks quotes them apart by a space.
    for (const thread of openComments) quotes.set(thread, `${quotes.get(thread) ?? ''} `);
    node.forEach((child) => {
      if (!child.isText) {
        const deleted: { value: boolean; drop?: boolean } = { value: false };
        const marks = activeMarks(node, deleted);
        if (deleted.drop) return;
        out.push(marks.length ? child.mark(marks.reduce((set, mark) => mark.addToSet(set), child.marks)) : child);
        return;
      }
      for (const piece of splitMarkers(child.text ?? '')) {
        if (typeof piece !== 'string') {
          if (piece.kind === 'P' || piece.kind === 'Q') paragraph = { n: piece.n, kind: piece.kind === 'P' ? 'deletion' : 'insertion' };
          else open(piece.kind, piece.n);
          continue;
        }
        const deleted: { value: boolean; drop?: boolean } = { value: false };
        const marks = activeMarks(node, deleted);
        if (deleted.drop) continue;
        if (!deleted.value) for (const thread of openComments) quotes.set(thread, `${quotes.get(thread) ?? ''}${piece}`);
        out.push(schema.text(piece, marks.reduce((set, mark) => mark.addToSet(set), child.marks)));
      }
    });
    const made = node.type.create(cleanAttrs(node.attrs), out, node.marks);
    return paragraph ? wholeParagraph(made, paragraph) : made;
  };

  /**
   * A paragraph whose mark was inserted (deleted) and all of whose content is inserted (deleted)
   * is one block suggestion, as the review model has it; otherwise the paragraph break's change
   * is accepted (the paragraphs stay as the file shows them).
   */
  const wholeParagraph = (node: PMNode, paragraph: { n: number; kind: 'insertion' | 'deletion' }): PMNode => {
    const type = schema.marks[paragraph.kind];
    const inline: number[] = [];
    let whole = type !== undefined;
    node.forEach((child) => {
      const mark = child.marks.find((m) => m.type === type);
      if (mark) inline.push(Number(String(mark.attrs.id).slice('docx-s'.length)));
      else whole = false;
    });
    const mark = whole ? changeMark(paragraph.n) : null;
    if (mark) blockMarks.set(node, { mark, inline });
    else acceptedBreaks++;
    return node;
  };

  /** `node` (a textblock waiting in `blockMarks`) as one block suggestion, its inline marks of that kind taken off. */
  const asBlockSuggestion = (node: PMNode, mark: Mark, inline: readonly number[]): PMNode => {
    const content: PMNode[] = [];
    node.forEach((child) => content.push(child.mark(mark.type.removeFromSet(child.marks))));
    for (const n of inline) absorbed.add(n);
    usedChanges.add(Number(String(mark.attrs.id).slice('docx-s'.length)));
    return node.type.create(node.attrs, content, mark.addToSet(node.marks));
  };

  const walk = (node: PMNode): PMNode => {
    if (node.isTextblock) return textblock(node);
    if (node.isLeaf) return hasMarkerAttrs(node.attrs) ? node.type.create(cleanAttrs(node.attrs), null, node.marks) : node;
    const kids: PMNode[] = [];
    node.forEach((child) => {
      const made = walk(child);
      const pending = blockMarks.get(made);
      if (pending && node.type.allowsMarkType(pending.mark.type)) kids.push(asBlockSuggestion(made, pending.mark, pending.inline));
      else {
        // A parent that holds no block suggestions: the text keeps its own marks.
        if (pending) acceptedBreaks++;
        kids.push(made);
      }
    });
    return node.type.create(cleanAttrs(node.attrs), Fragment.from(kids), node.marks);
  };

  const body = walk(doc);
  const threads: Thread[] = [];
  const roots = comments.filter((comment) => rootOf(comment) === comment);
  for (const root of roots) {
    const members = comments.filter((comment) => rootOf(comment) === root);
    const messages = members.map((comment) => ({ author: authors.id(comment.author, comment.initials), at: reviewTime(comment.date, now), text: (comment.text.trim() || '(empty comment)').slice(0, MAX_MESSAGE) }));
    const last = messages[messages.length - 1];
    const id = threadId(root);
    const resolved = members.some((comment) => comment.done) && last ? { resolved: { by: last.author, at: last.at } } : {};
    threads.push({ id, quote: (quotes.get(id) ?? '').replace(/\s+/gu, ' ').trim().slice(0, MAX_QUOTE), messages, ...resolved });
  }
  const review: ReviewData | null = threads.length || usedChanges.size ? { authors: authors.table, threads } : (doc.attrs.review as ReviewData | null);
  const result = body.type.create({ ...body.attrs, review }, body.content, body.marks);
  result.check();
  for (const n of absorbed) usedChanges.delete(n);
  const inlineChanges = changes.filter((change) => !change.paragraph).length;
  const marked = [...usedChanges].filter((n) => !changes[n]?.paragraph).length;
  return { doc: result, suggestions: usedChanges.size, threads: threads.length, acceptedBreaks, acceptedInline: inlineChanges - marked - absorbed.size };
}

function hasMarkerAttrs(attrs: PMNode['attrs']): boolean {
  return Object.values(attrs).some((value) => typeof value === 'string' && hasMarkers(value));
}

function cleanAttrs(attrs: PMNode['attrs']): PMNode['attrs'] {
  if (!hasMarkerAttrs(attrs)) return attrs;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attrs)) out[key] = typeof value === 'string' ? acceptedText(value) : value;
  return out;
}
