/**
 * Crash safety of saving: a child process saves a large draft (over 2 MB of JSON) in a loop,
 * alternating two versions, and is killed with SIGKILL at 300 random moments. After every kill
 * the file must be byte for byte one of the two versions and load with `parseDraft`; temporary
 * files must not accumulate, and one more save must leave the folder holding only the draft.
 *
 * Start-up cost: `node --import tsx` takes ~0.45 s per start here (it transforms TypeScript with
 * esbuild on the way), which would make 300 kills take minutes. So the first kills run the child
 * exactly that way, and the rest run the same source bundled once by esbuild (the transformer
 * tsx itself uses) into one .mjs file, which starts in ~0.1 s. Same code, same save path.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDraft, serializeDraft } from '../../../shared/draft/format';
import { schema } from '../../../shared/schema';
import { sha256Hex } from '../../../electron/node/draft-file';
import { saveBytes } from '../../../electron/services/save-file';
import { cite, draftOf, p, source } from '../helpers/build';
import { tempDir } from '../helpers/services-fixtures';

const KILLS = 300;
const TSX_KILLS = 10;
const here = path.dirname(fileURLToPath(import.meta.url));
const childSource = path.join(here, 'save-loop-child.ts');
const projectRoot = path.resolve(here, '../../..');

/** A long read: `paragraphs` paragraphs citing 40 sources; `variant` changes the text and the size. */
function bigDraftText(paragraphs: number, variant: string): string {
  const body = Array.from({ length: paragraphs }, (_, i) =>
    p(`${variant} paragraph ${String(i)}: the council’s budget vote, as reported `, cite(`s${String(i % 40)}`), ' — with “quotes”, ünïcödé and a figure of 12.5%.'),
  );
  const sources = Array.from({ length: 40 }, (_, i) => source(`s${String(i)}`, { title: `Source ${String(i)}`, outlet: 'The Gazette', url: `https://example.com/${String(i)}` }));
  const doc = schema.node('doc', null, [schema.node('headline', null, [schema.text(`${variant} long read`)]), schema.node('standfirst'), ...body, schema.node('sources', null, sources)]);
  return serializeDraft(draftOf(doc));
}

interface ChildRun {
  /** Saves the child reported finished before it was killed. */
  readonly saves: number;
  /** A line other than ready/saved (a failed save), if any. */
  readonly failure: string | null;
}

/** Starts the child, waits for "ready", kills it `delayMs` later, and resolves after it exited. */
function runAndKill(command: string[], delayMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      const before = out;
      out += chunk.toString();
      if (!before.includes('ready') && out.includes('ready')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      if (timer) clearTimeout(timer);
      const lines = out.split('\n').filter(Boolean);
      const failure = lines.find((l) => !l.startsWith('ready') && !l.startsWith('saved')) ?? (signal === 'SIGKILL' ? null : `exit ${String(code)}: ${err}`);
      const last = lines.filter((l) => l.startsWith('saved')).at(-1);
      resolve({ saves: last ? Number(last.split(' ')[1]) : 0, failure });
    });
  });
}

describe('saving survives SIGKILL at any moment', () => {
  let dir: string;
  let bundle: string;
  beforeAll(async () => {
    dir = await tempDir('kill');
    bundle = path.join(dir, 'save-loop-child.mjs');
    await build({ entryPoints: [childSource], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'error' });
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it(`${String(KILLS)} kills: the file is always one version or the other, and loads`, { timeout: 240_000 }, async () => {
    const started = Date.now();
    const work = path.join(dir, 'work');
    await fs.mkdir(work);
    const target = path.join(work, 'big.copydesk');
    const texts = [bigDraftText(4500, 'Alpha'), bigDraftText(5000, 'Bravo')];
    const versions = texts.map((t) => Buffer.from(t, 'utf8'));
    const hashes = versions.map((v) => sha256Hex(v));
    for (const text of texts) expect(parseDraft(text).doc.childCount).toBeGreaterThan(4500);
    await fs.writeFile(path.join(dir, 'a.copydesk'), versions[0] as Buffer);
    await fs.writeFile(path.join(dir, 'b.copydesk'), versions[1] as Buffer);
    await fs.writeFile(target, versions[0] as Buffer);
    const args = [target, path.join(dir, 'a.copydesk'), path.join(dir, 'b.copydesk')];

    // Calibrate: how long one save takes here, so that kills fall anywhere in a few saves.
    const calibration = await runAndKill([bundle, ...args], 1500);
    expect(calibration.failure).toBeNull();
    const saveMs = 1500 / Math.max(1, calibration.saves);
    const maxDelay = Math.min(250, Math.max(20, Math.round(3 * saveMs)));

    const seen = [0, 0];
    let totalSaves = 0;
    let killedMidWrite = 0;
    let maxTemps = 0;
    let parsed = 0;
    // Each kill's file is checked at once by hash; its parse runs while the next child starts
    // (on the other core), which keeps the whole test near a minute.
    let unparsed: { kill: number; bytes: Buffer; which: number } | null = null;
    const parseUnparsed = (): void => {
      if (!unparsed) return;
      const { kill, bytes, which } = unparsed;
      expect(parseDraft(bytes.toString('utf8')).doc.firstChild?.textContent, `after kill ${String(kill)} the file does not load`).toBe(which === 0 ? 'Alpha long read' : 'Bravo long read');
      parsed++;
      unparsed = null;
    };
    for (let kill = 0; kill < KILLS; kill++) {
      const command = kill < TSX_KILLS ? ['--import', 'tsx', childSource, ...args] : [bundle, ...args];
      const running = runAndKill(command, Math.floor(Math.random() * maxDelay));
      parseUnparsed();
      const run = await running;
      expect(run.failure, `kill ${String(kill)}`).toBeNull();
      totalSaves += run.saves;
      const bytes = await fs.readFile(target);
      const which = hashes.indexOf(sha256Hex(bytes));
      expect(which, `after kill ${String(kill)} the file (${String(bytes.length)} bytes) is neither version`).toBeGreaterThanOrEqual(0);
      seen[which] = (seen[which] ?? 0) + 1;
      unparsed = { kill, bytes, which };
      const temps = (await fs.readdir(work)).filter((n) => n !== 'big.copydesk');
      for (const name of temps) expect(name).toMatch(/^\.big\.copydesk\.\d+\.[0-9a-f]+\.cd-tmp$/u);
      if (temps.length > 0) killedMidWrite++;
      maxTemps = Math.max(maxTemps, temps.length);
    }
    parseUnparsed();

    // One more save (this process, the real save path) sweeps the dead writers' leftovers.
    const current = await fs.readFile(target);
    const next = sha256Hex(current) === hashes[0] ? 1 : 0;
    const result = await saveBytes(target, versions[next] as Buffer, hashes[next] as string, { baseHash: sha256Hex(current), subject: 'big.copydesk' });
    expect(result.ok).toBe(true);
    expect(await fs.readdir(work)).toEqual(['big.copydesk']);
    expect(await fs.readFile(target)).toEqual(versions[next]);

    const seconds = (Date.now() - started) / 1000;
    console.log(
      `kill test: ${String(KILLS)} SIGKILLs (${String(TSX_KILLS)} via node --import tsx, the rest via the esbuild bundle) in ${seconds.toFixed(1)} s; ` +
        `drafts of ${String(versions[0]?.length)} and ${String(versions[1]?.length)} bytes; one save ≈ ${saveMs.toFixed(1)} ms, kill delays 0–${String(maxDelay)} ms after start; ` +
        `${String(totalSaves)} saves completed; file found as version A ${String(seen[0])}×, B ${String(seen[1])}×, parsed ${String(parsed)}×; ` +
        `${String(killedMidWrite)} kills left a temporary (max ${String(maxTemps)} at once); torn files: 0`,
    );
    expect(seen[0]).toBeGreaterThan(10);
    expect(seen[1]).toBeGreaterThan(10);
    expect(killedMidWrite).toBeGreaterThan(10);
    // Each writer sweeps dead writers' temporaries before making its own: they never pile up.
    expect(maxTemps).toBeLessThanOrEqual(1);
  });
});
