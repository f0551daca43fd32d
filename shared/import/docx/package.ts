/**
 * `openDocx`: a Word file is a zip of XML written by someone else; this checks it before any
 * reader sees a byte of it, and gives the package re-zipped from the checked entries only.
 *
 * Refused, each with one sentence that names the file and says what to do (`DocxRefusal`):
 * - a file over `DOCX_LIMITS.fileBytes`, a zip with more than `DOCX_LIMITS.entries` entries, or one
 *   that expands past `DOCX_LIMITS.entryBytes` for an entry or `DOCX_LIMITS.totalBytes` in all
 *   (zip bombs: enforced while inflating, see package-zip.ts);
 * - what is not a zip (an HTML page or a text file named .docx, a truncated or damaged zip), a
 *   password-protected Word file (an OLE compound file holding an encrypted package), an old
 *   Word 97–2003 `.doc`;
 * - a macro-enabled document (`.docm`/`.dotm` by name, a macro-enabled content type, a
 *   `vbaProject.bin` part);
 * - any part that declares a DTD or an entity (`<!DOCTYPE`, `<!ENTITY`, in UTF-8 or UTF-16): XXE
 *   and entity expansion; Word never writes one (package-scan.ts); more than
 *   `DOCX_LIMITS.openTags` XML tags in all;
 * - a zip without `word/document.xml`.
 *
 * External relationships other than hyperlinks lose their target (package-rels.ts: the element
 * stays, for mammoth's sake) and are listed in `dropped`. Nothing is fetched and nothing is read
 * from disk: this works on the bytes given. The re-zipped package stores its entries uncompressed
 * (quicker to write and to read; it lives only in memory).
 */
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { cleanRels } from './package-rels';
import { scanPart } from './package-scan';
import { looksLikeZip, readZip, ZipProblem, type ZipEntry, type ZipLimits } from './package-zip';
import { MAX_DOCX_FILE_BYTES } from '../types';
import { DocxRefusal, type DocxPackage } from './types';

const MB = 1024 * 1024;

/**
 * The limits of a Word file. A news article with a dozen photos as Word keeps them (compressed to
 * 220 ppi by default) is 5–15 MB; 64 MB leaves room for full-size phone photos. Its XML is a few MB
 * even for a long feature, so 64 MB for one part and 128 MB for the whole expanded package only
 * stop bombs and absurd files, and bound the memory an import takes. Word writes 15–30 parts plus
 * one per image: 1000 entries is far beyond any article. The XML reader's tree is the real cost
 * (about 800 bytes per element: 64 MB of dense tags would make gigabytes), so the tags opened in
 * all parts are bounded too: pandoc and LibreOffice open about 110,000 tags for an article of
 * 100,000 words with 2,000 footnotes, Word (run splits, proofing marks) perhaps three times
 * that; 1,000,000 keeps each tree built from the package under a gigabyte.
 */
export const DOCX_LIMITS: ZipLimits & { readonly fileBytes: number; readonly openTags: number } = {
  fileBytes: MAX_DOCX_FILE_BYTES, // the callers read no more (../types.ts)
  entries: 1000,
  entryBytes: 64 * MB,
  totalBytes: 128 * MB,
  openTags: 1_000_000,
};

/** The part every Word document has (mammoth falls back to it when `_rels/.rels` does not say). */
export const DOCX_MAIN_PART = 'word/document.xml';

function megabytes(bytes: number): string {
  return `${String(Math.round(bytes / MB))} MB`;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, i) => bytes[i] === byte);

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether `bytes` contains `text` (ASCII) encoded as UTF-16LE, the names of an OLE file's streams. */
function hasUtf16Name(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

function encrypted(fileName: string): DocxRefusal {
  return new DocxRefusal('encrypted', `${fileName} is protected with a password: remove it in Word (File > Info > Protect Document) and import again.`);
}

/** The refusal for a file that is not a zip, from what its first bytes look like. */
function notZip(bytes: Uint8Array, fileName: string): DocxRefusal {
  if (startsWith(bytes, OLE)) {
    // An encrypted .docx is an OLE file holding the streams EncryptionInfo and EncryptedPackage; an old .doc is one too, without them.
    if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo')) {
      return encrypted(fileName);
    }
    return new DocxRefusal('not-docx', `${fileName} is an old Word 97–2003 document, not a .docx: open it in Word, save it as .docx and import that.`);
  }
  const head = strFromU8(bytes.subarray(0, 1024), true).replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/u, '').replace(/\0/gu, '').trimStart();
  if (/^<(!doctype\s+html|html|head|body|meta|title|!--)/iu.test(head) || (/^</u.test(head) && /<(html|body)[\s>]/iu.test(head))) {
    return new DocxRefusal('not-zip', `${fileName} looks like an HTML page, not a Word document: save it as .html and import that.`);
  }
  if (head.startsWith('<?xml') && /Word\.Document|w:wordDocument|pkg:package/u.test(head)) {
    return new DocxRefusal('not-zip', `${fileName} is a Word XML file, not a .docx: open it in Word, save it as .docx and import that.`);
  }
  if (head.startsWith('{\\rtf')) return new DocxRefusal('not-zip', `${fileName} is an RTF file, not a .docx: open it in Word, save it as .docx and import that.`);
  if (head.startsWith('%PDF')) return new DocxRefusal('not-zip', `${fileName} is a PDF file, not a Word document: import the Word file it was made from.`);
  return new DocxRefusal('not-zip', `${fileName} is not a Word document (it is not a zip file): check that it is the right file and import the .docx itself.`);
}

function damaged(fileName: string): DocxRefusal {
  return new DocxRefusal('not-zip', `${fileName} is damaged or incomplete: save it again from Word (or download it again) and import the new file.`);
}

function tooLargeExpanded(fileName: string): DocxRefusal {
  return new DocxRefusal(
    'too-large',
    `${fileName} expands to more than Copydesk opens from a Word file (${megabytes(DOCX_LIMITS.entryBytes)} for one part, ${megabytes(DOCX_LIMITS.totalBytes)} in all; a “zip bomb” does this): if it is a real document, split it or compress its pictures in Word and import again.`,
  );
}

/** The refusal for a problem found while reading the zip. */
function zipRefusal(problem: ZipProblem, fileName: string): DocxRefusal {
  switch (problem.kind) {
    case 'too-many':
      return new DocxRefusal('too-large', `${fileName} holds more than ${String(DOCX_LIMITS.entries)} files, far more than a Word article: save it again from Word as .docx and import that.`);
    case 'too-large':
    case 'lying':
      return tooLargeExpanded(fileName);
    case 'encrypted':
      return encrypted(fileName);
    case 'method':
      return new DocxRefusal('unreadable', `${fileName} is compressed in a way Word does not use: save it again from Word as .docx and import that.`);
    case 'damaged':
      return damaged(fileName);
  }
}

function macros(fileName: string): DocxRefusal {
  return new DocxRefusal('macros', `${fileName} contains macros: Copydesk does not open macro-enabled documents; save it as .docx without macros.`);
}

const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/** Refuses a package that carries macros (see the module comment). */
function checkMacros(entries: readonly ZipEntry[], fileName: string): void {
  for (const entry of entries) {
    if (/^vbaProject\.bin$|^vbaData\.xml$/iu.test(baseName(entry.name))) throw macros(fileName);
    if (entry.name === '[Content_Types].xml' && /macroEnabled|vbaProject/iu.test(strFromU8(entry.bytes))) throw macros(fileName);
    if (entry.name.endsWith('.rels') && /\/(vbaProject|wordVbaData|keyMapCustomizations)["']/iu.test(strFromU8(entry.bytes))) throw macros(fileName);
  }
}

/**
 * Checks the Word file `bytes` (named `fileName`, no folder: it is quoted in messages) and gives
 * the package re-zipped from its checked entries, its external relationships other than links
 * emptied. Throws `DocxRefusal` (see the module comment). Nothing is fetched or read from disk.
 */
export async function openDocx(bytes: Uint8Array, fileName: string): Promise<DocxPackage> {
  if (/\.(docm|dotm)$/iu.test(fileName)) throw macros(fileName);
  if (bytes.length > DOCX_LIMITS.fileBytes) {
    throw new DocxRefusal('too-large', `${fileName} is larger than ${megabytes(DOCX_LIMITS.fileBytes)}, the most Copydesk imports from a Word file: compress its pictures in Word (Picture Format > Compress Pictures) and import again.`);
  }
  if (!looksLikeZip(bytes)) throw notZip(bytes, fileName);
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes, DOCX_LIMITS);
  } catch (error) {
    if (error instanceof ZipProblem) throw zipRefusal(error, fileName);
    throw error;
  }
  // `__proto__` as a key would set the prototype of the object a reader unzips into (fflate's unzipSync).
  if (entries.some((entry) => entry.name === '__proto__')) throw damaged(fileName);
  checkMacros(entries, fileName);
  let openTags = 0;
  for (const entry of entries) {
    const scan = scanPart(entry.bytes);
    if (scan.declaresDtd) {
      throw new DocxRefusal('dtd', `${fileName} declares a DTD or entities in ${entry.name}, which Word never writes and which can make a reader open other files: save it again from Word as .docx and import that.`);
    }
    openTags += scan.openTags;
    if (openTags > DOCX_LIMITS.openTags) {
      throw new DocxRefusal('too-large', `${fileName} holds more markup than Copydesk reads from a Word file (over ${DOCX_LIMITS.openTags.toLocaleString('en')} XML tags; an article of 100,000 words has a few hundred thousand): split it in Word and import the parts.`);
    }
  }
  if (!entries.some((entry) => entry.name === DOCX_MAIN_PART)) {
    throw new DocxRefusal('not-docx', `${fileName} is a zip file but not a Word document (it has no ${DOCX_MAIN_PART}): save it from Word as .docx and import that.`);
  }
  const dropped: string[] = [];
  const files = Object.create(null) as Zippable;
  for (const entry of entries) {
    let data = entry.bytes;
    if (entry.name.toLowerCase().endsWith('.rels')) {
      const cleaned = cleanRels(strFromU8(data));
      if (!cleaned) throw damaged(fileName);
      for (const sentence of cleaned.dropped) if (!dropped.includes(sentence)) dropped.push(sentence);
      if (cleaned.dropped.length) data = strToU8(cleaned.xml);
    }
    files[entry.name] = [data, { level: 0 }];
  }
  return { zip: zipSync(files), dropped };
}
