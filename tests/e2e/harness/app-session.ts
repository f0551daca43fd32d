/**
 * One test's Copydesk "main process": fresh temporary folders, the real services
 * (createAppServices with the real export writers, as electron/shell/main.ts creates them), the real
 * handler table and dispatcher, and the Playwright pages wired to them as Electron windows.
 *
 * What differs from Electron is the transport only: a page's `window.copydesk` calls arrive
 * through `page.exposeBinding` instead of `ipcMain.handle`, and events leave through
 * `page.evaluate` instead of `webContents.send`. The sender check is the real one: the
 * dispatcher trusts exactly the origin the renderer is served from, through the same
 * `devServerUrl` setting the shell uses for Vite's dev server, and each call carries the URL of
 * the frame that made it (only a main frame counts, as in electron/shell/ipc.ts).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { eventChannel, type EventMap, type EventName, type FlushReply, type MenuCommand } from '../../../shared/ipc/channels';
import { createDispatcher, type Dispatcher } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/api/handlers';
import { devServerOrigin } from '../../../electron/api/sender';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { serveWorkspaceAssets } from './asset-route';
import { preloadShimScript } from './shim-bundle';
import { TestDialogs } from './test-dialogs';

/** The name of the binding the preload shim calls. */
export const INVOKE_BINDING = '__copydeskInvoke';
const DELIVER_HOOK = '__copydeskHarnessDeliver';

/** Options of `createAppSession`. */
export interface AppSessionOptions {
  /** The origin the renderer is served from; the dispatcher trusts it and nothing else but the app scheme. */
  readonly trustedOrigin: string;
  /** Files to put in the workspace before the services start: file name → text. */
  readonly drafts?: Readonly<Record<string, string>>;
}

/**
 * Another installation of Copydesk on the same workspace folder (a colleague's desk sharing it):
 * its own userData (settings, hence its own reviewer; recovery journal; versions), services,
 * dispatcher and dialogs. Each installation's watcher sees the other's writes as external changes.
 */
export interface Installation {
  /** Its userData folder. */
  readonly userData: string;
  readonly services: AppServices;
  readonly dispatcher: Dispatcher;
  readonly dialogs: TestDialogs;
  /** Makes `page` a window of this installation (as `AppSession.attach`). */
  attach(page: Page): Promise<void>;
  /** A menu command to `page`, a window of this installation, as choosing the menu item does. */
  sendMenu(page: Page, command: MenuCommand): Promise<void>;
}

/** A test's main process. */
export interface AppSession {
  /** The folder holding everything below (removed by `dispose`). */
  readonly root: string;
  /** The workspace folder (`<root>/documents/Copydesk`, the services' default). */
  readonly workspace: string;
  /** Electron's userData folder: settings, recovery journal, versions. */
  readonly userData: string;
  /** Where `drafts.trash` moves files (the system trash, in the app). */
  readonly trashDir: string;
  readonly services: AppServices;
  readonly dispatcher: Dispatcher;
  /** The answers of the native dialogs, and what the window controls were asked. */
  readonly dialogs: TestDialogs;
  /** What the dispatcher logged (refused and failed calls). */
  readonly mainLog: string[];
  /** Makes `page` a Copydesk window: the API binding, the preload shim and the route of the workspace's images (before any navigation). */
  attach(page: Page): Promise<void>;
  /**
   * Sends an event to every window now, as the shell's `broadcast` does. `accessibility` also sets
   * what `system.accessibility` answers from then on (off at first), as in the app.
   */
  emit<E extends EventName>(name: E, payload: EventMap[E]): Promise<void>;
  /** Sends an event to the first window once its renderer called window.ready, as `sendWhenReady` does. */
  emitWhenReady<E extends EventName>(name: E, payload: EventMap[E]): Promise<void>;
  /** A menu command to the first window, as choosing the menu item does. */
  sendMenu(command: MenuCommand): Promise<void>;
  /**
   * View > Reload of `page`, as the shell's `reloadWindow` does: the `flush` event, the renderer's
   * `window.flushed` answer (or the timeout), the page reloaded, and the draft it showed reopened
   * when it was saved whole. Resolves with the answer (null: none came).
   */
  reload(page: Page): Promise<FlushReply | null>;
  /** The second installation on the same workspace, started the first time it is asked for. */
  another(): Promise<Installation>;
  /** Stops the watchers and removes the folders. */
  dispose(): Promise<void>;
}

// The file names tests may pre-fill: plain names, never paths.
function checkFileName(name: string): void {
  if (name === '' || name === '.' || name === '..' || name !== path.basename(name) || name.includes('\\')) {
    throw new Error(`drafts: ${JSON.stringify(name)} is not a plain file name (the files go into the workspace folder itself).`);
  }
}

// Hands one event to a page's listeners; a closed or navigating page simply misses it, as a closed window would.
async function deliver(page: Page, channel: string, payload: unknown): Promise<void> {
  if (page.isClosed()) return;
  try {
    await page.evaluate(
      ([hook, ch, data]) => {
        const fn = (window as unknown as Record<string, unknown>)[hook];
        return typeof fn === 'function' ? (fn as (c: string, p: unknown) => number)(ch, data) : 0;
      },
      [DELIVER_HOOK, channel, payload] as const,
    );
  } catch (error) {
    if (!page.isClosed() && !/Execution context was destroyed|Target closed|has been closed/u.test(String(error))) throw error;
  }
}

/** Creates the folders (pre-filled with `options.drafts`) and starts the real services behind the real dispatcher. */
export async function createAppSession(options: AppSessionOptions): Promise<AppSession> {
  const origin = devServerOrigin(options.trustedOrigin);
  if (origin === null) throw new Error(`${options.trustedOrigin} is not an http URL on this machine: the dispatcher would trust nothing.`);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-e2e-'));
  const userData = path.join(root, 'user-data');
  const documents = path.join(root, 'documents');
  const workspace = path.join(documents, 'Copydesk');
  const trashDir = path.join(root, 'trash');
  const exportsDir = path.join(root, 'exports');
  await Promise.all([userData, workspace, trashDir, exportsDir].map((dir) => fs.mkdir(dir, { recursive: true })));
  for (const [name, text] of Object.entries(options.drafts ?? {})) {
    checkFileName(name);
    await fs.writeFile(path.join(workspace, name), text);
  }

  const services = await createAppServices({
    userDataDir: userData,
    documentsDir: documents,
    trash: async (file) => fs.rename(file, path.join(trashDir, `${String(Date.now())}-${path.basename(file)}`)),
  });

  const mainLog: string[] = [];
  const windows: Page[] = [];
  const held: (() => Promise<void>)[] = [];
  let ready = false;
  const pending = new Set<Promise<void>>();
  // Events raised inside a call or by the watcher are sent without blocking the caller; dispose waits for them.
  const track = (promise: Promise<void>): void => {
    const settled = promise.catch((error: unknown) => void mainLog.push(`event delivery failed: ${String(error)}`)).finally(() => pending.delete(settled));
    pending.add(settled);
  };
  const broadcast = async (channel: string, payload: unknown): Promise<void> => {
    await Promise.all(windows.map((page) => deliver(page, channel, payload)));
  };

  const dialogs = new TestDialogs(exportsDir, () => {
    ready = true;
    for (const send of held.splice(0)) track(send());
  });
  // Assistive technology as the shell reports it: off, until a test emits `accessibility`.
  let accessibility = false;
  const handlers = createHandlers({ services, emit: (name, payload) => track(broadcast(eventChannel(name), payload)), accessibility: () => accessibility });
  const dispatcher = createDispatcher(handlers, { devServerUrl: origin, log: (message) => mainLog.push(message), checkDraft: services.workers.checkDraft });
  const stopWatching = services.watcher.onExternalChange((change) => track(broadcast(eventChannel('externalChange'), change)));
  // As the shell does (electron/shell/main.ts): a draft taken over by someone else is news for the windows.
  services.locks.onLockLost((lost) => track(broadcast(eventChannel('lockLost'), lost)));

  // What makes a page a window of an installation: the API binding onto its dispatcher, the preload shim, the workspace's images.
  // Each page is a window of its own for the locks (as each BrowserWindow is): closing it releases what it held.
  let pageCount = 0;
  const attachTo = async (page: Page, dispatcher: Dispatcher, dialogs: TestDialogs, owner: AppServices, pages: Page[]): Promise<void> => {
    pageCount += 1;
    const windowKey = `page-${String(pageCount)}`;
    const caller = dialogs.forWindow(windowKey);
    const folder = (): string => owner.settings.workspaceFolder();
    page.on('close', () => track(owner.locks.windowClosed(windowKey)));
    await page.exposeBinding(INVOKE_BINDING, (source, channel: unknown, payload: unknown) => {
      // As electron/shell/ipc.ts: the sender is the calling frame's URL, and only a main frame counts.
      const senderUrl = source.frame === source.page.mainFrame() ? source.frame.url() : '';
      return dispatcher.dispatch(channel, payload, { senderUrl, caller });
    });
    await page.addInitScript({ content: await preloadShimScript() });
    await serveWorkspaceAssets(page, options.trustedOrigin, folder, (message) => mainLog.push(message));
    pages.push(page);
  };

  // The second installation: same documents folder (so the same default workspace), its own userData.
  let second: Promise<{ installation: Installation; stop: () => Promise<void> }> | null = null;
  const startSecond = async (): Promise<{ installation: Installation; stop: () => Promise<void> }> => {
    const otherUserData = path.join(root, 'user-data-2');
    const otherExports = path.join(root, 'exports-2');
    await Promise.all([otherUserData, otherExports].map((dir) => fs.mkdir(dir, { recursive: true })));
    const otherServices = await createAppServices({
      userDataDir: otherUserData,
      documentsDir: documents,
      trash: async (file) => fs.rename(file, path.join(trashDir, `${String(Date.now())}-${path.basename(file)}`)),
    });
    const pages: Page[] = [];
    const send = async (channel: string, payload: unknown): Promise<void> => {
      await Promise.all(pages.map((page) => deliver(page, channel, payload)));
    };
    const otherDialogs = new TestDialogs(otherExports, () => undefined);
    const otherHandlers = createHandlers({ services: otherServices, emit: (name, payload) => track(send(eventChannel(name), payload)), accessibility: () => accessibility });
    const log = (message: string): void => void mainLog.push(`another installation: ${message}`);
    const otherDispatcher = createDispatcher(otherHandlers, { devServerUrl: origin, log, checkDraft: otherServices.workers.checkDraft });
    const stopOther = otherServices.watcher.onExternalChange((change) => track(send(eventChannel('externalChange'), change)));
    otherServices.locks.onLockLost((lost) => track(send(eventChannel('lockLost'), lost)));
    return {
      installation: {
        userData: otherUserData,
        services: otherServices,
        dispatcher: otherDispatcher,
        dialogs: otherDialogs,
        attach: (page) => attachTo(page, otherDispatcher, otherDialogs, otherServices, pages),
        sendMenu: (page, command) => deliver(page, eventChannel('menu'), { command }),
      },
      async stop() {
        stopOther();
        await otherServices.watcher.idle();
        await otherServices.dispose();
      },
    };
  };

  return {
    root,
    workspace: services.settings.workspaceFolder(),
    userData,
    trashDir,
    services,
    dispatcher,
    dialogs,
    mainLog,
    attach: (page) => attachTo(page, dispatcher, dialogs, services, windows),
    async another() {
      second ??= startSecond();
      return (await second).installation;
    },
    emit(name, payload) {
      // As the shell's state (electron/shell/accessibility-support.ts): `system.accessibility` answers the last one sent.
      if (name === 'accessibility') accessibility = (payload as EventMap['accessibility']).enabled;
      return broadcast(eventChannel(name), payload);
    },
    async emitWhenReady(name, payload) {
      const send = async (): Promise<void> => {
        const first = windows[0];
        if (first) await deliver(first, eventChannel(name), payload);
      };
      if (ready) await send();
      else held.push(send);
    },
    async sendMenu(command) {
      const first = windows[0];
      if (!first) throw new Error('sendMenu: no window is open.');
      await deliver(first, eventChannel('menu'), { command });
    },
    async reload(page) {
      const reply = await dialogs.flushes.request((request) => track(deliver(page, eventChannel('flush'), request)));
      // The new page must call window.ready before it gets events, as in the shell.
      ready = false;
      if (reply?.saved && reply.open !== null) {
        const name = reply.open;
        held.push(() => deliver(page, eventChannel('openDraft'), { name }));
      }
      await page.reload();
      return reply;
    },
    async dispose() {
      stopWatching();
      await services.watcher.idle();
      const other = await second?.catch(() => null);
      await other?.stop();
      await Promise.all([...pending]);
      // Waits for the writes under way and refuses later ones (a page still open may try one more).
      await services.dispose();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
