/** openDocx (shared/import/docx/package.ts): every hostile file refused with its kind and a sentence naming it, by importDocx too; a good one opens with mammoth. */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../shared/import/docx/index';
import { openDocx } from '../../shared/import/docx/package';
import { DocxRefusal } from '../../shared/import/docx/types';
import { GOOD_DOCX_TEXT, HOSTILE_DOCX, goodDocx } from './helpers/hostile-docx';

/** The refusal `openDocx` throws for `bytes`; fails when it opens them. */
async function refusal(bytes: Uint8Array, fileName: string): Promise<DocxRefusal> {
  try {
    await openDocx(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(DocxRefusal);
    return error as DocxRefusal;
  }
  throw new Error(`expected ${fileName} to be refused`);
}

describe('openDocx', () => {
  it('opens a good .docx: its zip reads with mammoth, with the text and the footnote', async () => {
    const opened = await openDocx(await goodDocx(), 'good.docx');
    expect(opened.dropped).toEqual([]);
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(opened.zip) });
    expect(result.value).toContain(GOOD_DOCX_TEXT.headline);
    expect(result.value).toContain(GOOD_DOCX_TEXT.body);
    expect(result.value).toContain(GOOD_DOCX_TEXT.note);
    expect(result.value).toContain('href="https://example.org/port"');
  });

  for (const hostile of HOSTILE_DOCX) {
    it(`refuses ${hostile.name} (${hostile.kind})`, async () => {
      const error = await refusal(await hostile.bytes(), hostile.fileName);
      expect(error.kind).toBe(hostile.kind);
      expect(error.message.startsWith(hostile.fileName)).toBe(true);
      // One sentence: a single final full stop, no line break.
      expect(error.message).toMatch(/^[^\n]+\.$/u);
      expect(error.message.slice(0, -1)).not.toMatch(/\.\s+[A-Z]/u);
    });

    it(`importDocx refuses ${hostile.name} the same way`, async () => {
      await expect(importDocx(await hostile.bytes(), { fileName: hostile.fileName })).rejects.toSatisfy((error) => error instanceof DocxRefusal && error.kind === hostile.kind && error.message.startsWith(hostile.fileName));
    });
  }
});
