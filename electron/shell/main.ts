/**
 * Copydesk's main process: the app's lifecycle around the services, started by `startShell`
 * (the Electron entry, entry.ts, calls it; tests await it with a stand-in 'electron' module).
 * Importing this module does nothing.
 *
 * Before ready: the app scheme is registered as privileged, a single-instance lock is taken (a
 * second launch hands its arguments to the first and quits), and drafts the OS asks to open are
 * queued. When ready: every session and web contents is hardened (harden.ts), the services start
 * on the user's folders, the renderer is served from `copydesk://app/`, every API channel is
 * registered, the menu is set and the main window opens. Whether assistive technology is on is
 * passed on to the renderer (accessibility-support.ts). Drafts opened from the OS (file
 * association, command line, second launch) open in the running window; one outside the
 * workspace folder opens only after the user agrees to switch the workspace to its folder.
 *
 * Bundled from entry.ts by build/vite.electron.config.mts into dist/electron/main.mjs, beside preload.cjs;
 * the renderer's build is in dist/renderer.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import { createDispatcher } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { draftPathsFromArgv, openTargetFor } from '../api/open-request';
import { APP_ENTRY_URL } from '../api/origin';
import { devServerOrigin } from '../api/sender';
import { createAppServices, type AppServices } from '../services/app-services';
import { trackAccessibilitySupport } from './accessibility-support';
import { hardenSession, hardenWebContents } from './harden';
import { windowKeyOf } from './caller';
import { broadcast, registerIpc } from './ipc';
import { buildApplicationMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { devContentSecurityPolicy } from './security';
import { createMainWindow, sendWhenReady } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(here, 'preload.cjs');
const RENDERER_DIR = path.join(here, '..', 'renderer');

/** The started shell: what tests wait on, and the one way to stop it. */
export interface StartedShell {
  readonly services: AppServices;
  /** The main window, or null while none is open. */
  window(): BrowserWindow | null;
  /**
   * Resolves when every draft the operating system asked to open so far has been handled: sent
   * to the window (or held there until its renderer is ready), refused by the user, or failed.
   */
  opensHandled(): Promise<void>;
  /** Stops the services (what 'will-quit' does); the same promise on every call. */
  stop(): Promise<void>;
}

/**
 * Starts Copydesk's main process: registers the app scheme, enables the sandbox and takes the
 * single-instance lock at once (before the app is ready), then waits for Electron to be ready and
 * wires everything (see the module comment). Resolves once the main window is open, or with null
 * when another Copydesk runs (it got our arguments; this one quits). Rejects when the services
 * cannot start. Called once, by the Electron entry (entry.ts), and by tests with a stand-in
 * 'electron' module.
 */
export async function startShell(): Promise<StartedShell | null> {
  // Development only: the renderer from Vite's dev server. Never in a packaged app.
  const devServerUrl = !app.isPackaged ? devServerOrigin(process.env.COPYDESK_DEV_SERVER_URL) : null;
  // Test runs (tests/electron, unpackaged) keep their data and drafts in temporary folders.
  const testUserData = !app.isPackaged ? process.env.COPYDESK_USER_DATA_DIR : undefined;
  const testDocuments = !app.isPackaged ? process.env.COPYDESK_DOCUMENTS_DIR : undefined;
  if (testUserData) app.setPath('userData', path.resolve(testUserData));

  registerAppScheme();
  app.enableSandbox();

  let services: AppServices | null = null;
  let mainWindow: BrowserWindow | null = null;
  const pendingOpens: string[] = [];
  const opening = new Set<Promise<void>>();
  let stopping: Promise<void> | null = null;

  function openWindow(svc: AppServices): BrowserWindow {
    const win = createMainWindow({ services: svc, preload: PRELOAD, url: devServerUrl ?? APP_ENTRY_URL, devTools: devServerUrl !== null });
    const key = windowKeyOf(win);
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
      // The drafts it had open are no longer held by it (their lock files go with the last window).
      svc.locks.windowClosed(key).catch((error: unknown) => console.warn('Copydesk: could not release the locks of a closed window:', error));
    });
    mainWindow = win;
    return win;
  }

  function focus(win: BrowserWindow): void {
    if (win.isMinimized()) win.restore();
    win.focus();
  }

  /** Opens a draft the operating system asked for (absolute path) in the main window. */
  async function openFromOs(file: string): Promise<void> {
    const svc = services;
    if (!svc) {
      pendingOpens.push(file);
      return;
    }
    const win = mainWindow ?? openWindow(svc);
    focus(win);
    const target = openTargetFor(file, svc.settings.workspaceFolder());
    if (target.kind === 'elsewhere') {
      const answer = await dialog.showMessageBox(win, {
        type: 'question',
        buttons: ['Switch Workspace Folder', 'Cancel'],
        defaultId: 0,
        cancelId: 1,
        message: `“${target.name}” is not in your workspace folder.`,
        detail: `Copydesk works on one folder of drafts at a time. Switch the workspace to ${target.folder} to open it? Your current drafts stay where they are.`,
      });
      if (answer.response !== 0) return;
      try {
        await svc.settings.setWorkspace(target.folder);
      } catch (error) {
        await dialog.showMessageBox(win, { type: 'error', message: `“${target.name}” could not be opened.`, detail: (error as Error).message });
        return;
      }
      broadcast('workspaceChanged', { folder: svc.settings.workspaceFolder(), problem: svc.settings.problem() });
    }
    sendWhenReady(win, 'openDraft', { name: target.name });
  }

  function requestOpen(file: string): void {
    const run: Promise<void> = openFromOs(file)
      .catch((error: unknown) => console.warn(`Copydesk: could not open ${file}:`, error))
      .finally(() => opening.delete(run));
    opening.add(run);
  }

  function stop(): Promise<void> {
    if (!services) return Promise.resolve();
    stopping ??= services.dispose();
    return stopping;
  }

  async function whenReady(): Promise<AppServices> {
    app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
    hardenSession(session.defaultSession);
    if (devServerUrl !== null) {
      const csp = devContentSecurityPolicy(devServerUrl);
      session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devServerUrl}/*`] }, (details, callback) => {
        // electronegativity: CSP_GLOBAL_CHECK a variable, so the scanner cannot parse it: devContentSecurityPolicy (security.ts,
        // tested) in development only; the packaged app's CSP is CONTENT_SECURITY_POLICY, sent by protocol.ts on every response.
        callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
      });
    }
    serveRenderer(session.defaultSession, RENDERER_DIR, () => services?.settings.workspaceFolder() ?? null);

    const svc = await createAppServices({
      userDataDir: app.getPath('userData'),
      documentsDir: testDocuments ? path.resolve(testDocuments) : app.getPath('documents'),
      trash: (file) => shell.trashItem(file),
    });
    services = svc;
    if (svc.settings.problem()) console.warn(`Copydesk: ${String(svc.settings.problem())}`);
    svc.watcher.onExternalChange((change) => broadcast('externalChange', change));
    svc.locks.onLockLost((lost) => broadcast('lockLost', lost));

    // A screen reader on: the renderer renders the whole article (see accessibility-support.ts).
    const accessibility = trackAccessibilitySupport(app.isAccessibilitySupportEnabled(), broadcast);
    app.on('accessibility-support-changed', (_event, enabled) => accessibility.changed(enabled));

    registerIpc(createDispatcher(createHandlers({ services: svc, emit: broadcast, accessibility: accessibility.enabled }), { devServerUrl, checkDraft: svc.workers.checkDraft }));
    Menu.setApplicationMenu(buildApplicationMenu({ dev: devServerUrl !== null }));
    openWindow(svc);
    for (const file of pendingOpens.splice(0)) requestOpen(file);
    return svc;
  }

  if (!app.requestSingleInstanceLock()) {
    // Another Copydesk runs: it received our arguments through 'second-instance'.
    app.quit();
    return null;
  }
  pendingOpens.push(...draftPathsFromArgv(process.argv, process.cwd()));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) focus(mainWindow);
    else if (services) openWindow(services);
    for (const file of draftPathsFromArgv(argv, workingDirectory)) requestOpen(file);
  });
  // macOS: a draft double-clicked in the Finder (also before the app is ready).
  app.on('open-file', (event, file) => {
    event.preventDefault();
    requestOpen(file);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) openWindow(services);
  });
  // The app waits for the services to stop (writes under way end, the lock files of the drafts
  // open here are removed, so nobody is told for 150 s that a draft is open on a closed app).
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void stop()
      .catch((error: unknown) => console.warn('Copydesk: could not stop cleanly:', error))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });
  await app.whenReady();
  const svc = await whenReady();
  return {
    services: svc,
    window: () => mainWindow,
    async opensHandled() {
      while (opening.size > 0) await Promise.all([...opening]);
    },
    stop,
  };
}
