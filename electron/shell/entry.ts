/**
 * The Electron entry (bundled into dist/electron/main.mjs by build/vite.electron.config.mts):
 * starts the shell (main.ts), and tells the user when it cannot start.
 */
import { app, dialog } from 'electron';
import { startShell } from './main';

startShell().catch((error: unknown) => {
  dialog.showErrorBox('Copydesk could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
