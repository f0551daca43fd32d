/**
 * `CheckedDraft` (shared/ipc/checked-draft.ts): the one value the services take a draft as, made
 * only by `checkDraftText` (a draft that crossed as text, read as a file is) or `checkOwnDraft`
 * (a draft the main process built). Type tests show that nothing else passes for one.
 */
import { describe, expect, it } from 'vitest';
import { DRAFT_VERSION, draftToJson, newDraft, parseDraft, serializeDraft, type Draft } from '../../shared/draft/format';
import { checkDraftText, checkOwnDraft, type CheckedDraft } from '../../shared/ipc/checked-draft';
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
