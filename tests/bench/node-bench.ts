/**
 * The Node half of the benchmark's tools: timing functions for the exports (shared/export) and the
 * Markdown importer (shared/import), and the outside references, pandoc and cmark-gfm, run on the
 * same Markdown.
 */
import { spawnSync } from 'node:child_process';

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the times in ms. */
export function timeRuns(fn: () => unknown, runs: number, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * Times `a` and `b` in alternation: after `warmup` untimed rounds, `rounds` rounds of two runs of
 * `a` then one of `b` (for a small and a large input: 2×rounds samples of `a`, rounds of `b`).
 */
export function timeInterleaved(a: () => unknown, b: () => unknown, rounds: number, warmup = 2): { a: number[]; b: number[] } {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const out = { a: [] as number[], b: [] as number[] };
  const time = (fn: () => unknown, into: number[]): void => {
    const start = performance.now();
    fn();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < rounds; i++) {
    time(a, out.a);
    time(a, out.a);
    time(b, out.b);
  }
  return out;
}

/** As `timeRuns`, for a function that may return a promise. */
export async function timeRunsAsync(fn: () => unknown, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** The outcome of an outside tool's timed runs. */
export type ToolRun = { readonly ok: true; readonly samples: number[]; readonly version: string } | { readonly ok: false; readonly reason: string };

/** The first line of `command --version`, or null when the tool is missing. */
function toolVersion(command: string): string | null {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return result.stdout.split('\n')[0]?.trim() ?? command;
}

/**
 * Times `command args` converting `input` (on stdin) `runs` times after one untimed run, process
 * start included; checks that each run succeeds and writes HTML.
 */
export function timeTool(command: string, args: readonly string[], input: string, runs: number): ToolRun {
  const version = toolVersion(command);
  if (version === null) return { ok: false, reason: `${command} is not installed` };
  const once = (): string => {
    const result = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (result.error || result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr.slice(0, 300)}`);
    if (!result.stdout.includes('<p>')) throw new Error(`${command} ${args.join(' ')} wrote no HTML paragraphs`);
    return result.stdout;
  };
  once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    once();
    samples.push(performance.now() - start);
  }
  return { ok: true, samples, version };
}
