/**
 * Images copied beside a draft (electron/services/assets.ts), on real files in a temporary folder:
 * the copy lands in `<workspace>/assets/<stem>/`, byte for byte, under a safe and unique name;
 * wrong extensions, lying contents and oversized files are refused with a message.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStorableUrl } from '../../shared/url';
import { MAX_IMAGE_BYTES, draftStem, importImage, safeImageName } from '../../electron/services/assets';
import { sniffImage } from '../../shared/image-format';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

let root: string;
let workspace: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-assets-'));
  workspace = path.join(root, 'ws');
  await fs.mkdir(workspace);
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function source(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(root, name);
  await fs.writeFile(file, bytes);
  return file;
}

describe('importImage', () => {
  it('copies the bytes into assets/<draft stem>/ and returns the relative src', async () => {
    const src = await importImage(workspace, 'my story.copydesk', await source('Photo Été.PNG', PNG));
    expect(src).toBe('assets/my-story/Photo-Ete.png');
    expect(isStorableUrl(src, 'image')).toBe(true);
    expect(await fs.readFile(path.join(workspace, src))).toEqual(PNG);
  });

  it('never overwrites: a taken name gets -2, -3', async () => {
    const file = await source('a.jpg', JPEG);
    const first = await importImage(workspace, 's.copydesk', file);
    const second = await importImage(workspace, 's.copydesk', file);
    const third = await importImage(workspace, 's.copydesk', file);
    expect([first, second, third]).toEqual(['assets/s/a.jpg', 'assets/s/a-2.jpg', 'assets/s/a-3.jpg']);
  });

  it('refuses an extension that is not an image', async () => {
    await expect(importImage(workspace, 's.copydesk', await source('x.svg', PNG))).rejects.toThrow(/not an image Copydesk can use/u);
    await expect(importImage(workspace, 's.copydesk', await source('x', PNG))).rejects.toThrow(/not an image/u);
  });

  it('refuses contents that do not match the extension', async () => {
    await expect(importImage(workspace, 's.copydesk', await source('x.png', Buffer.from('<html>')))).rejects.toThrow(/contents are not an image/u);
    await expect(importImage(workspace, 's.copydesk', await source('x.png', JPEG))).rejects.toThrow(/contents are a JPEG image/u);
    await expect(fs.readdir(path.join(workspace))).resolves.toEqual([]);
  });

  it('refuses a file over the size limit', async () => {
    const big = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    PNG.copy(big);
    await expect(importImage(workspace, 's.copydesk', await source('big.png', big))).rejects.toThrow(/up to 25 MB/u);
  });
});

describe('names and sniffing', () => {
  it('makes safe names and stems', () => {
    expect(safeImageName('../../etc/x.JPEG')).toBe('x.jpeg');
    expect(safeImageName('.hidden.png')).toBe('hidden.png');
    expect(safeImageName('???.gif')).toBe('image.gif');
    expect(draftStem('..copydesk')).toBe('draft');
    expect(draftStem('Été 2026.copydesk')).toBe('Ete-2026');
  });

  it('recognises each format by its magic bytes', () => {
    expect(sniffImage(PNG)).toBe('png');
    expect(sniffImage(JPEG)).toBe('jpeg');
    expect(sniffImage(Buffer.from('GIF89a...'))).toBe('gif');
    expect(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffImage(Buffer.from('\0\0\0\x1cftypavif'))).toBe('avif');
    expect(sniffImage(Buffer.from('not an image'))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});
