/** Timers a test drives by hand, for the autosave scheduler and the session over it. */
import type { SchedulerTimers } from '../../../shared/autosave';

/** Lets every pending promise chain run (the fakes do no I/O). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Timers driven by `advance`, run in due order; the clock starts at `start` (ms). */
export class ManualTimers implements SchedulerTimers {
  ms: number;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  constructor(start = 0) {
    this.ms = start;
  }

  now = (): number => this.ms;
  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.pending.set(id, { at: this.ms + ms, callback });
    return id;
  };
  clearTimeout = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };

  /** Moves time forward by `ms`, running due timers (and the promises they start) in order. */
  async advance(ms: number): Promise<void> {
    const end = this.ms + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.ms = due[1].at;
      due[1].callback();
      await settle();
    }
    this.ms = end;
    await settle();
  }
}
