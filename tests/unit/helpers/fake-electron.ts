/**
 * A stand-in for the parts of the 'electron' module that electron/shell uses, recording what the
 * shell asks of it, so that a Vitest test can check the shell's wiring (what is registered, when,
 * with which options) on a machine without the Electron binary. It checks wiring only: whether
 * Electron honours those options is for the real-binary suite in tests/electron.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

/** What the shell did, in order. */
export const calls: string[] = [];

class Emitter extends EventEmitter {
  override on(event: string | symbol, listener: Listener): this {
    return super.on(event, listener);
  }
}

/** A frame: its URL and whether it is a main frame. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** Fake web contents: records sends; lets tests emit its events. */
export class FakeWebContents extends Emitter {
  readonly sent: [string, unknown][] = [];
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  crashed = false;
  /** Reloads asked for: 'reload' or 'ignore-cache'. */
  readonly reloads: string[] = [];

  reload(): void {
    this.reloads.push('reload');
  }
  reloadIgnoringCache(): void {
    this.reloads.push('ignore-cache');
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
    this.emit('test:sent');
  }
  /**
   * The payload of the first message on `channel` at index `from` or later of `sent`, once it is
   * sent (at once if it was): tests wait for the shell's sends instead of sleeping. Rejects when
   * nothing comes within `ms` (a bound for a failing test, not a pause).
   */
  waitForSent(channel: string, from = 0, ms = 5000): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.sent.slice(from).find(([name]) => name === channel);
        if (found) resolve(found[1]);
        return found !== undefined;
      };
      if (check()) return;
      const timer = setTimeout(() => {
        this.off('test:sent', listener);
        reject(new Error(`nothing sent on ${channel} within ${String(ms)} ms`));
      }, ms);
      const listener = (): void => {
        if (!check()) return;
        clearTimeout(timer);
        this.off('test:sent', listener);
      };
      this.on('test:sent', listener);
    });
  }
  isDestroyed(): boolean {
    return false;
  }
  isCrashed(): boolean {
    return this.crashed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

/** Fake BrowserWindow. */
export class BrowserWindow extends Emitter {
  static readonly all: BrowserWindow[] = [];
  private static lastId = 0;
  /** Unique per window, as Electron's. */
  readonly id = ++BrowserWindow.lastId;
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  url = '';
  closedCount = 0;
  documentEdited = false;
  maximized = false;

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    BrowserWindow.all.push(this);
    calls.push('new BrowserWindow');
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all;
  }
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.all[0] ?? null;
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }
  async loadURL(url: string): Promise<void> {
    this.url = url;
    this.webContents.mainFrame.url = url;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
  setDocumentEdited(edited: boolean): void {
    this.documentEdited = edited;
  }
  /** Emits 'close' like Electron, then 'closed' unless a listener prevented it; returns true when one did. */
  close(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.closedCount += 1;
      this.emit('closed');
    }
    return prevented;
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  show(): void {}
}

/** Fake session with a protocol registry and recorded handlers. */
export const defaultSession = Object.assign(new Emitter(), {
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  permissionRequest: null as Listener | null,
  permissionCheck: null as Listener | null,
  devicePermission: null as Listener | null,
  protocol: {
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
      calls.push(`protocol.handle ${scheme}`);
      defaultSession.protocolHandlers.set(scheme, handler);
    },
  },
  setPermissionRequestHandler(handler: Listener): void {
    defaultSession.permissionRequest = handler;
  },
  setPermissionCheckHandler(handler: Listener): void {
    defaultSession.permissionCheck = handler;
  },
  setDevicePermissionHandler(handler: Listener): void {
    defaultSession.devicePermission = handler;
  },
  webRequest: { onHeadersReceived: (): void => void calls.push('onHeadersReceived') },
});

let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  resolveReady = resolve;
});

/** Fake app. */
export const app = Object.assign(new Emitter(), {
  isPackaged: false,
  paths: new Map<string, string>(),
  quitCount: 0,
  /** What `isAccessibilitySupportEnabled` answers (tests emit 'accessibility-support-changed' for changes). */
  accessibilitySupport: false,
  isAccessibilitySupportEnabled(): boolean {
    return app.accessibilitySupport;
  },
  setPath(name: string, value: string): void {
    calls.push(`app.setPath ${name}`);
    app.paths.set(name, value);
  },
  getPath(name: string): string {
    return app.paths.get(name) ?? `/nonexistent/${name}`;
  },
  enableSandbox(): void {
    calls.push('app.enableSandbox');
  },
  requestSingleInstanceLock(): boolean {
    calls.push('app.requestSingleInstanceLock');
    return true;
  },
  whenReady(): Promise<void> {
    return ready;
  },
  quit(): void {
    app.quitCount += 1;
  },
  exit(): void {},
  getAppMetrics: () => [],
});

/** Lets the fake app become ready. */
export function makeReady(): void {
  calls.push('ready');
  resolveReady();
}

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown): void {
    calls.push(`protocol.registerSchemesAsPrivileged ${JSON.stringify(schemes)}`);
  },
};

/** Registered IPC handlers, by channel. */
export const ipcHandlers = new Map<string, Listener>();
export const ipcMain = {
  handle(channel: string, handler: Listener): void {
    ipcHandlers.set(channel, handler);
  },
};

/** URLs handed to the OS. */
export const openedExternally: string[] = [];
export const shell = {
  openExternal: async (url: string): Promise<void> => void openedExternally.push(url),
  trashItem: async (): Promise<void> => undefined,
};

/** Answers the fake dialogs give. */
export const dialogAnswers = { messageBox: 0 };
export const dialog = {
  showMessageBox: async (): Promise<{ response: number }> => ({ response: dialogAnswers.messageBox }),
  showOpenDialog: async (): Promise<{ canceled: boolean; filePaths: string[] }> => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async (): Promise<{ canceled: boolean; filePath: string }> => ({ canceled: true, filePath: '' }),
  showErrorBox: (title: string, content: string): void => void calls.push(`showErrorBox ${title}: ${content}`),
};

/** The menu the shell set. */
export const menuState: { template: unknown[] | null } = { template: null };
export const Menu = {
  buildFromTemplate: (template: unknown[]): unknown => ({ template }),
  setApplicationMenu: (menu: { template: unknown[] }): void => {
    menuState.template = menu.template;
  },
};

export const screen = {
  getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const session = { defaultSession };
