/**
 * A renderer process's private memory (USS), read from Linux's /proc, and how to find the
 * process that runs a Playwright page (app-bench.ts).
 *
 * USS ("unique set size") is what the process alone holds: the Private_Clean + Private_Dirty
 * lines of /proc/<pid>/smaps_rollup. Shared pages (Chromium's binary, fonts, the memory shared
 * with the browser and GPU processes) are left out, so the figure grows with what the page does
 * and not with what other processes map.
 */
import { promises as fs, readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';

/** The private lines of an smaps_rollup text, in bytes. */
export interface PrivateMemory {
  readonly clean: number;
  readonly dirty: number;
  /** clean + dirty. */
  readonly uss: number;
}

/** Reads `Private_Clean` and `Private_Dirty` (kB) from the text of /proc/<pid>/smaps_rollup; throws when either is missing. */
export function parseSmapsRollup(text: string): PrivateMemory {
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'mu').exec(text);
    if (!match) throw new Error(`smaps_rollup has no ${name} line`);
    return Number(match[1]) * 1024;
  };
  const clean = field('Private_Clean');
  const dirty = field('Private_Dirty');
  return { clean, dirty, uss: clean + dirty };
}

/** Bytes in a MB (MiB, as the table and Chromium's memory figures count). */
export const MB = 2 ** 20;

/** The USS of process `pid` now, in MB. */
export function ussMB(pid: number): number {
  return parseSmapsRollup(readFileSync(`/proc/${String(pid)}/smaps_rollup`, 'utf8')).uss / MB;
}

/** Whether this system can read a process's smaps_rollup (Linux 4.14 and later). */
export function canReadUss(): boolean {
  try {
    parseSmapsRollup(readFileSync('/proc/self/smaps_rollup', 'utf8'));
    return true;
  } catch {
    return false;
  }
}

interface ProcessInfo {
  readonly type: string;
  readonly id: number;
  readonly cpuTime: number;
}

async function rendererCpu(browser: Browser): Promise<Map<number, number>> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    // Not in Playwright's protocol types: the browser's SystemInfo domain.
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo' as never)) as { processInfo: ProcessInfo[] };
    return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
  } finally {
    await cdp.detach();
  }
}

/**
 * The pid of the renderer process running `page`. CDP's `SystemInfo.getProcessInfo` lists the
 * browser's renderers (a spare one, other pages' ones, one winding down) but does not say which
 * runs which page; the page is made to spin for `spinMs` and the renderer whose CPU time grew the
 * most is it: by 20 ms at least and three times any other's growth. Tried again with a longer
 * spin when another renderer was busy too; throws when it still cannot tell. Call it again
 * after a cross-site navigation (which may change the process).
 */
export async function rendererPid(browser: Browser, page: Page, spinMs = 300): Promise<number> {
  const seen: string[] = [];
  for (let spin = spinMs; spin <= spinMs * 4; spin *= 2) {
    const before = await rendererCpu(browser);
    await page.evaluate((ms) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    }, spin);
    const after = await rendererCpu(browser);
    const grown = [...after].map(([id, cpu]) => ({ id, seconds: cpu - (before.get(id) ?? 0) })).sort((a, b) => b.seconds - a.seconds);
    const [first, second] = grown;
    seen.push(JSON.stringify(grown));
    // CPU time, not the spin's wall time: on a busy machine the page gets a fraction of it.
    if (first && first.seconds >= 0.02 && (second?.seconds ?? 0) * 3 <= first.seconds) {
      const cmdline = await fs.readFile(`/proc/${String(first.id)}/cmdline`, 'utf8').catch(() => '');
      if (!cmdline.includes('--type=renderer')) throw new Error(`process ${String(first.id)} is not a Chromium renderer`);
      return first.id;
    }
  }
  throw new Error(`cannot tell the page's renderer process: CPU seconds grown by each renderer while the page spun: ${seen.join('; ')}`);
}

/** Samples a process's USS every `everyMs` until stopped; `stop()` resolves with the highest figure (MB) and how many samples it took. */
export function sampleUss(pid: number, everyMs = 25): { stop(): Promise<{ peak: number; samples: number }> } {
  let running = true;
  let peak = 0;
  let samples = 0;
  const loop = (async () => {
    while (running) {
      const text = await fs.readFile(`/proc/${String(pid)}/smaps_rollup`, 'utf8');
      peak = Math.max(peak, parseSmapsRollup(text).uss / MB);
      samples += 1;
      // The sampling period itself (a peak is read by sampling), not a wait for some state.
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { peak, samples };
    },
  };
}
