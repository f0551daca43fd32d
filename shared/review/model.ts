/**
 * The review model: what a suggestion and a comment are in the document (marks), and the review
 * data the document carries beside its content (threads and the table of their authors, the
 * `review` attribute of the `doc` node).
 *
 * A suggestion is a set of marks sharing one `id`, each stamped with its author and time:
 * - `insertion` / `deletion` on text and inline atoms (a citation), or as a node mark on a whole
 *   block (a paragraph, a list item, a "Read also" block or item, a figure, a source);
 * - `format_change` on text whose formatting changed; `before` holds the formatting it had;
 * - `attr_change` on a node whose attributes changed (a citation's source, a source's or a
 *   figure's fields); `before` holds the values it had;
 * - `split` on a block whose opening boundary was inserted (Enter; rejecting joins it back), and
 *   `join` on a block whose opening boundary was deleted (accepting joins it to the text before;
 *   on a list item, to the list item before).
 * Inserted and changed content is in the document as it would read once accepted; deleted content
 * stays in it, marked, until the deletion is accepted.
 *
 * A comment is a `comment` mark naming its thread; threads may overlap. The thread itself (its
 * messages, resolved state, the text it was about) lives in the doc's `review` attribute, so that
 * undo, saving, the journal and versions carry it with the text.
 */
import type { MarkSpec } from 'prosemirror-model';
import * as z from 'zod';

/** An id of a suggestion, a thread or an author: letters, digits, `-` and `_`, 1–64 characters. */
export const REVIEW_ID = /^[A-Za-z0-9_-]{1,64}$/u;

/** The names of the suggestion marks. */
export const SUGGESTION_MARKS = ['insertion', 'deletion', 'format_change', 'attr_change', 'split', 'join'] as const;

/** One kind of suggestion mark. */
export type SuggestionMarkName = (typeof SUGGESTION_MARKS)[number];

/** The review marks a text-only block (headline, standfirst, caption) allows, besides its formatting. */
export const TEXT_REVIEW_MARKS = 'insertion deletion format_change comment';

/** The review marks that blocks may carry as node marks (the `marks` of their parents). */
export const BLOCK_REVIEW_MARKS = 'insertion deletion attr_change split join';

/** How many author colours there are (`cd-author-0` … in the editor's stylesheet). */
export const AUTHOR_COLOURS = 8;

/** The colour slot of an author, derived from the author's id (stable across desks). */
export function authorColour(authorId: string): number {
  let hash = 2166136261;
  for (let i = 0; i < authorId.length; i++) hash = Math.imul(hash ^ authorId.charCodeAt(i), 16777619);
  return (hash >>> 0) % AUTHOR_COLOURS;
}

/** A new random review id (suggestions, threads, installations), `prefix` first. */
export function newReviewId(prefix: string): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  let id = prefix;
  for (const byte of bytes) id += (byte % 36).toString(36);
  return id;
}

function checkId(what: string) {
  return (value: unknown) => {
    if (typeof value !== 'string' || !REVIEW_ID.test(value)) throw new RangeError(`invalid ${what} id ${JSON.stringify(value)}`);
  };
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/u;

function checkTime(value: unknown): void {
  if (typeof value !== 'string' || !ISO_TIME.test(value) || Number.isNaN(Date.parse(value))) throw new RangeError(`invalid time ${JSON.stringify(value)}`);
}

/** The formatting marks a `format_change` records (and that rejecting it restores). */
export const FORMATTING_MARKS = ['em', 'strong', 'link'] as const;

/** Whether a mark of type `name` is formatting that a `format_change` records. */
export function isFormattingMark(name: string): boolean {
  return (FORMATTING_MARKS as readonly string[]).includes(name);
}

/** Formatting as `format_change` remembers it: the marks' JSON (`{ type, attrs? }`). */
const formattingSchema = z.array(z.strictObject({ type: z.enum(FORMATTING_MARKS), attrs: z.record(z.string(), z.string()).optional() })).max(3);

/** Attribute values as `attr_change` remembers them. */
const attrValuesSchema = z.record(z.string().max(64), z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()]));

function checkWith(schema: z.ZodType, what: string) {
  return (value: unknown) => {
    if (!schema.safeParse(value).success) throw new RangeError(`invalid ${what}`);
  };
}

const stamp = {
  id: { validate: checkId('suggestion') },
  author: { validate: checkId('author') },
  at: { validate: checkTime },
};

function suggestionSpec(name: string, cls: string, inlineTag: string, extra: MarkSpec['attrs'] = {}, excludes?: string): MarkSpec {
  return {
    attrs: { ...stamp, ...extra },
    inclusive: false,
    ...(excludes === undefined ? {} : { excludes }),
    toDOM: (mark, inline) => [
      inline ? inlineTag : 'div',
      {
        class: `${inline ? cls : `${cls}-block`} cd-author-${String(authorColour(mark.attrs.author as string))}`,
        'data-suggestion': mark.attrs.id as string,
        'data-review': name,
      },
      0,
    ],
  };
}

/** The review marks' specs, in the order the schema ranks them (after the formatting marks). */
export const REVIEW_MARK_SPECS: Record<string, MarkSpec> = {
  insertion: suggestionSpec('insertion', 'cd-ins', 'ins', {}, 'insertion deletion'),
  deletion: suggestionSpec('deletion', 'cd-del', 'del', {}, 'insertion deletion'),
  format_change: suggestionSpec('format_change', 'cd-format-change', 'span', { before: { validate: checkWith(formattingSchema, 'formatting') } }),
  attr_change: suggestionSpec('attr_change', 'cd-attr-change', 'span', { before: { validate: checkWith(attrValuesSchema, 'attribute values') } }),
  split: suggestionSpec('split', 'cd-split', 'span'),
  join: suggestionSpec('join', 'cd-join', 'span'),
  comment: {
    attrs: { thread: { validate: checkId('thread') } },
    inclusive: false,
    // Threads may overlap: a text may carry several comment marks.
    excludes: '',
    toDOM: (mark) => ['span', { class: 'cd-comment', 'data-thread': mark.attrs.thread as string }, 0],
  },
};

const idSchema = z.string().regex(REVIEW_ID);
const timeSchema = z.iso.datetime({ offset: true });

/** One reviewer as a draft remembers them. */
const authorSchema = z.strictObject({ name: z.string().min(1).max(100), initials: z.string().min(1).max(4) });

const messageSchema = z.strictObject({ author: idSchema, at: timeSchema, text: z.string().min(1).max(10_000) });

const threadSchema = z.strictObject({
  id: idSchema,
  /** The text the thread was about when it was opened (kept when that text is deleted). */
  quote: z.string().max(2_000),
  messages: z.array(messageSchema).min(1).max(1_000),
  /** Who resolved it and when; absent while open. */
  resolved: z.strictObject({ by: idSchema, at: timeSchema }).optional(),
  /** The suggestion this thread gives a reason for, if any. */
  suggestion: idSchema.optional(),
});

/** The doc's `review` attribute: threads in the order they were opened, and the authors' table. */
export const reviewDataSchema = z.strictObject({
  authors: z.record(idSchema, authorSchema),
  threads: z.array(threadSchema).max(10_000),
});

/** An author in a draft's table. */
export type ReviewAuthor = z.infer<typeof authorSchema>;
/** One message of a thread. */
export type ThreadMessage = z.infer<typeof messageSchema>;
/** A comment thread. */
export type Thread = z.infer<typeof threadSchema>;
/** The doc's `review` attribute when it is set. */
export type ReviewData = z.infer<typeof reviewDataSchema>;

/** The `validate` of the doc's `review` attribute: null or valid review data. */
export function validateReviewData(value: unknown): void {
  if (value === null) return;
  const result = reviewDataSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new RangeError(`invalid review data at ${issue ? issue.path.join('.') || 'the top' : 'the top'}: ${issue?.message.slice(0, 120) ?? ''}`);
  }
}

/** A person reviewing on this installation: a stable random id, a name and initials. */
export interface Reviewer {
  readonly id: string;
  readonly name: string;
  readonly initials: string;
}

/** The editing modes: edits applied, edits recorded as suggestions, or read-only. */
export const REVIEW_MODES = ['editing', 'suggesting', 'viewing'] as const;

/** One editing mode. */
export type ReviewMode = (typeof REVIEW_MODES)[number];

/** What one suggestion does, as the review panel, `copydesk inspect` and the exports name it. */
export type SuggestionKind = 'insertion' | 'deletion' | 'replacement' | 'format' | 'attributes' | 'split' | 'join';

/** One pending suggestion (all the marks sharing its id), in document order of its first mark. */
export interface SuggestionEntry {
  readonly id: string;
  readonly author: string;
  /** ISO time of the suggestion. */
  readonly at: string;
  readonly kind: SuggestionKind;
  /** Where it starts and ends in the document (from its first mark to the end of its last). */
  readonly from: number;
  readonly to: number;
  /** What changed, for a person: "Deleted: …", "Changed source: Reuters → CFR", "Formatted: bold". */
  readonly description: string;
}

/** One thread with where its comment marks are. */
export interface ThreadEntry {
  readonly thread: Thread;
  /** The range its marks cover, or null when every marked character was deleted (detached). */
  readonly from: number | null;
  readonly to: number | null;
  readonly detached: boolean;
}

/** Every pending suggestion and every thread of a document, in document order. */
export interface ReviewIndex {
  readonly suggestions: readonly SuggestionEntry[];
  /** Threads in document order of their anchors; detached threads after, in the order opened. */
  readonly threads: readonly ThreadEntry[];
  /** The draft's author table (empty when it has none). */
  readonly authors: Readonly<Record<string, ReviewAuthor>>;
}
