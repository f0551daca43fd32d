// Packages Copydesk for Linux (`--linux dir`) with electron-builder and checks the result, without
// downloading Electron: a stand-in "Electron binary" that carries only the fuse wire (sentinel,
// version, eight fuses as Electron 45 ships them) lets electron-builder run everything it does to
// a real one up to and including flipping the fuses. Then this script checks:
// - the asar holds package.json, dist/electron/{main.mjs,preload.cjs,draft-worker.cjs},
//   dist/renderer/** and the `copydesk` command's bundle dist/cli/** (main.mjs and its chunks),
//   and nothing else (no node_modules, no source maps, no sources);
// - no bundle in it names a source map (`sourceMappingURL`: the maps are not shipped), and the
//   maps of every bundle of dist/renderer and dist/electron are kept beside the package
//   (<output>/sourcemaps/dist/…, build/keep-sourcemaps.mjs), as `npm run dist` leaves them;
// - the packaged package.json starts dist/electron/main.mjs;
// - the fuses are as build/electron-builder.yml sets them.
// Usage: node build/package-dry-run.mjs   (builds dist/electron and dist/cli first; needs dist/renderer/index.html)
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
// The main process's worker threads' file (build/vite.electron.config.mts), read from inside the asar.
const WORKER_FILES = ['/dist/electron/draft-worker.cjs'];

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];
// Electron's defaults, so that a fuse the config forgot would show up unflipped.
const ELECTRON_DEFAULTS = '10110001';
const EXPECTED = { runAsNode: false, enableCookieEncryption: true, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true, loadBrowserProcessSpecificV8Snapshot: false, grantFileProtocolExtraPrivileges: false };

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`package dry run: ${command} ${args.join(' ')} failed (exit ${String(result.status)}).`);
    process.exit(1);
  }
}

if (!existsSync(path.join(root, 'dist/renderer/index.html'))) {
  console.error('package dry run: dist/renderer/index.html is missing; build the renderer first (npx vite build).');
  process.exit(1);
}
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '-c', 'build/vite.electron.config.mts', '--mode', 'main', '--logLevel', 'warn']);
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '-c', 'build/vite.electron.config.mts', '--mode', 'preload', '--logLevel', 'warn']);
run(process.execPath, ['build/build-cli.mjs']);

const work = mkdtempSync(path.join(os.tmpdir(), 'copydesk-package-'));
const failures = [];
try {
  const fakeDist = path.join(work, 'electron-dist');
  mkdirSync(path.join(fakeDist, 'resources'), { recursive: true });
  const binary = path.join(fakeDist, 'electron');
  writeFileSync(binary, Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(SENTINEL), Buffer.from([1, FUSES.length]), Buffer.from(ELECTRON_DEFAULTS)]));
  chmodSync(binary, 0o755);
  const out = path.join(work, 'out');
  run(process.execPath, ['node_modules/electron-builder/cli.js', '--config', 'build/electron-builder.yml', '--linux', 'dir', `-c.electronDist=${fakeDist}`, `-c.directories.output=${out}`]);

  const unpacked = path.join(out, 'linux-unpacked');
  const archive = path.join(unpacked, 'resources', 'app.asar');
  const files = asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
  const allowed = (f) =>
    ['/package.json', '/dist', '/dist/electron', '/dist/electron/main.mjs', '/dist/electron/preload.cjs', ...WORKER_FILES, '/dist/renderer', '/dist/cli', '/dist/cli/chunks'].includes(f) ||
    f.startsWith('/dist/renderer/') ||
    /^\/dist\/cli\/(?:chunks\/)?[\w-]+\.mjs$/u.test(f);
  for (const file of files) if (!allowed(file) || file.endsWith('.map')) failures.push(`unexpected file in app.asar: ${file}`);
  for (const needed of ['/package.json', '/dist/electron/main.mjs', '/dist/electron/preload.cjs', ...WORKER_FILES, '/dist/renderer/index.html', '/dist/cli/main.mjs']) {
    if (!files.includes(needed)) failures.push(`missing from app.asar: ${needed}`);
  }
  // The command's bundle is the one just built, chunk for chunk.
  const builtChunks = readdirSync(path.join(root, 'dist/cli/chunks')).map((name) => `/dist/cli/chunks/${name}`).sort();
  const packedChunks = files.filter((f) => f.startsWith('/dist/cli/chunks/')).sort();
  if (JSON.stringify(builtChunks) !== JSON.stringify(packedChunks)) failures.push(`app.asar's dist/cli/chunks differ from the build: ${packedChunks.length} packed, ${builtChunks.length} built`);
  // Source maps: named by no bundle, kept beside the package for every bundle that has one.
  for (const file of files.filter((f) => /\.(?:js|mjs|cjs)$/u.test(f))) {
    const code = asar.extractFile(archive, file.slice(1)).toString('utf8');
    if (/[#@] sourceMappingURL=/u.test(code)) failures.push(`${file} in app.asar names a source map`);
    // Every map the build wrote (a chunk that only re-exports has none), the main bundles' at least.
    const kept = path.join(out, 'sourcemaps', `${file.slice(1)}.map`);
    const wanted = existsSync(path.join(root, `${file.slice(1)}.map`)) || ['/dist/electron/main.mjs', '/dist/electron/preload.cjs', ...WORKER_FILES].includes(file) || /^\/dist\/renderer\/assets\/index-[\w-]+\.js$/u.test(file);
    if (wanted && !existsSync(kept)) failures.push(`no source map of ${file} kept beside the package (${kept})`);
  }
  const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
  if (pkg.main !== 'dist/electron/main.mjs') failures.push(`packaged package.json main is ${JSON.stringify(pkg.main)}`);

  const exe = path.join(unpacked, 'copydesk');
  const bytes = readFileSync(exe);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  FUSES.forEach((name, i) => {
    const on = bytes[at + 2 + i] === 0x31;
    if (on !== EXPECTED[name]) failures.push(`fuse ${name} is ${on ? 'on' : 'off'}, expected ${EXPECTED[name] ? 'on' : 'off'}`);
  });
  console.log(`package dry run: app.asar holds ${String(files.length)} entries; fuses: ${FUSES.map((n, i) => `${n}=${bytes[at + 2 + i] === 0x31 ? 'on' : 'off'}`).join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failures.length > 0) {
  for (const failure of failures) console.error(`package dry run: ${failure}`);
  process.exit(1);
}
console.log('package dry run: ok');
