/**
 * `CheckedDraft`: a draft the main process may write, journal or export, as a value of its own
 * type. The services take drafts by this type, so a draft that no check has read cannot reach
 * them (the compiler refuses it); there is no side table of "drafts already checked".
 *
 * Two ways make one, and only these (the brand is a type this module alone can produce):
 * - `checkDraftText`: a draft that came across the process boundary as `DraftText`, read by
 *   `parseDraft` exactly as a file is (envelope, migrations, metadata, document against the
 *   schema); the API's validator (validate.ts) runs it on every draft the renderer sends;
 * - `checkOwnDraft`: a draft the main process built itself (File > Import, a new draft), checked
 *   against the schema (`doc.check()`) and the nesting limit, and serialised once; no JSON round
 *   trip.
 */
import { parseDraft, serializeDraft, type Draft } from '../draft/format';

declare const checkedBrand: unique symbol;

/** A draft that passed `checkDraftText` or `checkOwnDraft` (see the module comment). */
export interface CheckedDraft extends Draft {
  /** A draft file text of this draft: the `DraftText` it came in, or its serialisation (own drafts). */
  readonly text: string;
  readonly [checkedBrand]: true;
}

function brand(draft: Draft, text: string): CheckedDraft {
  return { meta: draft.meta, doc: draft.doc, text } as CheckedDraft;
}

/** Reads `text` as `parseDraft` reads a file; throws its `DraftError` naming what is wrong. */
export function checkDraftText(text: string): CheckedDraft {
  return brand(parseDraft(text), text);
}

/**
 * A draft built in the main process (not read from text): its document is checked against the
 * schema (`Node.check`, a `RangeError` naming the problem) and its nesting (`DraftError`), and
 * it is serialised as the file's text.
 */
export function checkOwnDraft(draft: Draft): CheckedDraft {
  draft.doc.check();
  // serializeDraft refuses a draft nested deeper than one may be read again.
  return brand(draft, serializeDraft(draft));
}
