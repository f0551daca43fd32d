/**
 * Drafts in the workspace folder: create, open, save, save as, duplicate, rename and trash.
 *
 * Drafts come in as `CheckedDraft`s (the API's validator read them) and go out as their file's
 * text (`DraftText`), named by workspace-relative file names that names.ts checks. Every write goes through `saveBytes` (conflict check + atomic writer) and is
 * announced to `KnownFiles` first, so that the watcher recognises it. Nothing here ever deletes
 * a draft: trashing goes through the injected `trash` (the system trash), and no operation
 * writes over an existing draft other than the one being saved (save as, duplicate, rename and
 * create refuse a name that is taken).
 *
 * A new draft is named from its headline (`nameFromHeadline`) while its metadata says
 * `autoName` (set by `create`, cleared by the renderer when the user names the file).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DraftError, type DraftErrorKind } from '../../shared/draft/errors';
import { DRAFT_EXTENSION, newDraft, serializeDraft, type Draft } from '../../shared/draft/format';
import type { DeskPerson } from '../../shared/draft/meta';
import { draftContent, type CheckedDraft } from '../../shared/ipc/checked-draft';
import type { OpenedDraft, SaveAsResult, SaveResult } from '../../shared/ipc/channels';
import { fsyncDir } from '../node/atomic-write';
import { describeFileError, DraftFileError, sha256Hex } from '../node/draft-file';
import { MAX_DRAFT_FILE_BYTES, readRegularFile } from '../node/read-regular-file';
import { errorCode, fsServiceError, ServiceError } from './errors';
import { importedDraftName } from './import-draft';
import type { DraftWorkers } from './draft-workers';
import type { KnownFiles } from './known-files';
import { draftPath, MAX_NAME_BYTES, numberedName } from './names';
import { hashOnDisk, saveBytes, type WriteResult } from './save-file';
import type { SettingsStore } from './settings';
import type { VersionStore } from './versions';

/** What the draft service needs from the rest of the app. */
export interface DraftServiceDeps {
  /** The current workspace folder (absolute). */
  readonly workspace: () => string;
  readonly known: KnownFiles;
  readonly settings: SettingsStore;
  readonly versions: VersionStore;
  /** Moves a file to the system trash (Electron's shell.trashItem in the app). */
  readonly trash: (absolutePath: string) => Promise<void>;
  readonly now: () => Date;
  /** Who saves on this installation: stamped as each written draft's `meta.savedBy`. */
  readonly person: () => DeskPerson;
  /** Where a saved draft is stamped and serialised (a worker thread in the app). */
  readonly workers: DraftWorkers;
}

function openError(error: unknown, name: string): ServiceError {
  if (error instanceof DraftError) return new ServiceError(error.kind, `“${name}” cannot be opened. ${error.message}`);
  if (error instanceof DraftFileError) {
    if (error.kind === 'not-utf8') return new ServiceError('not-utf8', `“${name}” is not UTF-8 text, so it is not a Copydesk draft. The file was left as it is.`);
    if (error.code === 'ENOENT') return new ServiceError('ENOENT', `There is no draft “${name}” in the workspace folder any more (it may have been renamed, moved or deleted).`);
    if (error.kind === 'is-directory') return new ServiceError('EISDIR', `“${name}” is a folder, not a draft.`);
    if (error.kind === 'not-a-file' || error.kind === 'too-large') return fsServiceError(error.cause, 'open', name);
    return fsServiceError(error, 'open', name);
  }
  return error instanceof ServiceError ? error : fsServiceError(error, 'open', name);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Renames `from` to `to` unless `to` exists (false then), atomically where the file system has
 * hard links (link, then unlink: `link` refuses an existing name), else by a check and a rename.
 */
async function renameNoReplace(from: string, to: string): Promise<boolean> {
  try {
    await fs.link(from, to);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (await exists(to)) return false;
    await fs.rename(from, to);
    await fsyncDir(path.dirname(to));
    return true;
  }
  await fs.unlink(from);
  await fsyncDir(path.dirname(to));
  return true;
}

/** The draft operations on the current workspace folder. */
export class DraftService {
  /** Operations that write run one after another, so that two saves cannot both pass the conflict check. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: DraftServiceDeps) {}

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private file(name: unknown): string {
    return draftPath(this.deps.workspace(), name);
  }

  /** Writes `text` (or its UTF-8 `bytes`, whose SHA-256 is `hash`) as a new draft `name` (which must not exist). Returns the result of the write. */
  private async writeNew(name: string, text: string | Uint8Array, hash = sha256Hex(text)): Promise<WriteResult> {
    const file = this.file(name);
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    this.deps.known.expect(name, hash);
    const result = await saveBytes(file, bytes, hash, { baseHash: null, subject: name });
    if (result.ok) {
      this.deps.known.confirm(name, hash);
      // Versions left at this path by an older draft of the same name are not this draft's.
      await this.deps.versions.detach(file).catch(() => undefined);
    } else {
      this.deps.known.cancel(name, hash);
    }
    return result;
  }

  /** Finds the first free name in `candidate(1)`, `candidate(2)`… and writes `text` there. */
  private async writeAtFreeName(candidate: (n: number) => string, text: string, action: 'create' | 'duplicate'): Promise<{ name: string; hash: string }> {
    for (let n = 1; n <= 1000; n++) {
      const name = candidate(n);
      if (await exists(this.file(name)).catch(() => false)) continue;
      const result = await this.writeNew(name, text);
      if (result.ok) return { name, hash: result.hash };
      if (result.reason === 'error') throw new ServiceError(result.code, result.message);
      // Taken meanwhile (conflict): try the next number.
    }
    throw new ServiceError('exists', `Could not find a free name for the ${action === 'create' ? 'new draft' : 'copy'}; rename some drafts and try again.`);
  }

  /** Creates and writes a new empty draft, "untitled.copydesk", "untitled-2.copydesk"… (or `name`, which must be free). */
  create(name?: string): Promise<OpenedDraft> {
    return this.serial(() => this.createNow(name));
  }

  private async createNow(name?: string): Promise<OpenedDraft> {
    const fresh = newDraft(this.deps.now());
    const draft: Draft = { ...fresh, meta: { ...fresh.meta, autoName: true, savedBy: this.deps.person() } };
    const text = serializeDraft(draft);
    let written: { name: string; hash: string };
    if (name === undefined) {
      written = await this.writeAtFreeName((n) => numberedName('untitled.copydesk', n), text, 'create');
    } else {
      this.file(name);
      const result = await this.writeNew(name, text);
      if (!result.ok) throw result.reason === 'error' ? new ServiceError(result.code, result.message) : new ServiceError('EEXIST', `A draft named “${name}” already exists. Choose another name.`);
      written = { name, hash: result.hash };
    }
    await this.deps.settings.addRecent(this.file(written.name)).catch(() => undefined);
    return { name: written.name, draft: text, hash: written.hash };
  }

  /**
   * Reads draft `name` from disk (its bytes here, as `readDraftFile` does; decoded, hashed and
   * checked on a worker thread), or throws the `ServiceError` that says why it cannot be opened.
   */
  private async read(name: string): Promise<{ text: string; hash: string; headline: string; autoName: boolean }> {
    const file = this.file(name);
    let bytes: Uint8Array;
    try {
      bytes = await readRegularFile(file, { maxBytes: MAX_DRAFT_FILE_BYTES, followLinks: false });
    } catch (error) {
      throw openError(describeFileError(error, file, 'read'), name);
    }
    const read = await this.deps.workers.run({ kind: 'decode', bytes, path: file });
    if (read.ok) return read;
    throw openError(read.code === 'not-utf8' ? new DraftFileError('not-utf8', file, read.message) : new DraftError(read.code as DraftErrorKind, read.message), name);
  }

  /** Reads draft `name`. Throws `ServiceError` with a message for the user when it cannot be opened. */
  async open(name: string): Promise<OpenedDraft> {
    const file = this.file(name);
    const loaded = await this.read(name);
    this.deps.known.setCurrent(name, loaded.hash);
    await this.deps.settings.addRecent(file).catch(() => undefined);
    return { name, draft: loaded.text, hash: loaded.hash };
  }

  /**
   * Saves `draft` to `name` if the file still holds `baseHash` (or with `force`); see save-file.ts.
   * A successful save may also take a version snapshot (versions.ts decides).
   */
  save(name: string, draft: CheckedDraft, baseHash: string | null, options: { force?: boolean } = {}): Promise<SaveResult> {
    return this.serial(() => this.saveNow(name, draft, baseHash, options));
  }

  private async saveNow(name: string, draft: CheckedDraft, baseHash: string | null, options: { force?: boolean }): Promise<SaveResult> {
    const file = this.file(name);
    const updated = this.deps.now().toISOString();
    const { bytes, hash } = await this.stamped(draft, updated);
    this.deps.known.expect(name, hash);
    const result = await saveBytes(file, bytes, hash, { baseHash, force: options.force === true, subject: name });
    if (result.ok) this.deps.known.confirm(name, hash);
    else this.deps.known.cancel(name, hash);
    if (result.ok) await this.snapshot(file, bytes, hash);
    return result.ok ? { ...result, updated } : result;
  }

  /** The file bytes of `draft` as written at `updated` by this installation's person, made by a worker thread. */
  private async stamped(draft: CheckedDraft, updated: string): Promise<{ bytes: Uint8Array; hash: string }> {
    const result = await this.deps.workers.run({ kind: 'stamp', draft: draftContent(draft), updated, savedBy: this.deps.person() });
    if (!result.ok) throw new ServiceError(result.code, result.message);
    return result;
  }

  private async snapshot(file: string, bytes: Uint8Array, hash: string): Promise<void> {
    try {
      await this.deps.versions.maybeSnapshot(file, bytes, hash);
    } catch (error) {
      // A failed snapshot must not turn a good save into a failure.
      console.warn(`Copydesk: could not keep a version of ${file}:`, error);
    }
  }

  /** Writes `draft` as a new draft `newName` (refused if taken); the draft `_fromName` is left as it is. */
  saveAs(_fromName: string | null, draft: CheckedDraft, newName: string): Promise<SaveAsResult> {
    return this.serial(() => this.saveAsNow(draft, newName));
  }

  private async saveAsNow(draft: CheckedDraft, newName: string): Promise<SaveAsResult> {
    const file = this.file(newName);
    const updated = this.deps.now().toISOString();
    const { bytes, hash } = await this.stamped(draft, updated);
    const result = await this.writeNew(newName, bytes, hash);
    if (!result.ok) {
      if (result.reason === 'error') return result;
      return { ok: false, reason: 'error', code: 'EEXIST', message: `A draft named “${newName}” already exists. Choose another name; nothing was written.` };
    }
    await this.snapshot(file, bytes, hash);
    await this.deps.settings.addRecent(file).catch(() => undefined);
    return { ok: true, name: newName, hash: result.hash, updated };
  }

  /** Copies draft `name` to "<name> copy.copydesk" (or "… copy 2"…); returns the copy's name and hash. */
  duplicate(name: string): Promise<{ name: string; hash: string }> {
    return this.serial(() => this.duplicateNow(name));
  }

  private async duplicateNow(name: string): Promise<{ name: string; hash: string }> {
    const { text } = await this.read(name);
    // A long name is shortened so that "<stem> copy 1000.copydesk" still fits the name limit.
    const stem = [...name.slice(0, -DRAFT_EXTENSION.length)];
    while (stem.length > 1 && Buffer.byteLength(`${stem.join('')} copy 1000${DRAFT_EXTENSION}`) > MAX_NAME_BYTES) stem.pop();
    const copy = `${stem.join('').trimEnd()} copy${DRAFT_EXTENSION}`;
    return this.writeAtFreeName((n) => numberedName(copy, n, ' '), text, 'duplicate');
  }

  /** Renames draft `name` to `newName` (refused if taken); its versions and recent entry follow. */
  rename(name: string, newName: string): Promise<{ name: string }> {
    return this.serial(() => this.renameNow(name, newName));
  }

  private async renameNow(name: string, newName: string): Promise<{ name: string }> {
    const from = this.file(name);
    const to = this.file(newName);
    if (from === to) return { name };
    let hash: string | null;
    try {
      hash = await hashOnDisk(from);
    } catch (error) {
      throw fsServiceError(error, 'rename', name);
    }
    if (hash === null) throw new ServiceError('ENOENT', `There is no draft “${name}” in the workspace folder any more.`);
    try {
      // lstat: a link at the new name is a taken name, never something to rename over.
      const target = await fs.lstat(to);
      const source = await fs.lstat(from);
      // On a case-insensitive disk "Story" and "story" are the same file: that rename is fine.
      if (target.ino !== source.ino || target.dev !== source.dev) {
        throw new ServiceError('EEXIST', `A draft named “${newName}” already exists. Choose another name.`);
      }
    } catch (error) {
      if (error instanceof ServiceError) throw error;
      if (errorCode(error) !== 'ENOENT') throw fsServiceError(error, 'rename', name);
    }
    this.deps.known.forget(name);
    this.deps.known.setCurrent(newName, hash);
    try {
      await fs.rename(from, to);
      await fsyncDir(path.dirname(to));
    } catch (error) {
      this.deps.known.forget(newName);
      this.deps.known.setCurrent(name, hash);
      throw fsServiceError(error, 'rename', name);
    }
    await this.deps.versions.move(from, to).catch((error: unknown) => console.warn('Copydesk: versions did not follow the rename:', error));
    await this.deps.settings.renameRecent(from, to).catch(() => undefined);
    await this.namedByHand(newName).catch((error: unknown) => console.warn('Copydesk: the renamed draft still follows its headline:', error));
    return { name: newName };
  }

  /**
   * Draft `name` was named by the user: its file no longer follows the headline (`autoName`
   * cleared in the file, if set; an open draft clears it itself before renaming, so its file's
   * bytes, and its base hash, stay as they are).
   */
  private async namedByHand(name: string): Promise<void> {
    const file = this.file(name);
    const loaded = await this.read(name);
    if (!loaded.autoName) return;
    const unnamed = await this.deps.workers.run({ kind: 'unname', text: loaded.text });
    if (!unnamed.ok) throw new ServiceError(unnamed.code, unnamed.message);
    const { bytes, hash } = unnamed;
    this.deps.known.expect(name, hash);
    const result = await saveBytes(file, bytes, hash, { baseHash: loaded.hash, subject: name });
    if (result.ok) this.deps.known.confirm(name, hash);
    else this.deps.known.cancel(name, hash);
  }

  /**
   * Renames draft `name` after the headline its file holds (File > Import's name: the headline's
   * slug, "untitled" without one), at the first free name ("-2", "-3"…), when its metadata says
   * `autoName`; returns the name it has afterwards (unchanged when not automatic or already in
   * step). Never over an existing file; versions and the recent entry follow, as with `rename`.
   */
  nameFromHeadline(name: string): Promise<{ name: string }> {
    return this.serial(() => this.nameFromHeadlineNow(name));
  }

  private async nameFromHeadlineNow(name: string): Promise<{ name: string }> {
    const from = this.file(name);
    const loaded = await this.read(name);
    if (!loaded.autoName) return { name };
    const wanted = importedDraftName(loaded.headline, `untitled${DRAFT_EXTENSION}`);
    const stem = wanted.slice(0, -DRAFT_EXTENSION.length);
    const number = name.startsWith(`${stem}-`) && name.endsWith(DRAFT_EXTENSION) ? name.slice(stem.length + 1, -DRAFT_EXTENSION.length) : '';
    if (name === wanted || /^[0-9]+$/u.test(number)) return { name };
    const known = this.deps.known;
    for (let n = 1; n <= 1000; n++) {
      const candidate = numberedName(wanted, n);
      const to = this.file(candidate);
      // The new name appears holding the draft's bytes, then the old one goes: whenever the
      // watcher looks meanwhile, either state of either name is the app's own doing (the old
      // name's bytes as a write in flight, its absence as what the app last saw).
      known.expect(candidate, loaded.hash);
      known.expect(name, loaded.hash);
      known.setCurrent(name, null);
      let moved: boolean;
      try {
        moved = await renameNoReplace(from, to);
      } catch (error) {
        this.restoreKnown(name, candidate, loaded.hash);
        throw fsServiceError(error, 'rename', name);
      }
      if (!moved) {
        this.restoreKnown(name, candidate, loaded.hash);
        continue;
      }
      known.confirm(candidate, loaded.hash);
      known.cancel(name, loaded.hash);
      await this.deps.versions.move(from, to).catch((error: unknown) => console.warn('Copydesk: versions did not follow the rename:', error));
      await this.deps.settings.renameRecent(from, to).catch(() => undefined);
      return { name: candidate };
    }
    return { name };
  }

  /** A rename from `name` to `candidate` did not happen: `name` still holds `hash`. */
  private restoreKnown(name: string, candidate: string, hash: string): void {
    this.deps.known.cancel(candidate, hash);
    this.deps.known.cancel(name, hash);
    this.deps.known.setCurrent(name, hash);
  }

  /** Moves draft `name` to the system trash (never deletes it). Its versions are kept aside. */
  trash(name: string): Promise<void> {
    return this.serial(() => this.trashNow(name));
  }

  private async trashNow(name: string): Promise<void> {
    const file = this.file(name);
    if (!(await exists(file).catch(() => true))) throw new ServiceError('ENOENT', `There is no draft “${name}” in the workspace folder any more.`);
    this.deps.known.forget(name);
    try {
      await this.deps.trash(file);
    } catch (error) {
      this.deps.known.noteExists(name);
      throw new ServiceError('trash-failed', `“${name}” could not be moved to the trash (${(error as Error).message}). It was left where it is.`);
    }
    await this.deps.versions.detach(file).catch(() => undefined);
    await this.deps.settings.renameRecent(file, null).catch(() => undefined);
  }

  /** The recent drafts that are in the current workspace and still exist, most recent first. */
  async recent(): Promise<{ name: string; openedAt: string }[]> {
    const dir = this.deps.workspace();
    const out: { name: string; openedAt: string }[] = [];
    for (const entry of this.deps.settings.recent) {
      if (path.dirname(entry.path) !== dir) continue;
      if (await exists(entry.path).catch(() => false)) out.push({ name: path.basename(entry.path), openedAt: entry.openedAt });
    }
    return out;
  }
}

