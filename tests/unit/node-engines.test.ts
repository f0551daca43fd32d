// package.json's engines.node says what every installed package accepts (package-lock records each
// one's own engines), README states the same range, and `npm start` on another Node stops with
// the message of build/check-node.mjs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script, without type declarations
import { nodeProblem, requiredNode } from '../../build/check-node.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

interface LockEntry { engines?: { node?: string } | string[]; optional?: boolean }

describe('the Node.js that Copydesk asks for', () => {
  const range = (readJson('package.json') as { engines: { node: string } }).engines.node;

  it('is accepted by every package in the lock file', () => {
    const lock = readJson('package-lock.json') as { packages: Record<string, LockEntry> };
    const refusing: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      const engines = entry.engines;
      if (where === '' || engines === undefined || Array.isArray(engines) || engines.node === undefined) continue;
      // Optional platform builds (wasm bindings) are skipped by npm where they do not fit.
      if (entry.optional === true) continue;
      if (!semver.subset(range, engines.node)) refusing.push(`${where}: ${engines.node}`);
    }
    expect(refusing).toEqual([]);
    expect(semver.minVersion(range)).not.toBeNull();
  });

  it('is the range README.md gives a new user', () => {
    expect(requiredNode()).toBe(range);
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(`Node.js ${range}`);
  });

  it('stops the app on an older Node with one line that says what to install', () => {
    expect(nodeProblem('22.13.0')).toBeNull();
    expect(nodeProblem('24.1.0')).toBeNull();
    for (const old of ['20.19.0', '22.12.0', '23.4.0']) expect(nodeProblem(old)).toMatch(/needs Node\.js .* this is Node\.js /u);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'build/check-node.mjs'), '20.20.2'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`Node.js ${range}`);
    const scripts = (readJson('package.json') as { scripts: Record<string, string> }).scripts;
    expect(scripts.prestart).toBe('node build/check-node.mjs');
    expect(scripts.predist).toBe('node build/check-node.mjs');
  });
});
