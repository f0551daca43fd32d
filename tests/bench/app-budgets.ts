/**
 * The budgets of the real app's bench rows (issue 16, item 4; app-bench.ts), in one place: the
 * unit test of the renderer's chunks (tests/unit/renderer-chunks.test.ts) checks the start chunk
 * against the same figure.
 */
import type { Budget } from './results';

/** Budgets of issue 16 (item 4). */
export const APP_BUDGETS = {
  ussOpen: { median: 100 },
  ussPeak: { median: 250 },
  nodesWithPanel: { median: 30_000 },
  clickToText: { median: 750 },
  clickToSources: { median: 1500 },
  coldLibrary: { median: 400 },
  startChunk: { median: 600 },
  heapGrowth: { median: 2.5 },
  countersBack: { median: 0 },
} as const satisfies Record<string, Budget>;
