/**
 * An import's images and an export's pictures on real files (electron/services/assets.ts:
 * `writeAssetFiles`, `readAssetFile`, `assetSegments`), and `withAssetStem`
 * (shared/import/asset-stem.ts), which moves an import's figures and images to the folder of the
 * draft's name: nothing written over, no link followed, no `..`, figures elsewhere left alone.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assetSegments, readAssetFile, removeAssetFiles, writeAssetFiles } from '../../electron/services/assets';
import { ServiceError } from '../../electron/services/errors';
import { withAssetStem } from '../../shared/import/asset-stem';
import { importHtml } from '../../shared/import/html';
import { assetSources } from '../../shared/problems';
import { TINY_PNG } from './helpers/picture-docx';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-asset-files-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const listing = async (): Promise<string[]> => (await fs.readdir(root, { recursive: true })).map(String).sort();

describe('assetSegments', () => {
  it('takes assets/<stem>/<file> paths only', () => {
    expect(assetSegments('assets/story/a.png')).toEqual(['assets', 'story', 'a.png']);
    expect(assetSegments('assets/story/my%20photo.png')).toEqual(['assets', 'story', 'my photo.png']);
    for (const bad of ['assets/../secret.png', 'assets/story/../../x.png', 'assets/%2e%2e/x.png', 'assets/a%2Fb/x.png', 'assets//x.png', 'assets/x.png', '/etc/passwd', 'https://example.org/a.png', 'assets/s/a.png?x', 'assets\\s\\a.png']) {
      expect(assetSegments(bad), bad).toBeNull();
    }
  });
});

describe('writeAssetFiles', () => {
  it('writes each image at its src, creating the folders', async () => {
    const written = await writeAssetFiles(root, [{ src: 'assets/story/image-1.png', bytes: TINY_PNG }]);
    expect(written).toEqual({ files: [path.join(root, 'assets', 'story', 'image-1.png')], folders: [path.join(root, 'assets'), path.join(root, 'assets', 'story')] });
    expect(new Uint8Array(await fs.readFile(written.files[0] ?? ''))).toEqual(TINY_PNG);
    await removeAssetFiles(written);
    expect(await listing()).toEqual([]);
    // Folders that were there stay, even empty.
    await fs.mkdir(path.join(root, 'assets', 'story'), { recursive: true });
    await removeAssetFiles(await writeAssetFiles(root, [{ src: 'assets/story/image-1.png', bytes: TINY_PNG }]));
    expect(await listing()).toEqual(['assets', 'assets/story']);
  });

  it('writes nothing when one target exists', async () => {
    await fs.mkdir(path.join(root, 'assets', 'story'), { recursive: true });
    await fs.writeFile(path.join(root, 'assets', 'story', 'image-2.png'), 'mine');
    const before = await listing();
    await expect(writeAssetFiles(root, [{ src: 'assets/story/image-1.png', bytes: TINY_PNG }, { src: 'assets/story/image-2.png', bytes: TINY_PNG }])).rejects.toMatchObject({ code: 'exists' });
    expect(await listing()).toEqual(before);
    expect(await fs.readFile(path.join(root, 'assets', 'story', 'image-2.png'), 'utf8')).toBe('mine');
  });

  it('refuses what is not the image its name says, writing nothing', async () => {
    await expect(writeAssetFiles(root, [{ src: 'assets/story/a.png', bytes: TINY_PNG }, { src: 'assets/story/b.png', bytes: new TextEncoder().encode('<svg onload="x()">') }])).rejects.toMatchObject({ code: 'not-image' });
    await expect(writeAssetFiles(root, [{ src: 'assets/story/a.svg', bytes: TINY_PNG }])).rejects.toMatchObject({ code: 'not-image' });
    await expect(writeAssetFiles(root, [{ src: 'assets/story/a.jpg', bytes: TINY_PNG }])).rejects.toMatchObject({ code: 'not-image' });
    expect(await listing()).toEqual([]);
  });

  it('refuses a src that could leave its folder, and an assets folder that is a link', async () => {
    await expect(writeAssetFiles(root, [{ src: 'assets/../x.png', bytes: TINY_PNG }])).rejects.toBeInstanceOf(ServiceError);
    await fs.mkdir(path.join(root, 'elsewhere'));
    await fs.symlink(path.join(root, 'elsewhere'), path.join(root, 'assets'));
    await expect(writeAssetFiles(root, [{ src: 'assets/story/a.png', bytes: TINY_PNG }])).rejects.toMatchObject({ code: 'not-a-folder' });
    expect(await fs.readdir(path.join(root, 'elsewhere'))).toEqual([]);
  });
});

describe('readAssetFile', () => {
  it('reads an image under assets/, and nothing through a link, a .. or a non-image', async () => {
    await fs.mkdir(path.join(root, 'ws', 'assets', 'story'), { recursive: true });
    await fs.writeFile(path.join(root, 'ws', 'assets', 'story', 'a.png'), TINY_PNG);
    await fs.writeFile(path.join(root, 'ws', 'assets', 'story', 'notes.png'), 'not an image');
    await fs.writeFile(path.join(root, 'secret.png'), TINY_PNG);
    await fs.symlink(path.join(root, 'secret.png'), path.join(root, 'ws', 'assets', 'story', 'link.png'));
    await fs.symlink(path.join(root, 'ws', 'assets', 'story', 'a.png'), path.join(root, 'ws', 'assets', 'story', 'inner-link.png'));
    const ws = path.join(root, 'ws');
    expect(await readAssetFile(ws, 'assets/story/a.png')).toEqual(TINY_PNG);
    expect(await readAssetFile(ws, 'assets/story/link.png')).toBeNull();
    expect(await readAssetFile(ws, 'assets/story/inner-link.png')).toBeNull();
    expect(await readAssetFile(ws, 'assets/story/../../secret.png')).toBeNull();
    expect(await readAssetFile(ws, 'assets/story/notes.png')).toBeNull();
    expect(await readAssetFile(ws, 'assets/story/missing.png')).toBeNull();
    expect(await readAssetFile(ws, 'https://example.org/a.png')).toBeNull();
  });
});

describe('withAssetStem', () => {
  const imported = () => {
    const result = importHtml('<h1>Cranes</h1><p>Dek.</p><figure><img src="assets/imported/image-1.png" alt="A"><figcaption>One</figcaption></figure><figure><img src="https://example.org/b.png" alt="B"><figcaption>Two</figcaption></figure><p>Body.</p>');
    return { ...result, assets: [{ src: 'assets/imported/image-1.png', bytes: TINY_PNG }] };
  };

  it('moves the figures and the images to assets/<stem>/, leaving other figures alone', () => {
    const result = imported();
    expect(assetSources(result.draft.doc)).toEqual(['assets/imported/image-1.png']);
    const moved = withAssetStem(result, 'cranes-2');
    expect(assetSources(moved.draft.doc)).toEqual(['assets/cranes-2/image-1.png']);
    expect(moved.assets).toEqual([{ src: 'assets/cranes-2/image-1.png', bytes: TINY_PNG }]);
    const srcs: string[] = [];
    moved.draft.doc.descendants((node) => {
      if (node.type.name === 'figure') srcs.push(node.attrs.src as string);
    });
    expect(srcs).toEqual(['assets/cranes-2/image-1.png', 'https://example.org/b.png']);
    // The result given is unchanged.
    expect(assetSources(result.draft.doc)).toEqual(['assets/imported/image-1.png']);
    expect(withAssetStem(moved, 'cranes-2')).toBe(moved);
  });

  it('refuses a stem that is not one folder name', () => {
    for (const bad of ['', '.', '..', 'a/b', 'a\\b']) expect(() => withAssetStem(imported(), bad), bad).toThrow(RangeError);
  });
});
