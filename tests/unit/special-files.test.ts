/**
 * Files that are not files, links, and the limits that hold while reading (electron/README.md,
 * "Files, links and special files"), on real files in temporary folders: real named pipes made by
 * mkfifo, /dev/zero, a character device made by mknod, symbolic links that lead out of the
 * workspace. Every wait on something that could hang is bounded (`within`), so a hang fails the
 * test instead of hanging it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, openSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDraft } from '../../shared/draft/format';
import { draftNameProblem, MAX_DRAFT_NAME_BYTES, MAX_DRAFT_TEXT } from '../../shared/ipc/fields';
import { TEMP_NAME_EXTRA_BYTES, writeFileAtomic } from '../../electron/node/atomic-write';
import { readDraftFile } from '../../electron/node/draft-file';
import { readImportFile } from '../../electron/node/read-import-file';
import { FileTooLargeError, MAX_DRAFT_FILE_BYTES, NotRegularFileError, readRegularFile } from '../../electron/node/read-regular-file';
import { importImage } from '../../electron/services/assets';
import { nameProblem } from '../../electron/services/names';
import { resolveWorkspaceAsset } from '../../electron/shell/protocol-path';
import { sampleChecked, servicesFixture, tempDir, type ServicesFixture } from './helpers/services-fixtures';

/** `promise`, or a failure naming `what` if it has not settled within `ms` (a hang fails the test). */
function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${String(ms)} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const SECRET = 'SECRET-FIRST-BYTES of a file outside the workspace';

let dir: string;
const fifos: string[] = [];

function mkfifo(file: string): string {
  execFileSync('mkfifo', [file]);
  fifos.push(file);
  return file;
}

beforeEach(async () => {
  dir = await tempDir('special');
});
afterEach(async () => {
  // A reader left blocked on a pipe (by a regression) gets its end of file here, so the worker can exit.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader: nothing blocked.
    }
  }
  await fs.rm(dir, { recursive: true, force: true });
});

describe('readRegularFile', () => {
  it('refuses a named pipe at once, without waiting for a writer', async () => {
    const fifo = mkfifo(path.join(dir, 'pipe.copydesk'));
    const error = await within(readRegularFile(fifo, { maxBytes: 100 }).catch((e: unknown) => e), 'reading a pipe');
    expect(error).toBeInstanceOf(NotRegularFileError);
    expect(error).toMatchObject({ fileType: 'named pipe', code: 'ENOTREG' });
  });

  it('refuses /dev/zero as a character device, before reading a byte', async () => {
    const error = await within(readRegularFile('/dev/zero', { maxBytes: 100, followLinks: true }).catch((e: unknown) => e), 'reading /dev/zero');
    expect(error).toMatchObject({ fileType: 'character device' });
  });

  it('stops an allowed pipe at the limit while reading, however much is written', async () => {
    const fifo = mkfifo(path.join(dir, 'stream'));
    // A writer with far more than the limit, and no end: `yes` writes until its pipe closes.
    const reading = readRegularFile(fifo, { maxBytes: 64 * 1024, allowPipe: true }).catch((e: unknown) => e);
    const writer = execFileAsyncYes(fifo);
    const error = await within(reading, 'reading a pipe past its limit');
    writer.kill();
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as FileTooLargeError).size).toBe(64 * 1024 + 1);
  });

  it('refuses a symbolic link unless links may be followed', async () => {
    const outside = path.join(dir, 'outside.txt');
    await fs.writeFile(outside, SECRET);
    await fs.symlink(outside, path.join(dir, 'link.copydesk'));
    await expect(readRegularFile(path.join(dir, 'link.copydesk'), { maxBytes: 1000 })).rejects.toMatchObject({ fileType: 'symbolic link' });
    expect((await readRegularFile(path.join(dir, 'link.copydesk'), { maxBytes: 1000, followLinks: true })).toString()).toBe(SECRET);
  });

  it('refuses a file over the limit, and reads one at the limit', async () => {
    await fs.writeFile(path.join(dir, 'ten'), '0123456789');
    expect((await readRegularFile(path.join(dir, 'ten'), { maxBytes: 10 })).toString()).toBe('0123456789');
    await expect(readRegularFile(path.join(dir, 'ten'), { maxBytes: 9 })).rejects.toBeInstanceOf(FileTooLargeError);
  });

  it('the draft limit is three bytes for each character the app may send', () => {
    expect(MAX_DRAFT_FILE_BYTES).toBe(MAX_DRAFT_TEXT * 3);
  });
});

/** `yes` writing into `fifo` until killed (opening the pipe waits for the reader). */
function execFileAsyncYes(fifo: string): { kill(): void } {
  const child = spawn('sh', ['-c', 'exec yes > "$0"', fifo], { stdio: 'ignore' });
  return { kill: () => void child.kill('SIGKILL') };
}

describe('imports', () => {
  it('refuses /dev/zero promptly, saying it is a device', async () => {
    const error = await within(readImportFile('/dev/zero', 'text', { maxBytes: 1024 * 1024, allowSpecial: true }).catch((e: unknown) => e), 'importing /dev/zero');
    expect(error).toMatchObject({ kind: 'not-a-file', message: '/dev/zero: is a character device, not a regular file.' });
  });
});

describe('the workspace with named pipes named like drafts', () => {
  let fx: ServicesFixture;
  beforeEach(async () => {
    fx = await servicesFixture();
  });
  afterEach(async () => {
    for (const fifo of fifos.splice(0)) {
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // No reader.
      }
    }
    await fx.cleanup();
  });

  it('saving, the crash journal and the library still complete with six pipes in the folder', async () => {
    const { name, hash } = await fx.services.drafts.create();
    // More pipes than libuv has file threads, each announced to the watcher by its creation.
    for (let i = 1; i <= 6; i++) mkfifo(path.join(fx.workspace, `pipe-${String(i)}.copydesk`));
    await within(fx.services.watcher.idle(), 'the watcher examining the pipes');
    const saved = await within(fx.services.drafts.save(name, sampleChecked('Saved beside pipes'), hash), 'a save');
    expect(saved.ok).toBe(true);
    await within(fx.services.recovery.record('k1', { name, draft: sampleChecked('Unsaved') }), 'a journal write');
    expect((await within(fx.services.recovery.list(), 'the journal listing')).map((e) => e.key)).toEqual(['k1']);
    const list = await within(fx.services.workspace.list(), 'the library listing');
    const pipe = list.find((d) => d.name === 'pipe-1.copydesk');
    expect(pipe?.error).toMatch(/^“pipe-1\.copydesk” is a named pipe, not a regular file, so it could not be opened: Copydesk neither follows nor replaces symbolic links, pipes or devices in the workspace folder\.$/u);
    expect(list.find((d) => d.name === name)?.headline).toBe('Saved beside pipes');
    // Opening or saving over a pipe is refused at once, and the pipe stays a pipe.
    await expect(within(fx.services.drafts.open('pipe-2.copydesk'), 'opening a pipe')).rejects.toMatchObject({ code: 'ENOTREG' });
    const over = await within(fx.services.drafts.save('pipe-3.copydesk', sampleChecked('x'), null, { force: true }), 'saving over a pipe');
    expect(over).toMatchObject({ ok: false, reason: 'error', code: 'ENOTREG' });
    expect((await fs.lstat(path.join(fx.workspace, 'pipe-3.copydesk'))).isFIFO()).toBe(true);
  });

  it('a draft that is a link out of the workspace is listed, never opened, quoted or replaced', async () => {
    const outside = path.join(fx.root, 'outside.copydesk');
    await fs.writeFile(outside, SECRET);
    const link = path.join(fx.workspace, 'linked.copydesk');
    await fs.symlink(outside, link);
    const listed = (await fx.services.workspace.list()).find((d) => d.name === 'linked.copydesk');
    expect(listed?.error).toMatch(/is a symbolic link, not a regular file/u);
    const error = (await fx.services.drafts.open('linked.copydesk').catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^“linked\.copydesk” is a symbolic link, not a regular file, so it could not be opened/u);
    expect(error.message).not.toContain('SECRET');
    for (const force of [false, true]) {
      const result = await fx.services.drafts.save('linked.copydesk', sampleChecked('Mine'), null, { force });
      expect(result).toMatchObject({ ok: false, reason: 'error', code: 'ENOTREG' });
    }
    await expect(fx.services.drafts.duplicate('linked.copydesk')).rejects.toMatchObject({ code: 'ENOTREG' });
    // A link whose target is gone is still a taken name: a rename never replaces it.
    await fs.symlink(path.join(fx.root, 'gone.copydesk'), path.join(fx.workspace, 'dangling.copydesk'));
    const real = await fx.services.drafts.create();
    await expect(fx.services.drafts.rename(real.name, 'dangling.copydesk')).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(fx.services.drafts.saveAs(null, sampleChecked('Mine'), 'dangling.copydesk')).resolves.toMatchObject({ ok: false, code: 'ENOTREG' });
    expect((await fs.lstat(path.join(fx.workspace, 'dangling.copydesk'))).isSymbolicLink()).toBe(true);
    // An export to a file the user chose is written only over a regular file.
    const exportLink = path.join(fx.root, 'export.html');
    await fs.symlink(outside, exportLink);
    await expect(fx.services.exports.write(real.name, 'html', {}, exportLink)).rejects.toMatchObject({
      code: 'ENOTREG',
      message: '“export.html” is a symbolic link, not a regular file, so it could not be exported: Copydesk writes only over regular files. Choose another file. Your draft is still open and nothing on disk was changed.',
    });
    expect(await fs.readFile(outside, 'utf8')).toBe(SECRET);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(outside, 'utf8')).toBe(SECRET);
  });
});

describe('writes replace only what they may', () => {
  it('refuses a named pipe, a character device, a link and a folder as the destination, and leaves each as it was', async () => {
    const fifo = mkfifo(path.join(dir, 'out.fifo'));
    const device = path.join(dir, 'null-device');
    execFileSync('mknod', [device, 'c', '1', '3']);
    const outside = path.join(dir, 'target.txt');
    await fs.writeFile(outside, 'theirs');
    const link = path.join(dir, 'out.link');
    await fs.symlink(outside, link);
    await fs.mkdir(path.join(dir, 'folder'));
    for (const [target, type] of [
      [fifo, 'named pipe'],
      [device, 'character device'],
      [link, 'symbolic link'],
    ] as const) {
      await expect(within(writeFileAtomic(target, 'mine'), `writing over a ${type}`)).rejects.toMatchObject({ fileType: type });
    }
    await expect(writeFileAtomic(path.join(dir, 'folder'), 'mine')).rejects.toMatchObject({ code: 'EISDIR' });
    expect((await fs.lstat(fifo)).isFIFO()).toBe(true);
    expect((await fs.lstat(device)).isCharacterDevice()).toBe(true);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(outside, 'utf8')).toBe('theirs');
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.cd-tmp'))).toEqual([]);
  });

  it('with noReplace, a file that appears while writing stays, and nothing is left behind', async () => {
    const target = path.join(dir, 'new.copydesk');
    const error = await writeFileAtomic(target, 'mine', { noReplace: true, beforeRename: () => fs.writeFile(target, 'theirs') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'EEXIST' });
    expect(await fs.readFile(target, 'utf8')).toBe('theirs');
    expect(await fs.readdir(dir)).toEqual(['new.copydesk']);
    await writeFileAtomic(path.join(dir, 'free.copydesk'), 'mine', { noReplace: true });
    expect(await fs.readFile(path.join(dir, 'free.copydesk'), 'utf8')).toBe('mine');
  });
});

describe('links in the workspace: images', () => {
  let workspace: string;
  let outside: string;
  beforeEach(async () => {
    workspace = path.join(dir, 'ws');
    outside = path.join(dir, 'elsewhere');
    await fs.mkdir(workspace);
    await fs.mkdir(outside);
    await fs.writeFile(path.join(dir, 'photo.png'), PNG);
  });

  it('adding an image refuses an assets folder that is a link, and writes nothing through it', async () => {
    await fs.symlink(outside, path.join(workspace, 'assets'));
    await expect(importImage(workspace, 'story.copydesk', path.join(dir, 'photo.png'))).rejects.toMatchObject({
      code: 'not-a-folder',
      message: expect.stringMatching(/^The workspace's “assets\/” is a symbolic link/u) as string,
    });
    expect(await fs.readdir(outside)).toEqual([]);
  });

  it("adding an image refuses a draft's image folder that is a link", async () => {
    await fs.mkdir(path.join(workspace, 'assets'));
    await fs.symlink(outside, path.join(workspace, 'assets', 'story'));
    await expect(importImage(workspace, 'story.copydesk', path.join(dir, 'photo.png'))).rejects.toMatchObject({ code: 'not-a-folder' });
    expect(await fs.readdir(outside)).toEqual([]);
  });

  it('the protocol serves no image reached through a link, even one inside assets/', async () => {
    await fs.mkdir(path.join(outside, 'story'));
    await fs.writeFile(path.join(outside, 'story', 'x.png'), PNG);
    await fs.symlink(outside, path.join(workspace, 'assets'));
    expect(await resolveWorkspaceAsset(workspace, 'copydesk://workspace/assets/story/x.png')).toMatchObject({ ok: false, status: 403 });
    await fs.rm(path.join(workspace, 'assets'));
    await fs.mkdir(path.join(workspace, 'assets', 'story'), { recursive: true });
    await fs.writeFile(path.join(workspace, 'assets', 'story', 'real.png'), PNG);
    await fs.symlink(path.join(workspace, 'assets', 'story', 'real.png'), path.join(workspace, 'assets', 'story', 'alias.png'));
    expect(await resolveWorkspaceAsset(workspace, 'copydesk://workspace/assets/story/alias.png')).toMatchObject({ ok: false, status: 403 });
    expect(await resolveWorkspaceAsset(workspace, 'copydesk://workspace/assets/story/real.png')).toMatchObject({ ok: true });
  });
});

describe('messages never quote a file', () => {
  it('a draft that is not JSON is reported by line and column, without its bytes', async () => {
    for (const text of [SECRET, `{\n  "format": "copydesk-draft",\n  ${SECRET}\n}`, '{"a":1,}']) {
      const file = path.join(dir, 'bad.copydesk');
      await fs.writeFile(file, text);
      const error = (await readDraftFile(file).catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(/^This file is not valid JSON( at line \d+, column \d+)?, so it is not a Copydesk draft\.$/u);
      expect(error.message).not.toMatch(/SECRET|"a"/u);
    }
    expect(() => parseDraft('{"a":1,}')).toThrow('This file is not valid JSON at line 1, column 8, so it is not a Copydesk draft.');
    expect(() => parseDraft(JSON.stringify({ format: 'copydesk-draft', version: SECRET }))).toThrow(/found a string\)\.$/u);
  });
});

describe('draft names leave room for the temporary name', () => {
  it('the longest name accepted is written for real; one byte more is refused', async () => {
    const fx = await servicesFixture();
    try {
      const named = (bytes: number): string => `${'é'.repeat(100)}${'a'.repeat(bytes - 200 - '.copydesk'.length)}.copydesk`;
      let bytes = 300;
      while (nameProblem(named(bytes)) !== null) bytes--;
      const longest = named(bytes);
      expect(Buffer.byteLength(longest)).toBe(MAX_DRAFT_NAME_BYTES);
      expect(draftNameProblem(longest)).toBeNull();
      const created = await fx.services.drafts.create(longest);
      const saved = await fx.services.drafts.save(longest, sampleChecked('Long name'), created.hash);
      expect(saved).toMatchObject({ ok: true });
      expect((await fx.services.drafts.open(longest)).hash).toBe(saved.ok ? saved.hash : '');
      expect((await fs.readdir(fx.workspace)).filter((n) => n.endsWith('.cd-tmp'))).toEqual([]);
      // Its copy gets a shortened name that fits too.
      const copy = await fx.services.drafts.duplicate(longest);
      expect(copy.name).toMatch(/^é+a+ copy\.copydesk$/u);
      expect(Buffer.byteLength(copy.name)).toBeLessThanOrEqual(MAX_DRAFT_NAME_BYTES);
      const tooLong = named(bytes + 1);
      expect(nameProblem(tooLong)).toMatch(/is too long for a file name/u);
      expect(draftNameProblem(tooLong)).toMatch(/is too long for a file name/u);
      await expect(fx.services.drafts.create(tooLong)).rejects.toMatchObject({ code: 'invalid-name' });
      expect(MAX_DRAFT_NAME_BYTES + TEMP_NAME_EXTRA_BYTES).toBe(255);
    } finally {
      await fx.cleanup();
    }
  });
});
