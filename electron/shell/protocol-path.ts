/**
 * Which file the app's protocol (`copydesk://app/…`) serves for a request URL, if any. Plain Node
 * (no 'electron' import), so that tests run it on real folders with real symbolic links.
 *
 * The renderer's files live in one folder (dist/renderer). A request is refused unless it names a
 * regular file inside that folder, judged three times over:
 * 1. on the raw URL, before any parser normalises it away: a `.` or `..` segment (also written
 *    `%2e%2e`, `.%2E`…), an encoded slash or backslash (`%2f`, `%5c`), a backslash, a NUL, a colon
 *    (a Windows drive) or an empty segment is refused outright (Chromium and the WHATWG parser
 *    would silently resolve `..`, which hides a probing request instead of refusing it);
 * 2. on the resolved path: it must stay under the folder;
 * 3. on the real path (symbolic links resolved): it must still be under the folder's real path,
 *    so a link inside the folder pointing outside serves nothing.
 * The caller reads the returned real path, not the requested one.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { IMAGE_EXTENSIONS } from '../../shared/image-format';
import { APP_HOST, APP_SCHEME } from '../api/origin';

/** A file to serve. */
export interface AppFileFound {
  readonly ok: true;
  /** The file's real absolute path (symbolic links resolved), inside the app's folder. */
  readonly file: string;
  /** Its MIME type (from the extension). */
  readonly contentType: string;
}

/** A refused request, with the HTTP status to answer and why (for the log, not the page). */
export interface AppFileRefused {
  readonly ok: false;
  readonly status: 400 | 403 | 404;
  readonly reason: string;
}

/** The content types of the files a Vite build of the renderer produces. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
});

/** The MIME type for a file name; unknown extensions are served as opaque bytes. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const PREFIX = `${APP_SCHEME}://${APP_HOST}`;

function refuse(status: AppFileRefused['status'], reason: string): AppFileRefused {
  return { ok: false, status, reason };
}

/**
 * The path segments a request URL names, decoded, or a refusal. Pure: looks only at the string.
 * `copydesk://app/` and `copydesk://app` name `index.html`.
 */
export function requestSegments(requestUrl: string): readonly string[] | AppFileRefused {
  if (typeof requestUrl !== 'string' || requestUrl.slice(0, PREFIX.length).toLowerCase() !== PREFIX) {
    return refuse(400, `not a ${PREFIX} URL`);
  }
  // Query and fragment name nothing on disk.
  const rest = requestUrl.slice(PREFIX.length).split(/[?#]/u, 1)[0] ?? '';
  if (rest !== '' && !rest.startsWith('/')) return refuse(400, 'a host other than the app, a port or credentials');
  const rawPath = rest.slice(1);
  if (rawPath === '') return ['index.html'];
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\\\u0000-\u001f\u007f]/u.test(rawPath)) return refuse(400, 'a backslash or a control character in the path');
  if (/%(?:2f|5c|00)/iu.test(rawPath)) return refuse(400, 'an encoded slash, backslash or NUL in the path');
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse(400, 'a malformed percent-encoding in the path');
    }
    if (segment === '') return refuse(400, 'an empty path segment');
    if (segment === '.' || segment === '..') return refuse(403, 'a "." or ".." segment in the path');
    // eslint-disable-next-line no-control-regex -- decoded control characters are refused too
    if (/[/\\:\u0000-\u001f\u007f]/u.test(segment)) return refuse(400, 'a separator, colon or control character in a path segment');
    segments.push(segment);
  }
  return segments;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

/**
 * The file that `requestUrl` names inside `rootDir` (the built renderer folder), or a refusal:
 * 400 for a malformed request, 403 for one that tries to leave the folder (by `..` or by a
 * symbolic link), 404 for one that names nothing (or a folder, or a special file).
 */
export async function resolveAppFile(rootDir: string, requestUrl: string): Promise<AppFileFound | AppFileRefused> {
  const segments = requestSegments(requestUrl);
  if (!Array.isArray(segments)) return segments as AppFileRefused;
  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, ...segments);
  if (!isInside(root, candidate)) return refuse(403, 'the path leaves the app folder');
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await fs.realpath(root);
    realFile = await fs.realpath(candidate);
  } catch {
    return refuse(404, 'no such file');
  }
  if (!isInside(realRoot, realFile)) return refuse(403, 'a symbolic link leads out of the app folder');
  let stat;
  try {
    stat = await fs.stat(realFile);
  } catch {
    return refuse(404, 'no such file');
  }
  if (!stat.isFile()) return refuse(404, 'not a regular file');
  return { ok: true, file: realFile, contentType: contentTypeFor(realFile) };
}

/** The host that serves the current workspace's images: `copydesk://workspace/assets/…`. */
export const WORKSPACE_HOST = 'workspace';

const ASSETS_PREFIX = `${APP_SCHEME}://${WORKSPACE_HOST}/assets/`;
const IMAGE_TYPES = new Set(Object.keys(IMAGE_EXTENSIONS));

/**
 * The image that `requestUrl` (`copydesk://workspace/assets/…`) names inside `<workspace>/assets`,
 * or a refusal, with the same three checks as `resolveAppFile` (raw URL, resolved path, real
 * path), and no symbolic link at all between the workspace and the file (403). Only image files
 * are served (by extension); anything else is a 404.
 */
export async function resolveWorkspaceAsset(workspace: string, requestUrl: string): Promise<AppFileFound | AppFileRefused> {
  if (typeof requestUrl !== 'string' || requestUrl.slice(0, ASSETS_PREFIX.length).toLowerCase() !== ASSETS_PREFIX) {
    return refuse(400, `not a ${ASSETS_PREFIX} URL`);
  }
  const rest = requestUrl.slice(ASSETS_PREFIX.length);
  if (rest === '' || rest.startsWith('?') || rest.startsWith('#')) return refuse(404, 'no file named');
  const found = await resolveAppFile(path.join(workspace, 'assets'), `${PREFIX}/${rest}`);
  if (!found.ok) return found;
  // Links inside the workspace are never followed (electron/README.md), not even to a place
  // inside assets/: the real path must be the requested one, below the workspace's real path.
  const segments = requestSegments(`${PREFIX}/${rest}`) as readonly string[];
  let realWorkspace: string;
  try {
    realWorkspace = await fs.realpath(workspace);
  } catch {
    return refuse(404, 'no workspace folder');
  }
  const expected = path.join(realWorkspace, 'assets', ...segments);
  const same = process.platform === 'linux' ? found.file === expected : found.file.toLowerCase() === expected.toLowerCase();
  if (!same) return refuse(403, 'a symbolic link inside the workspace');
  const ext = path.extname(found.file).toLowerCase();
  if (!IMAGE_TYPES.has(ext)) return refuse(404, 'not an image');
  return { ok: true, file: found.file, contentType: ext === '.avif' ? 'image/avif' : contentTypeFor(found.file) };
}
