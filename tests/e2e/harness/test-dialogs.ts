/**
 * The `CallerShell` of the end-to-end tests: what Electron's native dialogs and window controls do
 * in the app (electron/shell/caller.ts), answered by the test instead of by a person.
 *
 * - Export "save dialog": answers `<exportsDir>/<suggested name>` unless the test queued another
 *   answer (an absolute path, or null for Cancel).
 * - Folder, image and import dialogs: answer what the test queued, Cancel when nothing is queued.
 * - window.ready / setDirty / close: recorded (`readied`, `dirty`, `closeRequests`); `ready` also
 *   flushes events held back until the renderer listens, as the shell's `sendWhenReady` does.
 * - window.flushed: answers the flush the harness asked for (`flushes`, as the shell's window does).
 * Each page gets its own `forWindow` shell over these answers (its window key for the locks).
 */
import path from 'node:path';
import { FlushRequests } from '../../../electron/api/flush-requests';
import type { CallerShell } from '../../../electron/api/handlers';
import type { ExportFormat, FlushReply } from '../../../shared/ipc/channels';

/** The test's side of the dialogs and window controls. */
export class TestDialogs implements CallerShell {
  /** Where exports go when the test queued no other answer. */
  readonly exportsDir: string;
  /** What the main process asked, in order: "export:<name>:<format>", "folder:<default>", "image", "import". */
  readonly asked: string[] = [];
  /** Whether the renderer last said it holds unsaved edits (null: never said). */
  dirty: boolean | null = null;
  /** How many times the renderer called window.ready. */
  readied = 0;
  /** How many times the renderer asked to close the window. */
  closeRequests = 0;
  /** The flushes asked of the window (reload), answered by `window.flushed`. */
  readonly flushes = new FlushRequests();
  private readonly exportAnswers: (string | null)[] = [];
  private readonly folderAnswers: (string | null)[] = [];
  private readonly imageAnswers: (string | null)[] = [];
  private readonly importAnswers: (string | null)[] = [];
  private readonly onReady: () => void;

  constructor(exportsDir: string, onReady: () => void) {
    this.exportsDir = exportsDir;
    this.onReady = onReady;
  }

  /** The next export dialog answers `target` (an absolute path) or Cancel (null). */
  answerNextExport(target: string | null): void {
    if (target !== null && !path.isAbsolute(target)) throw new Error(`answerNextExport needs an absolute path, not ${JSON.stringify(target)}.`);
    this.exportAnswers.push(target);
  }

  /** The next folder dialog answers `folder` (an absolute path) or Cancel (null). */
  answerNextFolder(folder: string | null): void {
    if (folder !== null && !path.isAbsolute(folder)) throw new Error(`answerNextFolder needs an absolute path, not ${JSON.stringify(folder)}.`);
    this.folderAnswers.push(folder);
  }

  /** The next image dialog answers `file` (an absolute path) or Cancel (null). */
  answerNextImage(file: string | null): void {
    if (file !== null && !path.isAbsolute(file)) throw new Error(`answerNextImage needs an absolute path, not ${JSON.stringify(file)}.`);
    this.imageAnswers.push(file);
  }

  /** The next import dialog (File > Import…) answers `file` (an absolute path) or Cancel (null). */
  answerNextImport(file: string | null): void {
    if (file !== null && !path.isAbsolute(file)) throw new Error(`answerNextImport needs an absolute path, not ${JSON.stringify(file)}.`);
    this.importAnswers.push(file);
  }

  /**
   * The `CallerShell` of one window (page) of this installation: these dialogs, with the window's
   * own key, so that the locks count each page as the app counts each window (electron/shell/caller.ts).
   */
  forWindow(windowKey: string): CallerShell {
    return {
      windowKey,
      chooseFolder: (options) => this.chooseFolder(options),
      chooseExportTarget: (options) => this.chooseExportTarget(options),
      chooseImage: () => this.chooseImage(),
      chooseImportFile: () => this.chooseImportFile(),
      ready: () => this.ready(),
      setDirty: (dirty) => this.setDirty(dirty),
      close: () => this.close(),
      flushed: (reply) => this.flushed(reply),
    };
  }

  /** Where an export of the suggested name lands by default. */
  exportPath(defaultName: string): string {
    return path.join(this.exportsDir, defaultName);
  }

  async chooseFolder(options: { readonly defaultPath: string }): Promise<string | null> {
    this.asked.push(`folder:${options.defaultPath}`);
    return this.folderAnswers.length > 0 ? (this.folderAnswers.shift() ?? null) : null;
  }

  async chooseExportTarget(options: { readonly defaultName: string; readonly format: ExportFormat }): Promise<string | null> {
    this.asked.push(`export:${options.defaultName}:${options.format}`);
    return this.exportAnswers.length > 0 ? (this.exportAnswers.shift() ?? null) : this.exportPath(options.defaultName);
  }

  async chooseImage(): Promise<string | null> {
    this.asked.push('image');
    return this.imageAnswers.length > 0 ? (this.imageAnswers.shift() ?? null) : null;
  }

  async chooseImportFile(): Promise<string | null> {
    this.asked.push('import');
    return this.importAnswers.length > 0 ? (this.importAnswers.shift() ?? null) : null;
  }

  ready(): void {
    this.readied += 1;
    this.onReady();
  }

  setDirty(dirty: boolean): void {
    this.dirty = dirty;
  }

  close(): void {
    this.closeRequests += 1;
  }

  flushed(reply: FlushReply): void {
    this.flushes.answer(reply);
  }
}
