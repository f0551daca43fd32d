/**
 * `SaveController.flushForUnload` (renderer/app/session/save-controller.ts), what the renderer
 * runs when the main process asks for a flush before a reload or a close: over the real API and
 * services, edits the autosave timers have not written yet are saved and the journal record is
 * gone (a reload is no crash); a draft that cannot be saved (changed on disk meanwhile) keeps its
 * edits in the journal and answers false.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi, type CopydeskApi } from '../../shared/ipc/api';
import type { SchedulerTimers } from '../../shared/autosave';
import { SaveController } from '../../renderer/app/session/save-controller';
import { createHarness, draftText, type Harness } from './helpers/ipc-harness';

// Timers that never fire: nothing is written unless the flush writes it.
const STOPPED: SchedulerTimers = { now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined };

let h: Harness;
let api: CopydeskApi;

beforeEach(async () => {
  h = await createHarness();
  api = createApi({ invoke: (channel, payload) => h.call(channel, payload), subscribe: () => () => undefined });
});

afterEach(async () => {
  await h.dispose();
});

async function opened(key: string, headline: () => string): Promise<{ saver: SaveController; name: string }> {
  const { name, hash } = await api.drafts.create();
  // The journal wrote a record a second after typing, as before a reload at one second.
  await api.recovery.record({ key, name, draft: draftText('Journalled') });
  const saver = new SaveController({ api, identity: { name, hash }, journalKey: key, journalExists: true, snapshot: () => draftText(headline()), timers: STOPPED });
  return { saver, name };
}

describe('flushForUnload', () => {
  it('saves what was typed just now and forgets the journal record', async () => {
    let headline = 'Journalled';
    const { saver, name } = await opened('k-saved', () => headline);
    headline = 'Journalled, and the last sentence';
    saver.edited();
    expect(await saver.flushForUnload()).toBe(true);
    expect(saver.dirty).toBe(false);
    const file = JSON.parse(await fs.readFile(path.join(h.workspace(), name), 'utf8')) as { doc: { content: { content?: { text: string }[] }[] } };
    expect(file.doc.content[0]?.content?.[0]?.text).toBe('Journalled, and the last sentence');
    expect(await api.recovery.list()).toEqual([]);
  });

  it('keeps the edits in the journal when the file cannot be saved (changed on disk)', async () => {
    const { saver, name } = await opened('k-conflict', () => 'Mine');
    await fs.writeFile(path.join(h.workspace(), name), JSON.stringify(JSON.parse(draftText('Theirs'))));
    saver.edited();
    expect(await saver.flushForUnload()).toBe(false);
    const entries = await api.recovery.list();
    expect(entries).toMatchObject([{ key: 'k-conflict', readable: true, headline: 'Mine' }]);
  });
});
