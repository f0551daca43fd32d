/**
 * All main-process services, put together: the object the API handlers (electron/api/) call.
 * Plain Node: no Electron here, so that Vitest (and the renderer tests in Chromium) can run the
 * real thing. The shell injects what only Electron provides (the folders, the system trash).
 *
 * The calls the renderer can make, and their shapes, are declared in the IPC channel map
 * (shared/ipc/channels.ts); electron/api/handlers.ts maps each one onto these services.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDraft, type Draft } from '../../shared/draft/format';
import type { DeskPerson } from '../../shared/draft/meta';
import { exportFormats } from '../../shared/export/format-uses';
import type { ExportFormat, ExportFormatSpec } from '../../shared/export/formats';
import { draftContent, type CheckedDraft, type DraftCheck } from '../../shared/ipc/checked-draft';
import { LOCK_REFRESH_MS, type DraftSummary, type DraftText, type ImportedDraft, type OpenAccess, type OpenedDraft, type RecentDraft, type RecoveredDraft, type RecoveryEntry, type SaveAsResult, type VersionSummary } from '../../shared/ipc/channels';
import type { ImportKind } from '../../shared/import/types';
import type { Reviewer } from '../../shared/review/model';
import { initialsOf, nameFromUserName } from '../../shared/review/reviewer-name';
import { readDraftFile } from '../node/draft-file';
import { DraftService } from './drafts';
import { fsServiceError, ServiceError } from './errors';
import { readAssetFile } from './assets';
import { checkExportTarget, renderWith, writeExportOutput } from './exports';
import { createDraftWorkers, type DraftWorkers } from './draft-workers';
import { importDraftFile, importDroppedFile } from './import-draft';
import { KnownFiles } from './known-files';
import { Library } from './library';
import { DEFAULT_WINDOW, LockService, type LockLostListener } from './locks';
import { draftPath } from './names';
import { RecoveryJournal } from './recovery';
import { hashOnDisk } from './save-file';
import { SettingsStore, type WindowBounds } from './settings';
import { DEFAULT_VERSION_POLICY, VersionStore, type VersionPolicy } from './versions';
import { WorkspaceWatcher, type ExternalChangeListener } from './watcher';

/** What the shell gives the services. */
export interface AppServicesOptions {
  /** Electron's userData folder: settings, recovery journal, versions. */
  readonly userDataDir: string;
  /** The user's Documents folder; the default workspace is `<documentsDir>/Copydesk`. */
  readonly documentsDir: string;
  /** Moves a file to the system trash (`shell.trashItem`). */
  readonly trash: (absolutePath: string) => Promise<void>;
  /** The clock (tests inject one). */
  readonly now?: () => Date;
  /** The export formats and their writers (default: the table of shared/export/formats.ts; tests give writers of their own). */
  readonly exportFormats?: readonly ExportFormatSpec[];
  /** Watcher debounce in ms (default 150). */
  readonly watchDebounceMs?: number;
  /** Version spacing and bounds (default: 5 minutes, 50, 30 days). */
  readonly versionPolicy?: VersionPolicy;
  /** The operating system's user name, which the reviewer's name is prefilled from (default `os.userInfo().username`). */
  readonly userName?: string;
  /** This machine's name, written in lock files (default `os.hostname()`). */
  readonly machine?: string;
  /** How often held locks are refreshed (default `LOCK_REFRESH_MS`; 0: never by a timer, tests call `locks.refresh`). */
  readonly lockRefreshMs?: number;
  /** Where whole drafts are read, encoded and rendered (default: a pool of worker threads, `createDraftWorkers`, closed by `dispose`). */
  readonly workers?: DraftWorkers;
}

// The operating system's user name, or '' where it has none (a user without a passwd entry).
function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

/** The name stamped for a person who gave none and whose system has no user name. */
const UNNAMED = 'Unnamed';

/** The services, as the API handlers see them. */
export interface AppServices {
  readonly settings: {
    /** The workspace folder (absolute). */
    workspaceFolder(): string;
    /** Chooses another workspace folder (absolute, existing); remembered between runs. */
    setWorkspace(folder: string): Promise<void>;
    /** Recent drafts of the current workspace that still exist, most recent first. */
    recentDrafts(): Promise<RecentDraft[]>;
    windowBounds(): WindowBounds | null;
    setWindowBounds(bounds: WindowBounds): Promise<void>;
    /** What was wrong with the settings file at start-up (it was set aside), or null. */
    problem(): string | null;
    /** Who reviews on this installation, or null until the user gave a name. */
    reviewer(): Reviewer | null;
    /** The name and initials to prefill (from the operating system's user name). */
    suggestedReviewer(): { readonly name: string; readonly initials: string };
    /** Sets the reviewer's name and initials; the id is the installation's author id (`authorId`). */
    setReviewer(person: { readonly name: string; readonly initials: string }): Promise<Reviewer>;
    /** This installation's author id, made once and kept (the reviewer's id once named). */
    authorId(): string;
    /** Who works on this installation: its author id and the reviewer's name, else the suggested one. */
    person(): DeskPerson;
  };
  readonly workspace: {
    /** Summaries of the drafts in the workspace, newest first. */
    list(): Promise<DraftSummary[]>;
  };
  /**
   * The drafts (drafts.ts), with their locks (locks.ts): `window` names the window that asks
   * (several windows of this installation may hold one draft; default `DEFAULT_WINDOW`).
   */
  readonly drafts: Pick<DraftService, 'save' | 'duplicate' | 'rename' | 'nameFromHeadline' | 'trash'> & {
    /** Creates a new draft and opens it for editing in `window` (its lock taken). */
    create(name?: string, window?: string): Promise<OpenedDraft>;
    /** Opens draft `name` in `window` with `access` (default 'edit'): `access` in the answer says how (locks.ts). */
    open(name: string, access?: OpenAccess, window?: string): Promise<OpenedDraft>;
    /** Window `window` closed draft `name`: its lock goes when no other window of this installation holds it. */
    release(name: string, window?: string): Promise<void>;
    /** Save As; the window then edits the new draft (its lock taken, the old one's released). */
    saveAs(fromName: string | null, draft: CheckedDraft, newName: string, window?: string): Promise<SaveAsResult>;
  };
  readonly locks: {
    /** Window `window` closed: the locks it held go (when no other window holds them). */
    windowClosed(window: string): Promise<void>;
    /** Listens to drafts taken over by someone else; returns the function that stops listening. */
    onLockLost(listener: LockLostListener): () => void;
    /** Refreshes the locks held now (a timer does it every `lockRefreshMs`). */
    refresh(): Promise<void>;
  };
  readonly imports: {
    /**
     * Imports the text, Markdown, HTML or Word file at absolute path `file` (as `from`, else as
     * its extension says) into a new draft of the workspace, never over an existing one
     * (import-draft.ts); returns the draft and the report of what was recognised.
     */
    importFile(file: string, from?: ImportKind, window?: string): Promise<ImportedDraft>;
    /** Imports a file dropped on the library, given as its name and bytes, as `importFile` does. */
    importDropped(fileName: string, bytes: Uint8Array, window?: string): Promise<ImportedDraft>;
  };
  readonly watcher: {
    /** Listens to external changes of drafts; returns the function that stops listening. */
    onExternalChange(listener: ExternalChangeListener): () => void;
    /** Resolves once pending events are examined (tests, shutdown). */
    idle(): Promise<void>;
  };
  readonly recovery: {
    record(key: string, state: { name: string | null; draft: CheckedDraft }): Promise<void>;
    list(): Promise<RecoveryEntry[]>;
    take(key: string): Promise<RecoveredDraft>;
    discard(key: string): Promise<void>;
  };
  readonly versions: {
    list(name: string): Promise<VersionSummary[]>;
    /** The draft of a version; nothing is written (the renderer decides to save it). */
    restore(name: string, id: string): Promise<DraftText>;
    /** Keeps the saved file of draft `name` as a checkpoint named `label` now (versions.ts). */
    checkpoint(name: string, label: string): Promise<VersionSummary>;
    /** Names version `id` of draft `name` (it becomes a checkpoint). */
    label(name: string, id: string, label: string): Promise<VersionSummary>;
  };
  readonly exports: {
    /** Exports draft `name` (or the given unsaved `draft`) to the absolute path `target`; clean unless `review`. */
    write(name: string, format: ExportFormat, options: { fragment?: boolean; review?: boolean; draft?: CheckedDraft }, target: string): Promise<void>;
  };
  /**
   * The threads that read, encode and render whole drafts (draft-workers.ts); the API's door has
   * every draft the renderer sends read there (`checkDraft`).
   */
  readonly workers: {
    /** Reads a sent draft as a draft file is read, with its UTF-8 bytes (moved to the thread and back: bytes given are empty after) and their SHA-256; or says why it is no draft. */
    readonly checkDraft: DraftCheck;
    /** Whether that work runs on other threads than the caller's. */
    readonly threaded: boolean;
    /** The threads running now (0 once disposed). */
    threads(): number;
  };
  /** Stops the watcher, refuses writes from now on ('closed'), removes the locks held and, once the writes under way have ended, ends the worker threads. */
  dispose(): Promise<void>;
}

/** Creates the services: loads the settings, creates the default workspace folder, starts the watcher. */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const now = options.now ?? (() => new Date());
  const settings = await SettingsStore.load(options.userDataDir, now);
  const defaultFolder = path.join(options.documentsDir, 'Copydesk');
  let folder = path.resolve(settings.workspace ?? defaultFolder);
  if (folder === path.resolve(defaultFolder)) await fs.mkdir(folder, { recursive: true });
  // A chosen folder that is missing (a disk not mounted) is not created: operations report it.

  // The author id is made once per installation and kept before anything is stamped with it.
  await settings.keepAuthorId().catch((error: unknown) => console.warn('Copydesk: could not keep the installation id:', error));
  const suggestedName = (): string => nameFromUserName(options.userName ?? osUserName());
  /** Who saves, locks and files on this installation (meta.savedBy, lock files, the status log). */
  const person = (): DeskPerson => ({ id: settings.authorId, name: settings.reviewer?.name ?? (suggestedName() || UNNAMED) });

  const workers = options.workers ?? createDraftWorkers();
  const known = new KnownFiles();
  const library = new Library(workers, now);
  const journal = new RecoveryJournal(path.join(options.userDataDir, 'recovery'), workers, now);
  const store = new VersionStore(path.join(options.userDataDir, 'versions'), workers, now, options.versionPolicy ?? DEFAULT_VERSION_POLICY);
  const drafts = new DraftService({ workspace: () => folder, known, settings, versions: store, trash: options.trash, now, person, workers });
  const locks = new LockService({
    workspace: () => folder,
    person,
    now,
    machine: options.machine ?? os.hostname(),
    instance: randomBytes(8).toString('hex'),
    refreshMs: options.lockRefreshMs ?? LOCK_REFRESH_MS,
  });
  const listeners = new Set<ExternalChangeListener>();
  let watcher: WorkspaceWatcher | null = null;

  const startWatcher = async (): Promise<void> => {
    watcher?.stop();
    const next = new WorkspaceWatcher(folder, known, {
      debounceMs: options.watchDebounceMs,
      onError: (error) => console.warn(`Copydesk: stopped watching ${folder}:`, error.message),
      onLockChange: () => void locks.checkTaken().catch((error: unknown) => console.warn('Copydesk: could not read the locks:', error)),
    });
    next.onExternalChange((change) => {
      for (const listener of listeners) listener(change);
    });
    watcher = next;
    try {
      await next.start();
    } catch (error) {
      console.warn(`Copydesk: cannot watch ${folder}:`, (error as Error).message);
    }
  };
  await startWatcher();
  void store.pruneAll().catch(() => undefined);

  // Writes in flight. Once disposed, no write starts (a page still open may try one last journal
  // write while the app quits), and dispose() waits for those already running.
  const inFlight = new Set<Promise<unknown>>();
  let disposed = false;
  const writing = <T>(run: () => Promise<T>): Promise<T> => {
    if (disposed) return Promise.reject(new ServiceError('closed', 'Copydesk is closing: nothing more is written.'));
    const running = run();
    inFlight.add(running);
    running.then(
      () => inFlight.delete(running),
      () => inFlight.delete(running),
    );
    return running;
  };

  /** True when draft `name` in the workspace holds exactly the bytes whose SHA-256 is `sha`. */
  const isSaved = async (name: string, sha: string): Promise<boolean> => (await hashOnDisk(draftPath(folder, name))) === sha;

  return {
    settings: {
      workspaceFolder: () => folder,
      async setWorkspace(next) {
        if (typeof next !== 'string' || !path.isAbsolute(next)) throw new ServiceError('invalid-folder', 'The workspace must be a full path to a folder.');
        const resolved = path.resolve(next);
        try {
          if (!(await fs.stat(resolved)).isDirectory()) throw new ServiceError('ENOTDIR', `${resolved} is a file, not a folder.`);
        } catch (error) {
          throw error instanceof ServiceError ? error : fsServiceError(error, 'list', resolved);
        }
        await settings.setWorkspace(resolved);
        await locks.releaseAll();
        folder = resolved;
        known.clear();
        library.clear();
        await startWatcher();
      },
      recentDrafts: () => drafts.recent(),
      windowBounds: () => settings.windowBounds,
      setWindowBounds: (bounds) => settings.setWindowBounds(bounds),
      problem: () => settings.problem,
      reviewer: () => settings.reviewer,
      suggestedReviewer: () => {
        const name = suggestedName();
        return { name, initials: initialsOf(name).slice(0, 4) };
      },
      setReviewer: (person) => writing(() => settings.setReviewer(person)),
      authorId: () => settings.authorId,
      person,
    },
    workspace: {
      list: () => library.list(folder),
    },
    drafts: {
      create: (name, window = DEFAULT_WINDOW) =>
        writing(async () => {
          const created = await drafts.create(name);
          return { ...created, access: await locks.acquire(created.name, 'edit', window) };
        }),
      open: async (name, access = 'edit', window = DEFAULT_WINDOW) => {
        const opened = await drafts.open(name);
        return { ...opened, access: await locks.acquire(name, access, window) };
      },
      release: (name, window = DEFAULT_WINDOW) => locks.release(name, window),
      save: (name, draft, baseHash, saveOptions) => writing(() => drafts.save(name, draft, baseHash, saveOptions)),
      saveAs: (fromName, draft, newName, window = DEFAULT_WINDOW) =>
        writing(async () => {
          const result = await drafts.saveAs(fromName, draft, newName);
          if (result.ok) {
            await locks.acquire(result.name, 'edit', window);
            if (fromName !== null && fromName !== result.name) await locks.release(fromName, window);
          }
          return result;
        }),
      duplicate: (name) => writing(() => drafts.duplicate(name)),
      rename: (name, newName) =>
        writing(async () => {
          const renamed = await drafts.rename(name, newName);
          await locks.moved(name, renamed.name);
          return renamed;
        }),
      nameFromHeadline: (name) =>
        writing(async () => {
          const named = await drafts.nameFromHeadline(name);
          await locks.moved(name, named.name);
          return named;
        }),
      trash: (name) =>
        writing(async () => {
          await drafts.trash(name);
          await locks.removed(name);
        }),
    },
    locks: {
      windowClosed: (window) => locks.windowClosed(window),
      onLockLost: (listener) => locks.onLockLost(listener),
      refresh: () => locks.refresh(),
    },
    imports: {
      importFile: (file, from, window = DEFAULT_WINDOW) =>
        writing(async () => {
          const imported = await importDraftFile({ drafts, now, workspace: () => folder, workers }, file, from);
          return { ...imported, access: await locks.acquire(imported.name, 'edit', window) };
        }),
      importDropped: (fileName, bytes, window = DEFAULT_WINDOW) =>
        writing(async () => {
          const imported = await importDroppedFile({ drafts, now, workspace: () => folder, workers }, fileName, bytes);
          return { ...imported, access: await locks.acquire(imported.name, 'edit', window) };
        }),
    },
    watcher: {
      onExternalChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      idle: async () => watcher?.idle(),
    },
    recovery: {
      record: (key, state) => writing(() => journal.record(key, state.name, state.draft)),
      // A record identical to the saved file is no unsaved work (a journal write that raced a save).
      list: () => journal.list(isSaved),
      take: (key) => writing(() => journal.take(key)),
      discard: (key) => writing(() => journal.discard(key)),
    },
    versions: {
      list: (name) => store.list(draftPath(folder, name)),
      restore: (name, id) => store.restore(draftPath(folder, name), id),
      checkpoint: (name, label) => writing(() => store.checkpoint(draftPath(folder, name), label)),
      label: (name, id, label) => writing(() => store.label(draftPath(folder, name), id, label)),
    },
    exports: {
      write: (name, format, exportOptions, target) =>
        writing(async () => {
          const formats = options.exportFormats ?? exportFormats();
          const spec = checkExportTarget(formats, format, target);
          const workspace = folder;
          const readAsset = (src: string): Promise<Uint8Array | null> => readAssetFile(workspace, src);
          let output: string | Uint8Array;
          if (options.exportFormats === undefined) {
            // The app's own formats: read and rendered by a worker thread.
            const source = exportOptions.draft !== undefined ? { draft: draftContent(exportOptions.draft) } : { file: draftPath(workspace, name), name };
            const rendered = await workers.run({ kind: 'export', source, format, fragment: exportOptions.fragment === true, review: exportOptions.review === true, workspace });
            if (!rendered.ok) throw new ServiceError(rendered.code, rendered.message);
            output = rendered.output;
          } else {
            // Writers a test gave (functions, which cannot cross to a thread): on this thread.
            let draft: Draft;
            try {
              draft = exportOptions.draft !== undefined ? parseDraft(exportOptions.draft.text) : (await readDraftFile(draftPath(workspace, name))).draft;
            } catch (error) {
              throw new ServiceError('unreadable', `“${name}” cannot be exported: ${(error as Error).message}`);
            }
            output = await renderWith(spec, draft, { ...exportOptions, readAsset });
          }
          await writeExportOutput(output, target);
        }),
    },
    workers: {
      checkDraft: async (content) => {
        // Bytes are moved to the thread, not copied (they come back as `bytes`).
        const result = await workers.run({ kind: 'check', content }, typeof content === 'string' ? [] : [content]);
        return result.ok ? { ok: true, encoded: { bytes: result.bytes, sha256: result.sha256 } } : { ok: false, message: result.message };
      },
      threaded: workers.threaded,
      threads: () => workers.threads(),
    },
    async dispose() {
      disposed = true;
      watcher?.stop();
      watcher = null;
      listeners.clear();
      await Promise.allSettled([...inFlight]);
      await locks.dispose();
      if (options.workers === undefined) await workers.close();
    },
  };
}
