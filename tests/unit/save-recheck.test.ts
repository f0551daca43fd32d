/**
 * The save's second check: an external write that lands while Copydesk is writing its own bytes
 * (after the first check, before the rename) is a conflict, and the other program's bytes stay.
 * Real files in a temporary folder; the external write runs at the worst moment through the
 * writer's own hook.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/node/atomic-write';
import { saveBytes } from '../../electron/services/save-file';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-recheck-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});
const temps = async (): Promise<string[]> => (await fs.readdir(dir)).filter((name) => name.endsWith('.cd-tmp'));

describe('writeFileAtomic: beforeRename', () => {
  it('runs with the new bytes durable in the temporary file, before the target changes', async () => {
    const file = path.join(dir, 'hook.txt');
    await fs.writeFile(file, 'old');
    let seen: string[] = [];
    await writeFileAtomic(file, 'new', {
      beforeRename: async () => {
        seen = [await fs.readFile(file, 'utf8'), ...(await Promise.all((await temps()).map((t) => fs.readFile(path.join(dir, t), 'utf8'))))];
      },
    });
    expect(seen).toEqual(['old', 'new']);
    expect(await fs.readFile(file, 'utf8')).toBe('new');
  });

  it('when it throws, leaves the target as it is and no temporary file', async () => {
    const file = path.join(dir, 'refused.txt');
    await fs.writeFile(file, 'old');
    await expect(writeFileAtomic(file, 'new', { beforeRename: () => Promise.reject(new Error('stop')) })).rejects.toThrow('stop');
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    expect(await temps()).toEqual([]);
  });
});

describe('saveBytes: a write by another program during the save', () => {
  it('is a conflict naming what is on disk now, and the other bytes stay', async () => {
    const file = path.join(dir, 'story.copydesk');
    await fs.writeFile(file, 'as read');
    const mine = Buffer.from('mine');
    const result = await saveBytes(file, mine, sha('mine'), {
      baseHash: sha('as read'),
      subject: 'story.copydesk',
      duringWrite: () => fs.writeFile(file, 'theirs'),
    });
    expect(result).toEqual({ ok: false, reason: 'conflict', diskHash: sha('theirs') });
    expect(await fs.readFile(file, 'utf8')).toBe('theirs');
    expect(await temps()).toEqual([]);
  });

  it('is a conflict with diskHash null when the file is deleted during the save, and it is not recreated', async () => {
    const file = path.join(dir, 'gone.copydesk');
    await fs.writeFile(file, 'as read');
    const result = await saveBytes(file, Buffer.from('mine'), sha('mine'), { baseHash: sha('as read'), subject: 'gone.copydesk', duringWrite: () => fs.unlink(file) });
    expect(result).toEqual({ ok: false, reason: 'conflict', diskHash: null });
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('with force (the user chose to overwrite), writes anyway', async () => {
    const file = path.join(dir, 'forced.copydesk');
    await fs.writeFile(file, 'as read');
    const result = await saveBytes(file, Buffer.from('mine'), sha('mine'), { baseHash: sha('as read'), force: true, subject: 'forced.copydesk', duringWrite: () => fs.writeFile(file, 'theirs') });
    expect(result).toEqual({ ok: true, hash: sha('mine') });
    expect(await fs.readFile(file, 'utf8')).toBe('mine');
  });

  it('an unchanged file saves as before', async () => {
    const file = path.join(dir, 'calm.copydesk');
    await fs.writeFile(file, 'as read');
    const result = await saveBytes(file, Buffer.from('mine'), sha('mine'), { baseHash: sha('as read'), subject: 'calm.copydesk', duringWrite: () => Promise.resolve() });
    expect(result).toEqual({ ok: true, hash: sha('mine') });
    expect(await fs.readFile(file, 'utf8')).toBe('mine');
  });
});
