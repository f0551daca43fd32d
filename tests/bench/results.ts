/**
 * Benchmark results: statistics of samples, budgets and the pass verdict, in the shape written to
 * tests/bench/results/latest.json.
 */

/** A budget: upper bounds on the median and/or the 95th percentile (in the row's unit). */
export interface Budget {
  readonly median?: number;
  readonly p95?: number;
}

/** A row's unit: time, a ratio, memory or size (app-bench.ts: MB of memory, kB of a file), or a count (DOM nodes). */
export type Unit = 'ms' | 'ratio' | 'MB' | 'kB' | 'count';

/** One row of the results. */
export interface BenchResult {
  readonly name: string;
  /** S, L, XL (or a pair such as "XL/L"). */
  readonly size: string;
  readonly unit: Unit;
  /** null when the measurement could not be made (see `note`). */
  readonly median: number | null;
  readonly p95: number | null;
  /** Samples behind the figures. */
  readonly runs: number;
  /** null for reference rows (no budget). */
  readonly budget: Budget | null;
  /** Whether the figures are within the budget; null for reference rows. */
  readonly pass: boolean | null;
  readonly note?: string;
}

/** The whole file. */
export interface BenchReport {
  readonly machine: Record<string, string | number>;
  readonly chromium: string;
  readonly date: string;
  readonly results: readonly BenchResult[];
}

/** The value at quantile `q` (0–1) of `samples`, by nearest rank; NaN for no samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/** Median of `samples` (the mean of the two middle values for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Rounds to 0.01 (figures in the file). */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** True when `median` and `p95` are within `budget` (a missing figure fails a bound on it). */
export function withinBudget(budget: Budget, med: number | null, p95: number | null): boolean {
  if (budget.median !== undefined && (med === null || !(med <= budget.median))) return false;
  if (budget.p95 !== undefined && (p95 === null || !(p95 <= budget.p95))) return false;
  return true;
}

/** A row from samples (ms), judged against `budget` when there is one. */
export function resultOf(name: string, size: string, samples: readonly number[], budget: Budget | null, note?: string): BenchResult {
  return measuredResult(name, size, 'ms', samples, budget, note);
}

/** A row from samples in `unit` (`resultOf` for other units than ms). */
export function measuredResult(name: string, size: string, unit: Unit, samples: readonly number[], budget: Budget | null, note?: string): BenchResult {
  const med = round(median(samples));
  const p95 = round(quantile(samples, 0.95));
  return { name, size, unit, median: med, p95, runs: samples.length, budget, pass: budget ? withinBudget(budget, med, p95) : null, ...(note ? { note } : {}) };
}

/**
 * How many times a noisy row is measured in a full run: a row with a p95 budget (a tail figure,
 * the first to move when the shared machine is busy for a moment) is measured this many times,
 * and its figures are combined by `repeatedResult`.
 */
export const NOISY_REPEATS = 3;

/** How many runs `budget`'s row gets: `NOISY_REPEATS` when it bounds the p95 (once with `quick`). */
export function repeatsFor(budget: Budget | null, quick: boolean): number {
  return !quick && budget?.p95 !== undefined ? NOISY_REPEATS : 1;
}

/**
 * Runs `measure` `repeatsFor(budget, quick)` times, one after another (each run its own session:
 * page, document, warm-up), and returns each run's samples.
 */
export async function repeatRuns(budget: Budget | null, quick: boolean, measure: (run: number) => Promise<number[]>): Promise<number[][]> {
  const runs: number[][] = [];
  for (let run = 0; run < repeatsFor(budget, quick); run++) runs.push(await measure(run));
  return runs;
}

/**
 * A row from several runs of the same measurement: each figure is the median of the runs' own
 * figures (the median of the p50s, the median of the p95s), so one run spoilt by a busy moment
 * moves neither; the p50 and p95 may come from different runs. One run is `resultOf` it. The
 * note gives every run's figures; `runs` counts all samples.
 */
export function repeatedResult(name: string, size: string, runs: readonly (readonly number[])[], budget: Budget | null, note?: string): BenchResult {
  if (runs.length <= 1) return resultOf(name, size, runs[0] ?? [], budget, note);
  const medians = runs.map((samples) => round(median(samples)));
  const p95s = runs.map((samples) => round(quantile(samples, 0.95)));
  const med = round(median(medians));
  const p95 = round(median(p95s));
  const each = `median of ${String(runs.length)} runs, figure by figure (p50s ${medians.join(', ')}; p95s ${p95s.join(', ')})`;
  const samples = runs.reduce((n, r) => n + r.length, 0);
  return { name, size, unit: 'ms', median: med, p95, runs: samples, budget, pass: budget ? withinBudget(budget, med, p95) : null, note: note ? `${note}; ${each}` : each };
}

/** A ratio row (one figure, given as both median and p95). */
export function ratioResult(name: string, size: string, value: number, budget: Budget | null, note?: string): BenchResult {
  const v = Number.isFinite(value) ? round(value) : null;
  return { name, size, unit: 'ratio', median: v, p95: v, runs: 1, budget, pass: budget ? withinBudget(budget, v, v) : null, ...(note ? { note } : {}) };
}

/** A row for a measurement that could not be made: no figures, failed when it has a budget. */
export function unavailable(name: string, size: string, unit: Unit, budget: Budget | null, note: string): BenchResult {
  return { name, size, unit, median: null, p95: null, runs: 0, budget, pass: budget ? false : null, note };
}

function budgetText(budget: Budget | null): string {
  if (!budget) return 'reference';
  const parts: string[] = [];
  if (budget.median !== undefined) parts.push(`p50 ≤ ${String(budget.median)}`);
  if (budget.p95 !== undefined) parts.push(`p95 ≤ ${String(budget.p95)}`);
  return parts.join(', ');
}

function figure(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === 'count') return value.toFixed(0);
  return unit === 'ratio' ? value.toFixed(2) : value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

/** The results as a plain-text table. */
export function formatTable(results: readonly BenchResult[]): string {
  const rows = results.map((r) => [r.name, r.size, r.unit, figure(r.median, r.unit), figure(r.p95, r.unit), String(r.runs), budgetText(r.budget), r.pass === null ? '' : r.pass ? 'pass' : 'FAIL']);
  const head = ['benchmark', 'size', 'unit', 'p50', 'p95', 'n', 'budget', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i >= 3 && i <= 5 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ').trimEnd();
  const notes = results.filter((r) => r.note).map((r) => `- ${r.name} (${r.size}): ${r.note as string}`);
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ...(notes.length ? ['', 'Notes:', ...notes] : [])].join('\n');
}
