/**
 * The main window: the secure web preferences of security.ts, the size and position remembered
 * in the settings, and a close that waits for the renderer when it holds unsaved edits.
 *
 * Closing and reloading: the page goes only after its renderer put what was typed on disk. A
 * close (the window's button, Quit) or a reload (View > Reload, Ctrl+R) is held back, the renderer
 * gets the `flush` event, saves (or journals) and answers (electron/api/flush-requests.ts); then
 * the window closes, or the page reloads and reopens the draft it showed. When the renderer could
 * not save (a conflict, a disk error), a close sends it the "close" menu command instead: it asks
 * the user and calls `window.close`, which lets the close through. A renderer that crashed or
 * hangs does not hold the window hostage: after the flush's bound its work is in the journal.
 */
import { BrowserWindow, screen, type WebPreferences } from 'electron';
import { eventChannel, type EventMap, type EventName, type FlushReply } from '../../shared/ipc/channels';
import { FlushRequests } from '../api/flush-requests';
import type { AppServices } from '../services/app-services';
import { windowKeyOf } from './caller';
import { secureWebPreferences } from './security';
import { boundsToRemember, MIN_WINDOW_SIZE, restoreBounds } from './window-bounds';

/** What the shell tracks for each window. */
interface WindowState {
  dirty: boolean;
  allowClose: boolean;
  /** The renderer called `window.ready`: it listens to events. */
  ready: boolean;
  /** Events held back until then. */
  readonly held: (() => void)[];
  /** Flushes asked of the renderer and not answered yet. */
  readonly flushes: FlushRequests;
  /** A close waits for a flush. */
  closing: boolean;
}

const states = new WeakMap<BrowserWindow, WindowState>();

function stateOf(win: BrowserWindow): WindowState {
  let state = states.get(win);
  if (!state) {
    state = { dirty: false, allowClose: false, ready: false, held: [], flushes: new FlushRequests(), closing: false };
    states.set(win, state);
  }
  return state;
}

/** Records whether `win` holds unsaved edits (and shows it on macOS). */
export function setWindowDirty(win: BrowserWindow, dirty: boolean): void {
  stateOf(win).dirty = dirty;
  win.setDocumentEdited(dirty);
}

/** Sends an event to `win` once its renderer listens (at once if it already does). */
export function sendWhenReady<E extends EventName>(win: BrowserWindow, name: E, payload: EventMap[E]): void {
  const send = (): void => {
    if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(eventChannel(name), payload);
  };
  const state = stateOf(win);
  if (state.ready) send();
  else state.held.push(send);
}

/** The renderer of `win` listens to events now: sends what was held back. */
export function markWindowReady(win: BrowserWindow): void {
  const state = stateOf(win);
  state.ready = true;
  for (const send of state.held.splice(0)) send();
}

function rendererGone(win: BrowserWindow): boolean {
  return win.isDestroyed() || win.webContents.isDestroyed() || win.webContents.isCrashed();
}

/**
 * Asks the renderer of `win` to save what was typed (the `flush` event) and resolves with its
 * answer, or null when it does not listen (yet) or does not answer in time.
 */
export function flushWindow(win: BrowserWindow): Promise<FlushReply | null> {
  const state = stateOf(win);
  if (!state.ready || rendererGone(win)) return Promise.resolve(null);
  return state.flushes.request((request) => win.webContents.send(eventChannel('flush'), request));
}

/** The renderer of `win` answered a flush. */
export function windowFlushed(win: BrowserWindow, reply: FlushReply): void {
  stateOf(win).flushes.answer(reply);
}

/**
 * View > Reload (and Ctrl+R): flushes, then reloads the page (`ignoreCache`: bypassing the HTTP
 * cache) and reopens the draft it showed when that draft was saved whole; a draft that could not
 * be saved stays in the recovery journal, listed in the library.
 */
export async function reloadWindow(win: BrowserWindow, ignoreCache = false): Promise<void> {
  const reply = await flushWindow(win);
  if (rendererGone(win)) return;
  // The new page must say it is ready before it gets events (the old one would take them now).
  stateOf(win).ready = false;
  if (ignoreCache) win.webContents.reloadIgnoringCache();
  else win.webContents.reload();
  if (reply?.saved && reply.open !== null) sendWhenReady(win, 'openDraft', { name: reply.open });
}

/** Closes `win` without asking the renderer again (it asked for this). */
export function closeWindow(win: BrowserWindow): void {
  stateOf(win).allowClose = true;
  win.close();
}

/** Options of `createMainWindow`. */
export interface MainWindowOptions {
  readonly services: AppServices;
  /** Absolute path of the bundled preload script. */
  readonly preload: string;
  /** The URL to load: `copydesk://app/index.html`, or the dev server's in development. */
  readonly url: string;
  readonly devTools: boolean;
}

/** Creates and loads the main window. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea);
  const { bounds, maximized } = restoreBounds(options.services.settings.windowBounds(), workAreas);
  // The compiler checks here that Copydesk's preferences are valid Electron web preferences.
  const webPreferences: WebPreferences = { ...secureWebPreferences(options.preload, { devTools: options.devTools }) };
  // electronegativity: CONTEXT_ISOLATION_JS_CHECK contextIsolation is true in secureWebPreferences (security.ts), asserted by shell-security.test.ts.
  // electronegativity: SANDBOX_JS_CHECK sandbox is true there too, and main.ts calls app.enableSandbox() for every renderer.
  // electronegativity: AUXCLICK_JS_CHECK disableBlinkFeatures is 'Auxclick' there; a middle-click window.open is denied by harden.ts anyway.
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Copydesk',
    backgroundColor: '#ffffff',
    webPreferences,
  });
  if (maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  win.on('close', (event) => {
    const state = stateOf(win);
    if (!state.allowClose && !rendererGone(win) && (state.ready || state.dirty)) {
      event.preventDefault();
      if (state.closing) return;
      state.closing = true;
      void flushWindow(win).then((reply) => {
        state.closing = false;
        if (win.isDestroyed()) return;
        // Not saved: the renderer asks the user (save again, or close without saving).
        if (reply && !reply.saved && !rendererGone(win)) win.webContents.send(eventChannel('menu'), { command: 'close' });
        else closeWindow(win);
      });
      return;
    }
    const remembered = boundsToRemember(win.getNormalBounds(), win.isMaximized());
    options.services.settings.setWindowBounds(remembered).catch((error: unknown) => console.warn('Copydesk: could not remember the window bounds:', error));
  });
  // A page gone or replaced holds no draft any more: its locks go (the new page takes them again as it opens drafts).
  const releaseLocks = (): void => {
    options.services.locks.windowClosed(windowKeyOf(win)).catch((error: unknown) => console.warn('Copydesk: could not release the locks of a page:', error));
  };
  win.webContents.on('render-process-gone', (_event, details) => {
    console.warn(`Copydesk: the renderer went away (${details.reason}); unsaved work is in the recovery journal.`);
    releaseLocks();
    const state = stateOf(win);
    state.dirty = false;
    state.ready = false;
    state.flushes.abandon();
  });

  // A reload starts a new page, which must say it is ready again before it gets events.
  win.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) {
      stateOf(win).ready = false;
      releaseLocks();
    }
  });
  void win.loadURL(options.url);
  return win;
}
