/**
 * Builds the application menu from menu-spec.ts. Command items send a menu command to the focused
 * window (over the `menu` event); the renderer carries it out through the API. Window actions
 * (reload) run in the main process, after the renderer saved (window.ts).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { eventChannel, type MenuCommand } from '../../shared/ipc/channels';
import { adminLinkScript, COMMAND_LINK, commandScript, linkCommand, type LinkResult } from './command-link';
import { menuSpec, type MenuSpecItem, type WindowAction } from './menu-spec';
import { reloadWindow } from './window';

/** Sends `command` to the focused window, or to the first window when none has focus. */
export function sendMenuCommand(command: MenuCommand): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (win && !win.webContents.isDestroyed()) win.webContents.send(eventChannel('menu'), { command });
}

/** Carries out `action` on the focused window, or the first window when none has focus. */
export async function runWindowAction(action: WindowAction): Promise<void> {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!win) return;
  await reloadWindow(win, action === 'force-reload').catch((error: unknown) => console.warn('Copydesk: could not reload the window:', error));
}

/** Links the `copydesk` command into /usr/local/bin (macOS), with the administrator's password when the folder needs it, and says what happened. */
export async function installCommandInPath(): Promise<void> {
  const target = commandScript(process.resourcesPath);
  let result: LinkResult | 'failed';
  let detail = '';
  try {
    result = await linkCommand(target);
    if (result.kind === 'denied') {
      await promisify(execFile)('osascript', ['-e', adminLinkScript(target)]);
      result = { kind: 'linked' };
    }
  } catch (error) {
    detail = error instanceof Error ? error.message : String(error);
    // The user cancelled the password prompt (AppleScript's error -128): nothing to say.
    if (/\(-128\)/u.test(detail)) return;
    result = 'failed';
  }
  const message =
    result === 'failed'
      ? `The command could not be installed in ${COMMAND_LINK}.`
      : result.kind === 'occupied'
      ? `${COMMAND_LINK} is already ${result.what}, which Copydesk leaves alone.`
      : `The command “copydesk” is installed in ${COMMAND_LINK}: try “copydesk --help” in a new terminal.`;
  const type = result === 'failed' || result.kind === 'occupied' ? 'warning' : 'info';
  await dialog.showMessageBox({ type, message, ...(detail === '' ? {} : { detail }) });
}

function item(spec: MenuSpecItem): MenuItemConstructorOptions {
  switch (spec.kind) {
    case 'app':
      return { label: spec.label, click: () => void installCommandInPath() };
    case 'separator':
      return { type: 'separator' };
    case 'role':
      return { role: spec.role, ...(spec.label === undefined ? {} : { label: spec.label }), ...(spec.accelerator === undefined ? {} : { accelerator: spec.accelerator }) };
    case 'window':
      return { label: spec.label, accelerator: spec.accelerator, click: () => void runWindowAction(spec.action) };
    case 'command':
      return {
        label: spec.label,
        ...(spec.accelerator === undefined ? {} : { accelerator: spec.accelerator }),
        click: () => sendMenuCommand(spec.command),
      };
  }
}

/** The application menu for this platform. */
export function buildApplicationMenu(options: { readonly dev: boolean }): Menu {
  const template: MenuItemConstructorOptions[] = menuSpec({ platform: process.platform, dev: options.dev }).map((menu) => ({
    label: menu.label,
    ...(menu.role === undefined ? {} : { role: menu.role }),
    submenu: menu.items.map(item),
  }));
  return Menu.buildFromTemplate(template);
}
