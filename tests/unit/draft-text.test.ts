/**
 * The draft the renderer sends (shared/ipc/draft-text.ts): byte for byte the UTF-8 of what
 * `JSON.stringify` gives for the draft's JSON value, for any draft and after any edit, with the
 * unchanged blocks' text reused; and the main process reads it back as the same draft.
 */
import { promises as fs } from 'node:fs';
import fc from 'fast-check';
import { Fragment, Slice } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { draftToJson, parseDraft } from '../../shared/draft/format';
import { DraftTextEncoder, encodeDraftText } from '../../shared/ipc/draft-text';
import { checkDraftText, type CheckedDraft } from '../../shared/ipc/checked-draft';
import { validateRequest } from '../../shared/ipc/validate';
import { schema } from '../../shared/schema';
import { arbDraft } from './helpers/arbitrary-doc';

const seed = parseDraft(await fs.readFile(new URL('../fixtures/seed-article.copydesk', import.meta.url), 'utf8'));

describe('DraftTextEncoder', () => {
  it('gives JSON.stringify of the draft JSON value for the seed and for random drafts', () => {
    expect(encodeDraftText(seed.meta, seed.doc)).toBe(JSON.stringify(draftToJson(seed)));
    fc.assert(
      fc.property(arbDraft, (draft) => {
        expect(encodeDraftText(draft.meta, draft.doc)).toBe(JSON.stringify(draftToJson(draft)));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the UTF-8 bytes of that text as the renderer sends it, multi-byte characters included', () => {
    const utf8 = new TextEncoder();
    const encoder = new DraftTextEncoder();
    expect(encoder.encodeBytes(seed.meta, seed.doc)).toEqual(utf8.encode(JSON.stringify(draftToJson(seed))));
    const quoted = seed.doc.replace(1, 1, new Slice(Fragment.from(schema.text('“Café” — 東京 🗞')), 0, 0));
    const bytes = encoder.encodeBytes(seed.meta, quoted);
    expect(bytes).toEqual(utf8.encode(JSON.stringify(draftToJson({ meta: seed.meta, doc: quoted }))));
    expect(bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength, 'its own buffer, which can be moved to a thread').toBe(true);
    fc.assert(
      fc.property(arbDraft, (draft) => {
        expect(encoder.encodeBytes(draft.meta, draft.doc)).toEqual(utf8.encode(JSON.stringify(draftToJson(draft))));
      }),
      { numRuns: 100 },
    );
  });

  it('after an edit, converts only the changed block and still gives the exact text', () => {
    const encoder = new DraftTextEncoder();
    encoder.encodeBytes(seed.meta, seed.doc);
    // Type at the start of the first body paragraph.
    let pos = 0;
    let index = 0;
    while (seed.doc.child(index).type.name !== 'paragraph') pos += seed.doc.child(index++).nodeSize;
    const edited = seed.doc.replace(pos + 1, pos + 1, new Slice(Fragment.from(schema.text('X')), 0, 0));
    let converted = 0;
    const original = JSON.stringify;
    const spy = (value: unknown, ...rest: unknown[]): string => {
      converted++;
      return (original as (v: unknown, ...r: unknown[]) => string)(value, ...rest);
    };
    JSON.stringify = spy as typeof JSON.stringify;
    let text: string;
    try {
      text = new TextDecoder().decode(encoder.encodeBytes(seed.meta, edited));
    } finally {
      JSON.stringify = original;
    }
    expect(text).toBe(JSON.stringify(draftToJson({ meta: seed.meta, doc: edited })));
    expect(text).toContain('"text":"X');
    // The changed block and the envelope (a document without review data has a constant shell): two calls, not one per block.
    expect(converted).toBe(2);
    expect(seed.doc.childCount).toBeGreaterThan(10);
  });

  it('is what the main process accepts as a save, and reads back as the same draft', () => {
    const text = encodeDraftText(seed.meta, seed.doc);
    const request = validateRequest('drafts.save', { name: 'seed.copydesk', draft: text, baseHash: null });
    // The services take the text (their worker threads read it again); it reads back as the same draft.
    const read = checkDraftText(request.draft.text);
    expect(draftToJson(read)).toEqual(draftToJson(seed));
    expect(read.doc.eq(seed.doc)).toBe(true);
    // Checked once at the door: the services take it as it is (by type), and the journal keeps its text.
    const checked: CheckedDraft = request.draft;
    expect(checked.text).toBe(text);
    // @ts-expect-error a loaded draft that no check read is no CheckedDraft
    const unchecked: CheckedDraft = seed;
    expect(unchecked).toBe(seed);
  });
});
