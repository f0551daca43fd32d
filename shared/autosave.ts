/**
 * When to autosave and when to journal, decided from edits and a clock (pure: timers injected).
 *
 * - Save: once typing pauses for `idleMs` (1.5 s), and at the latest `maxWaitMs` (10 s) after the
 *   first unsaved edit even if typing never pauses.
 * - Journal (crash recovery): at most `journalMs` (1 s) after the first edit not yet journalled,
 *   also during continuous typing, so that a crash loses about a second of work.
 *
 * One save and one journal write run at a time; edits made while one runs re-arm it when it
 * ends. A save that fails or meets a conflict leaves the draft dirty and pauses automatic saving
 * (the renderer shows the message; `resume()` or a successful manual save, `markSaved()`,
 * restart it), so that a full disk is not hit again every ten seconds. A failed journal write is
 * retried `journalMs` later. `pause()` also stops automatic saving, never the journal.
 *
 * The scheduler is the one owner of an open draft's save state: the edit count, which edit the
 * file holds (`savedAt`, hence `dirty`), which edit the journal holds, and whether a save is
 * running (`saving`). The renderer's `SaveController` asks it and never counts edits itself.
 */

/** The timer functions the scheduler uses (the window's, or a fake clock in tests). */
export interface SchedulerTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Timing of `AutosaveScheduler`, in milliseconds. */
export interface AutosaveTiming {
  readonly idleMs: number;
  readonly maxWaitMs: number;
  readonly journalMs: number;
}

/** 1.5 s idle, 10 s at most, journal within 1 s. */
export const DEFAULT_AUTOSAVE_TIMING: AutosaveTiming = { idleMs: 1500, maxWaitMs: 10_000, journalMs: 1000 };

/**
 * What the scheduler calls. Each action is given the number of the edit it writes (the edit
 * count when it starts) and returns true when it succeeded (that edit is then saved, or
 * journalled).
 */
export interface AutosaveActions {
  /** Saves the current state of the draft. Resolve false on a conflict or an error. */
  save(at: number): Promise<boolean>;
  /** Journals the current state of the draft. */
  journal(at: number): Promise<boolean>;
  /** Told after each change of the state the scheduler owns (an edit, a save starting or ending, `markSaved`). */
  changed?(): void;
}

interface Channel {
  /** Edit counter value when this channel last succeeded. */
  doneAt: number;
  /** Time of the first edit after `doneAt`, or null when clean. */
  firstDirtyAt: number | null;
  timer: unknown;
  dueAt: number | null;
  /** The run in progress, or null. */
  running: Promise<void> | null;
}

function channel(): Channel {
  return { doneAt: 0, firstDirtyAt: null, timer: undefined, dueAt: null, running: null };
}

/** Schedules autosaves and journal writes for one open draft. */
export class AutosaveScheduler {
  private edits = 0;
  private lastEditAt = 0;
  private paused = false;
  private disposed = false;
  private readonly saveChannel = channel();
  private readonly journalChannel = channel();
  private readonly timing: AutosaveTiming;

  constructor(
    private readonly actions: AutosaveActions,
    private readonly timers: SchedulerTimers,
    timing: Partial<AutosaveTiming> = {},
  ) {
    this.timing = { ...DEFAULT_AUTOSAVE_TIMING, ...timing };
  }

  /** True when there are edits not yet saved. */
  get dirty(): boolean {
    return this.saveChannel.doneAt !== this.edits;
  }

  /** Edits so far (the number an action is given, and `markSaved` takes). */
  get editCount(): number {
    return this.edits;
  }

  /** The edit the file holds (equal to `editCount` when clean). */
  get savedAt(): number {
    return this.saveChannel.doneAt;
  }

  /** The save in progress (it settles once its outcome is recorded), or null. */
  get saving(): Promise<void> | null {
    return this.saveChannel.running;
  }

  /** Call on every change of the document. */
  edited(): void {
    if (this.disposed) return;
    this.edits++;
    this.lastEditAt = this.timers.now();
    for (const c of [this.saveChannel, this.journalChannel]) c.firstDirtyAt ??= this.lastEditAt;
    this.arm();
    this.actions.changed?.();
  }

  /**
   * The file holds the draft as of edit `at` (default: now), by other means than an automatic
   * save (save as, a reload, or inside the save action, as soon as the write succeeded); edits
   * after `at` stay dirty. Autosave resumes.
   */
  markSaved(at = this.edits): void {
    if (this.disposed) return;
    this.paused = false;
    const now = this.timers.now();
    this.markDone(this.saveChannel, at, now);
    const journal = this.journalChannel;
    if (!journal.running && journal.doneAt < at) {
      this.clear(journal);
      this.markDone(journal, at, now);
    }
    this.arm();
    this.actions.changed?.();
  }

  /** Stops automatic saving (e.g. during a conflict); journalling goes on. */
  pause(): void {
    this.paused = true;
    this.clear(this.saveChannel);
  }

  /** Resumes automatic saving. */
  resume(): void {
    this.paused = false;
    this.arm();
  }

  /** Runs a pending save and journal now (e.g. before the window closes). */
  async flush(): Promise<void> {
    const tasks: Promise<void>[] = [];
    if (this.journalChannel.doneAt !== this.edits) tasks.push(this.run(this.journalChannel, 'journal'));
    if (!this.paused && this.dirty) tasks.push(this.run(this.saveChannel, 'save'));
    await Promise.all(tasks);
  }

  /** Cancels all timers; later edits are ignored. */
  dispose(): void {
    this.disposed = true;
    this.clear(this.saveChannel);
    this.clear(this.journalChannel);
  }

  /** Channel `c` holds the state of edit number `at`, taken at time `takenAt`. */
  private markDone(c: Channel, at: number, takenAt: number): void {
    c.doneAt = at;
    // Edits after `at` all happened after `takenAt`: counting from it keeps the max-wait bound.
    c.firstDirtyAt = at === this.edits ? null : takenAt;
  }

  private clear(c: Channel): void {
    if (c.timer !== undefined) this.timers.clearTimeout(c.timer);
    c.timer = undefined;
    c.dueAt = null;
  }

  private arm(): void {
    if (this.disposed) return;
    const now = this.timers.now();
    const save = this.saveChannel;
    if (save.firstDirtyAt === null) this.clear(save);
    else if (!this.paused && !save.running) {
      this.schedule(save, Math.min(this.lastEditAt + this.timing.idleMs, save.firstDirtyAt + this.timing.maxWaitMs), now, 'save');
    }
    const journal = this.journalChannel;
    if (journal.firstDirtyAt === null) this.clear(journal);
    else if (!journal.running) this.schedule(journal, journal.firstDirtyAt + this.timing.journalMs, now, 'journal');
  }

  private schedule(c: Channel, dueAt: number, now: number, action: 'save' | 'journal'): void {
    if (c.dueAt === dueAt) return;
    this.clear(c);
    c.dueAt = dueAt;
    c.timer = this.timers.setTimeout(() => {
      c.timer = undefined;
      c.dueAt = null;
      void this.run(c, action);
    }, Math.max(0, dueAt - now));
  }

  /** Runs `action` on channel `c` unless it is running already; resolves once its outcome is recorded. */
  private run(c: Channel, action: 'save' | 'journal'): Promise<void> {
    if (c.running || this.disposed) return Promise.resolve();
    this.clear(c);
    // Running before the action starts: whatever it does meanwhile arms no second one.
    let finished = (): void => undefined;
    const running = new Promise<void>((resolve) => (finished = resolve));
    c.running = running;
    if (c === this.saveChannel) this.actions.changed?.();
    void this.runOnce(c, action).finally(finished);
    return running;
  }

  private async runOnce(c: Channel, action: 'save' | 'journal'): Promise<void> {
    const at = this.edits;
    const startedAt = this.timers.now();
    let ok: boolean;
    try {
      ok = await this.actions[action](at);
    } catch {
      ok = false;
    }
    c.running = null;
    if (this.disposed) return;
    // A later `markSaved` (a reload meanwhile) is never taken back.
    if (ok && c.doneAt <= at) {
      this.markDone(c, at, startedAt);
      // What is saved needs no journal record (the renderer discards it after a save).
      const journal = this.journalChannel;
      if (c === this.saveChannel && !journal.running && journal.doneAt < at) {
        this.clear(journal);
        this.markDone(journal, at, startedAt);
      }
    } else if (!ok && c === this.saveChannel) this.paused = true;
    else if (!ok) c.firstDirtyAt = this.timers.now(); // Retry the journal journalMs from now.
    this.arm();
    if (c === this.saveChannel) this.actions.changed?.();
  }
}
