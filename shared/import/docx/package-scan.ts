/**
 * One pass over a part of a Word package, whatever its name (a relationship can make a reader
 * parse any part as XML), for `openDocx` (package.ts):
 *
 * - whether it declares a DTD or an entity: `<!DOCTYPE` or `<!ENTITY`, in any case, as
 *   UTF-8/ASCII or UTF-16 (LE or BE). mammoth decodes parts as UTF-8, so only the ASCII form
 *   could reach its XML reader; the UTF-16 forms are refused too, for any other reader;
 * - how many tags it opens (`<` not followed by `/`: start and empty tags, comments, processing
 *   instructions), which bounds the tree an XML reader builds from it: @xmldom/xmldom, mammoth's,
 *   takes about 800 bytes of memory and over 10 µs per element.
 */

/** What `scanPart` finds in a part. */
export interface PartScan {
  /** It holds `<!DOCTYPE` or `<!ENTITY` (see the module comment). */
  readonly declaresDtd: boolean;
  /** The `<` not followed by `/` (in a UTF-16 part, every `<`). */
  readonly openTags: number;
}

const LT = 0x3c;
const SLASH = 0x2f;
const WORDS = ['!doctype', '!entity'].map((word) => Array.from(word, (c) => c.charCodeAt(0)));

/** Whether the ASCII `word` (lower case) follows position `i`, one character every `stride` bytes, the other byte of each UTF-16 unit (at `zero` from it) being 0. */
function follows(bytes: Uint8Array, i: number, word: readonly number[], stride: 1 | 2, zero: -1 | 0 | 1): boolean {
  for (let k = 0; k < word.length; k++) {
    const at = i + stride * (k + 1);
    const byte = bytes[at] ?? 0;
    // Upper case letters fold to lower case; other bytes must match exactly.
    const folded = byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte;
    if (folded !== word[k] || (zero !== 0 && bytes[at + zero] !== 0)) return false;
  }
  return true;
}

/** Scans `bytes` (see the module comment). */
export function scanPart(bytes: Uint8Array): PartScan {
  let openTags = 0;
  let declaresDtd = false;
  for (let i = bytes.indexOf(LT); i >= 0; i = bytes.indexOf(LT, i + 1)) {
    const next = bytes[i + 1];
    if (next !== SLASH) openTags++;
    if (declaresDtd || (next !== 0x21 && next !== 0 && bytes[i - 1] !== 0)) continue;
    for (const word of WORDS) {
      if (follows(bytes, i, word, 1, 0) || follows(bytes, i, word, 2, 1) || follows(bytes, i, word, 2, -1)) declaresDtd = true;
    }
  }
  return { declaresDtd, openTags };
}
