/**
 * `CheckedDraft`: a draft the main process may write, journal or export, as a value of its own
 * type. The services take drafts by this type, so a draft that no check has read cannot reach
 * them (the compiler refuses it); there is no side table of "drafts already checked".
 *
 * Three ways make one, and only these (the brand is a type this module alone can produce):
 * - `checkDraftText`: a draft that came across the process boundary as `DraftText`, read by
 *   `parseDraft` exactly as a file is (envelope, migrations, metadata, document against the
 *   schema), on the calling thread;
 * - `checkSentDraft`: the same reading done elsewhere (the main process's worker threads,
 *   electron/services/draft-workers.ts), of a `SentDraft`: the API's door (validate.ts) hands
 *   every draft the renderer sends to it, so that the main thread never parses a whole draft;
 * - `checkOwnDraft`: a draft the main process built itself (File > Import, a new draft), checked
 *   against the schema (`doc.check()`) and the nesting limit, and serialised once; no JSON round
 *   trip.
 */
import { parseDraft, serializeDraft, type Draft } from '../draft/format';

declare const checkedBrand: unique symbol;

/** A text's UTF-8 bytes and their SHA-256 (lower-case hex), made where the text was read. */
export interface EncodedText {
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** A draft that passed `checkDraftText`, `checkSentDraft` or `checkOwnDraft` (see the module comment). */
export interface CheckedDraft {
  /** A draft file text of this draft: the `DraftText` it came in, or its serialisation (own drafts). */
  readonly text: string;
  /** `text` encoded, when the check made it (`checkSentDraft`): the journal writes these bytes as they are. */
  readonly encoded?: EncodedText;
  readonly [checkedBrand]: true;
}

/** A checked draft read on the calling thread: with its metadata and document. */
export type ReadDraft = CheckedDraft & Draft;

function brand(draft: Draft, text: string): ReadDraft {
  return { meta: draft.meta, doc: draft.doc, text } as ReadDraft;
}

/** Reads `text` as `parseDraft` reads a file; throws its `DraftError` naming what is wrong. */
export function checkDraftText(text: string): ReadDraft {
  return brand(parseDraft(text), text);
}

/** A `DraftText` that passed the door's bounded checks (text, size) and awaits `checkSentDraft`. */
export class SentDraft {
  constructor(readonly text: string) {}
}

/** How a draft's text is read elsewhere: a draft (with its text encoded, if the reader did so), or why not (`parseDraft`'s message). */
export type DraftCheck = (text: string) => Promise<{ readonly ok: true; readonly encoded?: EncodedText } | { readonly ok: false; readonly message: string }>;

/** A draft that `check` refused; `message` is `parseDraft`'s. */
export class RefusedDraftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedDraftError';
  }
}

/** Reads `sent` through `check`; throws `RefusedDraftError` with its message when it is no draft. */
export async function checkSentDraft(sent: SentDraft, check: DraftCheck): Promise<CheckedDraft> {
  const result = await check(sent.text);
  if (!result.ok) throw new RefusedDraftError(result.message);
  return (result.encoded === undefined ? { text: sent.text } : { text: sent.text, encoded: result.encoded }) as CheckedDraft;
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
