/**
 * `CheckedDraft`: a draft the main process may write, journal or export, as a value of its own
 * type. The services take drafts by this type, so a draft that no check has read cannot reach
 * them (the compiler refuses it); there is no side table of "drafts already checked".
 *
 * Three ways make one, and only these (the brand is a type this module alone can produce):
 * - `checkDraftText`: a draft that came across the process boundary as `DraftText` (or its
 *   bytes, `DraftBytes`), read by `parseDraft` exactly as a file is (envelope, migrations,
 *   metadata, document against the schema), on the calling thread;
 * - `checkSentDraft`: the same reading done elsewhere (the main process's worker threads,
 *   electron/services/draft-workers.ts), of a `SentDraft`: the API's door (validate.ts) hands
 *   every draft the renderer sends to it, so that the main thread never parses a whole draft (nor,
 *   for one sent as bytes, holds its text);
 * - `checkOwnDraft`: a draft the main process built itself (File > Import, a new draft), checked
 *   against the schema (`doc.check()`) and the nesting limit, and serialised once; no JSON round
 *   trip.
 */
import { DraftError } from '../draft/errors';
import { parseDraft, serializeDraft, type Draft } from '../draft/format';
import { draftTextOf, notUtf8Message } from '../draft/utf8';
import type { DraftBytes, DraftText } from './channels';

declare const checkedBrand: unique symbol;

/** A text's UTF-8 bytes and their SHA-256 (lower-case hex), made where the text was read. */
export interface EncodedText {
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** A draft that passed `checkDraftText`, `checkSentDraft` or `checkOwnDraft` (see the module comment). */
export interface CheckedDraft {
  /**
   * A draft file text of this draft: the `DraftText` it came in, or its serialisation (own
   * drafts). For one sent as bytes it is decoded on first use: a service that hands the draft
   * to a worker thread takes `draftContent` instead.
   */
  readonly text: string;
  /** `text` encoded, when the check made it (`checkSentDraft`): the journal writes these bytes as they are. */
  readonly encoded?: EncodedText;
  readonly [checkedBrand]: true;
}

/** What a worker thread is given of `draft`: its bytes when the check made them (copied to the thread, not moved: `draft` stays whole), else its text. */
export function draftContent(draft: CheckedDraft): DraftText | Uint8Array {
  return draft.encoded ? unmoved(draft.encoded.bytes) : draft.text;
}

// A draft is never empty: no bytes means they were moved to another thread since (the journal's).
function unmoved(bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength === 0) throw new Error('The draft’s bytes were moved to another thread.');
  return bytes;
}

/** The text of a draft sent as `content`: itself, or its bytes decoded; throws `DraftError` for bytes that are not UTF-8. */
export function sentText(content: DraftText | Uint8Array): string {
  if (typeof content === 'string') return content;
  const text = draftTextOf(content);
  if (text === null) throw new DraftError('not-json', notUtf8Message());
  return text;
}

/** A checked draft read on the calling thread: with its metadata and document. */
export type ReadDraft = CheckedDraft & Draft;

function brand(draft: Draft, text: string): ReadDraft {
  return { meta: draft.meta, doc: draft.doc, text } as ReadDraft;
}

/** Reads `content` as `parseDraft` reads a file; throws its `DraftError` naming what is wrong. */
export function checkDraftText(content: DraftText | DraftBytes): ReadDraft {
  const text = sentText(content);
  return brand(parseDraft(text), text);
}

/** A `DraftText` or `DraftBytes` that passed the door's bounded checks (type, size) and awaits `checkSentDraft`. */
export class SentDraft {
  constructor(readonly content: DraftText | DraftBytes) {}
}

/**
 * How a sent draft is read elsewhere: a draft (with its text encoded, if the reader did so: for
 * one sent as bytes, these bytes), or why not (`parseDraft`'s message). The reader may move the
 * bytes it is given (they come back as `encoded.bytes`).
 */
export type DraftCheck = (content: DraftText | DraftBytes) => Promise<{ readonly ok: true; readonly encoded?: EncodedText } | { readonly ok: false; readonly message: string }>;

/** A draft that `check` refused; `message` is `parseDraft`'s. */
export class RefusedDraftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedDraftError';
  }
}

/** Reads `sent` through `check`; throws `RefusedDraftError` with its message when it is no draft. */
export async function checkSentDraft(sent: SentDraft, check: DraftCheck): Promise<CheckedDraft> {
  const { content } = sent;
  const result = await check(content);
  if (!result.ok) throw new RefusedDraftError(result.message);
  const { encoded } = result;
  if (typeof content === 'string') return (encoded === undefined ? { text: content } : { text: content, encoded }) as CheckedDraft;
  // Sent as bytes, which the reader may have moved: its text is those it answered with.
  const bytes = encoded?.bytes ?? content;
  let text: string | undefined;
  return {
    ...(encoded === undefined ? {} : { encoded }),
    get text(): string {
      return (text ??= sentText(unmoved(bytes)));
    },
  } as CheckedDraft;
}

/**
 * A draft built in the main process (not read from text): its document is checked against the
 * schema (`Node.check`, a `RangeError` naming the problem) and its nesting (`DraftError`), and
 * it is serialised as the file's text.
 */
export function checkOwnDraft(draft: Draft): ReadDraft {
  draft.doc.check();
  // serializeDraft refuses a draft nested deeper than one may be read again.
  return brand(draft, serializeDraft(draft));
}
