/**
 * Word files for the tests of `openDocx` and of everything that imports a .docx: a good one made
 * with the `docx` package, and hostile ones built in memory (zip bombs, macros, DTDs, external
 * relationships, files that are not zips), listed in `HOSTILE_DOCX` with the refusal each gets.
 *
 * The bombs are built without ever holding their expanded size (`deflatedZeros`), and the zip
 * around them is written by hand (`zipOf`), so a test can make a 1 GB entry that fits in about
 * 1 MB, with its size declared truly or as a lie.
 */
import { Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { constants as zlibConstants, crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { DocxRefusalKind } from '../../../shared/import/docx/types';

/** A hostile Word file: how to make it and the refusal it must get. */
export interface HostileDocx {
  /** What it is, for test names. */
  readonly name: string;
  /** The name it is imported under (refusals quote it). */
  readonly fileName: string;
  /** Its bytes (made afresh each call). */
  readonly bytes: () => Promise<Uint8Array>;
  /** The `DocxRefusal` kind it gets. */
  readonly kind: DocxRefusalKind;
}

/** The text of the good document's paragraphs, to check that a reader saw it. */
export const GOOD_DOCX_TEXT = { headline: 'Harbour dredging resumes', body: 'The port authority said work would resume on Monday.', note: 'Port authority, press release, 3 March 2025.' } as const;

/** A small real .docx (the `docx` package): a heading, a paragraph with a footnote and a link. */
export async function goodDocx(): Promise<Uint8Array> {
  const document = new Document({
    footnotes: { 1: { children: [new Paragraph(GOOD_DOCX_TEXT.note)] } },
    sections: [{
      children: [
        new Paragraph({ text: GOOD_DOCX_TEXT.headline, heading: HeadingLevel.TITLE }),
        new Paragraph({ children: [new TextRun(GOOD_DOCX_TEXT.body), new FootnoteReferenceRun(1)] }),
        new Paragraph({ children: [new ExternalHyperlink({ link: 'https://example.org/port', children: [new TextRun('The notice')] })] }),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The good document's entries, to make variants of it. */
export async function goodEntries(): Promise<Record<string, Uint8Array>> {
  return unzipSync(await goodDocx());
}

/** `entries` zipped again (deflated). */
export function rezip(entries: Record<string, Uint8Array>): Uint8Array {
  return zipSync(entries as Zippable);
}

/** One entry of a hand-written zip: its name and its data as stored (deflated when `method` is 8). */
export interface RawEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** 0 stored, 8 deflated; anything else for a method no reader should accept. */
  readonly method: number;
  /** The expanded size the zip declares (the truth, or a lie). */
  readonly size: number;
  readonly crc: number;
  /** General-purpose flags (bit 0: encrypted; bit 3, set by `descriptor`: sizes after the data). */
  readonly flags?: number;
  /** Written with its local header only, left out of the central directory (a reader that scans local headers finds it, others do not). */
  readonly hidden?: boolean;
}

/** How `zipOf` writes the zip. */
export interface ZipOfOptions {
  /** Sizes and CRC in a data descriptor after each entry's data, the local header holding zeros (as Java's ZipOutputStream writes). */
  readonly descriptor?: boolean;
  /** The central directory in ZIP64 form: every size and offset 0xFFFFFFFF with a ZIP64 extra field, and a ZIP64 end record. */
  readonly zip64?: boolean;
}

/** A zip written by hand from `entries`, declaring whatever sizes they say (under 4 GB). */
export function zipOf(entries: readonly RawEntry[], options: ZipOfOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const flags = (entry.flags ?? 0) | (options.descriptor ? 8 : 0);
    const local = new Uint8Array(30 + name.length);
    const view = new DataView(local.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, flags, true);
    view.setUint16(8, entry.method, true);
    if (!options.descriptor) {
      view.setUint32(14, entry.crc, true);
      view.setUint32(18, entry.data.length, true);
      view.setUint32(22, entry.size, true);
    }
    view.setUint16(26, name.length, true);
    local.set(name, 30);
    const descriptor = new Uint8Array(options.descriptor ? 16 : 0);
    if (options.descriptor) {
      const dview = new DataView(descriptor.buffer);
      dview.setUint32(0, 0x08074b50, true);
      dview.setUint32(4, entry.crc, true);
      dview.setUint32(8, entry.data.length, true);
      dview.setUint32(12, entry.size, true);
    }
    const extra = options.zip64 ? 28 : 0;
    const header = new Uint8Array(46 + name.length + extra);
    const cview = new DataView(header.buffer);
    cview.setUint32(0, 0x02014b50, true);
    cview.setUint16(4, options.zip64 ? 45 : 20, true);
    cview.setUint16(6, options.zip64 ? 45 : 20, true);
    cview.setUint16(8, flags, true);
    cview.setUint16(10, entry.method, true);
    cview.setUint32(16, entry.crc, true);
    cview.setUint32(20, options.zip64 ? 0xffffffff : entry.data.length, true);
    cview.setUint32(24, options.zip64 ? 0xffffffff : entry.size, true);
    cview.setUint16(28, name.length, true);
    cview.setUint16(30, extra, true);
    cview.setUint32(42, options.zip64 ? 0xffffffff : offset, true);
    header.set(name, 46);
    if (options.zip64) {
      const at = 46 + name.length;
      cview.setUint16(at, 0x0001, true);
      cview.setUint16(at + 2, 24, true);
      cview.setBigUint64(at + 4, BigInt(entry.size), true);
      cview.setBigUint64(at + 12, BigInt(entry.data.length), true);
      cview.setBigUint64(at + 20, BigInt(offset), true);
    }
    parts.push(local, entry.data, descriptor);
    if (!entry.hidden) central.push(header);
    offset += local.length + entry.data.length + descriptor.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const count = central.length;
  const tail: Uint8Array[] = [];
  if (options.zip64) {
    const end64 = new Uint8Array(56 + 20);
    const view = new DataView(end64.buffer);
    view.setUint32(0, 0x06064b50, true);
    view.setBigUint64(4, 44n, true);
    view.setUint16(12, 45, true);
    view.setUint16(14, 45, true);
    view.setBigUint64(24, BigInt(count), true);
    view.setBigUint64(32, BigInt(count), true);
    view.setBigUint64(40, BigInt(centralSize), true);
    view.setBigUint64(48, BigInt(offset), true);
    view.setUint32(56, 0x07064b50, true); // the locator
    view.setBigUint64(64, BigInt(offset + centralSize), true);
    view.setUint32(72, 1, true);
    tail.push(end64);
  }
  const end = new Uint8Array(22);
  const eview = new DataView(end.buffer);
  eview.setUint32(0, 0x06054b50, true);
  eview.setUint16(8, options.zip64 ? 0xffff : count, true);
  eview.setUint16(10, options.zip64 ? 0xffff : count, true);
  eview.setUint32(12, options.zip64 ? 0xffffffff : centralSize, true);
  eview.setUint32(16, options.zip64 ? 0xffffffff : offset, true);
  return concat([...parts, ...central, ...tail, end]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * `size` zeros (whole megabytes), deflated, with their CRC-32, never holding them: 1 MB of zeros
 * deflated with a full flush is a byte-aligned run of blocks that does not refer back, so the
 * stream is that run repeated, then an empty final block.
 */
export function deflatedZeros(size: number): { data: Uint8Array; crc: number } {
  const mb = 1024 * 1024;
  if (size % mb !== 0) throw new RangeError('deflatedZeros takes whole megabytes');
  const zeros = new Uint8Array(mb);
  const run = deflateRawSync(zeros, { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH });
  const finalBlock = deflateRawSync(new Uint8Array(0));
  const data = new Uint8Array(run.length * (size / mb) + finalBlock.length);
  let crc = 0;
  for (let i = 0; i < size / mb; i++) {
    data.set(run, i * run.length);
    crc = zlibCrc32(zeros, crc);
  }
  data.set(finalBlock, data.length - finalBlock.length);
  return { data, crc };
}

/** The CRC-32 of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  return zlibCrc32(bytes);
}

/** The good document's entries as raw entries stored uncompressed, for hand-written zips. */
export async function goodRaw(): Promise<RawEntry[]> {
  return Object.entries(await goodEntries()).map(([name, data]) => ({ name, data, method: 0, size: data.length, crc: crc32(data) }));
}

/** The good document with a 1 GB `word/media/zeros.bin` (zeros, ~1 MB deflated), its size declared truly. */
export async function bombDocx(size = 1024 * 1024 * 1024): Promise<Uint8Array> {
  const zeros = deflatedZeros(size);
  return zipOf([...(await goodRaw()), { name: 'word/media/zeros.bin', data: zeros.data, method: 8, size, crc: zeros.crc }]);
}

/** The good document with a `word/document.xml` replaced by 1 GB of zeros declaring 10 kB: the declared size lies. */
export async function lyingBombDocx(): Promise<Uint8Array> {
  const zeros = deflatedZeros(1024 * 1024 * 1024);
  const rest = (await goodRaw()).filter((entry) => entry.name !== 'word/document.xml');
  return zipOf([...rest, { name: 'word/document.xml', data: zeros.data, method: 8, size: 10_000, crc: zeros.crc }]);
}

/** The good document with `extra` entries added (or replaced). */
async function withEntries(extra: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const entries = await goodEntries();
  for (const [name, value] of Object.entries(extra)) entries[name] = typeof value === 'string' ? strToU8(value) : value;
  return rezip(entries);
}

/** The good document with its text `edit`ed in part `name`. */
async function editedPart(name: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const entries = await goodEntries();
  const part = entries[name];
  if (!part) throw new Error(`the good document has no ${name}`);
  entries[name] = strToU8(edit(strFromU8(part)));
  return rezip(entries);
}

const XML_DECL = /^<\?xml[^>]*\?>/u;

/** `xml` with `dtd` after its XML declaration, and `use` (an entity reference) after the body paragraph's text when given. */
function withDtd(xml: string, dtd: string, use?: string): string {
  const withDeclaration = xml.replace(XML_DECL, (decl) => `${decl}\n${dtd}`);
  return use ? withDeclaration.replace(GOOD_DOCX_TEXT.body, `${GOOD_DOCX_TEXT.body} ${use}`) : withDeclaration;
}

const LAUGHS = ['<!DOCTYPE lolz [', ' <!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${String(i + 1)} "${`&lol${i ? String(i) : ''};`.repeat(10)}">`), ']>'].join('\n');

/** `text` encoded as UTF-16LE with its byte-order mark. */
export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** `text` encoded as UTF-16BE with its byte-order mark. */
export function utf16be(text: string): Uint8Array {
  const le = utf16le(text);
  return Uint8Array.from(le, (_, i) => le[i ^ 1] ?? 0);
}

/** The good document whose `word/_rels/document.xml.rels` links an image at `imageUrl` (used in the text) and whose settings attach the template at `templateUrl`. */
export async function externalDocx(imageUrl: string, templateUrl: string): Promise<Uint8Array> {
  const entries = await goodEntries();
  const relsName = 'word/_rels/document.xml.rels';
  const rels = strFromU8(entries[relsName]!).replace('</Relationships>',
    `<Relationship Id="rIdLinked" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${imageUrl}" TargetMode="External"/></Relationships>`);
  entries[relsName] = strToU8(rels);
  const picture = `<w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="9" name="Linked"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="9" name="Linked"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rIdLinked"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
  entries['word/document.xml'] = strToU8(strFromU8(entries['word/document.xml']!).replace('</w:p>', `${picture}</w:p>`));
  entries['word/settings.xml'] ??= strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>');
  entries['word/settings.xml'] = strToU8(strFromU8(entries['word/settings.xml']).replace(/<w:settings\b[^>]*>/u, (tag) => `${tag}<w:attachedTemplate r:id="rIdTemplate"/>`).replace(/<w:settings\b([^>]*)\/>/u, '<w:settings$1><w:attachedTemplate r:id="rIdTemplate"/></w:settings>'));
  entries['word/_rels/settings.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdTemplate" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="${templateUrl}" TargetMode="External"/></Relationships>`);
  return rezip(entries);
}

/** A zip of `entries` (text), deflated. */
function zipOfTexts(entries: Record<string, string>): Uint8Array {
  return rezip(Object.fromEntries(Object.entries(entries).map(([name, text]) => [name, strToU8(text)])));
}

/** The hostile files every importer of .docx must refuse, with the refusal each gets. */
export const HOSTILE_DOCX: readonly HostileDocx[] = [
  { name: 'a zip bomb (1 GB of zeros in ~1 MB, its size declared)', fileName: 'bomb.docx', bytes: () => bombDocx(), kind: 'too-large' },
  { name: 'a zip bomb whose declared size lies', fileName: 'lying-bomb.docx', bytes: lyingBombDocx, kind: 'too-large' },
  {
    name: 'too many entries',
    fileName: 'many.docx',
    bytes: async () => withEntries(Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`word/media/tiny-${String(i)}.bin`, 'x']))),
    kind: 'too-large',
  },
  {
    name: 'too much markup (1,000,001 empty paragraphs, 6 MB of XML)',
    fileName: 'dense.docx',
    bytes: () => editedPart('word/document.xml', (xml) => xml.replace('<w:body>', `<w:body>${'<w:p/>'.repeat(1_000_001)}`)),
    kind: 'too-large',
  },
  { name: 'an XXE entity (SYSTEM file:///etc/passwd)', fileName: 'xxe-file.docx', bytes: () => editedPart('word/document.xml', (xml) => withDtd(xml, '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', '&xxe;')), kind: 'dtd' },
  { name: 'an XXE entity (SYSTEM http://)', fileName: 'xxe-http.docx', bytes: () => editedPart('word/document.xml', (xml) => withDtd(xml, '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]>', '&xxe;')), kind: 'dtd' },
  { name: 'billion laughs', fileName: 'laughs.docx', bytes: () => editedPart('word/document.xml', (xml) => withDtd(xml, LAUGHS, '&lol9;')), kind: 'dtd' },
  { name: 'a DTD in a UTF-16 part', fileName: 'utf16-dtd.docx', bytes: () => withEntries({ 'word/footnotes.xml': utf16le('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>') }), kind: 'dtd' },
  { name: 'a .docm by name', fileName: 'story.docm', bytes: goodDocx, kind: 'macros' },
  {
    name: 'a macro-enabled content type',
    fileName: 'macro-type.docx',
    bytes: () => editedPart('[Content_Types].xml', (xml) => xml.replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.ms-word.document.macroEnabled.main+xml')),
    kind: 'macros',
  },
  { name: 'a vbaProject.bin part', fileName: 'vba.docx', bytes: () => withEntries({ 'word/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) }), kind: 'macros' },
  { name: 'a truncated zip', fileName: 'truncated.docx', bytes: async () => (await goodDocx()).subarray(0, 2000), kind: 'not-zip' },
  { name: 'an HTML file named .docx', fileName: 'page.docx', bytes: async () => strToU8('<!DOCTYPE html>\n<html><head><title>Story</title></head><body><p>Hello</p></body></html>'), kind: 'not-zip' },
  {
    name: 'a password-protected Word file (OLE, EncryptedPackage)',
    fileName: 'locked.docx',
    bytes: async () => {
      const bytes = new Uint8Array(4096);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      bytes.set(utf16le('EncryptedPackage').subarray(2), 1024 + 64);
      return bytes;
    },
    kind: 'encrypted',
  },
  { name: 'a zip without word/document.xml', fileName: 'photos.docx', bytes: async () => zipOfTexts({ '[Content_Types].xml': '<Types/>', 'notes.txt': 'not a Word document' }), kind: 'not-docx' },
];
