/**
 * The review in the Word export (`--review`): what a suggestion's Word revision is stamped with
 * (a revision id, the author's name, the time), and the comment threads as Word comments.
 *
 * A thread is a Word comment (its first message) with one reply per further message (`parentId`),
 * each with its author, initials and time; a resolved thread has every comment marked done (Word
 * keeps no "resolved by"). Its range runs from the first to the last text its comment marks are
 * on, across paragraphs; a thread whose text is all gone is anchored, as a point, where the
 * writer asks (`detached`), its first comment saying what it was about. A changed field that Word
 * cannot hold as a revision (a source's or a figure's fields, a "Read also" item's) is a comment
 * by the suggestion's author around what changed, in the review panel's words (review-notes.ts).
 */
import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun, type ICommentOptions, type ParagraphChild } from 'docx';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { reviewDataOf } from '../review/authors';
import type { Thread } from '../review/model';
import { ReviewNotes } from './review-notes';

/** What a Word revision (`w:ins`, `w:del`, `w:rPrChange`) is stamped with. */
export interface Stamp {
  readonly id: number;
  readonly author: string;
  readonly date: string;
}

/** The paragraph children that open and close a comment's range (`end` holds the references). */
export interface CommentAnchor {
  readonly start: ParagraphChild[];
  readonly end: ParagraphChild[];
}

function commentParagraphs(text: string): Paragraph[] {
  return text.split(/\r\n?|\n/u).map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

function anchor(ids: readonly number[]): CommentAnchor {
  return {
    start: ids.map((id) => new CommentRangeStart(id)),
    end: [...ids.map((id) => new CommentRangeEnd(id)), ...ids.map((id) => new TextRun({ children: [new CommentReference(id)] }))],
  };
}

/** The review data of a draft as the Word writer writes it. */
export class DocxReview {
  /** The comments of the document, for `Document`'s `comments`. */
  readonly comments: ICommentOptions[] = [];
  private readonly notes: ReviewNotes;
  private readonly initials: Readonly<Record<string, { readonly initials: string }>>;
  // Revision ids are kept apart from comment ids (0, 1, …): Word's annotations share one id space.
  private nextRevision = 1_000_000;
  /** Per thread with text: how many inline nodes carrying its mark are still to be written. */
  private readonly remaining = new Map<string, number>();
  /** The comment ids of each thread whose range is open. */
  private readonly open = new Map<string, readonly number[]>();

  constructor(doc: PMNode) {
    this.notes = new ReviewNotes(doc);
    this.initials = reviewDataOf(doc).authors;
    doc.descendants((node) => {
      if (!node.isInline) return true;
      for (const mark of node.marks) {
        if (mark.type.name !== 'comment') continue;
        const id = mark.attrs.thread as string;
        if (this.notes.thread(id)) this.remaining.set(id, (this.remaining.get(id) ?? 0) + 1);
      }
      return false;
    });
  }

  /** A new stamp for a revision of suggestion `mark` (every revision has an id of its own). */
  stamp(mark: Mark): Stamp {
    return { id: this.nextRevision++, author: this.notes.name(mark.attrs.author as string), date: mark.attrs.at as string };
  }

  /** "Changed source: …" and the like, as the HTML export says it (review-notes.ts), as a comment by the suggestion's author. */
  note(mark: Mark, text: string): CommentAnchor {
    const id = this.comments.length;
    this.comments.push({ id, ...this.who(mark.attrs.author as string), date: new Date(mark.attrs.at as string), children: commentParagraphs(text) });
    return anchor([id]);
  }

  /** The range starts of the threads whose first marked node is `node`. */
  opening(node: PMNode): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const id of this.threadsOf(node)) {
      if (this.open.has(id)) continue;
      const thread = this.notes.thread(id);
      if (!thread) continue;
      const ids = this.addThread(thread, null);
      this.open.set(id, ids);
      out.push(...anchor(ids).start);
    }
    return out;
  }

  /** The range ends (and references) of the threads whose last marked node is `node`, written after it. */
  closing(node: PMNode): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const id of this.threadsOf(node)) {
      const left = (this.remaining.get(id) ?? 0) - 1;
      this.remaining.set(id, left);
      const ids = this.open.get(id);
      if (left > 0 || !ids) continue;
      out.push(...anchor(ids).end);
    }
    return out;
  }

  /** Point anchors of the threads with no text left in the draft (written once, where the writer puts them). */
  detached(): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const thread of this.notes.allThreads()) {
      if (this.remaining.has(thread.id)) continue;
      const { start, end } = anchor(this.addThread(thread, thread.quote));
      out.push(...start, ...end);
    }
    return out;
  }

  /**
   * What is left once everything is written: the ends of ranges still open, and point anchors for
   * threads none of whose text was written (a blank heading is left out), so that every thread is
   * a comment and every range is closed. Written at the end of the last paragraph.
   */
  leftover(): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const [id, left] of this.remaining) {
      if (left <= 0) continue;
      this.remaining.set(id, 0);
      const open = this.open.get(id);
      const thread = this.notes.thread(id);
      if (open) out.push(...anchor(open).end);
      else if (thread) {
        const { start, end } = anchor(this.addThread(thread, null));
        out.push(...start, ...end);
      }
    }
    return out;
  }

  private threadsOf(node: PMNode): string[] {
    return node.marks.filter((mark) => mark.type.name === 'comment').map((mark) => mark.attrs.thread as string);
  }

  private who(author: string): { author: string; initials: string } {
    const initials = Object.hasOwn(this.initials, author) ? this.initials[author]?.initials : undefined;
    const name = this.notes.name(author);
    return { author: name, initials: initials ?? name.slice(0, 2).toUpperCase() };
  }

  /** Adds a thread's comments (its first message, then one reply per further message); `quote` when it is on deleted text. */
  private addThread(thread: Thread, quote: string | null): number[] {
    const ids: number[] = [];
    thread.messages.forEach((message, i) => {
      const id = this.comments.length;
      const about = i === 0 && quote !== null ? [new Paragraph({ children: [new TextRun({ text: `On deleted text: “${quote.replace(/\s+/gu, ' ').trim()}”`, italics: true })] })] : [];
      this.comments.push({
        id,
        ...this.who(message.author),
        date: new Date(message.at),
        children: [...about, ...commentParagraphs(message.text)],
        ...(i > 0 ? { parentId: ids[0] } : {}),
        ...(thread.resolved ? { resolved: true } : {}),
      });
      ids.push(id);
    });
    return ids;
  }
}
