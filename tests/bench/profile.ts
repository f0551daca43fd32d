/**
 * Where a keystroke's time goes: types in the middle of a generated article in Chromium with
 * tracing on, then prints the per-key breakdown (script, style, layout, paint… see
 * trace-summary.ts) beside the key-to-paint figures of the same keys. Tracing slows everything a
 * little; compare modes and changes with each other, not with `npm run bench`.
 *
 *   npx tsx tests/bench/profile.ts [--size=S|L|XL] [--mode=copydesk|suggesting|render-all|bare|both] [--keys=60]
 *
 * The trace is kept in tests/artifacts/bench/ (git-ignored) for chrome://tracing or Perfetto.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeDraft } from '../../shared/draft/format';
import { keyDelays, launchChromium, pagePath, TYPED } from './browser-bench';
import { buildBenchPages } from './build-page';
import { generateArticle, SIZES, type SizeName } from './generate';
import { BENCH_MODES, type BenchMode } from './page/bench-page';
import { median, quantile } from './results';
import { serveFolder } from './serve';
import { summariseTrace } from './trace-summary';

const here = path.dirname(fileURLToPath(import.meta.url));
const option = (name: string, fallback: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const size = option('size', 'XL') as SizeName;
const modes: readonly BenchMode[] = option('mode', 'both') === 'both' ? ['copydesk', 'bare'] : [option('mode', 'copydesk') as BenchMode];
const keys = Number(option('keys', '60'));
if (!(size in SIZES) || !Number.isInteger(keys) || keys < 1 || modes.some((m) => !BENCH_MODES.includes(m))) {
  console.error('usage: tsx tests/bench/profile.ts [--size=S|L|XL] [--mode=copydesk|suggesting|render-all|bare|both] [--keys=60]');
  process.exit(2);
}

const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-profile-'));
const artifacts = path.resolve(here, '../artifacts/bench');
await fs.mkdir(artifacts, { recursive: true });
await fs.mkdir(path.join(folder, 'docs'));
await fs.writeFile(path.join(folder, 'docs', `${size}.copydesk`), serializeDraft(generateArticle(SIZES[size])));
await buildBenchPages(folder);
const server = await serveFolder(folder);
const browser = await launchChromium();
try {
  for (const mode of modes) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/${pagePath(mode)}`);
    await page.waitForFunction(() => window.copydeskBench !== undefined);
    await page.evaluate((url) => window.copydeskBench?.open(url), `/docs/${size}.copydesk`);
    await page.evaluate(() => window.copydeskBench?.placeCaretMiddle());
    const warmup = 10;
    const delays = keyDelays(warmup + keys);
    const samples: number[] = [];
    const trace = path.join(artifacts, `trace-${size}-${mode}.json`);
    for (let i = 0; i < warmup + keys; i++) {
      if (i === warmup) await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'cc'] });
      await page.waitForTimeout(delays[i] as number);
      const ch = TYPED[i % TYPED.length] as string;
      await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      const ms = await page.evaluate((n) => window.copydeskBench?.sample(n) ?? Number.NaN, i);
      if (i >= warmup) samples.push(ms);
    }
    await browser.stopTracing();
    await context.close();
    const summary = summariseTrace(JSON.parse(await fs.readFile(trace, 'utf8')) as Parameters<typeof summariseTrace>[0]);
    console.log(`\n${size} ${mode}: key to paint p50 ${median(samples).toFixed(1)} ms, p95 ${quantile(samples, 0.95).toFixed(1)} ms (${String(samples.length)} keys, tracing on); ${String(summary.keys)} keydowns in the trace`);
    for (const [group, ms] of Object.entries(summary.perKey)) console.log(`  ${group.padEnd(28)} ${ms.toFixed(2).padStart(7)} ms/key`);
    console.log(`  trace: ${path.relative(process.cwd(), trace)}`);
  }
} finally {
  await browser.close();
  await server.close();
  await fs.rm(folder, { recursive: true, force: true });
}
