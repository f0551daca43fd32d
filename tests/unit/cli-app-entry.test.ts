/**
 * The packaged app's command path, end to end without the Electron binary: the main bundle as the
 * build writes it (build/vite.electron.config.mts) beside the command's bundle (dist/cli, built by
 * the global setup) and package.json, as app.asar holds them, run by node with a stand-in
 * 'electron' module (helpers/fake-electron-process.mjs) that refuses every Electron API but the
 * two the command path uses. Checks that the entry answers command words with the command's own
 * output and exit code, touching nothing of the app's shell, and that without a display it starts
 * itself again headless (node standing in for the app's executable).
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REGISTER = path.join(ROOT, 'tests/unit/helpers/fake-electron-register.mjs');
const SEED = path.join(ROOT, 'tests/fixtures/seed-article.copydesk');

let app: string;
let logFile: string;

beforeAll(async () => {
  app = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-app-'));
  await build({ configFile: path.join(ROOT, 'build/vite.electron.config.mts'), mode: 'main', logLevel: 'silent', build: { outDir: path.join(app, 'dist/electron'), sourcemap: false } });
  await fs.cp(path.join(ROOT, 'dist/cli'), path.join(app, 'dist/cli'), { recursive: true });
  await fs.copyFile(path.join(ROOT, 'package.json'), path.join(app, 'package.json'));
  logFile = path.join(app, 'electron.log');
}, 120_000);

afterAll(async () => {
  await fs.rm(app, { recursive: true, force: true });
});

/** Runs the app's main bundle with `args` (as `electron <folder> args`); returns its output, exit code and what it asked of Electron. */
async function runApp(args: readonly string[], env: Record<string, string | undefined>): Promise<{ status: number | null; stdout: string; stderr: string; electron: string[] }> {
  await fs.writeFile(logFile, '');
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !['DISPLAY', 'WAYLAND_DISPLAY', 'NODE_OPTIONS', 'COPYDESK_DEBUG'].includes(key)));
  // NODE_OPTIONS: a restarted process gets the stand-in too.
  const result = spawnSync(process.execPath, [path.join(app, 'dist/electron/main.mjs'), ...args], {
    cwd: app,
    encoding: 'utf8',
    env: { ...base, ...env, NODE_OPTIONS: `--import=${REGISTER}`, FAKE_ELECTRON_LOG: logFile },
  });
  if (result.error) throw result.error;
  const electron = (await fs.readFile(logFile, 'utf8')).split('\n').filter(Boolean);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, electron };
}

describe('the packaged app as the copydesk command', () => {
  it('answers --version and export with the command’s output, and exits without touching the shell', async () => {
    const version = await runApp(['--version'], { DISPLAY: ':0' });
    const { version: expected } = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version).toEqual({ status: 0, stdout: `copydesk ${expected}\n`, stderr: '', electron: ['app.disableHardwareAcceleration', 'app.exit 0'] });
    const exported = await runApp(['export', SEED, '--to', 'html', '--fragment'], { DISPLAY: ':0' });
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^<article/u);
    expect(exported.electron).toEqual(['app.disableHardwareAcceleration', 'app.exit 0']);
  });

  it('exits with the command’s code and its one line on a mistake', async () => {
    const missing = await runApp(['check', 'missing.copydesk'], { DISPLAY: ':0' });
    expect(missing).toEqual({ status: 1, stdout: '', stderr: 'copydesk: missing.copydesk: no such file.\n', electron: ['app.disableHardwareAcceleration', 'app.exit 1'] });
    const usage = await runApp(['export', SEED], { WAYLAND_DISPLAY: 'wayland-0' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^copydesk: missing --to html, --to md or --to docx \(usage: copydesk export/u);
  });

  it('without a display, starts itself again headless and exits with its code', async () => {
    const run = await runApp(['export', SEED, '--to', 'md'], {});
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('[^1]');
    expect(run.stderr).toBe('');
    // The restarted process ran the command; the first one only waited and passed its code on.
    expect(run.electron).toEqual(['app.disableHardwareAcceleration', 'app.exit 0', 'app.exit 0']);
  });

  it('starts the app (its shell) for anything that is not a command word', async () => {
    const run = await runApp(['story.copydesk'], { DISPLAY: ':0' });
    expect(run.status).not.toBe(0);
    expect(run.electron[0]).toMatch(/^touched app\./u);
  });
});
