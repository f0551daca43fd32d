/**
 * Drafts the operating system asks Copydesk to open: files double-clicked in a file manager
 * (macOS `open-file`), or named on the command line of the first or of a second launch
 * (Windows and Linux pass them as arguments; the second instance hands its argv to the first).
 * Pure functions over strings and paths, so that tests need no Electron.
 */
import path from 'node:path';
import { DRAFT_EXTENSION } from '../../shared/draft/format';

/**
 * The draft files named in a process's `argv`, as absolute paths: arguments ending in
 * `.copydesk` that are not switches, resolved against `cwd` (the launching process's folder).
 * The executable, the app path and Chromium/Electron switches are skipped.
 */
export function draftPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const arg of argv.slice(1)) {
    if (typeof arg !== 'string' || arg.startsWith('-') || !arg.toLowerCase().endsWith(DRAFT_EXTENSION)) continue;
    // A file:// URL (some launchers pass those) becomes its path; other schemes are ignored.
    let file = arg;
    if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(arg)) {
      if (!arg.toLowerCase().startsWith('file://')) continue;
      try {
        file = decodeURIComponent(new URL(arg).pathname);
      } catch {
        continue;
      }
    }
    const absolute = path.resolve(cwd, file);
    if (!out.includes(absolute)) out.push(absolute);
  }
  return out;
}

/** Where a draft the OS asked to open lies, relative to the current workspace folder. */
export type OpenTarget =
  /** Inside the workspace: open it by name. */
  | { readonly kind: 'in-workspace'; readonly name: string }
  /** Elsewhere: the user must agree to switch the workspace to `folder` to open `name`. */
  | { readonly kind: 'elsewhere'; readonly folder: string; readonly name: string };

/**
 * Where `file` (absolute) lies relative to `workspace`: directly inside it (drafts are not in
 * subfolders), or in another folder, which would become the workspace to open it.
 */
export function openTargetFor(file: string, workspace: string): OpenTarget {
  const resolved = path.resolve(file);
  const name = path.basename(resolved);
  const folder = path.dirname(resolved);
  if (folder === path.resolve(workspace)) return { kind: 'in-workspace', name };
  return { kind: 'elsewhere', folder, name };
}
