// Runs the Electron end-to-end tests (tests/electron/*.spec.ts) where an Electron binary exists:
// ELECTRON_PATH, or the binary npm downloaded into node_modules/electron/dist. Where there is
// none (as on machines that cannot download Electron), it says so plainly and exits 0.
// Before the tests it bundles the main process and preload (dist/electron), and builds the
// renderer (dist/renderer) if it is not built yet.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The Electron binary to test with, or null. Never requires 'electron' (that would download it). */
function findElectron() {
  if (process.env.ELECTRON_PATH) {
    if (existsSync(process.env.ELECTRON_PATH)) return process.env.ELECTRON_PATH;
    console.error(`ELECTRON_PATH is set to ${process.env.ELECTRON_PATH}, which does not exist.`);
    process.exit(1);
  }
  const dist = path.join(root, 'node_modules', 'electron', 'dist');
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (existsSync(pathFile)) {
    const binary = path.join(dist, readFileSync(pathFile, 'utf8').trim());
    if (existsSync(binary)) return binary;
  }
  const fallback = { linux: 'electron', win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' }[process.platform];
  if (fallback && existsSync(path.join(dist, fallback))) return path.join(dist, fallback);
  return null;
}

function run(args, env = process.env) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const electron = findElectron();
if (!electron) {
  console.log('Electron end-to-end tests SKIPPED: no Electron binary (set ELECTRON_PATH)');
  process.exit(0);
}
console.log(`Electron end-to-end tests with ${electron}`);
const vite = path.join('node_modules', 'vite', 'bin', 'vite.js');
run([vite, 'build', '-c', 'build/vite.electron.config.mts', '--mode', 'main', '--logLevel', 'warn']);
run([vite, 'build', '-c', 'build/vite.electron.config.mts', '--mode', 'preload', '--logLevel', 'warn']);
if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) run([vite, 'build', '--logLevel', 'warn']);
run([path.join('node_modules', '@playwright', 'test', 'cli.js'), 'test', '-c', 'tests/electron/playwright.config.ts', ...process.argv.slice(2)], {
  ...process.env,
  ELECTRON_PATH: electron,
});
