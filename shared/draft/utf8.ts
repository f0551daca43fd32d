/**
 * A draft file's bytes read as text: UTF-8 only (a draft is written so), a leading byte-order
 * mark kept in the text (`parseDraft` skips it). Draft files and drafts sent as bytes are read
 * here.
 */

/** The text of a draft's `bytes`, or null if they are not UTF-8. */
export function draftTextOf(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Why bytes that are not UTF-8 are no draft, naming `where` they came from (a file's path) when known. */
export function notUtf8Message(where?: string): string {
  return where === undefined ? 'Not UTF-8 text, so not a Copydesk draft.' : `${where}: not UTF-8 text, so not a Copydesk draft.`;
}
