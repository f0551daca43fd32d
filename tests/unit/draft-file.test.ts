import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DraftError } from '../../shared/draft/errors';
import { serializeDraft } from '../../shared/draft/format';
import { DraftFileError, describeFileError, readDraftFile, writeDraftFile } from '../../electron/node/draft-file';
import { article, cite, draftOf, p, source } from './helpers/build';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-draft-file-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const draft = draftOf(article({ headline: 'Café “naïve” ✓', body: [p('Cited ', cite('a'))], sources: [source('a', { title: 'A' })] }));
const sha = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

async function refusal(file: string): Promise<unknown> {
  try {
    await readDraftFile(file);
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${file} to be refused`);
}

describe('draft files on disk', () => {
  it('writes a draft and reads it back with the same text and the SHA-256 of the bytes', async () => {
    const file = path.join(dir, 'story.copydesk');
    const written = await writeDraftFile(file, draft);
    const bytes = await fs.readFile(file);
    expect(written.text).toBe(serializeDraft(draft));
    expect(written.hash).toBe(sha(bytes));
    const read = await readDraftFile(file);
    expect(read.text).toBe(written.text);
    expect(read.hash).toBe(written.hash);
    expect(read.draft.doc.eq(draft.doc)).toBe(true);
    expect(read.draft.meta).toEqual(draft.meta);
  });

  it('reads a file with a byte-order mark, hashing the bytes as they are', async () => {
    const file = path.join(dir, 'bom.copydesk');
    const bytes = new TextEncoder().encode(`\ufeff${serializeDraft(draft)}`);
    await fs.writeFile(file, bytes);
    const read = await readDraftFile(file);
    expect(read.hash).toBe(sha(bytes));
    expect(read.draft.doc.firstChild?.textContent).toBe('Café “naïve” ✓');
  });

  it('refuses bytes that are not UTF-8 instead of replacing them', async () => {
    const file = path.join(dir, 'latin1.copydesk');
    const text = serializeDraft(draft);
    // “é” in Latin-1: one byte 0xE9, invalid on its own in UTF-8.
    await fs.writeFile(file, Buffer.from(text.replace(/[\u0100-\u{10ffff}]/gu, '?'), 'latin1'));
    const error = await refusal(file);
    expect(error).toBeInstanceOf(DraftFileError);
    expect(error).toMatchObject({ kind: 'not-utf8', path: file, message: `${file}: not UTF-8 text, so not a Copydesk draft.` });
  });

  it('names a missing file, a folder and content that is not a draft', async () => {
    expect(await refusal(path.join(dir, 'none.copydesk'))).toMatchObject({ kind: 'not-found', code: 'ENOENT' });
    expect(await refusal(path.join(dir, 'story.copydesk', 'below'))).toMatchObject({ kind: 'not-found', code: 'ENOTDIR' });
    expect(await refusal(dir)).toMatchObject({ kind: 'is-directory', message: `${dir}: is a folder, not a file.` });
    await fs.writeFile(path.join(dir, 'plain.copydesk'), 'hello');
    const error = await refusal(path.join(dir, 'plain.copydesk'));
    expect(error).toBeInstanceOf(DraftError);
    expect(error).toMatchObject({ kind: 'not-json' });
  });

  it('reports a write into a missing folder as a DraftFileError and leaves nothing', async () => {
    const file = path.join(dir, 'missing', 'story.copydesk');
    await expect(writeDraftFile(file, draft)).rejects.toMatchObject({ name: 'DraftFileError', kind: 'not-found', message: `${file}: cannot write it, its folder does not exist.` });
    await expect(fs.stat(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('describes other system errors and passes anything else through', () => {
    const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: boom`), { code });
    expect(describeFileError(errno('EACCES'), 'x', 'read')).toMatchObject({ kind: 'no-access', message: 'x: permission denied, cannot read it.' });
    expect(describeFileError(errno('ENOSPC'), 'x', 'write')).toMatchObject({ kind: 'disk-full' });
    expect(describeFileError(errno('EROFS'), 'x', 'write')).toMatchObject({ kind: 'read-only' });
    expect(describeFileError(errno('EIO'), 'x', 'read')).toMatchObject({ kind: 'io', message: 'x: cannot read it (EIO: boom).' });
    const plain = new TypeError('not a system error');
    expect(describeFileError(plain, 'x', 'read')).toBe(plain);
  });
});
