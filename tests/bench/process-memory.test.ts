import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canReadUss, parseSmapsRollup, ussMB } from './process-memory';

// A real smaps_rollup of a Chromium renderer (Linux 6.1), abridged to the lines around the private ones.
const ROLLUP = `55d7c1f3c000-7ffd8a9f2000 ---p 00000000 00:00 0                          [rollup]
Rss:              187364 kB
Pss:               95211 kB
Pss_Dirty:         61120 kB
Shared_Clean:      92544 kB
Shared_Dirty:       4212 kB
Private_Clean:      3156 kB
Private_Dirty:     87452 kB
Referenced:       180104 kB
Anonymous:         89980 kB
Swap:                  0 kB
`;

describe('process memory (app-bench.ts)', () => {
  it('reads USS as Private_Clean + Private_Dirty, in bytes', () => {
    expect(parseSmapsRollup(ROLLUP)).toEqual({ clean: 3156 * 1024, dirty: 87452 * 1024, uss: (3156 + 87452) * 1024 });
  });

  it('refuses a text without the private lines rather than reading zero', () => {
    expect(() => parseSmapsRollup(ROLLUP.replace(/^Private_Dirty.*$/mu, ''))).toThrow(/Private_Dirty/u);
    expect(() => parseSmapsRollup('')).toThrow(/Private_Clean/u);
  });

  it.runIf(canReadUss())('reads this process: at least the memory it holds privately', () => {
    const hold = new Uint8Array(64 * 2 ** 20).fill(1);
    const status = readFileSync('/proc/self/status', 'utf8');
    const anon = Number(/^RssAnon:\s+(\d+) kB$/mu.exec(status)?.[1] ?? 0) / 1024;
    expect(ussMB(process.pid)).toBeGreaterThan(64);
    expect(ussMB(process.pid)).toBeGreaterThanOrEqual(anon * 0.9);
    expect(hold[hold.length - 1]).toBe(1);
  });
});
