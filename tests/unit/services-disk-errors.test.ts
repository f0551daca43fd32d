/**
 * Saving when the disk says no: a full device, a read-only folder, a permission error. Each must
 * leave the draft on disk as it was, leave no temporary file, and come back as
 * `{ ok: false, reason: 'error' }` with a message that says what happened and what to do.
 *
 * What this machine lets the test provoke, and how (each is checked first and printed):
 * - ENOSPC: a 512 KiB tmpfs, mounted and filled (needs mount(8) privileges). /dev/full cannot
 *   stand in: saving writes a temporary file beside the target and renames it, and /dev holds no
 *   folder the test may fill; renaming over /dev/full would replace the device node.
 * - EROFS: a read-only bind mount of a folder holding a draft (also mount(8)).
 * - EACCES: the tests run as root, whom permission bits do not stop, so a child process runs the
 *   services as the user "nobody" (uid 65534) against a root-owned folder with mode 0755.
 * - EIO, EMFILE, EDQUOT cannot be provoked here without a failing device, a lowered descriptor
 *   limit for this very process, or quotas; their messages are checked from the error code.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDraft } from '../../shared/draft/format';
import { sha256Hex } from '../../electron/node/draft-file';
import { describeFsError } from '../../electron/services/errors';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import { namesIn, sampleDraft, sampleChecked, sampleJson, tempDir } from './helpers/services-fixtures';

const KEPT = 'Your draft is still open and nothing on disk was changed.';
const here = path.dirname(fileURLToPath(import.meta.url));

function probe(script: string): { ok: boolean; why: string } {
  if (process.platform !== 'linux') return { ok: false, why: 'not Linux' };
  const result = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
  return result.status === 0 ? { ok: true, why: '' } : { ok: false, why: (result.stderr || result.error?.message || 'failed').trim() };
}
const canMount = probe('d=$(mktemp -d) && mount -t tmpfs -o size=16k tmpfs "$d" && umount "$d"; s=$?; rmdir "$d"; exit $s');
const isRoot = process.getuid?.() === 0;
console.log(
  `disk errors: mount ${canMount.ok ? 'permitted: ENOSPC (tmpfs) and EROFS (read-only bind mount) are provoked for real' : `NOT permitted (${canMount.why}): ENOSPC and EROFS tests skipped`}; ` +
    `${isRoot ? 'running as root: EACCES is provoked by a child process running as uid 65534' : 'not root: EACCES child test skipped (cannot switch user)'}; EIO, EMFILE and EDQUOT are checked by code only.`,
);

let root: string;
const mounts: string[] = [];
function mount(...args: string[]): void {
  const result = spawnSync('mount', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mount ${args.join(' ')}: ${result.stderr}`);
  if (!args.includes('remount,ro,bind')) mounts.push(args[args.length - 1] ?? '');
}
beforeAll(async () => {
  root = await tempDir('disk-errors');
});
afterAll(async () => {
  for (const dir of mounts.reverse()) spawnSync('umount', [dir]);
  await fs.rm(root, { recursive: true, force: true });
});

async function services(userData: string, documents: string): Promise<AppServices> {
  return createAppServices({ userDataDir: userData, documentsDir: documents, trash: (file) => fs.rename(file, `${file}.trashed`), watchDebounceMs: 40 });
}

const temps = async (dir: string): Promise<string[]> => (await fs.readdir(dir)).filter((n) => n.endsWith('.cd-tmp'));

describe.skipIf(!canMount.ok)(`full disk${canMount.ok ? '' : ' (SKIPPED: mount not permitted here)'}`, () => {
  it('save returns the disk-full message, the draft on disk is intact, no temporary is left; after freeing space it saves', async () => {
    const disk = path.join(root, 'small-disk');
    await fs.mkdir(disk);
    mount('-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', disk);
    const app = await services(path.join(disk, 'userData'), path.join(disk, 'Documents'));
    try {
      const workspace = app.settings.workspaceFolder();
      const { name, hash } = await app.drafts.create();
      const first = await app.drafts.save(name, sampleChecked('On disk'), hash);
      if (!first.ok) throw new Error('first save failed');
      await app.recovery.record('k1', { name, draft: sampleChecked('Journalled before the disk filled') });
      const before = await fs.readFile(path.join(workspace, name));

      // Fill the disk: write until the file system refuses.
      const filler = path.join(disk, 'filler');
      await expect(fs.writeFile(filler, Buffer.alloc(1024 * 1024, 1))).rejects.toMatchObject({ code: 'ENOSPC' });

      const result = await app.drafts.save(name, sampleChecked('Unsaved work', 'x'.repeat(20_000)), first.hash);
      expect(result).toMatchObject({ ok: false, reason: 'error', code: 'ENOSPC' });
      if (result.ok || result.reason !== 'error') throw new Error('unreachable');
      expect(result.message).toBe(`The disk is full, so “${name}” could not be saved. Free some space on the disk and try again, or choose a workspace folder on another disk and use Save As there. ${KEPT}`);
      expect(await fs.readFile(path.join(workspace, name))).toEqual(before);
      expect(await temps(workspace)).toEqual([]);

      // The journal and a new draft fail the same way, without damage.
      await expect(app.recovery.record('k1', { name, draft: sampleChecked('x'.repeat(20_000)) })).rejects.toMatchObject({ code: 'ENOSPC' });
      expect(JSON.parse((await app.recovery.take('k1')).draft)).toEqual(sampleJson('Journalled before the disk filled'));
      await expect(app.drafts.create()).rejects.toMatchObject({ code: 'ENOSPC', message: expect.stringMatching(/The disk is full/u) as string });
      expect(await namesIn(workspace)).toEqual([name]);

      // Space freed: the same save, from the same base, goes through (nothing had changed).
      await fs.rm(filler);
      expect(await app.drafts.save(name, sampleChecked('Unsaved work', 'x'.repeat(20_000)), first.hash)).toMatchObject({ ok: true });
    } finally {
      await app.dispose();
    }
  });
});

describe.skipIf(!canMount.ok)(`read-only folder${canMount.ok ? '' : ' (SKIPPED: mount not permitted here)'}`, () => {
  it('save, create, rename and trash report a read-only disk and change nothing', async () => {
    const source = path.join(root, 'ro-source');
    const view = path.join(root, 'ro-view');
    await fs.mkdir(source);
    await fs.mkdir(view);
    const text = serializeDraft(sampleDraft('Read-only story'));
    await fs.writeFile(path.join(source, 'story.copydesk'), text);
    mount('--bind', source, view);
    mount('-o', 'remount,ro,bind', view);
    const app = await services(path.join(root, 'ro-userData'), path.join(root, 'ro-Documents'));
    try {
      await app.settings.setWorkspace(view);
      const opened = await app.drafts.open('story.copydesk');
      // No lock file can be written beside it: editing goes on, and the user is told why nobody is warned.
      expect(opened.access).toMatchObject({ kind: 'unlocked', reason: expect.stringMatching(/read-only/u) as string });
      const result = await app.drafts.save('story.copydesk', sampleChecked('Edited'), opened.hash);
      expect(result).toMatchObject({ ok: false, reason: 'error', code: 'EROFS' });
      if (result.ok || result.reason !== 'error') throw new Error('unreachable');
      expect(result.message).toMatch(/read-only.*Choose a workspace folder on a disk you can write to and use Save As there\. Your draft is still open and nothing on disk was changed\.$/su);
      await expect(app.drafts.create()).rejects.toMatchObject({ code: 'EROFS' });
      await expect(app.drafts.rename('story.copydesk', 'other.copydesk')).rejects.toMatchObject({ code: 'EROFS' });
      await expect(app.drafts.trash('story.copydesk')).rejects.toMatchObject({ message: expect.stringMatching(/could not be moved to the trash.*It was left where it is/su) as string });
      // The journal lives in userData, so the unsaved work is still kept.
      await app.recovery.record('ro', { name: 'story.copydesk', draft: sampleChecked('Edited') });
      expect((await app.recovery.list()).map((e) => e.key)).toEqual(['ro']);
      expect(await fs.readdir(source)).toEqual(['story.copydesk']);
      expect(sha256Hex(await fs.readFile(path.join(source, 'story.copydesk')))).toBe(sha256Hex(text));
      expect((await app.workspace.list()).map((d) => d.headline)).toEqual(['Read-only story']);
    } finally {
      await app.dispose();
    }
  });
});

describe.skipIf(!isRoot)(`permission denied${isRoot ? '' : ' (SKIPPED: needs root to run a child as another user)'}`, () => {
  it('a user who may not write the workspace gets the permission message; the draft is intact; the journal still works', async () => {
    const base = path.join(root, 'perm');
    const workspace = path.join(base, 'workspace');
    const userData = path.join(base, 'userData');
    const documents = path.join(base, 'Documents');
    for (const dir of [workspace, userData, documents]) await fs.mkdir(dir, { recursive: true });
    // mkdtemp makes 0700 folders: open the path for uid 65534; the workspace stays root's (0755).
    await fs.chmod(root, 0o755);
    await fs.chmod(base, 0o755);
    await fs.chmod(workspace, 0o755);
    await fs.chmod(userData, 0o777);
    await fs.chmod(documents, 0o777);
    const text = serializeDraft(sampleDraft('Root’s story'));
    await fs.writeFile(path.join(workspace, 'story.copydesk'), text, { mode: 0o644 });

    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'helpers', 'services-save-as-user.ts'), userData, documents, workspace, 'story.copydesk'], {
      uid: 65534,
      gid: 65534,
      cwd: path.resolve(here, '../..'),
      encoding: 'utf8',
      env: { ...process.env, HOME: os.tmpdir() },
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    const report = JSON.parse(child.stdout) as Record<string, unknown>;
    expect(report.uid).toBe(65534);
    expect(report.save).toEqual({
      returned: {
        ok: false,
        reason: 'error',
        code: 'EACCES',
        message: `Copydesk is not allowed to write there, so “story.copydesk” could not be saved. Check the permissions of the workspace folder and of the file, or choose another workspace folder and use Save As there. ${KEPT}`,
      },
    });
    expect(report.create).toMatchObject({ threw: { code: 'EACCES' } });
    expect(report.journal).toEqual({ returned: undefined });
    expect(await namesIn(workspace)).toEqual(['story.copydesk']);
    expect(await fs.readFile(path.join(workspace, 'story.copydesk'), 'utf8')).toBe(text);
  });
});

describe('messages for errors that cannot be provoked here', () => {
  it.each([
    ['EIO', /input\/output error.*disk may be failing/su],
    ['EMFILE', /Too many files are open.*Close some other applications/su],
    ['ENFILE', /Too many files are open/u],
    ['EDQUOT', /quota is used up.*then try again/su],
    ['ENOSPC', /The disk is full.*Free some space/su],
    ['EROFS', /read-only/u],
    ['EPERM', /not allowed to write/u],
    ['ENOENT', /workspace folder is no longer there.*Reconnect the disk/su],
  ])('%s: says what happened and what to do, and that nothing was changed', (code, what) => {
    const { message } = describeFsError(Object.assign(new Error(code), { code }), 'save', 'story.copydesk');
    expect(message).toMatch(what);
    expect(message).toContain('“story.copydesk” could not be saved');
    expect(message.endsWith(KEPT)).toBe(true);
  });

  it('an unknown error still keeps the draft and suggests a way out', () => {
    const { code, message } = describeFsError(new Error('strange'), 'save', 'a.copydesk');
    expect(code).toBe('EUNKNOWN');
    expect(message).toMatch(/could not be saved \(strange\)\. Try again.*Save As/su);
  });
});
