/**
 * openDocx on damaged Word files (fast-check): bytes changed, cut or spliced anywhere in a good
 * .docx either open, giving a zip that reads back, or are refused with a `DocxRefusal`; no other
 * error escapes, whatever the damage hits (headers, sizes, offsets, compressed data).
 */
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openDocx } from '../../shared/import/docx/package';
import { DocxRefusal } from '../../shared/import/docx/types';
import { goodDocx } from './helpers/hostile-docx';

/** A position in a file, as a fraction of its length: anywhere, or in its last quarter (the central directory and its end record). */
const position = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.double({ min: 0.75, max: 1, noNaN: true, maxExcluded: true }));

/** A change to a file: bytes set at positions, then maybe a cut. */
const damage = fc.record({
  writes: fc.array(fc.record({ at: position, byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constant(0xff)) }), { minLength: 1, maxLength: 8 }),
  cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});

describe('openDocx on damaged files', () => {
  it('opens or refuses, never throws anything else', async () => {
    const good = await goodDocx();
    let opened = 0;
    let refusedCount = 0;
    await fc.assert(
      fc.asyncProperty(damage, async ({ writes, cut }) => {
        const bytes = good.slice();
        for (const { at, byte } of writes) bytes[Math.floor(at * bytes.length)] = byte;
        const damaged = cut === undefined ? bytes : bytes.subarray(0, Math.floor(cut * bytes.length));
        try {
          const result = await openDocx(damaged, 'damaged.docx');
          expect(Object.keys(unzipSync(result.zip))).toContain('word/document.xml');
          opened++;
        } catch (error) {
          if (!(error instanceof DocxRefusal)) throw error;
          expect(error.message.startsWith('damaged.docx')).toBe(true);
          refusedCount++;
        }
      }),
      { numRuns: 600 },
    );
    // Nearly every change is caught (most bytes are compressed data under a CRC).
    expect(refusedCount).toBeGreaterThan(opened);
  });

  it('still opens a file whose unchecked fields changed (a modification time)', async () => {
    const bytes = (await goodDocx()).slice();
    bytes[10] = (bytes[10] ?? 0) ^ 0xff; // the first local header's modification time
    await expect(openDocx(bytes, 'touched.docx')).resolves.toMatchObject({ dropped: [] });
  });
});
