/**
 * TEMPORARY stand-in for helper B's threads (issue 12): comment threads as steps of a transform.
 * The lead replaces this file with B's at merge.
 */
import type { Transform } from 'prosemirror-transform';
import { ensureAuthor, reviewDataOf } from './authors';
import { newReviewId, type ReviewData, type Reviewer, type Thread } from './model';

function setThreads(tr: Transform, update: (threads: readonly Thread[]) => Thread[]): void {
  const data = reviewDataOf(tr.doc);
  const next: ReviewData = { ...data, threads: update(data.threads) };
  tr.setDocAttribute('review', next);
}

/** Opens a thread on `from`–`to` (the textblock at `from` when they are equal); returns its id. */
export function addComment(tr: Transform, from: number, to: number, reviewer: Reviewer, text: string, now: Date): string {
  const id = newReviewId('t');
  let start = from;
  let end = to;
  if (from === to) {
    const $pos = tr.doc.resolve(from);
    start = $pos.start();
    end = $pos.end();
  }
  ensureAuthor(tr, reviewer);
  tr.addMark(start, end, tr.doc.type.schema.marks.comment!.create({ thread: id }));
  const quote = tr.doc.textBetween(start, end, ' ').slice(0, 2000);
  setThreads(tr, (threads) => [...threads, { id, quote, messages: [{ author: reviewer.id, at: now.toISOString(), text }] }]);
  return id;
}

/** Adds a reply to thread `threadId`. */
export function replyToThread(tr: Transform, threadId: string, reviewer: Reviewer, text: string, now: Date): void {
  ensureAuthor(tr, reviewer);
  setThreads(tr, (threads) => threads.map((t) => (t.id === threadId ? { ...t, messages: [...t.messages, { author: reviewer.id, at: now.toISOString(), text }] } : t)));
}

/** Resolves thread `threadId`. */
export function resolveThread(tr: Transform, threadId: string, reviewer: Reviewer, now: Date): void {
  ensureAuthor(tr, reviewer);
  setThreads(tr, (threads) => threads.map((t) => (t.id === threadId ? { ...t, resolved: { by: reviewer.id, at: now.toISOString() } } : t)));
}

/** Reopens thread `threadId`. */
export function reopenThread(tr: Transform, threadId: string): void {
  setThreads(tr, (threads) =>
    threads.map((t) => {
      if (t.id !== threadId) return t;
      const { resolved, ...open } = t;
      void resolved;
      return open;
    }),
  );
}

/** Opens a thread about suggestion `suggestionId`; returns its id. */
export function commentOnSuggestion(tr: Transform, suggestionId: string, reviewer: Reviewer, text: string, now: Date): string {
  const id = newReviewId('t');
  ensureAuthor(tr, reviewer);
  setThreads(tr, (threads) => [...threads, { id, quote: '', suggestion: suggestionId, messages: [{ author: reviewer.id, at: now.toISOString(), text }] }]);
  return id;
}
