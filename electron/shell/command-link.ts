/**
 * The `copydesk` command on macOS's PATH: "Install ‘copydesk’ Command in PATH" (the application
 * menu, as VS Code's "Install 'code' command in PATH") links `/usr/local/bin/copydesk` to the
 * script inside the app (build/resources/mac/bin/copydesk), which runs the app's own executable
 * answering the command (electron/README.md). Plain Node, no 'electron': menu.ts asks the user and
 * runs the privileged step when the folder is not writable.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Where the link goes: a folder on macOS's default PATH. */
export const COMMAND_LINK = '/usr/local/bin/copydesk';

/** The script inside a packaged app whose resources folder is `resourcesPath`. */
export function commandScript(resourcesPath: string): string {
  return path.join(resourcesPath, 'bin', 'copydesk');
}

/** What `linkCommand` did. */
export type LinkResult =
  /** The link was made (or an older Copydesk's link replaced). */
  | { readonly kind: 'linked' }
  /** The link was there already. */
  | { readonly kind: 'already' }
  /** Something that is not a Copydesk link has the name: left alone. */
  | { readonly kind: 'occupied'; readonly what: string }
  /** The folder is not writable by the user: the privileged step is needed. */
  | { readonly kind: 'denied' };

// A link made by another copy of Copydesk (moved, or an older install): it may be replaced.
function isCopydeskScript(target: string): boolean {
  return /(^|\/)Contents\/Resources\/bin\/copydesk$/u.test(target);
}

const denied = (error: unknown): boolean => ['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '');

/** Links `link` to `target` unless something else has its name; never overwrites a file or another program's link. */
export async function linkCommand(target: string, link: string = COMMAND_LINK): Promise<LinkResult> {
  let current: string | null = null;
  try {
    const stat = await fs.lstat(link);
    if (!stat.isSymbolicLink()) return { kind: 'occupied', what: stat.isDirectory() ? 'a folder' : 'a file' };
    current = await fs.readlink(link);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (current !== null) {
    if (path.resolve(path.dirname(link), current) === target) return { kind: 'already' };
    if (!isCopydeskScript(current)) return { kind: 'occupied', what: `a link to ${current}` };
  }
  try {
    await fs.mkdir(path.dirname(link), { recursive: true });
    // Made beside it and renamed over it, so an older link is replaced in one step.
    const temporary = `${link}.copydesk-${String(process.pid)}`;
    await fs.rm(temporary, { force: true });
    await fs.symlink(target, temporary);
    await fs.rename(temporary, link);
  } catch (error) {
    if (denied(error)) return { kind: 'denied' };
    throw error;
  }
  return { kind: 'linked' };
}

// An AppleScript string literal.
const appleString = (text: string): string => `"${text.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"')}"`;

/** The AppleScript that makes the link with the administrator's password (macOS asks for it): the paths are quoted for the shell by AppleScript itself. */
export function adminLinkScript(target: string, link: string = COMMAND_LINK): string {
  const dir = path.dirname(link);
  return `do shell script "mkdir -p " & quoted form of ${appleString(dir)} & " && ln -sfn " & quoted form of ${appleString(target)} & " " & quoted form of ${appleString(link)} with administrator privileges`;
}
