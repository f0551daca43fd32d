/**
 * Images copied beside a draft: a file the user picked is checked (extension AND magic bytes, size)
 * and copied to `<workspace>/assets/<draft stem>/<safe name>` under a name no file holds yet; the
 * figure's `src` is then the workspace-relative `assets/<draft stem>/<safe name>`. Neither
 * `assets` nor the draft's folder may be a symbolic link (links in the workspace are never
 * followed: electron/README.md), and a copy never replaces a file, even one that appears meanwhile.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../node/atomic-write';
import { FileTooLargeError, NotRegularFileError, readRegularFile } from '../node/read-regular-file';
import { IMAGE_EXTENSIONS, safeNameSegment, sniffImage } from '../../shared/image-format';
import { isAssetSrc } from '../../shared/problem-checks';
import { errorCode, ServiceError } from './errors';

/** The largest image Copydesk copies, in bytes (25 MB). */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

/** The folder (inside the workspace) that holds the drafts' images. */
export const ASSETS_FOLDER = 'assets';

/**
 * A file name safe on every file system, from `name`: letters, digits, "-", "_" and "." kept
 * (accents dropped), everything else a "-", no leading dot, at most 80 characters before the
 * lower-cased extension; "image" when nothing is left.
 */
export function safeImageName(name: string): string {
  const ext = path.extname(name).toLowerCase();
  return `${safeNameSegment(path.basename(name, path.extname(name)), 'image')}${ext}`;
}

/** The folder name of a draft's images: its name without `.copydesk`, made safe like a file name ("draft" when nothing is left). */
export function draftStem(draftName: string): string {
  return safeNameSegment(draftName.replace(/\.copydesk$/u, ''), 'draft');
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Copies image `sourceFile` beside draft `draftName` of `workspace` and returns its figure `src`
 * (`assets/<stem>/<name>`). Refuses (ServiceError 'not-image' / 'too-large') a file whose
 * extension or magic bytes are not one of the accepted formats, or that is larger than
 * `MAX_IMAGE_BYTES`. Never overwrites: a taken name becomes "name-2.png", "name-3.png"…
 */
export async function importImage(workspace: string, draftName: string, sourceFile: string): Promise<string> {
  const shown = path.basename(sourceFile);
  const ext = path.extname(sourceFile).toLowerCase();
  const expected = IMAGE_EXTENSIONS[ext];
  if (expected === undefined) {
    throw new ServiceError('not-image', `“${shown}” is not an image Copydesk can use: choose a JPEG, PNG, GIF, WebP or AVIF file.`);
  }
  let bytes: Buffer;
  try {
    // The user picked this file (outside the workspace): a link to it is followed.
    bytes = await readRegularFile(sourceFile, { maxBytes: MAX_IMAGE_BYTES, followLinks: true });
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new ServiceError('not-image', `“${shown}” is not a file.`);
    if (error instanceof FileTooLargeError) {
      throw new ServiceError('too-large', `“${shown}” is ${(error.size / 1024 / 1024).toFixed(1)} MB; images up to 25 MB can be added.`);
    }
    throw error;
  }
  const found = sniffImage(bytes);
  if (found !== expected) {
    throw new ServiceError('not-image', `“${shown}” is named like a ${expected.toUpperCase()} image but its contents are ${found === null ? 'not an image' : `a ${found.toUpperCase()} image`}.`);
  }
  const stem = draftStem(draftName);
  await realFolder(path.join(workspace, ASSETS_FOLDER), `${ASSETS_FOLDER}/`);
  const folder = path.join(workspace, ASSETS_FOLDER, stem);
  await realFolder(folder, `${ASSETS_FOLDER}/${stem}/`);
  const safe = safeImageName(shown);
  const base = safe.slice(0, safe.length - ext.length);
  for (let n = 1; n <= 1000; n += 1) {
    const name = n === 1 ? safe : `${base}-${String(n)}${ext}`;
    if (await exists(path.join(folder, name))) continue;
    try {
      await writeFileAtomic(path.join(folder, name), bytes, { noReplace: true });
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue; // Taken meanwhile: the next number.
      throw error;
    }
    return `${ASSETS_FOLDER}/${stem}/${name}`;
  }
  throw new ServiceError('exists', `No free name was found for “${shown}” in ${ASSETS_FOLDER}/${stem}/; rename some images and try again.`);
}

/**
 * Creates folder `dir` if missing (true when it did); refuses ('not-a-folder') one that is a
 * symbolic link or not a folder, saying `what` was not done.
 */
async function realFolder(dir: string, shown: string, what = 'the image was not added'): Promise<boolean> {
  let created = true;
  try {
    await fs.mkdir(dir);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    created = false;
  }
  const stat = await fs.lstat(dir);
  if (stat.isSymbolicLink()) {
    throw new ServiceError('not-a-folder', `The workspace's “${shown}” is a symbolic link: Copydesk does not follow links in the workspace folder, so ${what}. Replace the link with a real folder.`);
  }
  if (!stat.isDirectory()) throw new ServiceError('not-a-folder', `The workspace's “${shown}” is not a folder, so ${what}.`);
  return created;
}

/** How many paths one `missingAssets` call looks at (a draft with more figures asks in parts). */
export const MAX_ASSET_CHECK = 1000;

/**
 * Which of the figures' `srcs` (`assets/…` paths, checked by the caller) name no image file in
 * `workspace`: missing, not a regular file, or reached through a link that leaves the assets
 * folder (the app's protocol would not serve those either). In the order given.
 */
export async function missingAssets(workspace: string, srcs: readonly string[]): Promise<string[]> {
  const root = await fs.realpath(path.join(workspace, ASSETS_FOLDER)).catch(() => null);
  const found = await Promise.all(
    srcs.map(async (src) => {
      if (root === null) return false;
      try {
        const real = await fs.realpath(path.join(workspace, ...src.split('/')));
        if (!real.startsWith(root + path.sep)) return false;
        return (await fs.stat(real)).isFile();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return false;
        throw error;
      }
    }),
  );
  return srcs.filter((_src, i) => !found[i]);
}

const IMAGES_NOT_WRITTEN = 'the imported images were not written';

/** An image to write at `src` (`assets/<stem>/<file>`) under a workspace or a draft's folder: an import's `ImportedAsset`. */
export interface AssetFile {
  readonly src: string;
  readonly bytes: Uint8Array;
}

/** The path segments of an `assets/<stem>/<file>` src (percent-escapes decoded), or null when it is not one or could leave its folder. */
export function assetSegments(src: string): string[] | null {
  if (typeof src !== 'string' || !isAssetSrc(src) || /[?#\\]/u.test(src)) return null;
  let segments: string[];
  try {
    segments = src.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
  if (segments[0] !== ASSETS_FOLDER || segments.length < 3) return null;
  return segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..' && !/[/\\\0]/u.test(segment)) ? segments : null;
}

/** What `writeAssetFiles` wrote: the images, and the folders it made for them (outermost first). */
export interface WrittenAssets {
  readonly files: readonly string[];
  readonly folders: readonly string[];
}

/**
 * Writes an import's images under `root` (the workspace, or the folder of the draft on the
 * command line), each at its `src`, and says what it wrote. Each must be an accepted image, its
 * extension and its first bytes agreeing (as `importImage` checks), else ServiceError
 * 'not-image' before a byte is written. Nothing is written over: when any
 * target exists, ServiceError 'exists' before a byte is written; `assets/` and the draft's folder
 * in it must be real folders (created if missing, never a symbolic link). A write that fails
 * removes what this call wrote.
 */
export async function writeAssetFiles(root: string, assets: readonly AssetFile[]): Promise<WrittenAssets> {
  const files: string[] = [];
  const folders: string[] = [];
  if (assets.length === 0) return { files, folders };
  const targets = assets.map((asset) => {
    const segments = assetSegments(asset.src);
    if (segments?.length !== 3) throw new ServiceError('invalid-src', `The image ${asset.src} is not an assets/<draft>/<file> path; nothing was written.`);
    // The rules of an image the user adds: an accepted extension, and contents of that format.
    const expected = IMAGE_EXTENSIONS[path.extname(segments[2] ?? '').toLowerCase()];
    if (expected === undefined || sniffImage(asset.bytes) !== expected) throw new ServiceError('not-image', `The image ${asset.src} is not a ${expected?.toUpperCase() ?? 'JPEG, PNG, GIF, WebP or AVIF'} image; nothing was written.`);
    return { segments, bytes: asset.bytes };
  });
  for (const { segments } of targets) {
    if (await exists(path.join(root, ...segments))) {
      throw new ServiceError('exists', `${segments.join('/')} already exists; no image was written over it, and nothing was imported.`);
    }
  }
  const folder = async (dir: string, shown: string): Promise<void> => {
    if (await realFolder(dir, shown, IMAGES_NOT_WRITTEN)) folders.push(dir);
  };
  try {
    await folder(path.join(root, ASSETS_FOLDER), `${ASSETS_FOLDER}/`);
    for (const { segments, bytes } of targets) {
      const [, stem = ''] = segments;
      await folder(path.join(root, ASSETS_FOLDER, stem), `${ASSETS_FOLDER}/${stem}/`);
      const file = path.join(root, ...segments);
      await writeFileAtomic(file, bytes, { noReplace: true });
      files.push(file);
    }
  } catch (error) {
    await removeAssetFiles({ files, folders });
    if (errorCode(error) === 'EEXIST') throw new ServiceError('exists', `An image of the import appeared meanwhile in ${ASSETS_FOLDER}/; nothing was imported.`);
    throw error;
  }
  return { files, folders };
}

/** Removes what `writeAssetFiles` wrote (an import that failed after it): the images, then the folders it made, if left empty. */
export async function removeAssetFiles(written: WrittenAssets): Promise<void> {
  await Promise.allSettled(written.files.map((file) => fs.unlink(file)));
  for (const dir of [...written.folders].reverse()) await fs.rmdir(dir).catch(() => undefined);
}

/**
 * The bytes of the image at figure `src` (`assets/…`) under `root`, for an export that embeds
 * pictures (`readAsset`), or null when there is none, it is not an image, or it is reached
 * through a symbolic link (no link is followed, not even one inside `assets/`) or a `..`.
 */
export async function readAssetFile(root: string, src: string): Promise<Uint8Array | null> {
  const segments = assetSegments(src);
  if (segments === null) return null;
  try {
    const expected = path.join(await fs.realpath(root), ...segments);
    if ((await fs.realpath(expected)) !== expected) return null;
    const bytes = await readRegularFile(expected, { maxBytes: MAX_IMAGE_BYTES });
    return sniffImage(bytes) === null ? null : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch {
    return null;
  }
}
