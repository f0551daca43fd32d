/**
 * The `CallerShell` of a window: the native dialogs and window controls that API calls from that
 * window may use (electron/api/handlers.ts).
 */
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { exportDialog } from '../../shared/export/format-uses';
import { IMAGE_EXTENSIONS } from '../../shared/image-format';
import type { CallerShell } from '../api/handlers';
import { IMPORT_FILE_EXTENSIONS } from '../services/import-draft';
import { closeWindow, markWindowReady, setWindowDirty, windowFlushed } from './window';

let lastExportFolder: string | null = null;

/** The key of `win` for the locks it holds (electron/services/locks.ts): stable while it is open. */
export function windowKeyOf(win: BrowserWindow): string {
  return `window-${String(win.id)}`;
}

/** The dialogs and controls of `win`. */
export function callerFor(win: BrowserWindow): CallerShell {
  return {
    windowKey: windowKeyOf(win),
    async chooseFolder({ defaultPath }) {
      const result = await dialog.showOpenDialog(win, {
        title: 'Choose the workspace folder',
        buttonLabel: 'Use This Folder',
        defaultPath,
        properties: ['openDirectory', 'createDirectory'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseExportTarget({ defaultName, format }) {
      const folder = lastExportFolder ?? app.getPath('documents');
      const { title, filters } = exportDialog(format);
      const result = await dialog.showSaveDialog(win, {
        title,
        defaultPath: path.join(folder, defaultName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return null;
      lastExportFolder = path.dirname(result.filePath);
      return result.filePath;
    },
    async chooseImage() {
      const result = await dialog.showOpenDialog(win, {
        title: 'Choose an image',
        defaultPath: app.getPath('pictures'),
        filters: [{ name: 'Images', extensions: Object.keys(IMAGE_EXTENSIONS).map((ext) => ext.slice(1)) }],
        properties: ['openFile'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseImportFile() {
      const result = await dialog.showOpenDialog(win, {
        title: 'Import a text, Markdown, HTML or Word file',
        buttonLabel: 'Import',
        defaultPath: app.getPath('documents'),
        filters: [
          { name: 'Text, Markdown, HTML and Word', extensions: [...IMPORT_FILE_EXTENSIONS] },
          { name: 'Plain text', extensions: ['txt'] },
          { name: 'Markdown', extensions: ['md', 'markdown'] },
          { name: 'HTML', extensions: ['html', 'htm'] },
          { name: 'Word', extensions: ['docx'] },
        ],
        properties: ['openFile'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    ready() {
      markWindowReady(win);
    },
    setDirty(dirty) {
      setWindowDirty(win, dirty);
    },
    close() {
      closeWindow(win);
    },
    flushed(reply) {
      windowFlushed(win, reply);
    },
  };
}
