/**
 * The autosave scheduler (shared/autosave.ts) against a hand-driven clock: save after 1.5 s of
 * quiet, at least every 10 s while typing goes on, journal within 1 s of the first unjournalled
 * edit, one save at a time, a failed save pauses autosaving, a failed journal is retried.
 */
import { describe, expect, it } from 'vitest';
import { AutosaveScheduler } from '../../shared/autosave';
import { ManualTimers } from './helpers/manual-timers';

function setup(options: { saveOk?: () => boolean; journalOk?: () => boolean; slowSave?: boolean } = {}) {
  const timers = new ManualTimers();
  const log: string[] = [];
  let releaseSave: (() => void) | null = null;
  const scheduler = new AutosaveScheduler(
    {
      save: async () => {
        log.push(`save@${String(timers.ms)}`);
        if (options.slowSave) await new Promise<void>((resolve) => (releaseSave = resolve));
        return options.saveOk?.() ?? true;
      },
      journal: async () => {
        log.push(`journal@${String(timers.ms)}`);
        return options.journalOk?.() ?? true;
      },
    },
    timers,
  );
  return { timers, log, scheduler, release: () => releaseSave?.() };
}

/** Types one key every `every` ms for `duration` ms. */
async function type(timers: ManualTimers, scheduler: AutosaveScheduler, duration: number, every = 100): Promise<void> {
  for (let t = 0; t < duration; t += every) {
    scheduler.edited();
    await timers.advance(every);
  }
}

describe('autosave scheduler', () => {
  it('journals 1 s after the first edit and saves 1.5 s after the last', async () => {
    const { timers, log, scheduler } = setup();
    scheduler.edited();
    await timers.advance(500);
    scheduler.edited();
    await timers.advance(5000);
    expect(log).toEqual(['journal@1000', 'save@2000']);
    expect(scheduler.dirty).toBe(false);
  });

  it('during continuous typing saves at least every 10 s and journals about every second', async () => {
    const { timers, log, scheduler } = setup();
    await type(timers, scheduler, 25_000);
    await timers.advance(5000);
    const saves = log.filter((l) => l.startsWith('save')).map((l) => Number(l.split('@')[1]));
    const journals = log.filter((l) => l.startsWith('journal')).map((l) => Number(l.split('@')[1]));
    expect(saves).toEqual([10_000, 20_000, 26_400]);
    // Every keystroke is secured (journalled or saved) within a second, all through the typing.
    const secured = [...journals, ...saves].sort((a, b) => a - b);
    const delays = Array.from({ length: 250 }, (_, i) => i * 100).map((edit) => (secured.find((s) => s >= edit) ?? Infinity) - edit);
    expect(journals[0]).toBe(1000);
    expect(Math.max(...delays)).toBe(1000);
    expect(journals.length).toBeGreaterThanOrEqual(22);
  });

  it('runs one save at a time and saves again for edits made during a save', async () => {
    const { timers, log, scheduler, release } = setup({ slowSave: true });
    scheduler.edited();
    await timers.advance(1500); // Save starts and hangs.
    scheduler.edited();
    await timers.advance(20_000);
    expect(log.filter((l) => l.startsWith('save'))).toEqual(['save@1500']);
    release();
    await timers.advance(0);
    expect(scheduler.dirty).toBe(true);
    await timers.advance(1500);
    expect(log.filter((l) => l.startsWith('save'))).toEqual(['save@1500', 'save@21500']);
  });

  it('pauses autosaving after a failed save (conflict, full disk) until resumed, still journalling', async () => {
    let ok = false;
    const { timers, log, scheduler } = setup({ saveOk: () => ok });
    scheduler.edited();
    await timers.advance(1500);
    scheduler.edited();
    await timers.advance(30_000);
    expect(log.filter((l) => l.startsWith('save'))).toEqual(['save@1500']);
    expect(log.filter((l) => l.startsWith('journal'))).toEqual(['journal@1000', 'journal@2500']);
    expect(scheduler.dirty).toBe(true);
    ok = true;
    scheduler.resume();
    await timers.advance(0);
    expect(log.at(-1)).toBe('save@31500');
    expect(scheduler.dirty).toBe(false);
  });

  it('retries a failed journal write a second later', async () => {
    let fails = 2;
    const { timers, log, scheduler } = setup({ journalOk: () => fails-- <= 0 });
    scheduler.edited();
    await timers.advance(1400);
    scheduler.pause();
    await timers.advance(10_000);
    expect(log).toEqual(['journal@1000', 'journal@2000', 'journal@3000']);
  });

  it('flush runs pending work now; after a save no stale journal write follows', async () => {
    const { timers, log, scheduler } = setup();
    scheduler.edited();
    await scheduler.flush();
    expect(log).toEqual(['journal@0', 'save@0']);
    await timers.advance(10_000);
    expect(log).toEqual(['journal@0', 'save@0']);
    scheduler.edited();
    await timers.advance(200);
    scheduler.markSaved();
    await timers.advance(10_000);
    // Saved by hand before the journal was due: no journal record of saved work.
    expect(log).toEqual(['journal@0', 'save@0']);
    expect(scheduler.dirty).toBe(false);
  });

  it('owns the save state: the edit count, what the file holds (markSaved keeps later edits dirty), the running save', async () => {
    const { timers, log, scheduler, release } = setup({ slowSave: true });
    const changes: string[] = [];
    const counted = new AutosaveScheduler(
      { save: async () => true, journal: async () => true, changed: () => changes.push(`${String(counted.editCount)}/${String(counted.savedAt)}`) },
      timers,
    );
    counted.edited();
    counted.edited();
    counted.markSaved(1);
    expect([counted.editCount, counted.savedAt, counted.dirty]).toEqual([2, 1, true]);
    expect(changes).toEqual(['1/0', '2/0', '2/1']);
    await timers.advance(1500);
    expect([counted.savedAt, counted.dirty]).toEqual([2, false]);

    scheduler.edited();
    await timers.advance(1500); // The save starts and hangs.
    const running = scheduler.saving;
    expect(running).not.toBeNull();
    release();
    await running;
    expect(scheduler.saving).toBeNull();
    expect(scheduler.dirty).toBe(false);
    expect(log.filter((l) => l.startsWith('save'))).toEqual(['save@3000']);
  });

  it('does nothing after dispose', async () => {
    const { timers, log, scheduler } = setup();
    scheduler.edited();
    scheduler.dispose();
    scheduler.edited();
    await timers.advance(60_000);
    expect(log).toEqual([]);
  });
});
