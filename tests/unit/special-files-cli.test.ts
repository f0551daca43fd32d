/**
 * The real `copydesk` command on files that are not regular files: a named pipe given to check or
 * inspect, /dev/zero given to import, and outputs (`-o`) that are a pipe, a character device, a
 * symbolic link or a folder. Each must end promptly (the child has a timeout, so a hang fails
 * the test) with one line on stderr and exit 1, leaving the target as it was. And an output that
 * appears while an import runs is never written over without --force.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, constants, openSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDraft } from '../../shared/draft/format';
import { runImport } from '../../electron/cli/import-command';
import { InputError } from '../../electron/cli/errors';
import { sampleDraft, tempDir } from './helpers/services-fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'electron/cli/copydesk.mjs');

let dir: string;

function copydesk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL', env: { ...process.env, COPYDESK_DEBUG: '' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const DRAFT = serializeDraft(sampleDraft('A draft'));

beforeAll(async () => {
  dir = await tempDir('special-cli');
  await fs.writeFile(path.join(dir, 'story.copydesk'), DRAFT);
  await fs.writeFile(path.join(dir, 'wire.txt'), 'Headline\n\nStandfirst.\n\nBody.\n');
  await fs.writeFile(path.join(dir, 'theirs.txt'), 'theirs');
  execFileSync('mkfifo', [path.join(dir, 'pipe.copydesk')]);
  execFileSync('mkfifo', [path.join(dir, 'out.fifo')]);
  execFileSync('mknod', [path.join(dir, 'null-device'), 'c', '1', '3']);
  await fs.symlink(path.join(dir, 'theirs.txt'), path.join(dir, 'link.html'));
  await fs.symlink(path.join(dir, 'theirs.txt'), path.join(dir, 'link.copydesk'));
  await fs.mkdir(path.join(dir, 'folder.copydesk'));
});
afterAll(async () => {
  for (const fifo of ['pipe.copydesk', 'out.fifo']) {
    try {
      closeSync(openSync(path.join(dir, fifo), constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader left blocked.
    }
  }
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copydesk on what is not a regular file', () => {
  it.each(['check', 'inspect'])('%s on a named pipe exits at once, saying what it is', (command) => {
    const run = copydesk(command, 'pipe.copydesk');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('copydesk: pipe.copydesk: is a named pipe, not a regular file, so Copydesk does not read it.\n');
  });

  it('import of /dev/zero is refused before reading', () => {
    const run = copydesk('import', '/dev/zero', '--from', 'text', '-o', 'zero.copydesk');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('copydesk: /dev/zero: is a character device, not a regular file.\n');
    expect(() => readFileSync(path.join(dir, 'zero.copydesk'))).toThrow(/ENOENT/u);
  });

  it.each([
    ['out.fifo', 'named pipe'],
    ['null-device', 'character device'],
    ['link.html', 'symbolic link'],
  ])('export -o %s is refused, and the %s is left as it was', (target, type) => {
    const run = copydesk('export', 'story.copydesk', '--to', 'html', '-o', target);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`copydesk: ${target}: is a ${type}, not a regular file, so Copydesk does not write over it.\n`);
  });

  it.each([
    ['out.fifo', 'named pipe'],
    ['null-device', 'character device'],
    ['link.copydesk', 'symbolic link'],
    ['folder.copydesk', 'folder'],
  ])('import -o %s is refused even with --force', (target, type) => {
    const run = copydesk('import', 'wire.txt', '-o', target, '--force');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`copydesk: ${target} is a ${type}, not a regular file; nothing was written. Choose another output file with -o.\n`);
  });

  it('the targets are all still what they were', async () => {
    expect((await fs.lstat(path.join(dir, 'out.fifo'))).isFIFO()).toBe(true);
    expect((await fs.lstat(path.join(dir, 'null-device'))).isCharacterDevice()).toBe(true);
    expect((await fs.lstat(path.join(dir, 'link.html'))).isSymbolicLink()).toBe(true);
    expect((await fs.lstat(path.join(dir, 'link.copydesk'))).isSymbolicLink()).toBe(true);
    expect((await fs.lstat(path.join(dir, 'folder.copydesk'))).isDirectory()).toBe(true);
    expect(await fs.readFile(path.join(dir, 'theirs.txt'), 'utf8')).toBe('theirs');
    expect(await fs.readFile(path.join(dir, 'story.copydesk'), 'utf8')).toBe(DRAFT);
  });
});

describe('copydesk import: an output that appears while the import runs', () => {
  const quiet = { write: (): void => undefined };

  it('is never written over without --force', async () => {
    const output = path.join(dir, 'appeared.copydesk');
    const error = await runImport({ input: path.join(dir, 'wire.txt'), output, from: undefined, force: false }, quiet, quiet, {
      beforeWrite: () => fs.writeFile(output, 'written by someone else meanwhile'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`${output} already exists; nothing was written. Choose another name with -o, or add --force to replace it.`);
    expect(await fs.readFile(output, 'utf8')).toBe('written by someone else meanwhile');
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.cd-tmp'))).toEqual([]);
  });

  it('is replaced with --force (a regular file)', async () => {
    const output = path.join(dir, 'forced.copydesk');
    const status = await runImport({ input: path.join(dir, 'wire.txt'), output, from: undefined, force: true }, quiet, quiet, {
      beforeWrite: () => fs.writeFile(output, 'old'),
    });
    expect(status).toBe(0);
    expect(await fs.readFile(output, 'utf8')).toMatch(/"format": "copydesk-draft"/u);
  });
});
