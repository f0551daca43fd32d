/**
 * What the services tell the user when the file system refuses something.
 *
 * Each system error code that a save can meet is turned into a message that says what happened
 * and what to do, in words a reporter understands. Saving never throws these: it returns
 * `{ ok: false, reason: 'error', code, message }` and the draft stays open and unsaved. Other
 * operations (open, rename, trash…) throw a `ServiceError` carrying the same kind of message.
 */
import { FileTooLargeError, NotRegularFileError } from '../node/read-regular-file';

/** An operation on a draft, as named in messages. */
export type FileAction = 'save' | 'open' | 'create' | 'rename' | 'duplicate' | 'trash' | 'export' | 'list' | 'journal' | 'snapshot';

/** A failure the user should read: `message` is a full sentence (or two), `code` is for programs. */
export class ServiceError extends Error {
  /** A system error code (ENOSPC…) or a Copydesk code ('invalid-name', 'exists', 'invalid-draft'…). */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
  }
}

/** The system error code of an error, or undefined when it is not a system error. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const KEPT = 'Your draft is still open and nothing on disk was changed.';

function verb(action: FileAction): string {
  switch (action) {
    case 'save':
      return 'saved';
    case 'open':
      return 'opened';
    case 'create':
      return 'created';
    case 'rename':
      return 'renamed';
    case 'duplicate':
      return 'duplicated';
    case 'trash':
      return 'moved to the trash';
    case 'export':
      return 'exported';
    case 'list':
      return 'listed';
    case 'journal':
      return 'kept in the recovery journal';
    case 'snapshot':
      return 'kept as a version';
  }
}

/**
 * The message for a system error met while doing `action` on `subject` (a draft name or a file
 * path, shown in quotes). Writes (save, create, rename…) end with the reassurance that the draft
 * is still open and nothing was changed, which the atomic writer guarantees.
 */
export function describeFsError(error: unknown, action: FileAction, subject: string): { code: string; message: string } {
  const code = errorCode(error) ?? 'EUNKNOWN';
  const what = `“${subject}” could not be ${verb(action)}`;
  const writes = action !== 'open' && action !== 'list';
  const tail = writes && action !== 'trash' ? ` ${KEPT}` : '';
  let message: string;
  if (error instanceof NotRegularFileError && error.fileType !== 'folder') {
    // The workspace's policy on links (electron/README.md): never followed, never replaced.
    const policy = action === 'export' ? 'Copydesk writes only over regular files. Choose another file.' : 'Copydesk neither follows nor replaces symbolic links, pipes or devices in the workspace folder.';
    message = `“${subject}” is a ${error.fileType}, not a regular file, so it could not be ${verb(action)}: ${policy}${tail}`;
    return { code, message };
  }
  if (error instanceof FileTooLargeError) {
    message = `“${subject}” is larger than Copydesk reads (${String(Math.round(error.maxBytes / 1024 / 1024))} MB), so it could not be ${verb(action)}.${tail}`;
    return { code, message };
  }
  switch (code) {
    case 'EISDIR':
      message = `There is a folder with that name, so ${what}. Choose another name.${tail}`;
      break;
    case 'ENOSPC':
      message = `The disk is full, so ${what}. Free some space on the disk and try again, or choose a workspace folder on another disk and use Save As there.${tail}`;
      break;
    case 'EDQUOT':
      message = `Your disk quota is used up, so ${what}. Delete or move some of your files (or ask your administrator for more space), then try again.${tail}`;
      break;
    case 'EROFS':
      message = `The disk holding the workspace folder is read-only, so ${what}. Choose a workspace folder on a disk you can write to and use Save As there.${tail}`;
      break;
    case 'EACCES':
    case 'EPERM':
      message = `Copydesk is not allowed to ${action === 'open' || action === 'list' ? 'read' : 'write'} there, so ${what}. Check the permissions of the workspace folder and of the file, or choose another workspace folder and use Save As there.${tail}`;
      break;
    case 'ENOENT':
    case 'ENOTDIR':
      message = `The workspace folder is no longer there (moved, deleted, or on a disk that was disconnected), so ${what}. Reconnect the disk or put the folder back, or choose another workspace folder and use Save As there.${tail}`;
      break;
    case 'EIO':
      message = `The disk reported an input/output error, so ${what}. The disk may be failing or was disconnected: check it, and keep a copy of your work elsewhere with Save As in another workspace folder.${tail}`;
      break;
    case 'EMFILE':
    case 'ENFILE':
      message = `Too many files are open on this computer, so ${what}. Close some other applications, then try again.${tail}`;
      break;
    case 'ENAMETOOLONG':
      message = `The name is too long for this disk, so ${what}. Choose a shorter name.${tail}`;
      break;
    default:
      message = `${what} (${error instanceof Error ? error.message : String(error)}). Try again; if it keeps failing, use Save As in another workspace folder.${tail}`;
  }
  return { code, message };
}

/** A `ServiceError` for a system error met while doing `action` on `subject`. */
export function fsServiceError(error: unknown, action: FileAction, subject: string): ServiceError {
  const { code, message } = describeFsError(error, action, subject);
  return new ServiceError(code, message);
}
