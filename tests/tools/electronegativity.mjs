// Runs Doyensec's Electronegativity (the Electron security scanner) on the Electron shell and
// fails unless every finding is explained where it is reported.
//
// Electronegativity is installed into a prefix of its own (node_modules/.cache/electronegativity),
// never into the project: it brings its own TypeScript parser, which breaks beside the project's.
// A finding counts as explained when a comment reading `electronegativity: <CHECK_ID> …` sits on
// the flagged line or on one of the four lines above it, saying why the code is safe.
//
// Usage: node tests/tools/electronegativity.mjs [folder]   (default electron/shell)
// Needs the npm registry the first time (to install); later runs reuse the prefix.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const VERSION = '1.10.3';
const ELECTRON_VERSION = '45.5.0';
const root = fileURLToPath(new URL('../..', import.meta.url));
const prefix = path.join(root, 'node_modules', '.cache', 'electronegativity');
const entry = path.join(prefix, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const target = path.resolve(root, process.argv[2] ?? 'electron/shell');

function fail(message) {
  console.error(`electronegativity: ${message}`);
  process.exit(1);
}

function installed() {
  if (!existsSync(entry)) return false;
  const pkg = JSON.parse(readFileSync(path.join(prefix, 'node_modules', '@doyensec', 'electronegativity', 'package.json'), 'utf8'));
  return pkg.version === VERSION;
}

if (!installed()) {
  mkdirSync(prefix, { recursive: true });
  // A package.json of its own, so that npm treats the prefix as a separate project.
  writeFileSync(path.join(prefix, 'package.json'), `${JSON.stringify({ name: 'copydesk-electronegativity', private: true }, null, 2)}\n`);
  console.log(`electronegativity: installing @doyensec/electronegativity@${VERSION} into ${path.relative(root, prefix)}…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', '--loglevel', 'error', `@doyensec/electronegativity@${VERSION}`], {
    cwd: prefix,
    stdio: 'inherit',
  });
  if (result.status !== 0 || !installed()) fail('could not install the scanner (is the npm registry reachable?).');
}

const work = mkdtempSync(path.join(os.tmpdir(), 'copydesk-electronegativity-'));
const report = path.join(work, 'report.sarif');
let findings;
try {
  const scan = spawnSync(process.execPath, [entry, '-i', target, '-r', '-e', ELECTRON_VERSION, '-o', report], { cwd: root, encoding: 'utf8' });
  if (scan.status !== 0 || !existsSync(report)) {
    console.error(scan.stdout, scan.stderr);
    fail(`the scan of ${path.relative(root, target)} failed (exit ${String(scan.status)}).`);
  }
  const sarif = JSON.parse(readFileSync(report, 'utf8'));
  findings = (sarif.runs?.[0]?.results ?? []).map((result) => {
    const location = result.locations?.[0]?.physicalLocation ?? {};
    return {
      check: result.ruleId,
      level: result.level,
      message: result.message?.text ?? '',
      file: path.resolve(target, location.artifactLocation?.uri ?? ''),
      line: location.region?.startLine ?? 0,
    };
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}

function explanation(finding) {
  if (!existsSync(finding.file) || finding.line < 1) return null;
  const lines = readFileSync(finding.file, 'utf8').split('\n');
  const marker = `electronegativity: ${finding.check}`;
  for (let i = finding.line - 1; i >= Math.max(0, finding.line - 5); i--) {
    const line = lines[i] ?? '';
    const at = line.indexOf(marker);
    if (at >= 0 && /\/\/|\/\*|^\s*\*/u.test(line.slice(0, at + 1) || line)) return line.slice(at + marker.length).replace(/^[\s:—–-]+/u, '').trim();
  }
  return null;
}

let unexplained = 0;
for (const finding of findings) {
  const where = `${path.relative(root, finding.file)}:${String(finding.line)}`;
  const why = explanation(finding);
  if (why) console.log(`explained   ${finding.check} at ${where}: ${why}`);
  else {
    unexplained += 1;
    console.log(`UNEXPLAINED ${finding.check} at ${where}: ${finding.message}`);
  }
}
console.log(`electronegativity ${VERSION} on ${path.relative(root, target)}: ${String(findings.length)} finding(s), ${String(unexplained)} unexplained.`);
process.exit(unexplained === 0 ? 0 : 1);
