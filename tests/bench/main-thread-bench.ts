/**
 * Issue 15's main-process rows: what the main process's one thread spends per journal write of
 * the XL article (100,000 words), and how late its event loop runs while an XL draft is typed
 * into. The real services (`createAppServices`, their worker threads) behind the real
 * dispatcher, on temporary folders; each payload is copied as the IPC pipe copies it.
 *
 * "Thread time" is the event loop's active time (`performance.eventLoopUtilization`) from the
 * call to its answer, with nothing else running: everything the thread did for the call, the
 * worker threads' parsing excluded.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AutosaveScheduler } from '../../shared/autosave';
import type { Draft } from '../../shared/draft/format';
import type { InvokeChannel, IpcReply } from '../../shared/ipc/channels';
import { encodeDraftText } from '../../shared/ipc/draft-text';
import { validateRequest } from '../../shared/ipc/validate';
import { createDispatcher } from '../../electron/api/dispatch';
import { createHandlers, NO_WINDOW } from '../../electron/api/handlers';
import { createAppServices } from '../../electron/services/app-services';
import { encodeJournalRecord } from '../../electron/services/journal-record';
import { timeRuns } from './node-bench';
import { median, quantile, repeatedResult, repeatRuns, resultOf, type BenchResult } from './results';

const caller = NO_WINDOW;

/** `text` with `n` letters typed into its first run of text, as the renderer sends it: its UTF-8 bytes (made before any timing). */
function typed(text: string, n: number): Uint8Array {
  const at = text.indexOf('"text":"') + '"text":"'.length;
  return new TextEncoder().encode(`${text.slice(0, at)}${'x'.repeat(n)}${text.slice(at)}`);
}

/** The main-thread rows at XL. */
export async function mainThreadRows(xl: Draft, quick: boolean, log: (message: string) => void): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const text = encodeDraftText(xl.meta, xl.doc);

  // Before issue 15, for reference: the door's parse and the record's bytes, on the thread.
  const before = timeRuns(() => {
    const { draft } = validateRequest('recovery.record', { key: 'bench', name: null, draft: text });
    return encodeJournalRecord('bench', null, new Date(), draft.text);
  }, quick ? 3 : 15);
  results.push(resultOf('journal write, main process thread, all on the thread (before issue 15)', 'XL', before, null, 'validateRequest (parseDraft on the calling thread) + encodeJournalRecord: what the thread did per write before the worker threads; reference'));

  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-main-bench-'));
  const services = await createAppServices({ userDataDir: path.join(root, 'user-data'), documentsDir: path.join(root, 'documents'), trash: async () => undefined, lockRefreshMs: 0 });
  try {
    const dispatcher = createDispatcher(createHandlers({ services, emit: () => undefined }), { checkDraft: services.workers.checkDraft });
    const call = async (channel: InvokeChannel, payload: unknown): Promise<unknown> => {
      // What the IPC pipe does: the main process receives a copy.
      const reply: IpcReply = await dispatcher.dispatch(channel, structuredClone(payload), { senderUrl: 'copydesk://app/index.html', caller });
      if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
      return reply.value;
    };
    const created = (await call('drafts.create', undefined)) as { name: string; hash: string };
    let hash = ((await call('drafts.save', { name: created.name, draft: text, baseHash: created.hash })) as { hash: string }).hash;

    // Thread time per journal write (and per save, for reference), one call at a time.
    const threadTime = async (runs: number, run: () => Promise<unknown>): Promise<number[]> => {
      const samples: number[] = [];
      for (let i = -2; i < runs; i++) {
        await nextTurn();
        const start = performance.eventLoopUtilization();
        await run();
        await nextTurn();
        const active = performance.eventLoopUtilization(start).active;
        if (i >= 0) samples.push(active);
      }
      return samples;
    };
    // What the renderer sends, made beforehand: the thread time is the main process's alone.
    const variants = Array.from({ length: 40 }, (_, i) => typed(text, i + 1));
    let n = 0;
    const next = (): Uint8Array => variants[n++ % variants.length] as Uint8Array;
    // A p95 budget: three runs, each figure the median of the runs' (results.ts `repeatRuns`).
    const journalRuns = await repeatRuns({ p95: 4 }, quick, async () => {
      const journal = await threadTime(quick ? 8 : 30, () => call('recovery.record', { key: 'bench', name: created.name, draft: next() }));
      log(`journal write, main process thread XL: p50 ${median(journal).toFixed(2)} ms, p95 ${quantile(journal, 0.95).toFixed(2)} ms`);
      return journal;
    });
    results.push(repeatedResult('journal write, main process thread', 'XL', journalRuns, { p95: 4 }, 'recovery.record of the draft as the renderer sends it (its UTF-8 bytes) through the dispatcher to the file: event-loop active time per call (the IPC copy, shape check, the bytes moved to a worker thread, the messages); parseDraft, the record and its write run on worker threads'));
    const saves = await threadTime(quick ? 3 : 8, async () => {
      const saved = (await call('drafts.save', { name: created.name, draft: next(), baseHash: hash })) as { ok: boolean; hash: string };
      if (!saved.ok) throw new Error('the bench save met a conflict');
      hash = saved.hash;
    });
    log(`save, main process thread XL: p50 ${median(saves).toFixed(2)} ms`);
    results.push(resultOf('save, main process thread', 'XL', saves, null, 'drafts.save through the dispatcher: event-loop active time per call (the conflict check hashes the file on disk on this thread); reference'));

    // Typing into XL for 10 s: keys every 100 ms in bursts of 2.5 s and pauses of 2 s, journal
    // writes and saves on the renderer's AutosaveScheduler timing, the main process answering.
    let base = hash;
    let journals = 0;
    let savesDone = 0;
    const scheduler = new AutosaveScheduler(
      {
        journal: async (at) => {
          await call('recovery.record', { key: 'typing', name: created.name, draft: variants[at % variants.length] });
          journals += 1;
          return true;
        },
        save: async (at) => {
          const saved = (await call('drafts.save', { name: created.name, draft: variants[at % variants.length], baseHash: base })) as { ok: boolean; hash?: string };
          if (saved.ok && saved.hash !== undefined) base = saved.hash;
          savesDone += 1;
          return saved.ok;
        },
      },
      { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    );
    const histogram = monitorEventLoopDelay({ resolution: 2 });
    const seconds = 10;
    histogram.enable();
    const startedAt = Date.now();
    await new Promise<void>((resolve) => {
      const key = setInterval(() => {
        const elapsed = Date.now() - startedAt;
        if (elapsed >= seconds * 1000) {
          clearInterval(key);
          resolve();
          return;
        }
        if (elapsed % 4500 < 2500) scheduler.edited();
      }, 100);
    });
    histogram.disable();
    await scheduler.saving;
    scheduler.dispose();
    const p99 = histogram.percentile(99) / 1e6;
    const p50 = histogram.percentile(50) / 1e6;
    const max = histogram.max / 1e6;
    log(`event-loop delay while typing XL: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`);
    results.push({
      name: 'main process event-loop delay while typing XL for 10 s (p99 in the median column)',
      size: 'XL',
      unit: 'ms',
      median: p99,
      p95: null,
      runs: histogram.count,
      budget: { median: 20 },
      pass: p99 <= 20,
      note: `monitorEventLoopDelay (2 ms resolution) p99; p50 ${p50.toFixed(1)} ms, max ${max.toFixed(1)} ms; keys every 100 ms in bursts, journal writes and saves on AutosaveScheduler's timing (${String(journals)} journal writes, ${String(savesDone)} saves)`,
    });
  } finally {
    await services.dispose();
    await fs.rm(root, { recursive: true, force: true });
  }
  return results;
}
