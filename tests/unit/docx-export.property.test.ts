/**
 * Random drafts (hostile text, every block kind, citations of missing sources, unsafe and broken
 * URLs) through the Word export, read back by pandoc: the file always opens, the headline is the
 * title, and every citation of an existing source is one footnote holding that source's text.
 */
import { promises as fs } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { exportDocx } from '../../shared/export/docx';
import { indexFootnotes } from '../../shared/footnotes';
import { sourceText } from '../../shared/sources/style';
import { arbDraft } from './helpers/arbitrary-doc';
import { nodesOf, notesOf, pandocDocx, textOf } from './helpers/docx-readers';
import { tempDir } from './helpers/services-fixtures';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('docx-property');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();
// What pandoc keeps of a text: XML cannot hold control characters (the writer drops them).
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const readable = (text: string): string => collapse(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu, ''));

describe('random drafts as Word', () => {
  it('open in pandoc with their headline and a footnote holding its source at each citation', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arbDraft, async (draft) => {
        const read = await pandocDocx(await exportDocx(draft), dir, `random-${String(n++)}.docx`);
        const headline = readable(draft.doc.child(0).textContent);
        if (headline) expect(textOf(read.meta.title?.c)).toBe(headline);
        const index = indexFootnotes(draft.doc);
        const expected = index.citations.flatMap((citation) => {
          const entry = index.byId.get(citation.source);
          return entry ? [readable(sourceText(entry.node as PMNode))] : [];
        });
        // Footnotes in body order: paragraphs, lists, quotes (the figure's caption and the Read-also box hold none).
        expect(notesOf(read.blocks).map(readable)).toEqual(expected);
        expect(nodesOf(read.blocks, 'Image')).toHaveLength(0);
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
