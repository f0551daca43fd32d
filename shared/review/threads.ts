/**
 * Comment threads: pure functions that add the steps of a thread change to a `Transform` (a
 * Transaction in the editor). The thread lives in the doc's `review` attribute (set with
 * `setDocAttribute`, so undo covers it); its place is the `comment` marks naming it. Threads may
 * overlap. Deleting all of a thread's text removes its marks, never the thread: it is then
 * detached (derived by the review index, see index.ts), and keeps the `quote` it was about.
 *
 * Each function records the acting reviewer in the draft's author table (`ensureAuthor`) and
 * throws a `RangeError` for what the caller should have prevented (an unknown thread, an empty
 * message, nothing to comment on).
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Transform } from 'prosemirror-transform';
import { schema } from '../schema';
import { ensureAuthor, reviewDataOf } from './authors';
import { newReviewId, SUGGESTION_MARKS, type Reviewer, type Thread } from './model';

/** The most characters a thread's `quote` keeps. */
export const MAX_QUOTE = 2_000;

/** The most characters of one message. */
export const MAX_MESSAGE = 10_000;

const SUGGESTION_NAMES: ReadonlySet<string> = new Set(SUGGESTION_MARKS);
const COMMENT = schema.mark('comment', { thread: 't' }).type;
const DELETION = schema.marks.deletion;

function messageText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new RangeError('a comment needs some text');
  if (trimmed.length > MAX_MESSAGE) throw new RangeError(`a comment holds at most ${String(MAX_MESSAGE)} characters`);
  return trimmed;
}

/** The text of `ranges` in `doc` as it reads (deleted text left out), blocks apart by a space, cut to `MAX_QUOTE`. */
function quoteOf(doc: PMNode, ranges: readonly (readonly [number, number])[], keepDeleted = false): string {
  let text = '';
  let lastParent: PMNode | null = null;
  for (const [from, to] of ranges) {
    doc.nodesBetween(from, to, (node, pos, parent) => {
      if (text.length > MAX_QUOTE) return false;
      if (!node.isText) return true;
      if (!keepDeleted && DELETION?.isInSet(node.marks)) return false;
      if (lastParent !== null && parent !== lastParent) text += ' ';
      lastParent = parent;
      text += (node.text ?? '').slice(Math.max(0, from - pos), to - pos);
      return false;
    });
  }
  return text.replace(/\s+/gu, ' ').trim().slice(0, MAX_QUOTE);
}

function setThreads(tr: Transform, change: (threads: readonly Thread[]) => Thread[]): void {
  const data = reviewDataOf(tr.doc);
  tr.setDocAttribute('review', { ...data, threads: change(data.threads) });
}

function updateThread(tr: Transform, threadId: string, change: (thread: Thread) => Thread): void {
  const data = reviewDataOf(tr.doc);
  if (!data.threads.some((thread) => thread.id === threadId)) throw new RangeError(`no thread ${JSON.stringify(threadId)} in this draft`);
  setThreads(tr, (threads) => threads.map((thread) => (thread.id === threadId ? change(thread) : thread)));
}

function openThread(tr: Transform, ranges: readonly (readonly [number, number])[], quote: string, reviewer: Reviewer, text: string, now: Date, suggestion?: string): string {
  const message = messageText(text);
  const id = newReviewId('t');
  const mark = COMMENT.create({ thread: id });
  for (const [from, to] of ranges) tr.addMark(from, to, mark);
  ensureAuthor(tr, reviewer);
  const thread: Thread = {
    id,
    quote,
    messages: [{ author: reviewer.id, at: now.toISOString(), text: message }],
    ...(suggestion === undefined ? {} : { suggestion }),
  };
  setThreads(tr, (threads) => [...threads, thread]);
  return id;
}

/**
 * Opens a thread on `from`…`to` with a first message by `reviewer`; returns its id. An empty
 * range (`from` = `to`) comments on the whole text of the textblock at `from`. Throws when there
 * is no text there to comment on.
 */
export function addComment(tr: Transform, from: number, to: number, reviewer: Reviewer, text: string, now: Date): string {
  let start = Math.min(from, to);
  let end = Math.max(from, to);
  if (start === end) {
    const $pos = tr.doc.resolve(start);
    if (!$pos.parent.isTextblock) throw new RangeError('there is no text here to comment on');
    start = $pos.start();
    end = $pos.end();
  }
  let markable = false;
  tr.doc.nodesBetween(start, end, (node, _pos, parent) => {
    if (markable) return false;
    if (node.isInline && parent?.type.allowsMarkType(COMMENT)) markable = true;
    return !markable;
  });
  if (!markable) throw new RangeError('there is no text here to comment on');
  return openThread(tr, [[start, end]], quoteOf(tr.doc, [[start, end]]), reviewer, text, now);
}

/** Adds `reviewer`'s reply to thread `threadId`. */
export function replyToThread(tr: Transform, threadId: string, reviewer: Reviewer, text: string, now: Date): void {
  const message = messageText(text);
  ensureAuthor(tr, reviewer);
  updateThread(tr, threadId, (thread) => ({ ...thread, messages: [...thread.messages, { author: reviewer.id, at: now.toISOString(), text: message }] }));
}

/** Marks thread `threadId` resolved by `reviewer` at `now` (a resolved thread stays resolved as it was). */
export function resolveThread(tr: Transform, threadId: string, reviewer: Reviewer, now: Date): void {
  ensureAuthor(tr, reviewer);
  updateThread(tr, threadId, (thread) => (thread.resolved ? thread : { ...thread, resolved: { by: reviewer.id, at: now.toISOString() } }));
}

/** Opens thread `threadId` again (`reviewer` is recorded in the author table, like every act). */
export function reopenThread(tr: Transform, threadId: string, reviewer: Reviewer): void {
  ensureAuthor(tr, reviewer);
  updateThread(tr, threadId, (thread) => {
    const { resolved, ...open } = thread;
    void resolved;
    return open;
  });
}

/** The ranges of the nodes carrying a suggestion mark of `suggestionId`, adjacent ones merged. */
export function suggestionRanges(doc: PMNode, suggestionId: string): [number, number][] {
  const ranges: [number, number][] = [];
  doc.descendants((node, pos) => {
    if (node.marks.some((mark) => SUGGESTION_NAMES.has(mark.type.name) && mark.attrs.id === suggestionId)) {
      const last = ranges.at(-1);
      if (last && last[1] === pos) last[1] = pos + node.nodeSize;
      else ranges.push([pos, pos + node.nodeSize]);
      // A block's node mark covers everything inside it.
      return false;
    }
    return true;
  });
  return ranges;
}

/**
 * Opens a thread giving a reason for suggestion `suggestionId` (its `suggestion` set); its comment
 * marks go on the suggestion's text, where text can carry them (a suggested change to a source,
 * which has no text, leaves the thread without a mark: the panel places it by its suggestion).
 * Returns the thread's id; throws when the document holds no such suggestion.
 */
export function commentOnSuggestion(tr: Transform, suggestionId: string, reviewer: Reviewer, text: string, now: Date): string {
  const ranges = suggestionRanges(tr.doc, suggestionId);
  if (ranges.length === 0) throw new RangeError(`no suggestion ${JSON.stringify(suggestionId)} in this draft`);
  // A deletion's text is what it is about, though it will not read.
  const quote = quoteOf(tr.doc, ranges) || quoteOf(tr.doc, ranges, true);
  return openThread(tr, ranges, quote, reviewer, text, now, suggestionId);
}
