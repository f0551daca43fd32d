/**
 * The main process's whole-draft work on worker threads (electron/services/draft-workers.ts,
 * draft-tasks.ts): journal writes and saves of the XL article go through the pool while the main
 * thread keeps turning; a broken draft is refused with the same message as on the thread and
 * nothing is written; records of one key land in the order sent, whichever is read first; the
 * services end their threads when disposed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { checkDraftText } from '../../shared/ipc/checked-draft';
import type { InvokeChannel, IpcReply } from '../../shared/ipc/channels';
import { MAX_DRAFT_TEXT } from '../../shared/ipc/fields';
import { encodeDraftText } from '../../shared/ipc/draft-text';
import { validateRequest } from '../../shared/ipc/validate';
import { createDispatcher } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import { createDraftWorkers, type DraftWorkers } from '../../electron/services/draft-workers';
import type { DraftTask } from '../../electron/services/draft-tasks';
import { decodeJournalRecord } from '../../electron/services/journal-record';
import { RecoveryJournal } from '../../electron/services/recovery';
import { generateArticle, SIZES } from '../bench/generate';
import { RecordingCaller } from './helpers/ipc-harness';
import { sampleDraft, tempDir } from './helpers/services-fixtures';

const APP = 'copydesk://app/index.html';
const xl = generateArticle(SIZES.XL);
const xlText = encodeDraftText(xl.meta, xl.doc);

/** `workers`, recording the kind of every task it runs. */
function recording(workers: DraftWorkers): DraftWorkers & { kinds: string[] } {
  const kinds: string[] = [];
  return { ...workers, kinds, threads: () => workers.threads(), run: (task, move) => (kinds.push(task.kind), workers.run(task, move)) };
}

describe('the services on worker threads', () => {
  let root: string;
  let workers: ReturnType<typeof recording>;
  let services: AppServices;
  let call: (channel: InvokeChannel, payload: unknown, caller?: RecordingCaller) => Promise<IpcReply>;

  beforeAll(async () => {
    root = await tempDir('copydesk-workers-');
    workers = recording(createDraftWorkers());
    services = await createAppServices({ userDataDir: path.join(root, 'user-data'), documentsDir: path.join(root, 'documents'), trash: async () => undefined, workers, lockRefreshMs: 0 });
    const dispatcher = createDispatcher(createHandlers({ services, emit: () => undefined }), { checkDraft: services.workers.checkDraft, log: () => undefined });
    call = (channel, payload, caller = new RecordingCaller()) => dispatcher.dispatch(channel, payload, { senderUrl: APP, caller });
    // The first thread is up before anything is timed.
    await services.workers.checkDraft(serializeDraft(sampleDraft()));
  });

  afterAll(async () => {
    await services.dispose();
    await workers.close();
    expect(workers.threads()).toBe(0);
    await fs.rm(root, { recursive: true, force: true });
  });

  it('journals the XL article through the pool while the main thread keeps turning', async () => {
    // What reading the draft on this thread costs: a timer could not fire during it.
    const onThread: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      checkDraftText(xlText);
      onThread.push(performance.now() - start);
    }
    const parse = onThread.sort((a, b) => a - b)[1] ?? 0;
    workers.kinds.length = 0;
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 1);
    const started = performance.now();
    const reply = await call('recovery.record', { key: 'xl', name: null, draft: xlText });
    const ended = performance.now();
    clearInterval(timer);
    expect(reply).toEqual({ ok: true, value: undefined });
    expect(services.workers.threaded).toBe(true);
    // Read and encoded at the door by a worker; the record made and written by one.
    expect(workers.kinds).toEqual(['check', 'journal']);
    const gaps = [started, ...ticks, ended].slice(1).map((at, i, all) => at - (i === 0 ? started : (all[i - 1] as number)));
    expect(ticks.length).toBeGreaterThan(2);
    expect(Math.max(...gaps)).toBeLessThan(parse);
    const { draft } = await services.recovery.take('xl');
    expect(draft === xlText, 'the journal holds the text as sent').toBe(true);
  });

  it('saves the XL article stamped by a worker, conflict-checked and atomic as before', async () => {
    const created = await call('drafts.create', undefined);
    if (!created.ok) throw new Error(created.error.message);
    const { name, hash } = created.value as { name: string; hash: string };
    workers.kinds.length = 0;
    const saved = await call('drafts.save', { name, draft: xlText, baseHash: hash });
    expect(saved).toMatchObject({ ok: true, value: { ok: true } });
    expect(workers.kinds).toEqual(['check', 'stamp']);
    const onDisk = parseDraft(await fs.readFile(path.join(services.settings.workspaceFolder(), name), 'utf8'));
    expect(onDisk.doc.eq(xl.doc)).toBe(true);
    expect(onDisk.meta.savedBy).toEqual(services.settings.person());
    // The old base hash no longer matches: a conflict, nothing written.
    const again = await call('drafts.save', { name, draft: xlText, baseHash: hash });
    expect(again).toMatchObject({ ok: true, value: { ok: false, reason: 'conflict' } });
  });

  it('imports (File > Import, a dropped file) on the pool, and opens, lists and exports there too', async () => {
    workers.kinds.length = 0;
    const imported = await call('drafts.importDropped', { fileName: 'wire.md', bytes: new TextEncoder().encode('# Wire story\n\nA paragraph with a source.[^1]\n\n[^1]: Agency, https://example.com/a\n') });
    if (!imported.ok) throw new Error(imported.error.message);
    const { name } = imported.value as { name: string };
    expect(name).toBe('wire-story.copydesk');
    expect(workers.kinds).toEqual(['import', 'check', 'stamp']);
    workers.kinds.length = 0;
    expect(await call('drafts.open', { name, access: 'read-only' })).toMatchObject({ ok: true });
    expect(await call('workspace.list', undefined)).toMatchObject({ ok: true });
    expect(workers.kinds).toContain('decode');
    expect(workers.kinds).toContain('library');
  });

  it('refuses a broken draft with the message of the check on the thread, and writes nothing', async () => {
    const broken = xlText.replace('{"type":"paragraph"', '{"type":"script"');
    expect(broken).not.toBe(xlText);
    let expected = '';
    try {
      validateRequest('recovery.record', { key: 'broken', name: null, draft: broken });
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(expected).toMatch(/draft: .*unknown node type "script"/u);
    const reply = await call('recovery.record', { key: 'broken', name: null, draft: broken });
    expect(reply).toEqual({ ok: false, error: { code: 'invalid-request', message: expected } });
    expect(await fs.readdir(path.join(root, 'user-data', 'recovery')).catch(() => [])).not.toContain('broken.journal');
  });

  it('a draft sent as its bytes, as the renderer sends one, is moved to the threads (not copied) and journalled, saved and exported as it came', async () => {
    const utf8 = new TextEncoder();
    const sent = utf8.encode(xlText);
    workers.kinds.length = 0;
    expect(await call('recovery.record', { key: 'bytes', name: null, draft: sent })).toEqual({ ok: true, value: undefined });
    expect(workers.kinds).toEqual(['check', 'journal']);
    // Moved to the check's thread, then on to the journal's: none left on this thread.
    expect(sent.byteLength).toBe(0);
    expect((await services.recovery.take('bytes')).draft === xlText).toBe(true);

    const created = await call('drafts.create', undefined);
    if (!created.ok) throw new Error(created.error.message);
    const { name, hash } = created.value as { name: string; hash: string };
    workers.kinds.length = 0;
    expect(await call('drafts.save', { name, draft: utf8.encode(xlText), baseHash: hash })).toMatchObject({ ok: true, value: { ok: true } });
    expect(workers.kinds).toEqual(['check', 'stamp']);
    expect(parseDraft(await fs.readFile(path.join(services.settings.workspaceFolder(), name), 'utf8')).doc.eq(xl.doc)).toBe(true);

    const target = path.join(root, 'bytes.md');
    const caller = new RecordingCaller();
    caller.exportAnswer = target;
    workers.kinds.length = 0;
    const exported = await call('export.write', { name, format: 'md', draft: utf8.encode(xlText) }, caller);
    expect(exported).toEqual({ ok: true, value: expect.anything() });
    expect(workers.kinds).toEqual(['check', 'export']);
    expect(await fs.readFile(target, 'utf8')).toContain(xl.doc.firstChild?.textContent ?? '?');
  });

  it('refuses bytes that are not UTF-8 text, or more than a draft may be, or a draft of another type, and writes nothing', async () => {
    const latin1 = new TextEncoder().encode(serializeDraft(sampleDraft('Caf?')));
    latin1[latin1.indexOf(0x3f)] = 0xe9; // "é" as Latin-1 writes it: not UTF-8
    const reply = await call('recovery.record', { key: 'latin1', name: null, draft: latin1 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(reply.ok ? '' : reply.error.message).toMatch(/draft: Not UTF-8 text, so not a Copydesk draft/u);
    const number = await call('recovery.record', { key: 'number', name: null, draft: 42 });
    expect(number.ok ? '' : number.error.message).toMatch(/draft: a draft is sent as its text or its UTF-8 bytes/u);
    const huge = await call('recovery.record', { key: 'huge', name: null, draft: new Uint8Array(MAX_DRAFT_TEXT + 1) });
    expect(huge.ok ? '' : huge.error.message).toMatch(/draft: a draft over 64 MB of text is more than Copydesk takes/u);
    expect(await fs.readdir(path.join(root, 'user-data', 'recovery')).catch(() => [])).not.toContain('latin1.journal');
  });
});

describe('journal writes of one key keep their order', () => {
  /** Runs tasks on a thread, holding back those of `kind` whose text holds `slow` until `release()`. */
  function heldBack(slow: string, kind: DraftTask['kind']): DraftWorkers & { release: () => void; held: () => number } {
    const real = createDraftWorkers({ maxThreads: 1 });
    // Each `release()` lets through the tasks held so far; later ones wait for the next.
    let open!: () => void;
    let held = 0;
    let gate = new Promise<void>((resolve) => (open = resolve));
    const release = (): void => {
      open();
      gate = new Promise<void>((resolve) => (open = resolve));
    };
    const textOf = (task: DraftTask): string => ('text' in task ? task.text : task.kind === 'journal' && 'text' in task.body ? task.body.text : '');
    const run = async <T extends DraftTask>(task: T, move?: readonly Uint8Array[]) => {
      if (task.kind === kind && textOf(task).includes(slow)) {
        held += 1;
        await gate;
      }
      return real.run(task, move);
    };
    return { ...real, threads: () => real.threads(), run, release, held: () => held };
  }

  it('a record read late never replaces the later one, through the door or into the journal', async () => {
    const root = await tempDir('copydesk-order-');
    const workers = heldBack('Earlier', 'check');
    const services = await createAppServices({ userDataDir: path.join(root, 'u'), documentsDir: path.join(root, 'd'), trash: async () => undefined, workers, lockRefreshMs: 0 });
    try {
      const dispatcher = createDispatcher(createHandlers({ services, emit: () => undefined }), { checkDraft: services.workers.checkDraft });
      const send = (headline: string): Promise<IpcReply> =>
        dispatcher.dispatch('recovery.record', { key: 'k', name: null, draft: serializeDraft(sampleDraft(headline)) }, { senderUrl: APP, caller: new RecordingCaller() });
      const earlier = send('Earlier');
      const later = send('Later');
      // The later one, read at once, waits for the earlier one to start.
      await new Promise((resolve) => setTimeout(resolve, 50));
      workers.release();
      expect(await Promise.all([earlier, later])).toEqual([{ ok: true, value: undefined }, { ok: true, value: undefined }]);
      expect(parseDraft((await services.recovery.take('k')).draft).doc.firstChild?.textContent).toBe('Later');
      // A discard sent after a record still being read applies after it: nothing is left.
      const third = send('Earlier again');
      const discard = dispatcher.dispatch('recovery.discard', { key: 'k' }, { senderUrl: APP, caller: new RecordingCaller() });
      await new Promise((resolve) => setTimeout(resolve, 50));
      workers.release();
      expect(await Promise.all([third, discard])).toEqual([{ ok: true, value: undefined }, { ok: true, value: undefined }]);
      expect(await services.recovery.list()).toEqual([]);
    } finally {
      await services.dispose();
      await workers.close();
      await fs.rm(root, { recursive: true, force: true });
    }
  });

  it('the journal writes records of one key in the order asked: a later one waits for a write under way', async () => {
    const dir = await tempDir('copydesk-journal-order-');
    const workers = heldBack('Earlier', 'journal');
    try {
      const journal = new RecoveryJournal(dir, workers);
      // Checked on this thread: no bytes from the door, so the journal has each record encoded by a worker.
      const earlier = journal.record('k', null, checkDraftText(serializeDraft(sampleDraft('Earlier'))));
      // The earlier record is being written (held on its thread) when the later one is asked.
      await vi.waitFor(() => expect(workers.held()).toBe(1));
      const later = journal.record('k', null, checkDraftText(serializeDraft(sampleDraft('Later'))));
      await new Promise((resolve) => setTimeout(resolve, 50));
      workers.release();
      await Promise.all([earlier, later]);
      const record = decodeJournalRecord(await fs.readFile(path.join(dir, 'k.journal')));
      expect(record.draft.doc.firstChild?.textContent).toBe('Later');
    } finally {
      await workers.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the pool', () => {
  it('is ended by the services that made it, and refuses work afterwards', async () => {
    const root = await tempDir('copydesk-pool-');
    const services = await createAppServices({ userDataDir: path.join(root, 'u'), documentsDir: path.join(root, 'd'), trash: async () => undefined, lockRefreshMs: 0 });
    expect(await services.workers.checkDraft(serializeDraft(sampleDraft()))).toMatchObject({ ok: true });
    expect(services.workers.threads()).toBeGreaterThan(0);
    await services.dispose();
    expect(services.workers.threads()).toBe(0);
    await expect(services.workers.checkDraft('{}')).rejects.toMatchObject({ code: 'closed', message: expect.stringMatching(/closing/u) as unknown });
    await fs.rm(root, { recursive: true, force: true });
  });
});
