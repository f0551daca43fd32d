/**
 * The benchmark's own parts: the article generator (exact sizes, news shape, determinism), the
 * statistics and budget verdicts, the trace summary and the static server.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Node as PMNode } from 'prosemirror-model';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { indexFootnotes } from '../../shared/footnotes';
import { findProblems } from '../../shared/problems';
import { countNodeWords, documentWords } from '../../shared/words';
import { keyDelays } from './browser-bench';
import { timeInterleaved, timeTool } from './node-bench';
import { indexReview } from '../../shared/review/index';
import { decideAll, isSuggestionMark } from '../../shared/review/resolve';
import { generateArticle, generateReviewArticle, REVIEW_AUTHORS, REVIEW_XL, seededRandom, SIZES } from './generate';
import { editArticle, editCounts } from './generate-edits';
import { formatTable, median, NOISY_REPEATS, quantile, ratioResult, repeatedResult, repeatRuns, repeatsFor, resultOf, unavailable } from './results';
import { serveFolder, type StaticServer } from './serve';
import { summariseTrace } from './trace-summary';

function marksIn(doc: PMNode): Set<string> {
  const names = new Set<string>();
  doc.descendants((node) => {
    for (const mark of node.marks) names.add(mark.type.name);
  });
  return names;
}

describe('generateArticle', () => {
  test.each(['S', 'L'] as const)('%s has exactly its words and sources, each source cited 1–3 times', (size) => {
    const draft = generateArticle(SIZES[size]);
    expect(documentWords(draft.doc)).toBe(SIZES[size].words);
    const index = indexFootnotes(draft.doc);
    expect(index.sources).toHaveLength(SIZES[size].sources);
    const counts = new Map<string, number>();
    for (const citation of index.citations) counts.set(citation.source, (counts.get(citation.source) ?? 0) + 1);
    expect(counts.size).toBe(SIZES[size].sources);
    expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(3);
    // Numbers by first citation are not simply the source order.
    if (size === 'L') expect(index.sources.map((s) => s.id)).not.toEqual(index.sources.map((s) => s.id).sort());
  });

  test('is news-shaped: 40–80-word paragraphs, a heading every few, links, bold, italic, Read also', () => {
    const { doc } = generateArticle(SIZES.L);
    const body: PMNode[] = [];
    doc.forEach((node, _offset, i) => {
      if (i >= 2 && i < doc.childCount - 1) body.push(node);
    });
    const paragraphs = body.filter((n) => n.type.name === 'paragraph');
    const lengths = paragraphs.slice(0, -1).map((p) => countNodeWords(p));
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(40);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(80);
    let run = 0;
    let longest = 0;
    for (const node of body) {
      if (node.type.name === 'heading') run = 0;
      else if (node.type.name !== 'read_also') longest = Math.max(longest, ++run);
    }
    expect(longest).toBeLessThanOrEqual(6);
    expect(body.filter((n) => n.type.name === 'heading').length).toBeGreaterThan(paragraphs.length / 7);
    expect(body.filter((n) => n.type.name === 'read_also').length).toBeGreaterThanOrEqual(5);
    expect([...marksIn(doc)].sort()).toEqual(['em', 'link', 'strong']);
    expect(findProblems(doc)).toEqual([]);
  });

  test('XL has 100,000 words and 500 sources', () => {
    const { doc } = generateArticle(SIZES.XL);
    expect(documentWords(doc)).toBe(100_000);
    expect(doc.lastChild?.childCount).toBe(500);
  });

  test('is deterministic, differs by seed, and round-trips through the draft format', () => {
    const a = serializeDraft(generateArticle(SIZES.S));
    expect(serializeDraft(generateArticle(SIZES.S))).toBe(a);
    expect(serializeDraft(generateArticle({ ...SIZES.S, seed: 7 }))).not.toBe(a);
    expect(serializeDraft(parseDraft(a))).toBe(a);
  });

  test('refuses impossible sizes with a clear message', () => {
    expect(() => generateArticle({ words: 5, sources: 1 })).toThrow(/words must be a whole number ≥ 20/u);
    expect(() => generateArticle({ words: 100, sources: -1 })).toThrow(/sources must be/u);
  });

  test('seededRandom is uniform enough and keyDelays cover one frame', () => {
    const next = seededRandom(1);
    const values = Array.from({ length: 10_000 }, next);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(median(values)).toBeGreaterThan(0.45);
    expect(median(values)).toBeLessThan(0.55);
    const delays = keyDelays(500);
    expect(Math.min(...delays)).toBeLessThan(1);
    expect(Math.max(...delays)).toBeGreaterThan(15.5);
    expect(Math.max(...delays)).toBeLessThanOrEqual(16.7);
  });
});

describe('generateReviewArticle', () => {
  // Generated once (about a second at XL) and read back as a file is.
  const draft = generateReviewArticle(REVIEW_XL);
  const text = serializeDraft(draft);
  const loaded = parseDraft(text);
  const index = indexReview(loaded.doc);

  test('loads with parseDraft as it was generated, and is deterministic', () => {
    expect(loaded.doc.eq(draft.doc)).toBe(true);
    expect(serializeDraft(generateReviewArticle(REVIEW_XL))).toBe(text);
  });

  test('holds 1,000 suggestions of every kind by three authors, and 200 anchored threads', () => {
    expect(index.suggestions).toHaveLength(REVIEW_XL.suggestions);
    expect(new Set(index.suggestions.map((s) => s.id)).size).toBe(REVIEW_XL.suggestions);
    const kinds = new Map<string, number>();
    for (const s of index.suggestions) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    expect([...kinds.keys()].sort()).toEqual(['attributes', 'deletion', 'format', 'insertion', 'replacement']);
    for (const kind of ['deletion', 'format', 'insertion', 'replacement']) expect(kinds.get(kind)).toBeGreaterThanOrEqual(100);
    expect(kinds.get('attributes')).toBe(20);
    expect(index.suggestions.find((s) => s.kind === 'attributes')?.description).toMatch(/source/iu);
    expect(new Set(index.suggestions.map((s) => s.author))).toEqual(new Set(Object.keys(REVIEW_AUTHORS)));
    expect(index.authors).toEqual(REVIEW_AUTHORS);
    expect(index.threads).toHaveLength(REVIEW_XL.threads);
    expect(index.threads.filter((t) => t.detached)).toHaveLength(0);
    for (const { thread, from, to } of index.threads.slice(0, 20)) expect(loaded.doc.textBetween(from ?? 0, to ?? 0)).toBe(thread.quote);
    expect(index.threads.some((t) => t.thread.resolved)).toBe(true);
    expect(index.threads.some((t) => t.thread.messages.length > 1)).toBe(true);
  });

  test('accepting every suggestion leaves no suggestion mark and about as many words', () => {
    const accepted = decideAll(loaded.doc, 'accept');
    let left = 0;
    accepted.descendants((node) => {
      left += node.marks.filter(isSuggestionMark).length;
    });
    expect(left).toBe(0);
    expect(Math.abs(documentWords(accepted) - REVIEW_XL.words)).toBeLessThan(2_000);
  });
});

describe('editArticle', () => {
  const original = generateArticle(SIZES.L);
  const { draft, edits } = editArticle(original, { edits: 50 });
  const blockTexts = (doc: PMNode): string[] => doc.content.content.map((block) => JSON.stringify(block.toJSON()));

  test('makes 50 spread edits of every kind, each in a block of its own, and is deterministic', () => {
    expect(editCounts(50)).toEqual({ words: 24, citation: 8, bold: 8, 'read-also': 5, move: 5 });
    expect(edits).toHaveLength(50);
    const kinds = new Map<string, number>();
    for (const edit of edits) kinds.set(edit.kind, (kinds.get(edit.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual(editCounts(50));
    expect(new Set(edits.map((edit) => edit.block)).size).toBe(50);
    // Spread: no tenth of the body is without an edit.
    const blocks = original.doc.childCount;
    for (let tenth = 0; tenth < 10; tenth++) {
      expect(edits.some((edit) => edit.block > (tenth * blocks) / 10 && edit.block <= ((tenth + 1) * blocks) / 10)).toBe(true);
    }
    expect(serializeDraft(editArticle(original, { edits: 50 }).draft)).toBe(serializeDraft(draft));
  });

  test('changes exactly the edited blocks, moves the moved ones, keeps the word count, and loads back', () => {
    const before = blockTexts(original.doc);
    const after = blockTexts(draft.doc);
    expect(after).toHaveLength(before.length);
    // The in-block edits change 45 blocks; the 5 moved paragraphs are the same blocks elsewhere.
    const kept = new Set(before);
    expect(after.filter((block) => !kept.has(block))).toHaveLength(45);
    for (const edit of edits.filter((e) => e.kind === 'move')) {
      const moved = before[edit.block - 1] as string;
      expect(after.indexOf(moved)).toBeGreaterThan(edit.block - 1 + 2);
    }
    expect(documentWords(draft.doc)).toBe(SIZES.L.words);
    expect(marksIn(draft.doc).has('strong')).toBe(true);
    expect(parseDraft(serializeDraft(draft)).doc.eq(draft.doc)).toBe(true);
    expect(() => editArticle(generateArticle(SIZES.S), { edits: 400 })).toThrow(RangeError);
  });
});

describe('results', () => {
  test('median and nearest-rank p95', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(median(samples)).toBe(50.5);
    expect(quantile(samples, 0.95)).toBe(95);
    expect(median([3, 1, 2])).toBe(2);
    expect(quantile([], 0.5)).toBeNaN();
  });

  test('budgets: each bound given is checked; reference rows have no verdict; missing figures fail', () => {
    expect(resultOf('t', 'XL', [10, 11, 12], { median: 16.7, p95: 25 }).pass).toBe(true);
    expect(resultOf('t', 'XL', [10, 11, 30], { median: 16.7, p95: 25 }).pass).toBe(false);
    expect(resultOf('t', 'XL', [20, 20, 20], { median: 16.7 }).pass).toBe(false);
    expect(resultOf('t', 'XL', [99], null).pass).toBeNull();
    expect(ratioResult('r', 'XL/L', 12.5, { median: 12 }).pass).toBe(false);
    expect(ratioResult('r', 'XL/L', Number.NaN, { median: 12 })).toMatchObject({ median: null, pass: false });
    const missing = unavailable('import', 'XL', 'ms', { median: 500 }, 'not available');
    expect(missing).toMatchObject({ median: null, p95: null, pass: false });
    const table = formatTable([missing, resultOf('t', 'S', [1], { p95: 16.7 })]);
    expect(table).toMatch(/import\s+XL\s+ms\s+—\s+—\s+0\s+p50 ≤ 500\s+FAIL/u);
    expect(table).toMatch(/- import \(XL\): not available/u);
  });

  test('noisy rows: three runs when the budget bounds the p95 (once with --quick), each figure the median of the runs', async () => {
    expect(repeatsFor({ median: 16.7, p95: 25 }, false)).toBe(NOISY_REPEATS);
    expect(NOISY_REPEATS).toBe(3);
    expect(repeatsFor({ p95: 8 }, true)).toBe(1);
    expect(repeatsFor({ median: 50 }, false)).toBe(1);
    expect(repeatsFor(null, false)).toBe(1);
    const calls: number[] = [];
    const runs = await repeatRuns({ p95: 25 }, false, async (i) => {
      calls.push(i);
      return [10 + i];
    });
    expect(calls).toEqual([0, 1, 2]);
    expect(runs).toEqual([[10], [11], [12]]);
    expect(await repeatRuns({ p95: 25 }, true, async () => [1])).toEqual([[1]]);

    // One run spoilt by a busy moment (four keys at 90 ms) between a steady and a slower run: the
    // row keeps the middle p50 and the middle p95, and passes.
    const steady = Array.from({ length: 20 }, (_, i) => 10 + (i % 5));
    const spike = [...steady.slice(0, 16), 90, 90, 90, 90];
    const slow = steady.map((ms) => ms + 3);
    const row = repeatedResult('typing', 'XL', [steady, spike, slow], { median: 16.7, p95: 25 });
    expect(row).toMatchObject({ median: 12.5, p95: 17, runs: 60, pass: true });
    expect(row.note).toBe('median of 3 runs, figure by figure (p50s 12, 12.5, 15; p95s 14, 90, 17)');
    // Pooling the samples instead would have failed the p95 budget.
    expect(resultOf('typing', 'XL', [...steady, ...spike, ...slow], { median: 16.7, p95: 25 }).pass).toBe(false);
    // Two runs of three over budget fail it.
    expect(repeatedResult('typing', 'XL', [steady, spike, spike], { p95: 25 }).pass).toBe(false);
    // One run is that run's row; a note given is kept in front of the runs' figures.
    expect(repeatedResult('t', 'S', [[1, 2, 3]], { p95: 16.7 })).toEqual(resultOf('t', 'S', [1, 2, 3], { p95: 16.7 }));
    expect(repeatedResult('t', 'S', [[1], [2], [3]], null, 'a note').note).toMatch(/^a note; median of 3 runs/u);
  });
});

describe('node timings', () => {
  test('timeInterleaved alternates two runs of a with one of b, after the warm-up', () => {
    const calls: string[] = [];
    const { a, b } = timeInterleaved(() => calls.push('a'), () => calls.push('b'), 3, 1);
    expect(a).toHaveLength(6);
    expect(b).toHaveLength(3);
    expect(calls.join('')).toBe('ab' + 'aab'.repeat(3));
  });

  test('timeTool runs a real converter, and says plainly when one is missing', () => {
    const run = timeTool('cmark-gfm', ['-e', 'footnotes'], 'Hello *world*.[^1]\n\n[^1]: A note.\n', 2);
    expect(run.ok ? run.samples.length : run.reason).toBe(2);
    expect(timeTool('no-such-converter-here', [], '', 1)).toEqual({ ok: false, reason: 'no-such-converter-here is not installed' });
  });
});

describe('summariseTrace', () => {
  test('splits each key between script, layout and paint, nested layout counted as layout', () => {
    const pid = 1;
    const tid = 2;
    const e = (name: string, ts: number, dur: number, type?: string) => ({ name, ph: 'X', pid, tid, ts, dur, ...(type ? { args: { data: { type } } } : {}) });
    const trace = {
      traceEvents: [
        e('RunTask', 0, 10_000),
        e('EventDispatch', 0, 4_000, 'keydown'),
        e('Layout', 1_000, 1_000),
        e('RunTask', 20_000, 6_000),
        e('EventDispatch', 20_000, 2_000, 'keydown'),
        e('Paint', 23_000, 2_000),
        { name: 'RasterTask', ph: 'X', pid, tid: 9, ts: 24_000, dur: 4_000 },
        e('Layout', 500_000, 9_000), // long after the last key: not counted
      ],
    };
    const summary = summariseTrace(trace);
    expect(summary.keys).toBe(2);
    expect(summary.perKey['script: events']).toBeCloseTo(2.5);
    expect(summary.perKey.layout).toBeCloseTo(0.5);
    expect(summary.perKey.paint).toBeCloseTo(1);
    expect(summary.perKey['raster (tile workers)']).toBeCloseTo(2);
    expect(summary.perKey['main thread, other']).toBeCloseTo((16_000 - 8_000) / 1000 / 2);
    expect(summariseTrace({ traceEvents: [] }).keys).toBe(0);
  });
});

describe('serveFolder', () => {
  let folder: string;
  let server: StaticServer;
  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-bench-serve-'));
    await fs.mkdir(path.join(folder, 'site'));
    await fs.writeFile(path.join(folder, 'site', 'page.html'), '<p>hi</p>');
    await fs.writeFile(path.join(folder, 'secret.txt'), 'no');
    server = await serveFolder(path.join(folder, 'site'));
  });
  afterAll(async () => {
    await server.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('serves files with their type on 127.0.0.1, and nothing outside the folder', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
    const ok = await fetch(`${server.url}/page.html`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await ok.text()).toBe('<p>hi</p>');
    expect((await fetch(`${server.url}/missing.html`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${server.url}/`)).status).toBe(404);
    expect((await fetch(`${server.url}/page.html`, { method: 'POST' })).status).toBe(405);
  });
});
