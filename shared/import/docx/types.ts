/**
 * The contracts of the Word (.docx) import, shared by its modules and its callers (the command
 * line and File > Import):
 *
 * - `openDocx(bytes, fileName)` (package.ts) checks the file as a zip of XML written by someone
 *   else (size, zip bombs, macros, DTDs, external relationships) and gives a clean package, or
 *   throws `DocxRefusal` with one sentence for the user;
 * - `importDocx(bytes, options)` (index.ts) makes the draft, its report and the images to copy
 *   into the draft's assets folder.
 */
import type { ImportOptions, ImportResult } from '../types';

/** Why a file is refused before it is read. */
export type DocxRefusalKind =
  | 'too-large' // the file, an entry or the whole package expands past DOCX_LIMITS
  | 'not-zip' // not a zip at all (an HTML or text file named .docx, a truncated file)
  | 'not-docx' // a zip, but not a Word document (no word/document.xml)
  | 'macros' // a macro-enabled document (.docm, vbaProject.bin, the macro content type)
  | 'dtd' // an XML part declares a DTD or entities (XXE, billion laughs): Word never writes one
  | 'encrypted' // password-protected (an OLE compound file, not a zip)
  | 'unreadable'; // the reader failed on it

/** A .docx refused; `message` is one sentence for the user that names the file and says what to do. */
export class DocxRefusal extends Error {
  /** What class of problem this is. */
  readonly kind: DocxRefusalKind;

  constructor(kind: DocxRefusalKind, message: string) {
    super(message);
    this.name = 'DocxRefusal';
    this.kind = kind;
  }
}

/** A checked Word package, ready for the reader. */
export interface DocxPackage {
  /** The package as a zip the reader may open: every entry checked, external relationships other than links removed. */
  readonly zip: Uint8Array;
  /** What was taken out of the package (an image linked from the web that was not fetched…), one sentence each, for the report's `dropped`. */
  readonly dropped: readonly string[];
}

/** An image of the Word file, to be written into the draft's assets folder. */
export interface ImportedAsset {
  /** The figure's `src` in the draft: `assets/<assetStem>/<file>`. */
  readonly src: string;
  /** The image's bytes, as the Word file holds them (its format checked by magic bytes). */
  readonly bytes: Uint8Array;
}

/** Options of `importDocx`. */
export interface DocxImportOptions extends ImportOptions {
  /** The file's name (no folder), for messages and for the `.docm` check. */
  readonly fileName: string;
  /**
   * The folder name under `assets/` that the draft's images go to (`assets/<assetStem>/image-1.png`):
   * the draft's stem when the caller knows it; `imported` by default. `withAssetStem` moves them
   * once the draft has its name.
   */
  readonly assetStem?: string;
}

/** A draft made from a Word file: the draft and report of every import, and its images. */
export interface DocxImportResult extends ImportResult {
  /** The images the draft's figures point at; the caller writes each at its `src` (relative to the workspace or the draft's folder). */
  readonly assets: readonly ImportedAsset[];
}
