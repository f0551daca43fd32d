/**
 * A new draft's file is named from its headline (drafts.nameFromHeadline), on real files:
 * while its metadata says autoName, never over another file, with its versions and recent entry.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { sha256Hex } from '../../electron/node/draft-file';
import { checkOwnDraft } from '../../shared/ipc/checked-draft';
import { checkedJson, namesIn, sampleDraft, sampleJson, servicesFixture, type ServicesFixture } from './helpers/services-fixtures';

let fx: ServicesFixture;
beforeEach(async () => {
  fx = await servicesFixture();
});
afterEach(async () => {
  await fx.cleanup();
});

const file = (name: string): string => path.join(fx.workspace, name);

/** Creates a new draft and saves `headline` into it (as the renderer does, keeping autoName). */
async function newDraftWith(headline: string): Promise<{ name: string; hash: string }> {
  const created = await fx.services.drafts.create();
  const json = sampleJson(headline);
  const saved = await fx.services.drafts.save(created.name, checkedJson({ ...json, meta: parseDraft(created.draft).meta }), created.hash);
  if (!saved.ok) throw new Error('save failed');
  return { name: created.name, hash: saved.hash };
}

describe('drafts.nameFromHeadline', () => {
  it('a new draft says autoName and is renamed to its headline’s slug, bytes unchanged', async () => {
    const created = await fx.services.drafts.create();
    expect(parseDraft(await fs.readFile(file(created.name), 'utf8')).meta.autoName).toBe(true);
    const { name, hash } = await newDraftWith('Council approves the budget');
    expect(await fx.services.drafts.nameFromHeadline(name)).toEqual({ name: 'council-approves-the-budget.copydesk' });
    expect(await namesIn(fx.workspace)).toContain('council-approves-the-budget.copydesk');
    expect(await namesIn(fx.workspace)).not.toContain(name);
    expect(sha256Hex(await fs.readFile(file('council-approves-the-budget.copydesk')))).toBe(hash);
    // The renamed file saves on with the same base hash.
    const again = await fx.services.drafts.save('council-approves-the-budget.copydesk', checkedJson({ ...sampleJson('Council approves the budget', 'More.'), meta: parseDraft(created.draft).meta }), hash);
    expect(again.ok).toBe(true);
  });

  it('never takes the name of another file: the next free number', async () => {
    const other = serializeDraft(sampleDraft('Someone else'));
    await fs.writeFile(file('council-approves-budget.copydesk'), other);
    const { name } = await newDraftWith('Council approves budget');
    expect(await fx.services.drafts.nameFromHeadline(name)).toEqual({ name: 'council-approves-budget-2.copydesk' });
    expect(await fs.readFile(file('council-approves-budget.copydesk'), 'utf8')).toBe(other);
    // In step already (numbered): left as it is.
    expect(await fx.services.drafts.nameFromHeadline('council-approves-budget-2.copydesk')).toEqual({ name: 'council-approves-budget-2.copydesk' });
  });

  it('follows a changed headline, and goes back to untitled when it is emptied', async () => {
    const { name, hash } = await newDraftWith('First title');
    const first = (await fx.services.drafts.nameFromHeadline(name)).name;
    expect(first).toBe('first-title.copydesk');
    const meta = parseDraft(await fs.readFile(file(first), 'utf8')).meta;
    const saved = await fx.services.drafts.save(first, checkOwnDraft({ ...sampleDraft('Second title'), meta }), hash);
    if (!saved.ok) throw new Error('save failed');
    expect(await fx.services.drafts.nameFromHeadline(first)).toEqual({ name: 'second-title.copydesk' });
    const emptied = await fx.services.drafts.save('second-title.copydesk', checkOwnDraft({ ...sampleDraft(''), meta }), saved.hash);
    expect(emptied.ok).toBe(true);
    expect(await fx.services.drafts.nameFromHeadline('second-title.copydesk')).toEqual({ name: 'untitled.copydesk' });
  });

  it('leaves a draft whose name is not automatic (older files, renamed by hand) alone', async () => {
    await fs.writeFile(file('my story.copydesk'), serializeDraft(sampleDraft('Council approves budget')));
    expect(await fx.services.drafts.nameFromHeadline('my story.copydesk')).toEqual({ name: 'my story.copydesk' });
    const { name, hash } = await newDraftWith('Council approves budget');
    const meta = { ...parseDraft(await fs.readFile(file(name), 'utf8')).meta, autoName: false };
    await fx.services.drafts.save(name, checkOwnDraft({ ...sampleDraft('Council approves budget'), meta }), hash);
    expect(await fx.services.drafts.nameFromHeadline(name)).toEqual({ name });
    expect(await namesIn(fx.workspace)).toEqual(['my story.copydesk', name]);
  });

  it('takes the draft’s versions and recent entry along', async () => {
    const { name } = await newDraftWith('Versions follow');
    const before = await fx.services.versions.list(name);
    expect(before.length).toBeGreaterThan(0);
    const renamed = (await fx.services.drafts.nameFromHeadline(name)).name;
    expect(await fx.services.versions.list(renamed)).toEqual(before);
    expect((await fx.services.settings.recentDrafts()).map((r) => r.name)).toEqual([renamed]);
  });
});

describe('drafts.rename names the file by hand', () => {
  it('clears autoName in the file, so the name stays when the headline changes', async () => {
    const { name } = await newDraftWith('Council approves budget');
    await fx.services.drafts.rename(name, 'my story.copydesk');
    const draft = parseDraft(await fs.readFile(file('my story.copydesk'), 'utf8'));
    expect(draft.meta.autoName).toBe(false);
    expect(draft.doc.firstChild?.textContent).toBe('Council approves budget');
    expect(await fx.services.drafts.nameFromHeadline('my story.copydesk')).toEqual({ name: 'my story.copydesk' });
  });
});
