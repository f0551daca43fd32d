/**
 * Notices drafts changed or deleted in the workspace folder by other programs.
 *
 * `fs.watch` on the folder (not per file: an atomic save replaces the file, which would end a
 * per-file watch) reports names; events are debounced per name, then the file is hashed and
 * compared with what the app knows (`KnownFiles`): the app's own writes, finished or in flight,
 * are recognised by content hash and ignored (mtime is no proof: Zettlr #1104 reloaded over the
 * user's edits on its own saves). An external change or deletion is reported to the listeners,
 * once per distinct content. The watcher never reloads anything: the renderer decides what to do
 * with an open draft that has unsaved edits (Zettlr #4670 replaced them silently).
 */
import { watch, type FSWatcher } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExternalChange } from '../../shared/ipc/channels';
import { hashOnDisk } from './save-file';
import type { KnownFiles } from './known-files';
import { isDraftFileName } from './names';

/** A listener of external changes. */
export type ExternalChangeListener = (change: ExternalChange) => void;

/** Options of `WorkspaceWatcher`. */
export interface WatcherOptions {
  /** Quiet time after the last event for a name before it is examined. Default 150 ms. */
  readonly debounceMs?: number;
  /** Called when watching fails (the folder vanished…); the watcher has stopped then. */
  readonly onError?: (error: Error) => void;
  /** Called (debounced like drafts) when a lock file (`.<name>.lock`) changes: a take-over is heard at once, not at the next refresh. */
  readonly onLockChange?: () => void;
}

/** Watches one workspace folder. */
export class WorkspaceWatcher {
  private watcher: FSWatcher | null = null;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly listeners = new Set<ExternalChangeListener>();
  private readonly debounceMs: number;
  /** Examinations in progress, so that `idle()` can wait for them. */
  private running = new Set<Promise<void>>();
  /** Callers of `idle()` waiting for no timer and no examination to be left. */
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly dir: string,
    private readonly known: KnownFiles,
    private readonly options: WatcherOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 150;
  }

  /** Starts watching; records the drafts present now, so that their deletion is reported. */
  async start(): Promise<void> {
    if (this.watcher) return;
    for (const name of await fs.readdir(this.dir)) if (isDraftFileName(name)) this.known.noteExists(name);
    this.watcher = watch(this.dir, { persistent: false }, (_event, fileName) => {
      // Linux, macOS and Windows give the name; without one there is nothing precise to check.
      if (typeof fileName !== 'string') return;
      if (isDraftFileName(fileName)) this.schedule(fileName);
      else if (this.options.onLockChange && fileName.startsWith('.') && fileName.endsWith('.lock')) this.scheduleLockCheck();
    });
    this.watcher.on('error', (error) => {
      this.stop();
      this.options.onError?.(error);
    });
  }

  private lockTimer: NodeJS.Timeout | null = null;

  private scheduleLockCheck(): void {
    if (this.lockTimer !== null) clearTimeout(this.lockTimer);
    this.lockTimer = setTimeout(() => {
      this.lockTimer = null;
      this.options.onLockChange?.();
    }, this.debounceMs);
  }

  /** Adds a listener; returns the function that removes it. */
  onExternalChange(listener: ExternalChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private schedule(name: string): void {
    const previous = this.timers.get(name);
    if (previous) clearTimeout(previous);
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        const run = this.examine(name).finally(() => {
          this.running.delete(run);
          this.noteIdle();
        });
        this.running.add(run);
      }, this.debounceMs),
    );
  }

  private async examine(name: string): Promise<void> {
    let hash: string | null;
    try {
      hash = await hashOnDisk(path.join(this.dir, name));
    } catch {
      return; // Unreadable right now (a folder, permissions) or never read (a link, pipe or device): a later event will tell.
    }
    if (hash === null && !this.known.has(name)) return; // Never seen, or removed by the app itself.
    if (this.known.isKnown(name, hash)) return;
    this.known.setCurrent(name, hash);
    const change: ExternalChange = { name, kind: hash === null ? 'deleted' : 'changed', hash };
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('An external-change listener failed:', error);
      }
    }
  }

  private isIdle(): boolean {
    return this.timers.size === 0 && this.running.size === 0;
  }

  /** Wakes the callers of `idle()` once nothing is waiting or being examined. */
  private noteIdle(): void {
    if (this.isIdle()) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  /**
   * Resolves when no event is waiting or being examined (for tests and orderly shutdown): at
   * once when idle, else when the last examination ends or `stop()` drops what waited. An event
   * the OS has not delivered yet is not known here: a test that must see everything up to a
   * point writes a sentinel file after it and waits for the sentinel's event first.
   */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops watching and drops pending events. */
  stop(): void {
    this.watcher?.close();
    this.watcher = null;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    if (this.lockTimer !== null) clearTimeout(this.lockTimer);
    this.lockTimer = null;
    this.noteIdle();
  }
}
