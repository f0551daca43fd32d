/**
 * openDocx's zip reading (shared/import/docx/package-zip.ts) on zips written by hand and by real
 * writers: bombs refused fast and without a large allocation, ZIP64 and data descriptors read,
 * damaged, encrypted and oddly compressed entries refused; and the first-bytes checks.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { DOCX_LIMITS, openDocx } from '../../shared/import/docx/package';
import { DocxRefusal, type DocxRefusalKind } from '../../shared/import/docx/types';
import { GOOD_DOCX_TEXT, crc32, deflatedZeros, goodDocx, goodRaw, utf16be, utf16le, zipOf, type RawEntry } from './helpers/hostile-docx';

/** The refusal of `bytes` by openDocx (kind and message); fails when they open. */
async function refused(bytes: Uint8Array, fileName = 'story.docx'): Promise<{ kind: DocxRefusalKind; message: string }> {
  try {
    await openDocx(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(DocxRefusal);
    const { kind, message } = error as DocxRefusal;
    expect(message.startsWith(fileName)).toBe(true);
    return { kind, message };
  }
  throw new Error('expected the file to be refused');
}

/** The HTML mammoth makes of an opened package. */
async function textOf(bytes: Uint8Array): Promise<string> {
  const opened = await openDocx(bytes, 'story.docx');
  return (await mammoth.convertToHtml({ buffer: Buffer.from(opened.zip) })).value;
}

/** Runs `make` and returns how long it took and how much ArrayBuffer memory it left allocated (an upper bound of what it allocated and dropped, unless a GC ran in between). */
async function measured(make: () => Promise<unknown>): Promise<{ ms: number; arrayBufferBytes: number }> {
  const before = process.memoryUsage().arrayBuffers;
  const start = performance.now();
  await make().catch(() => undefined);
  return { ms: performance.now() - start, arrayBufferBytes: process.memoryUsage().arrayBuffers - before };
}

const MB = 1024 * 1024;

describe('zip bombs', () => {
  it('refuses 1 GB of zeros declared truly before inflating anything', async () => {
    const zeros = deflatedZeros(1024 * MB);
    expect(zeros.data.length).toBeLessThan(1.5 * MB);
    const bytes = zipOf([...(await goodRaw()), { name: 'word/media/zeros.bin', data: zeros.data, method: 8, size: 1024 * MB, crc: zeros.crc }]);
    expect((await refused(bytes)).kind).toBe('too-large');
    const cost = await measured(() => openDocx(bytes, 'story.docx'));
    expect(cost.ms).toBeLessThan(2000); // inflating the gigabyte takes several seconds
    expect(cost.arrayBufferBytes).toBeLessThan(8 * MB);
  });

  it('stops inflating as soon as an entry passes the size it declares (10 kB declared, 1 GB inside)', async () => {
    const zeros = deflatedZeros(1024 * MB);
    const bytes = zipOf([...(await goodRaw()), { name: 'word/media/zeros.bin', data: zeros.data, method: 8, size: 10_000, crc: zeros.crc }]);
    expect((await refused(bytes)).kind).toBe('too-large');
    const cost = await measured(() => openDocx(bytes, 'story.docx'));
    expect(cost.ms).toBeLessThan(2000); // inflating the gigabyte takes several seconds
    expect(cost.arrayBufferBytes).toBeLessThan(8 * MB);
  });

  it('inflates a lying entry at most to the entry limit (60 MB declared, 1 GB inside), in bounded time', async () => {
    const zeros = deflatedZeros(1024 * MB);
    const bytes = zipOf([...(await goodRaw()), { name: 'word/media/zeros.bin', data: zeros.data, method: 8, size: 60 * MB, crc: zeros.crc }]);
    const cost = await measured(async () => expect((await refused(bytes)).kind).toBe('too-large'));
    expect(cost.ms).toBeLessThan(10_000);
    // The 60 MB inflated (in chunks, then dropped) at most, never the gigabyte.
    expect(cost.arrayBufferBytes).toBeLessThan(256 * MB);
  });

  it('refuses entries whose declared sizes add up past the package limit (the same data listed many times)', async () => {
    const zeros = deflatedZeros(32 * MB);
    const entries: RawEntry[] = Array.from({ length: 5 }, (_, i) => ({ name: `word/media/z${String(i)}.bin`, data: zeros.data, method: 8, size: 32 * MB, crc: zeros.crc }));
    expect(5 * 32 * MB).toBeGreaterThan(DOCX_LIMITS.totalBytes);
    expect((await refused(zipOf([...(await goodRaw()), ...entries]))).kind).toBe('too-large');
  });

  it('refuses a file over the size limit without reading it', async () => {
    const big = new Uint8Array(DOCX_LIMITS.fileBytes + 1);
    big.set(await goodDocx());
    const { kind, message } = await refused(big);
    expect(kind).toBe('too-large');
    expect(message).toContain('64 MB');
  });
});

describe('zips as real writers make them', () => {
  it('reads a zip with data descriptors (sizes after the data, as Java writes) and one in ZIP64 form', async () => {
    const raw = await goodRaw();
    expect(await textOf(zipOf(raw, { descriptor: true }))).toContain(GOOD_DOCX_TEXT.body);
    expect(await textOf(zipOf(raw, { zip64: true }))).toContain(GOOD_DOCX_TEXT.body);
  });

  it('opens a .docx written by pandoc, and mammoth reads its footnote', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'docx-package-'));
    try {
      writeFileSync(join(folder, 'in.md'), `# Title\n\n${GOOD_DOCX_TEXT.body}[^1]\n\n[^1]: ${GOOD_DOCX_TEXT.note}\n`);
      execFileSync('pandoc', [join(folder, 'in.md'), '-o', join(folder, 'out.docx')]);
      const text = await textOf(new Uint8Array(readFileSync(join(folder, 'out.docx'))));
      expect(text).toContain(GOOD_DOCX_TEXT.body);
      expect(text).toContain(GOOD_DOCX_TEXT.note);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives the reader only the entries it checked: one hidden from the central directory is not in the new zip', async () => {
    const vba = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]);
    const raw = await goodRaw();
    const bytes = zipOf([{ name: 'word/vbaProject.bin', data: vba, method: 0, size: vba.length, crc: crc32(vba), hidden: true }, ...raw]);
    const opened = await openDocx(bytes, 'story.docx');
    expect(Object.keys(unzipSync(opened.zip)).sort()).toEqual(raw.map((entry) => entry.name).sort());
  });

  it('leaves folder entries out and keeps every file entry byte for byte', async () => {
    const raw = await goodRaw();
    const opened = await openDocx(zipOf([{ name: 'word/', data: new Uint8Array(0), method: 0, size: 0, crc: 0 }, ...raw]), 'story.docx');
    const entries = unzipSync(opened.zip);
    expect(Object.keys(entries).sort()).toEqual(raw.map((entry) => entry.name).sort());
    for (const entry of raw) expect(entries[entry.name]).toEqual(entry.data);
  });
});

describe('damaged and odd zips', () => {
  it('refuses a CRC that does not match, two entries with one name, and a cut central directory as damaged', async () => {
    const raw = await goodRaw();
    const badCrc = raw.map((entry) => (entry.name === 'word/document.xml' ? { ...entry, crc: (entry.crc + 1) >>> 0 } : entry));
    expect(await refused(zipOf(badCrc))).toMatchObject({ kind: 'not-zip', message: expect.stringContaining('damaged or incomplete') as string });
    expect((await refused(zipOf([...raw, raw[0]!]))).kind).toBe('not-zip');
    const whole = zipOf(raw);
    expect((await refused(whole.subarray(0, whole.length - 30))).kind).toBe('not-zip');
  });

  it('refuses an entry named __proto__ (a reader unzipping into an object would take it for the prototype)', async () => {
    const data = strToU8('[]');
    expect((await refused(zipOf([...(await goodRaw()), { name: '__proto__', data, method: 0, size: data.length, crc: crc32(data) }]))).kind).toBe('not-zip');
  });

  it('refuses an entry whose deflate stream is broken', async () => {
    const raw = await goodRaw();
    const garbage = strToU8('this is not a deflate stream at all, just bytes');
    const entry = { name: 'word/styles.xml', data: garbage, method: 8, size: 100, crc: 0 };
    expect((await refused(zipOf([...raw.filter((e) => e.name !== entry.name), entry]))).kind).toBe('not-zip');
  });

  it('refuses a zip-encrypted entry as encrypted and another compression method as unreadable', async () => {
    const raw = await goodRaw();
    expect((await refused(zipOf(raw.map((entry, i) => (i === 0 ? { ...entry, flags: 1 } : entry))))).kind).toBe('encrypted');
    const bzip = raw.map((entry) => (entry.name === 'word/document.xml' ? { ...entry, method: 12 } : entry));
    expect((await refused(zipOf(bzip))).kind).toBe('unreadable');
  });
});

describe('files that are not a .docx', () => {
  it('names what they are: an old .doc, an empty file, plain text, RTF, PDF, Word XML', async () => {
    const doc = new Uint8Array(2048);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    doc.set(utf16le('WordDocument').subarray(2), 1024);
    expect(await refused(doc)).toMatchObject({ kind: 'not-docx', message: expect.stringContaining('Word 97–2003') as string });
    const encrypted = new Uint8Array(2048);
    encrypted.set(doc.subarray(0, 8));
    encrypted.set(utf16le('EncryptionInfo').subarray(2), 1024);
    expect(await refused(encrypted)).toMatchObject({ kind: 'encrypted', message: expect.stringContaining('password') as string });
    expect((await refused(new Uint8Array(0))).kind).toBe('not-zip');
    expect(await refused(strToU8('Just some notes.\n'))).toMatchObject({ kind: 'not-zip', message: expect.stringContaining('not a zip') as string });
    expect((await refused(strToU8('{\\rtf1\\ansi hello}'))).message).toContain('RTF');
    expect((await refused(strToU8('%PDF-1.7\n'))).message).toContain('PDF');
    expect((await refused(strToU8('<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument/>'))).message).toContain('Word XML');
    expect((await refused(strToU8('\ufeff  <html><body>x</body></html>'))).message).toContain('HTML page');
  });
});

describe('what is checked inside', () => {
  it('refuses a DTD however it is written: lower case, an entity alone, in [Content_Types].xml, in UTF-16BE, in an SVG', async () => {
    const raw = await goodRaw();
    const withPart = (name: string, data: Uint8Array): Uint8Array => zipOf([...raw.filter((e) => e.name !== name), { name, data, method: 0, size: data.length, crc: crc32(data) }]);
    const cases = [
      withPart('word/footnotes.xml', strToU8('<?xml version="1.0"?><!doctype x [<!entity e "x">]><x/>')),
      withPart('word/comments.xml', strToU8('<?xml version="1.0"?><x><!ENTITY e SYSTEM "file:///etc/passwd"></x>')),
      withPart('word/media/logo.svg', strToU8('<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>')),
      withPart('word/endnotes.xml', utf16be('<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd"><x/>')),
    ];
    const contentTypes = raw.find((e) => e.name === '[Content_Types].xml')!;
    const text = new TextDecoder().decode(contentTypes.data).replace(/^(<\?xml[^>]*\?>)/u, '$1<!DOCTYPE Types SYSTEM "file:///etc/passwd">');
    cases.push(withPart('[Content_Types].xml', strToU8(text)));
    for (const bytes of cases) {
      const { kind, message } = await refused(bytes);
      expect(kind).toBe('dtd');
      expect(message).toMatch(/in (word\/|\[Content_Types\])/u);
    }
  });

  it('refuses macros: .dotm and .DOCM by name, a vbaProject content type, a vbaProject relationship', async () => {
    const good = await goodDocx();
    expect((await refused(good, 'template.dotm')).kind).toBe('macros');
    expect((await refused(good, 'STORY.DOCM')).kind).toBe('macros');
    const raw = await goodRaw();
    const edit = (name: string, change: (text: string) => string): Uint8Array => zipOf(raw.map((entry) => {
      if (entry.name !== name) return entry;
      const data = strToU8(change(new TextDecoder().decode(entry.data)));
      return { ...entry, data, size: data.length, crc: crc32(data) };
    }));
    const vbaType = edit('[Content_Types].xml', (xml) => xml.replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'));
    const { kind, message } = await refused(vbaType);
    expect(kind).toBe('macros');
    expect(message).toBe('story.docx contains macros: Copydesk does not open macro-enabled documents; save it as .docx without macros.');
    const vbaRel = edit('word/_rels/document.xml.rels', (xml) => xml.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    expect((await refused(vbaRel)).kind).toBe('macros');
  });
});
