/**
 * Locks: while a draft is open for editing, a small lock file beside it (lock-file.ts) names who
 * has it open, on which machine, refreshed every `LOCK_REFRESH_MS` by a timer of these services;
 * a lock not refreshed for `LOCK_STALE_MS` is stale and blocks nobody (a crash leaves one behind).
 *
 * - `acquire(name, 'edit')` takes the lock unless another person or installation holds a fresh
 *   one (then `held`, nothing taken). A lock of this same installation (its author id on this
 *   machine: what our own crash left) is taken silently. `take-over` always takes it;
 *   `read-only` takes nothing. A lock that cannot be written (a read-only folder, a link in the
 *   way: never followed nor replaced) leaves the draft `unlocked`, with the reason.
 * - Several windows of this installation may hold one draft: each window is counted, and the
 *   file goes when the last one releases it (`release`, `windowClosed`, `releaseAll` on quit).
 * - Each refresh reads the lock first: one that names another running app means someone took
 *   the draft over; it is no longer held here and the `lockLost` listeners hear who has it.
 * - A rename moves the lock along (`moved`), a trash removes it (`removed`).
 *
 * A lock file is removed only when it is this running app's own (its `instance`).
 */
import { promises as fs } from 'node:fs';
import type { DeskPerson } from '../../shared/draft/meta';
import type { DraftAccess, LockHolder, OpenAccess } from '../../shared/ipc/channels';
import { writeFileAtomic } from '../node/atomic-write';
import { NotRegularFileError } from '../node/read-regular-file';
import { errorCode } from './errors';
import { holderOf, isFresh, lockPathOf, lockText, readLock, type LockRecord } from './lock-file';
import { draftPath } from './names';

/** The window of calls that name none (a test, a single-window caller). */
export const DEFAULT_WINDOW = 'window';

/** Hears that draft `name`, held here, was taken over by `holder`. */
export type LockLostListener = (lost: { readonly name: string; readonly holder: LockHolder }) => void;

/** What the locks need from the rest of the app. */
export interface LockServiceDeps {
  /** The current workspace folder (absolute). */
  readonly workspace: () => string;
  /** Who works on this installation (its author id and name). */
  readonly person: () => DeskPerson;
  readonly now: () => Date;
  /** This machine's name (`os.hostname()`). */
  readonly machine: string;
  /** This running app's random id. */
  readonly instance: string;
  /** How often held locks are refreshed; 0: never by a timer (tests call `refresh`). */
  readonly refreshMs: number;
}

interface Held {
  name: string;
  readonly since: string;
  /** The windows holding it. */
  readonly windows: Set<string>;
}

/** Why a lock could not be written, for the user. */
function unlockedReason(error: unknown, name: string): string {
  const unwarned = `others who open “${name}” are not warned that you have it open`;
  if (error instanceof NotRegularFileError) return `Something that is not a lock file (a ${error.fileType}) is in the way of “${name}”’s lock, and Copydesk leaves it alone: ${unwarned}.`;
  const code = errorCode(error);
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return `The workspace folder is read-only for Copydesk, so no lock could be written beside “${name}”: ${unwarned}.`;
  return `The lock beside “${name}” could not be written (${(error as Error).message}): ${unwarned}.`;
}

/** The locks this running app holds. */
export class LockService {
  /** Drafts held, by absolute path. */
  private readonly held = new Map<string, Held>();
  private readonly listeners = new Set<LockLostListener>();
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(private readonly deps: LockServiceDeps) {}

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private file(name: string): string {
    return draftPath(this.deps.workspace(), name);
  }

  /** A lock of this installation: its author id on this machine (this app, or what its crash left). */
  private isOurs(lock: LockRecord): boolean {
    return lock.id === this.deps.person().id && lock.machine === this.deps.machine;
  }

  private record(since: string): LockRecord {
    const person = this.deps.person();
    const refreshed = this.deps.now().toISOString();
    return { format: 'copydesk-lock', version: 1, id: person.id, name: person.name, machine: this.deps.machine, instance: this.deps.instance, since, refreshed };
  }

  private async write(lockFile: string, since: string, noReplace: boolean): Promise<void> {
    await writeFileAtomic(lockFile, lockText(this.record(since)), { skipDirSync: true, noReplace });
  }

  /** Opens draft `name` in `window` with `access` (see the module comment); says how it is open. */
  acquire(name: string, access: OpenAccess, window: string): Promise<DraftAccess> {
    return this.serial(() => this.acquireNow(name, access, window));
  }

  private async acquireNow(name: string, access: OpenAccess, window: string): Promise<DraftAccess> {
    const file = this.file(name);
    const lockFile = lockPathOf(file);
    const current = await readLock(lockFile);
    const nowMs = this.deps.now().getTime();
    const other = current !== null && isFresh(current, nowMs) && !this.isOurs(current) ? current : null;
    if (access === 'read-only') return { kind: 'read-only', holder: current !== null && isFresh(current, nowMs) ? holderOf(current) : null };
    if (this.disposed) return { kind: 'unlocked', reason: 'Copydesk is closing.' };
    const mine = this.held.get(file);
    if (other !== null && access === 'edit') {
      // Taken over meanwhile and not noticed yet: it is no longer held here.
      if (mine) this.lose(file, mine, other);
      return { kind: 'held', holder: holderOf(other) };
    }
    const since = mine !== undefined && current?.instance === this.deps.instance ? mine.since : this.deps.now().toISOString();
    try {
      try {
        // Where no file is, create it without replacing: of two apps taking it at once, one wins.
        await this.write(lockFile, since, current === null);
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
        const raced = await readLock(lockFile);
        if (access === 'edit' && raced !== null && isFresh(raced, this.deps.now().getTime()) && !this.isOurs(raced)) return { kind: 'held', holder: holderOf(raced) };
        await this.write(lockFile, since, false);
      }
    } catch (error) {
      return { kind: 'unlocked', reason: unlockedReason(error, name) };
    }
    const windows = mine?.windows ?? new Set<string>();
    windows.add(window);
    this.held.set(file, { name, since, windows });
    this.startTimer();
    return { kind: 'editing' };
  }

  /** Window `window` no longer has draft `name` open: its lock goes when no other window holds it. */
  release(name: string, window: string): Promise<void> {
    return this.serial(async () => {
      const file = this.file(name);
      await this.releaseFile(file, window);
    });
  }

  /** Window `window` closed: releases every draft it held. */
  windowClosed(window: string): Promise<void> {
    return this.serial(async () => {
      for (const file of [...this.held.keys()]) await this.releaseFile(file, window);
    });
  }

  private async releaseFile(file: string, window: string | null): Promise<void> {
    const mine = this.held.get(file);
    if (!mine) return;
    if (window !== null) mine.windows.delete(window);
    if (window !== null && mine.windows.size > 0) return;
    this.held.delete(file);
    this.stopTimerWhenIdle();
    await this.removeOwn(lockPathOf(file));
  }

  /** Removes `lockFile` if it is this running app's lock. */
  private async removeOwn(lockFile: string): Promise<void> {
    const lock = await readLock(lockFile);
    if (lock === null || lock.instance !== this.deps.instance) return;
    await fs.unlink(lockFile).catch((error: unknown) => {
      if (errorCode(error) !== 'ENOENT') console.warn(`Copydesk: could not remove the lock ${lockFile}:`, error);
    });
  }

  /** Draft `from` was renamed `to`: a lock held here moves along. */
  moved(from: string, to: string): Promise<void> {
    return this.serial(async () => {
      const source = this.file(from);
      const target = this.file(to);
      const mine = this.held.get(source);
      if (!mine || source === target) return;
      this.held.delete(source);
      try {
        await this.write(lockPathOf(target), mine.since, false);
        this.held.set(target, { ...mine, name: to });
      } catch (error) {
        console.warn(`Copydesk: the lock did not follow the rename of “${from}”:`, error);
      }
      this.stopTimerWhenIdle();
      await this.removeOwn(lockPathOf(source));
    });
  }

  /** Draft `name` was trashed: its lock, if held here, goes. */
  removed(name: string): Promise<void> {
    return this.serial(() => this.releaseFile(this.file(name), null));
  }

  /** Refreshes every lock held (the timer does, every `refreshMs`); notices the ones taken over. */
  refresh(): Promise<void> {
    return this.serial(async () => {
      for (const [file, mine] of [...this.held]) {
        const lockFile = lockPathOf(file);
        const current = await readLock(lockFile);
        if (current !== null && current.instance !== this.deps.instance) {
          this.lose(file, mine, current);
          continue;
        }
        // The draft itself is gone (renamed or trashed by someone else): nothing left to hold.
        if (!(await fs.lstat(file).then(() => true, (error: unknown) => errorCode(error) !== 'ENOENT'))) {
          this.held.delete(file);
          this.stopTimerWhenIdle();
          if (current !== null) await fs.unlink(lockFile).catch(() => undefined);
          continue;
        }
        // Ours, or gone (removed by someone): written again.
        await this.write(lockFile, mine.since, false).catch((error: unknown) => console.warn(`Copydesk: could not refresh the lock of “${mine.name}”:`, error));
      }
    });
  }

  /**
   * Notices the locks held here that someone took over, reading them only (the watcher calls it
   * when a lock file changes, so a take-over is heard at once; writing here would wake it again).
   */
  checkTaken(): Promise<void> {
    return this.serial(async () => {
      for (const [file, mine] of [...this.held]) {
        const current = await readLock(lockPathOf(file));
        if (current !== null && current.instance !== this.deps.instance) this.lose(file, mine, current);
      }
    });
  }

  private lose(file: string, mine: Held, by: LockRecord): void {
    this.held.delete(file);
    this.stopTimerWhenIdle();
    const lost = { name: mine.name, holder: holderOf(by) };
    for (const listener of this.listeners) {
      try {
        listener(lost);
      } catch (error) {
        console.error('A lock-lost listener failed:', error);
      }
    }
  }

  /** Listens to locks taken over; returns the function that stops listening. */
  onLockLost(listener: LockLostListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Releases every lock held (another workspace folder was chosen; the app quits). */
  releaseAll(): Promise<void> {
    return this.serial(async () => {
      for (const file of [...this.held.keys()]) await this.releaseFile(file, null);
    });
  }

  /** Releases every lock and stops the timer; later acquisitions take nothing. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.releaseAll();
    this.stopTimer();
    this.listeners.clear();
  }

  private startTimer(): void {
    if (this.timer !== null || this.deps.refreshMs <= 0 || this.disposed) return;
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) => console.warn('Copydesk: could not refresh the locks:', error));
    }, this.deps.refreshMs);
    this.timer.unref();
  }

  private stopTimerWhenIdle(): void {
    if (this.held.size === 0) this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
