/**
 * A draft under review (tests/fixtures/review-article.copydesk: pending suggestions of two
 * authors, open, resolved and detached threads) survives unchanged what a draft goes through in
 * the main process: sent as the renderer sends it, saved and opened again, journalled and taken
 * back after a crash, kept as a version and restored.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftToJson, parseDraft, serializeDraft, type Draft } from '../../shared/draft/format';
import { checkDraftText } from '../../shared/ipc/checked-draft';
import { encodeDraftText } from '../../shared/ipc/draft-text';
import { indexReview } from '../../shared/review/index';
import { sampleChecked, servicesFixture, type ServicesFixture } from './helpers/services-fixtures';

const REVIEW_TEXT = readFileSync(new URL('../fixtures/review-article.copydesk', import.meta.url), 'utf8');
const REVIEW = parseDraft(REVIEW_TEXT);

/** The draft as the renderer sends it (its incremental encoder), checked as the IPC door checks it. */
const sent = (draft: Draft = REVIEW) => checkDraftText(encodeDraftText(draft.meta, draft.doc));

/** `text` holds the review draft unchanged: the same document (marks and review data) and metadata, `updated` and `savedBy` aside (a save stamps them). */
function expectUnchanged(text: string): void {
  const draft = parseDraft(text);
  expect(draft.doc.eq(REVIEW.doc)).toBe(true);
  expect(draft.doc.attrs.review).toEqual(REVIEW.doc.attrs.review);
  expect(indexReview(draft.doc)).toEqual(indexReview(REVIEW.doc));
  expect({ ...draft.meta, updated: '', savedBy: undefined }).toEqual({ ...REVIEW.meta, updated: '', savedBy: undefined });
}

let fx: ServicesFixture;
beforeEach(async () => {
  fx = await servicesFixture();
});
afterEach(async () => {
  await fx.cleanup();
});

describe('a draft under review', () => {
  it('is sent by the renderer as the file format writes it', () => {
    expect(encodeDraftText(REVIEW.meta, REVIEW.doc)).toBe(JSON.stringify(draftToJson(REVIEW)));
    expect(serializeDraft(sent())).toBe(REVIEW_TEXT);
  });

  it('survives save and reload, and saves again to the same bytes', async () => {
    const created = await fx.services.drafts.create();
    fx.clock.advance(60_000);
    const saved = await fx.services.drafts.save(created.name, sent(), created.hash);
    if (!saved.ok) throw new Error('the save failed');
    const onDisk = await fs.readFile(path.join(fx.workspace, created.name), 'utf8');
    expectUnchanged(onDisk);
    const opened = await fx.services.drafts.open(created.name);
    expectUnchanged(opened.draft);
    // Loaded and sent back unchanged, it writes the same file (the save's time aside, which the clock keeps).
    const again = await fx.services.drafts.save(created.name, sent(parseDraft(opened.draft)), opened.hash);
    expect(again.ok).toBe(true);
    expect(await fs.readFile(path.join(fx.workspace, created.name), 'utf8')).toBe(onDisk);
  });

  it('survives the crash journal', async () => {
    await fx.services.recovery.record('open-1', { name: 'review.copydesk', draft: sent() });
    expect(await fx.services.recovery.list()).toEqual([
      { key: 'open-1', readable: true, name: 'review.copydesk', headline: expect.any(String) as string, savedAt: '2026-03-01T09:00:00.000Z' },
    ]);
    const taken = await fx.services.recovery.take('open-1');
    expect(taken.name).toBe('review.copydesk');
    expectUnchanged(taken.draft);
  });

  it('survives a version restore', async () => {
    const created = await fx.services.drafts.create();
    const first = await fx.services.drafts.save(created.name, sent(), created.hash);
    if (!first.ok) throw new Error('the save failed');
    fx.clock.advance(6 * 60_000);
    // The review is then accepted and rejected away (here: a plain draft saved over it).
    const second = await fx.services.drafts.save(created.name, sampleChecked('All accepted'), first.hash);
    expect(second.ok).toBe(true);
    const versions = await fx.services.versions.list(created.name);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    const restored = await Promise.all(versions.map(async (version) => fx.services.versions.restore(created.name, version.id)));
    const underReview = restored.filter((text) => parseDraft(text).doc.attrs.review !== null);
    expect(underReview).toHaveLength(1);
    expectUnchanged(underReview[0] ?? '');
  });
});
