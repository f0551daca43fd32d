/**
 * The atomic writer against a real file system: replacing, concurrent readers that must never
 * see a torn file, failures that must leave the old file and no temporary behind (a full tmpfs
 * and a read-only bind mount, when this machine lets the test mount them), and the sweep of
 * temporaries left by killed writers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/node/atomic-write';

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-atomic-'));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function freshDir(name: string): Promise<string> {
  const dir = path.join(root, name);
  await fs.mkdir(dir);
  return dir;
}

const temps = async (dir: string): Promise<string[]> => (await fs.readdir(dir)).filter((name) => name.endsWith('.cd-tmp'));

describe('writeFileAtomic: replacing', () => {
  it('creates a new file', async () => {
    const dir = await freshDir('create');
    const target = path.join(dir, 'a.txt');
    await writeFileAtomic(target, 'first');
    expect(await fs.readFile(target, 'utf8')).toBe('first');
    expect(await fs.readdir(dir)).toEqual(['a.txt']);
  });

  it('replaces an existing file by rename, keeping its mode', async () => {
    const dir = await freshDir('replace');
    const target = path.join(dir, 'a.txt');
    await fs.writeFile(target, 'old content that is longer than the new');
    await fs.chmod(target, 0o640);
    const before = await fs.stat(target);
    await writeFileAtomic(target, new TextEncoder().encode('new'));
    const after = await fs.stat(target);
    expect(await fs.readFile(target, 'utf8')).toBe('new');
    expect(after.mode & 0o7777).toBe(0o640);
    // A new inode: the old file was replaced, never opened for writing.
    expect(after.ino).not.toBe(before.ino);
    expect(await fs.readdir(dir)).toEqual(['a.txt']);
  });
});

/**
 * Rewrites `target` `rounds` times with `write` while a separate Node process reads and parses it
 * in a loop; returns what the reader saw. Each version is a JSON array of ~2 MB whose first
 * element is its own length, so a torn read fails to parse or fails the length check.
 */
async function raceReader(target: string, rounds: number, write: (data: string) => Promise<void>): Promise<{ reads: number; torn: number; versions: number }> {
  const version = (n: number): string => {
    const items = Array.from({ length: 150_000 }, (_, i) => (i * 7 + n) % 1000);
    return JSON.stringify([items.length + 1, n, ...items]);
  };
  await fs.writeFile(target, version(0));
  const stopFile = `${target}.stop`;
  const script = `
    const fs = require('node:fs');
    let reads = 0, torn = 0; const seen = new Set();
    process.stdout.write('reading\\n');
    while (!fs.existsSync(${JSON.stringify(stopFile)})) {
      let text;
      try { text = fs.readFileSync(${JSON.stringify(target)}, 'utf8'); } catch { continue; }
      reads++;
      try { const a = JSON.parse(text); if (a[0] !== a.length - 1) torn++; else seen.add(a[1]); } catch { torn++; }
    }
    process.stdout.write(JSON.stringify({ reads, torn, versions: seen.size }));
  `;
  const reader = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let started: () => void = () => undefined;
  const reading = new Promise<void>((resolve) => (started = resolve));
  reader.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('reading\n')) started();
  });
  const done = new Promise<void>((resolve) => reader.on('close', () => resolve()));
  // The writes start once the reader says it is reading, not after a guessed delay.
  await Promise.race([reading, done]);
  for (let n = 1; n <= rounds; n++) await write(version(n));
  await fs.writeFile(stopFile, '');
  await done;
  return JSON.parse(out.replace(/^reading\n/u, '')) as { reads: number; torn: number; versions: number };
}

describe('writeFileAtomic: concurrent readers', () => {
  it('never lets a reader see a truncated or half-written file', async () => {
    const dir = await freshDir('race');
    const result = await raceReader(path.join(dir, 'big.json'), 40, (data) => writeFileAtomic(path.join(dir, 'big.json'), data));
    console.log(`atomic writer: ${String(result.reads)} reads, ${String(result.torn)} torn, ${String(result.versions)} versions seen`);
    expect(result.reads).toBeGreaterThan(20);
    expect(result.versions).toBeGreaterThan(1);
    expect(result.torn).toBe(0);
  });

  it('(control) the same reader does catch torn files from a plain fs.writeFile', async () => {
    const dir = await freshDir('race-control');
    const target = path.join(dir, 'big.json');
    const result = await raceReader(target, 40, (data) => fs.writeFile(target, data));
    console.log(`plain writeFile: ${String(result.reads)} reads, ${String(result.torn)} torn`);
    expect(result.torn).toBeGreaterThan(0);
  });
});

describe('writeFileAtomic: failures', () => {
  it('throws ENOENT for a folder that does not exist and creates nothing', async () => {
    const dir = await freshDir('enoent');
    const target = path.join(dir, 'missing', 'a.txt');
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('throws when the target is a folder, leaving the folder and no temporary', async () => {
    const dir = await freshDir('eisdir');
    await fs.mkdir(path.join(dir, 'out'));
    await expect(writeFileAtomic(path.join(dir, 'out'), 'x')).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/u) as string });
    expect((await fs.stat(path.join(dir, 'out'))).isDirectory()).toBe(true);
    expect(await temps(dir)).toEqual([]);
  });
});

// Real failing file systems need mount(8), which needs privileges this machine may not grant.
const mountProbe = (() => {
  if (process.platform !== 'linux') return { ok: false, why: 'not Linux' };
  const probe = spawnSync('sh', ['-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=16k tmpfs "$d" && umount "$d"; s=$?; rmdir "$d"; exit $s'], { encoding: 'utf8' });
  return probe.status === 0 ? { ok: true, why: '' } : { ok: false, why: (probe.stderr || probe.error?.message || 'mount failed').trim() };
})();
if (!mountProbe.ok) console.warn(`atomic-write: mount is not permitted here (${mountProbe.why}); the ENOSPC and EROFS tests are skipped.`);

describe.skipIf(!mountProbe.ok)(`writeFileAtomic on failing file systems${mountProbe.ok ? '' : ' (SKIPPED: mount not permitted here)'}`, () => {
  const mounts: string[] = [];
  const mount = (...args: string[]): void => {
    const result = spawnSync('mount', args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`mount ${args.join(' ')}: ${result.stderr}`);
    mounts.push(args[args.length - 1] ?? '');
  };
  afterAll(() => {
    for (const dir of mounts.reverse()) spawnSync('umount', [dir]);
  });

  it('on a full disk (64 KiB tmpfs) throws ENOSPC, keeps the old file and leaves no temporary', async () => {
    const dir = await freshDir('full');
    mount('-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir);
    const target = path.join(dir, 'draft.copydesk');
    await writeFileAtomic(target, 'old draft');
    await expect(writeFileAtomic(target, 'x'.repeat(256 * 1024))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readFile(target, 'utf8')).toBe('old draft');
    expect(await fs.readdir(dir)).toEqual(['draft.copydesk']);
  });

  it('on a read-only bind mount throws EROFS and keeps the old file', async () => {
    const dir = await freshDir('ro-source');
    const view = await freshDir('ro-view');
    const target = path.join(view, 'draft.copydesk');
    await fs.writeFile(path.join(dir, 'draft.copydesk'), 'old draft');
    mount('--bind', dir, view);
    const remount = spawnSync('mount', ['-o', 'remount,ro,bind', view], { encoding: 'utf8' });
    expect(remount.stderr).toBe('');
    expect(remount.status).toBe(0);
    await expect(writeFileAtomic(target, 'new draft')).rejects.toMatchObject({ code: 'EROFS' });
    expect(await fs.readFile(target, 'utf8')).toBe('old draft');
    expect(await fs.readdir(dir)).toEqual(['draft.copydesk']);
  });
});

describe('writeFileAtomic: temporaries of killed writers', () => {
  let sleeper: ChildProcess | undefined;
  afterAll(() => {
    sleeper?.kill();
  });

  it('removes the temporaries of dead processes on the next write and keeps those of live ones', async () => {
    const dir = await freshDir('sweep');
    const target = path.join(dir, 'story.copydesk');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    const live = sleeper.pid;
    expect(dead).toBeGreaterThan(0);
    expect(live).toBeGreaterThan(0);
    const deadTemp = `.story.copydesk.${String(dead)}.0a1b2c.cd-tmp`;
    const liveTemp = `.story.copydesk.${String(live)}.3d4e5f.cd-tmp`;
    const otherTarget = `.other.copydesk.${String(dead)}.0a1b2c.cd-tmp`;
    for (const name of [deadTemp, liveTemp, otherTarget]) await fs.writeFile(path.join(dir, name), 'partial');
    await writeFileAtomic(target, 'saved');
    expect((await fs.readdir(dir)).sort()).toEqual([otherTarget, liveTemp, 'story.copydesk'].sort());
    expect(await fs.readFile(target, 'utf8')).toBe('saved');
  });
});
