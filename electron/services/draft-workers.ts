/**
 * The worker threads that do the main process's whole-draft work (draft-tasks.ts), so that its
 * one thread (menus, windows, dialogs, the watcher, every IPC call) never parses, serialises or
 * hashes a whole draft: a pool of `piscina` threads. Per call the main thread only hands the
 * task to a thread and takes the answer back (plain data, structured clone; a draft's bytes are
 * moved, not copied).
 *
 * The worker's code is one file: beside the main bundle in the app (`draft-worker.cjs`, emitted
 * by build/vite.electron.config.mts into dist/electron and packaged inside app.asar, which
 * Electron's worker threads read as the main thread does), or, running from the TypeScript
 * sources (tests, the e2e harness, the bench), `draft-worker-dev.mjs` beside this file, which
 * loads draft-tasks.ts through tsx.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ownsBuffer, runDraftTask, type DraftTask, type DraftTaskResult } from './draft-tasks';
import { ServiceError } from './errors';

/** Runs whole-draft tasks off the calling thread (or in it: `inProcessDraftWorkers`). */
export interface DraftWorkers {
  /**
   * Runs `task`; rejects only for an unexpected failure (refusals are results). The bytes in
   * `move` that own their whole buffer are moved to the thread, not copied (empty here after);
   * others are copied.
   */
  run<T extends DraftTask>(task: T, move?: readonly Uint8Array[]): Promise<DraftTaskResult<T>>;
  /** Whether tasks run on other threads. */
  readonly threaded: boolean;
  /** The threads running now (0 once closed). */
  threads(): number;
  /** Ends the threads once the tasks under way have ended; later tasks are refused (`ServiceError` 'closed', as the services' writes are). */
  close(): Promise<void>;
}

/** The file a worker thread loads: the bundle beside this module's bundle, else the sources' loader. */
export function draftWorkerFile(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.join(here, 'draft-worker.cjs');
  return existsSync(bundled) ? bundled : path.join(here, 'draft-worker-dev.mjs');
}

/** Options of `createDraftWorkers`. */
export interface DraftWorkerOptions {
  /** Threads at most (default: one less than the cores, at least 1, at most 2). */
  readonly maxThreads?: number;
  /** The worker's file (default `draftWorkerFile()`). */
  readonly filename?: string;
}

/** A pool of worker threads; one thread starts at once, so that the first journal write does not wait for it. */
export function createDraftWorkers(options: DraftWorkerOptions = {}): DraftWorkers {
  const maxThreads = options.maxThreads ?? Math.min(2, Math.max(1, os.availableParallelism() - 1));
  const pool = new Piscina({ filename: options.filename ?? draftWorkerFile(), minThreads: 1, maxThreads, idleTimeout: 60_000 });
  let closing: Promise<void> | null = null;
  return {
    threaded: true,
    threads: () => pool.threads.length,
    run: async (task, move = []) => {
      if (closing !== null) throw new ServiceError('closed', 'Copydesk is closing: nothing more is written.');
      const transferList = move.filter(ownsBuffer).map((bytes) => bytes.buffer as ArrayBuffer);
      return pool.run(task, transferList.length > 0 ? { transferList } : {});
    },
    close: () => (closing ??= pool.close()),
  };
}

/** The same tasks on the calling thread (the `copydesk` command, which has no other work to keep responsive). */
export function inProcessDraftWorkers(): DraftWorkers {
  return { threaded: false, threads: () => 0, run: (task) => runDraftTask(task), close: async () => undefined };
}
