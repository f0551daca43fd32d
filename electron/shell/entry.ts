/**
 * The Electron entry (bundled into dist/electron/main.mjs by build/vite.electron.config.mts):
 * answers `copydesk` arguments without a window (electron/cli/app-dispatch.ts decides), else
 * starts the shell (main.ts) and tells the user when it cannot start.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, dialog } from 'electron';
import { appLaunch } from '../cli/app-dispatch';
import type { main as cliMain } from '../cli/main';
import { startShell } from './main';

/** The `copydesk` bundle (build/build-cli.mjs), packaged beside dist/electron. */
const CLI_BUNDLE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'cli', 'main.mjs');

/** Resolves once what was written to `stream` has been handed to the system. */
const drained = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => stream.write('', () => resolve()));

/** Runs the command in this process, before any window, lock or service, and exits with its code. */
async function runCommandLine(args: readonly string[]): Promise<void> {
  app.disableHardwareAcceleration();
  if (process.platform === 'darwin') app.dock?.hide();
  let code = 70;
  try {
    const { main } = (await import(/* @vite-ignore */ pathToFileURL(CLI_BUNDLE).href)) as { main: typeof cliMain };
    code = await main(args);
  } catch (error) {
    process.stderr.write(`copydesk: cannot start: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}\n`);
  }
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  app.exit(code);
}

const launch = appLaunch(process.argv, { defaultApp: process.defaultApp === true, platform: process.platform, env: process.env });
if (launch.kind === 'cli') {
  void runCommandLine(launch.args);
} else if (launch.kind === 'relaunch') {
  // No display (Linux): the same executable again, headless; its output goes straight to ours.
  const child = spawnSync(process.execPath, [...launch.argv], { stdio: 'inherit' });
  app.exit(child.status ?? 70);
} else {
  startShell().catch((error: unknown) => {
    dialog.showErrorBox('Copydesk could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
