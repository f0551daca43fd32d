/**
 * Draft names: the only way the renderer refers to a file. A name is a plain file name ending in
 * `.copydesk` that stays inside the workspace folder; anything else (a path, `..`, a separator,
 * an absolute path, a hidden or reserved name) is refused before the file system is touched.
 */
import path from 'node:path';
import { DRAFT_EXTENSION } from '../../shared/draft/format';
import { MAX_DRAFT_NAME_BYTES } from '../../shared/ipc/fields';
import { ServiceError } from './errors';

/** The longest name accepted, in UTF-8 bytes (see `MAX_DRAFT_NAME_BYTES`: the temporary name counts). */
export const MAX_NAME_BYTES = MAX_DRAFT_NAME_BYTES;

// Names that Windows refuses whatever the extension; drafts travel between systems.
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/iu;
// Control characters, path separators and the characters Windows forbids in names.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const FORBIDDEN = /[\u0000-\u001f\u007f/\\<>:"|?*]/u;

/** Why `name` is not an acceptable draft name, or null when it is. */
export function nameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'A draft name must be text.';
  if (!name.endsWith(DRAFT_EXTENSION)) return `“${name}” is not a draft name: drafts end in ${DRAFT_EXTENSION}.`;
  const stem = name.slice(0, -DRAFT_EXTENSION.length);
  if (stem.length === 0) return `A draft name needs something before ${DRAFT_EXTENSION}.`;
  if (FORBIDDEN.test(name)) return `“${name}” contains a character that file names cannot hold (/ \\ < > : " | ? * or a control character).`;
  if (name.startsWith('.')) return `“${name}” would be a hidden file: a draft name cannot start with a dot.`;
  if (/[ .]$/u.test(stem) || /^\s/u.test(stem)) return `“${name}” starts or ends with a space or a dot before ${DRAFT_EXTENSION}, which some systems drop.`;
  if (WINDOWS_RESERVED.test(stem)) return `“${name}” is a name that Windows reserves.`;
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return `“${name.slice(0, 40)}…” is too long for a file name.`;
  return null;
}

/** Throws a `ServiceError` ('invalid-name') unless `name` is an acceptable draft name. */
export function assertDraftName(name: unknown): asserts name is string {
  const problem = nameProblem(name);
  if (problem !== null) throw new ServiceError('invalid-name', problem);
}

/**
 * The absolute path of draft `name` inside `workspace`, after checking the name. The result is
 * checked again to be a direct child of the workspace, whatever `path` made of it.
 */
export function draftPath(workspace: string, name: unknown): string {
  assertDraftName(name);
  const root = path.resolve(workspace);
  const full = path.resolve(root, name);
  if (path.dirname(full) !== root || path.basename(full) !== name) {
    throw new ServiceError('invalid-name', `“${name}” is not a file inside the workspace folder.`);
  }
  return full;
}

/** True when `name` looks like a draft file that a listing should show (not hidden, not a temp). */
export function isDraftFileName(name: string): boolean {
  return name.endsWith(DRAFT_EXTENSION) && !name.startsWith('.') && name.length > DRAFT_EXTENSION.length;
}

/**
 * A name made from free text (a headline, a user's typing): unsafe characters become spaces,
 * trimmed, shortened, with the extension added. Never empty ("untitled").
 */
export function nameFromText(text: string): string {
  let stem = text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are replaced
    .replace(/[\u0000-\u001f\u007f/\\<>:"|?*]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  while (Buffer.byteLength(stem, 'utf8') > 120) stem = stem.slice(0, -1).trimEnd();
  if (stem === '' || WINDOWS_RESERVED.test(stem)) stem = 'untitled';
  return `${stem}${DRAFT_EXTENSION}`;
}

/** `stem.copydesk`, `stem-2.copydesk`… (or with `separator`) for the n-th candidate (n ≥ 1). */
export function numberedName(name: string, n: number, separator = '-'): string {
  if (n <= 1) return name;
  const stem = name.slice(0, -DRAFT_EXTENSION.length);
  return `${stem}${separator}${String(n)}${DRAFT_EXTENSION}`;
}
