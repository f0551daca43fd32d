/**
 * Registers one `ipcMain.handle` per channel of the map, each going through the dispatcher
 * (electron/api/dispatch.ts): sender check, channel check, payload validation, handler. The
 * sender is judged by the URL of the frame that sent the call, and only a window's main frame
 * counts (a subframe, were one ever loaded, gets an empty URL and is refused).
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { INVOKE_CHANNELS, eventChannel, type EventMap, type EventName } from '../../shared/ipc/channels';
import type { Dispatcher } from '../api/dispatch';
import { NO_WINDOW, type CallerShell } from '../api/handlers';
import { callerFor } from './caller';

function senderUrl(event: IpcMainInvokeEvent): string {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || frame !== event.sender.mainFrame) return '';
  return frame.url;
}

// A call from web contents that is not one of Copydesk's windows gets a shell that does nothing (NO_WINDOW).

function callerOf(contents: WebContents): CallerShell {
  const win = BrowserWindow.fromWebContents(contents);
  return win ? callerFor(win) : NO_WINDOW;
}

/** Handles every channel of the map with `dispatcher`. */
export function registerIpc(dispatcher: Dispatcher): void {
  for (const channel of INVOKE_CHANNELS) {
    // Only the first argument is the payload; the preload never sends more.
    ipcMain.handle(channel, (event, payload: unknown) => dispatcher.dispatch(channel, payload, { senderUrl: senderUrl(event), caller: callerOf(event.sender) }));
  }
}

/** Sends an event to every window. */
export function broadcast<E extends EventName>(name: E, payload: EventMap[E]): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.webContents.isDestroyed()) win.webContents.send(eventChannel(name), payload);
  }
}
