/**
 * The crash-recovery journal: records round-trip; every truncation and every flipped byte of a
 * real record is rejected (never restored as an empty or partial draft, VS Code #78500); the
 * service lists damaged records as unreadable with a reason, takes and discards records.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDraft } from '../../shared/draft/format';
import { checkDraftText } from '../../shared/ipc/checked-draft';
import { decodeJournalRecord, encodeJournalRecord, JOURNAL_MAGIC, JournalRecordError } from '../../electron/services/journal-record';
import { sampleDraft, sampleChecked, sampleJson, servicesFixture, type ServicesFixture } from './helpers/services-fixtures';

const text = serializeDraft(sampleDraft('Résumé of the night’s vote', 'Ünïcödé text — with “quotes” and 𝔪𝔞𝔱𝔥.'));
const record = encodeJournalRecord('k-1', 'story.copydesk', new Date('2026-03-01T09:00:00.000Z'), text);
// The seed article (the kind of text Copydesk exists for), as a second, larger real record.
const seedText = readFileSync(new URL('../fixtures/seed-article.copydesk', import.meta.url), 'utf8');
const seedRecord = encodeJournalRecord('seed', 'seed article.copydesk', new Date('2026-03-01T09:00:00.000Z'), seedText);

describe('journal record format', () => {
  it('round-trips, with a header line that names the key, the draft, the time, the length and the checksum', () => {
    const decoded = decodeJournalRecord(record);
    expect(decoded.text).toBe(text);
    expect(decoded.header).toMatchObject({ key: 'k-1', name: 'story.copydesk', savedAt: '2026-03-01T09:00:00.000Z', length: Buffer.byteLength(text) });
    const firstLine = Buffer.from(record).toString('utf8').split('\n')[0] ?? '';
    expect(firstLine.startsWith(`${JOURNAL_MAGIC} {`)).toBe(true);
  });

  it.each([
    ['a small record with non-ASCII text', record],
    ['the seed article', seedRecord],
  ])('rejects every truncation of %s (all lengths 0..n-1)', (_label, record) => {
    expect(decodeJournalRecord(record).header.length).toBeGreaterThan(0);
    const reasons = new Map<string, number>();
    for (let length = 0; length < record.length; length++) {
      let error: unknown;
      try {
        decodeJournalRecord(record.subarray(0, length));
      } catch (caught) {
        error = caught;
      }
      expect(error, `truncation to ${String(length)} of ${String(record.length)} bytes was accepted`).toBeInstanceOf(JournalRecordError);
      const reason = (error as Error).message.replace(/\d+/gu, 'N');
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    console.log(`journal: ${String(record.length)} truncations rejected; reasons: ${JSON.stringify(Object.fromEntries(reasons))}`);
    expect([...reasons.keys()].some((r) => r.includes('cut short'))).toBe(true);
  });

  it.each([
    ['a small record with non-ASCII text', record],
    ['the seed article', seedRecord],
  ])('rejects %s with any single byte flipped', (_label, record) => {
    let rejected = 0;
    for (let i = 0; i < record.length; i++) {
      const damaged = Buffer.from(record);
      damaged[i] = (damaged[i] ?? 0) ^ 0x20;
      expect(() => decodeJournalRecord(damaged), `flipped byte ${String(i)} was accepted`).toThrow(JournalRecordError);
      rejected++;
    }
    expect(rejected).toBe(record.length);
  });

  it('rejects trailing bytes and a body that is not a draft even with a matching checksum', () => {
    expect(() => decodeJournalRecord(Buffer.concat([record, Buffer.from('x')]))).toThrow(/longer than it says/u);
    const notDraft = encodeJournalRecord('k', null, new Date(), '{"format":"copydesk-draft","version":2}');
    expect(() => decodeJournalRecord(notDraft)).toThrow(/not a valid draft/u);
  });
});

describe('recovery service', () => {
  let fx: ServicesFixture;
  beforeEach(async () => {
    fx = await servicesFixture();
  });
  afterEach(async () => {
    await fx.cleanup();
  });
  const journalDir = (): string => path.join(fx.userData, 'recovery');

  it('records unsaved work, lists it, takes it back, and discards it', async () => {
    await fx.services.recovery.record('never-saved', { name: null, draft: sampleChecked('Fresh idea') });
    fx.clock.advance(1000);
    await fx.services.recovery.record('open-1', { name: 'story.copydesk', draft: sampleChecked('Unsaved edits') });
    expect(await fx.services.recovery.list()).toEqual([
      { key: 'never-saved', readable: true, name: null, headline: 'Fresh idea', savedAt: '2026-03-01T09:00:00.000Z' },
      { key: 'open-1', readable: true, name: 'story.copydesk', headline: 'Unsaved edits', savedAt: '2026-03-01T09:00:01.000Z' },
    ]);
    const taken = await fx.services.recovery.take('open-1');
    expect({ ...taken, draft: JSON.parse(taken.draft) as unknown }).toEqual({ name: 'story.copydesk', draft: sampleJson('Unsaved edits') });
    await fx.services.recovery.discard('open-1');
    await fx.services.recovery.discard('open-1'); // Twice is harmless.
    expect((await fx.services.recovery.list()).map((e) => e.key)).toEqual(['never-saved']);
  });

  it('once disposed, waits for the writes under way and starts none: a late journal write is refused and writes nothing', async () => {
    const { name, hash } = await fx.services.drafts.create();
    // A save and a journal write under way when the app quits both finish before dispose resolves.
    const saving = fx.services.drafts.save(name, sampleChecked('Last words'), hash);
    const journalling = fx.services.recovery.record('open-1', { name, draft: sampleChecked('Last words') });
    await fx.services.dispose();
    await expect(saving).resolves.toMatchObject({ ok: true });
    await expect(journalling).resolves.toBeUndefined();
    const files = await fs.readdir(journalDir());
    // A page still open sends one more: refused, and nothing appears in the folder.
    await expect(fx.services.recovery.record('open-2', { name, draft: sampleChecked('Too late') })).rejects.toMatchObject({ code: 'closed' });
    await expect(fx.services.drafts.save(name, sampleChecked('Too late'), hash)).rejects.toMatchObject({ code: 'closed' });
    expect(await fs.readdir(journalDir())).toEqual(files);
    expect(files.some((file) => file.startsWith('open-1'))).toBe(true);
  });

  it('lists a truncated record as unreadable with the reason and refuses to restore it', async () => {
    await fx.services.recovery.record('cut', { name: null, draft: sampleChecked('Half') });
    const file = path.join(journalDir(), 'cut.journal');
    const bytes = await fs.readFile(file);
    await fs.writeFile(file, bytes.subarray(0, bytes.length - 10));
    await fs.writeFile(path.join(journalDir(), 'empty.journal'), '');
    const list = await fx.services.recovery.list();
    expect(list).toEqual([
      { key: 'cut', readable: false, reason: expect.stringMatching(/cut short/u) as string },
      { key: 'empty', readable: false, reason: 'The record is empty.' },
    ]);
    await expect(fx.services.recovery.take('cut')).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('drops a record identical to the saved draft (a journal write that raced the save)', async () => {
    const created = await fx.services.drafts.create();
    await fx.services.recovery.record('same', { name: created.name, draft: checkDraftText(created.draft) });
    await fx.services.recovery.record('differs', { name: created.name, draft: sampleChecked('Newer') });
    expect((await fx.services.recovery.list()).map((e) => e.key)).toEqual(['differs']);
    expect(await fs.readdir(journalDir())).toEqual(['differs.journal']);
  });

  it('refuses keys that are not safe file names', async () => {
    for (const key of ['../x', 'a/b', '', 'x'.repeat(65), 'a.journal']) {
      await expect(fx.services.recovery.record(key, { name: null, draft: sampleChecked() })).rejects.toMatchObject({ code: 'invalid-key' });
    }
  });
});
