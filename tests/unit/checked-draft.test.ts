/**
 * `CheckedDraft` (shared/ipc/checked-draft.ts): the one value the services take a draft as, made
 * only by `checkDraftText` (a draft that crossed as text, read as a file is) or `checkOwnDraft`
 * (a draft the main process built). Type tests show that nothing else passes for one.
 */
import { describe, expect, it } from 'vitest';
import { DRAFT_VERSION, draftToJson, newDraft, parseDraft, serializeDraft, type Draft } from '../../shared/draft/format';
import { checkDraftText, checkOwnDraft, checkSentDraft, draftContent, SentDraft, type CheckedDraft } from '../../shared/ipc/checked-draft';
import { encodeDraftText } from '../../shared/ipc/draft-text';
import { schema } from '../../shared/schema';
import type { AppServices } from '../../electron/services/app-services';
import { deepDoc } from './helpers/deep-draft';
import { sampleDraft } from './helpers/services-fixtures';

const refusal = (run: () => unknown): Error => {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
};

describe('checkDraftText', () => {
  it('reads the wire text as parseDraft reads a file, and keeps the text as it came', () => {
    const draft = sampleDraft('Checked');
    for (const text of [encodeDraftText(draft.meta, draft.doc), serializeDraft(draft), `\uFEFF${serializeDraft(draft)}`]) {
      const checked = checkDraftText(text);
      expect(checked.text).toBe(text);
      expect(checked.doc.eq(draft.doc)).toBe(true);
      expect(checked.meta).toEqual(parseDraft(text).meta);
    }
  });

  it('refuses what parseDraft refuses, with the same message', () => {
    const json = draftToJson(sampleDraft());
    const bad = [
      'not json',
      JSON.stringify({ ...json, meta: { ...(json.meta as object), status: 'published' } }),
      JSON.stringify({ ...json, version: DRAFT_VERSION + 1 }),
      JSON.stringify({ ...json, doc: { type: 'doc', content: [{ type: 'paragraph' }] } }),
      '{"format":"copydesk-draft","format":"copydesk-draft"}',
    ];
    for (const text of bad) expect(refusal(() => checkDraftText(text)).message).toBe(refusal(() => parseDraft(text)).message);
  });

  it('reads a draft sent as its UTF-8 bytes as its text, and refuses bytes that are not UTF-8', () => {
    const draft = sampleDraft('Café “quoted”');
    const text = `\uFEFF${serializeDraft(draft)}`;
    const checked = checkDraftText(new TextEncoder().encode(text));
    expect(checked.text).toBe(text);
    expect(checked.doc.eq(draft.doc)).toBe(true);
    const latin1 = new TextEncoder().encode(serializeDraft(sampleDraft('Caf?')));
    latin1[latin1.indexOf(0x3f)] = 0xe9;
    expect(refusal(() => checkDraftText(latin1)).message).toBe('Not UTF-8 text, so not a Copydesk draft.');
  });
});

describe('checkSentDraft', () => {
  it('of a draft sent as bytes: the services are given the bytes the reader answered with, its text only when asked', async () => {
    const text = serializeDraft(sampleDraft('Sent as bytes'));
    const sent = new TextEncoder().encode(text);
    // A reader that moves the bytes it is given, as the worker threads do, and answers with them.
    const answered = sent.slice();
    const checked = await checkSentDraft(new SentDraft(sent), async () => {
      sent.fill(0);
      return { ok: true, encoded: { bytes: answered, sha256: 'f'.repeat(64) } };
    });
    expect(draftContent(checked)).toBe(answered);
    expect(checked.text).toBe(text);
    // Moved on since (the journal's thread): the text cannot be made up from nothing.
    const moved = await checkSentDraft(new SentDraft(new TextEncoder().encode(text)), async () => ({ ok: true, encoded: { bytes: new Uint8Array(0), sha256: 'f'.repeat(64) } }));
    expect(() => moved.text).toThrow(/moved to another thread/u);
  });

  it('of a draft sent as text: the text as it came, the bytes when the reader made them', async () => {
    const text = serializeDraft(sampleDraft('Sent as text'));
    const plain = await checkSentDraft(new SentDraft(text), async () => ({ ok: true }));
    expect(plain.text).toBe(text);
    expect(draftContent(plain)).toBe(text);
    const bytes = new TextEncoder().encode(text);
    const encoded = await checkSentDraft(new SentDraft(text), async () => ({ ok: true, encoded: { bytes, sha256: 'f'.repeat(64) } }));
    expect(encoded.text).toBe(text);
    expect(draftContent(encoded)).toBe(bytes);
  });
});

describe('checkOwnDraft', () => {
  it('serialises a draft the main process built once, as its file text', () => {
    const draft = sampleDraft('Imported');
    const checked = checkOwnDraft(draft);
    expect(checked.text).toBe(serializeDraft(draft));
    expect(checked.doc).toBe(draft.doc);
  });

  it('refuses a document the schema does not allow, or nested too deeply', () => {
    const { meta } = newDraft(new Date('2026-01-01T00:00:00Z'));
    // NodeType.create does not check content: a doc without its headline, standfirst and sources.
    const unchecked: Draft = { meta, doc: schema.topNodeType.create(null, [schema.node('paragraph')]) };
    expect(() => checkOwnDraft(unchecked)).toThrow(RangeError);
    expect(() => checkOwnDraft({ meta, doc: deepDoc(600) })).toThrow(/nested too deeply/u);
  });
});

describe('the services take only checked drafts (type tests)', () => {
  it('refuses a loaded draft, a JSON value or text where a CheckedDraft is taken', () => {
    const draft = sampleDraft();
    // @ts-expect-error a loaded draft that no check read is not a CheckedDraft
    const fromDraft: CheckedDraft = draft;
    // @ts-expect-error nor is a draft with a text beside it
    const withText: CheckedDraft = { ...draft, text: serializeDraft(draft) };
    // @ts-expect-error nor is the JSON value of a draft
    const fromJson: CheckedDraft = draftToJson(draft);
    const save = (services: AppServices): unknown => [
      // @ts-expect-error drafts.save takes a CheckedDraft
      services.drafts.save('a.copydesk', draft, null),
      // @ts-expect-error drafts.saveAs takes a CheckedDraft
      services.drafts.saveAs(null, serializeDraft(draft), 'b.copydesk'),
      // @ts-expect-error the journal takes a CheckedDraft
      services.recovery.record('k', { name: null, draft: draftToJson(draft) }),
      // @ts-expect-error an export of an unsaved draft takes a CheckedDraft
      services.exports.write('a.copydesk', 'html', { draft }, '/tmp/a.html'),
      services.drafts.save('a.copydesk', checkDraftText(serializeDraft(draft)), null),
    ];
    expect([fromDraft, withText, fromJson, typeof save]).toHaveLength(4);
  });
});
