/**
 * The application menu as data (no 'electron' import, so tests assert it): File, Edit, View,
 * Window and Help (and the application menu on macOS), with the usual accelerators. Items that
 * act on the draft are menu commands sent to the focused window's renderer, which carries them
 * out through the API; window actions (reload) are carried out by the main process itself; the
 * rest are Electron roles (undo, copy, zoom…). The labels and accelerators of commands and window
 * actions are the command table's (shared/commands.ts); menu.ts builds the menu.
 */
import { accelerator, command as commandSpec, isMac } from '../../shared/commands';
import { exportMenuItems } from '../../shared/export/format-uses';
import type { MenuCommand } from '../../shared/ipc/channels';

/** The Electron roles this menu uses (menu.ts checks them against Electron's own list). */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'window'
  | 'help';

/**
 * What the main process does itself to the focused window: reload its page after the renderer
 * saved what was typed (electron/shell/window.ts `reloadWindow`), bypassing the cache with 'force-reload'.
 */
export type WindowAction = 'reload' | 'force-reload';

/** What the main process does for the whole app: put the `copydesk` command on macOS's PATH (command-link.ts). */
export type AppAction = 'install-command';

/** One menu item. */
export type MenuSpecItem =
  | { readonly kind: 'app'; readonly label: string; readonly action: AppAction }
  | { readonly kind: 'command'; readonly label: string; readonly command: MenuCommand; readonly accelerator?: string }
  | { readonly kind: 'window'; readonly label: string; readonly action: WindowAction; readonly accelerator: string }
  | { readonly kind: 'role'; readonly role: MenuRole; readonly label?: string; readonly accelerator?: string }
  | { readonly kind: 'separator' };

/** One top-level menu. */
export interface MenuSpec {
  readonly label: string;
  /** A role for the whole menu (macOS gives the Window and Help menus their system items). */
  readonly role?: 'window' | 'help';
  readonly items: readonly MenuSpecItem[];
}

const sep: MenuSpecItem = { kind: 'separator' };
const role = (r: MenuRole, label?: string): MenuSpecItem => (label === undefined ? { kind: 'role', role: r } : { kind: 'role', role: r, label });

/**
 * The menus for `platform` (`process.platform`). Reload and the developer tools appear only in
 * development: a reload throws away the renderer's state, and the tools are not for reporters.
 */
export function menuSpec(options: { readonly platform: string; readonly dev: boolean }): MenuSpec[] {
  const mac = isMac(options.platform);
  // A menu command, or a window action, with its label and accelerator from the command table.
  const command = (cmd: MenuCommand): MenuSpecItem => {
    const keys = accelerator(cmd, options.platform);
    const label = commandSpec(cmd).label;
    return keys === undefined ? { kind: 'command', label, command: cmd } : { kind: 'command', label, command: cmd, accelerator: keys };
  };
  const windowAction = (action: WindowAction): MenuSpecItem => ({ kind: 'window', label: commandSpec(action).label, action, accelerator: accelerator(action, options.platform) ?? '' });
  const menus: MenuSpec[] = [];
  if (mac) {
    // On macOS the first menu is the application menu, whatever its label.
    menus.push({
      label: 'Copydesk',
      items: [
        role('about', 'About Copydesk'),
        sep,
        // Only an installed app has the command's script to link to.
        ...(options.dev ? [] : [{ kind: 'app', label: 'Install ‘copydesk’ Command in PATH…', action: 'install-command' } as const, sep]),
        role('services'),
        sep,
        role('hide', 'Hide Copydesk'),
        role('hideOthers'),
        role('unhide'),
        sep,
        role('quit', 'Quit Copydesk'),
      ],
    });
  }
  menus.push({
    label: 'File',
    items: [
      command('new'),
      command('open'),
      command('import'),
      sep,
      command('save'),
      command('save-as'),
      command('duplicate'),
      command('rename'),
      command('trash'),
      sep,
      ...exportMenuItems().map((item) => command(item.command)),
      sep,
      command('choose-workspace'),
      sep,
      command('close'),
      ...(mac ? [] : [role('quit', 'Quit')]),
    ],
  });
  menus.push({
    label: 'Edit',
    items: [
      role('undo'),
      role('redo'),
      sep,
      role('cut'),
      role('copy'),
      role('paste'),
      role('pasteAndMatchStyle'),
      role('delete'),
      sep,
      role('selectAll'),
      sep,
      // Find Next/Previous: F3 on Windows and Linux, Cmd+G on macOS; Replace: Ctrl+H, or
      // Cmd+Shift+H on macOS (shared/commands.ts says why).
      command('find'),
      command('find-next'),
      command('find-previous'),
      command('replace'),
      sep,
      command('review-comment'),
      command('review-next'),
      command('review-previous'),
    ],
  });
  menus.push({
    label: 'View',
    items: [
      // Not Electron's reload roles: those drop the page at once, with what was typed in the last second.
      ...(options.dev
        ? [
            windowAction('reload'),
            windowAction('force-reload'),
            role('toggleDevTools'),
            sep,
          ]
        : []),
      command('desktop-preview'),
      sep,
      command('mode-editing'),
      command('mode-suggesting'),
      command('mode-viewing'),
      command('review-name'),
      sep,
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      sep,
      role('togglefullscreen'),
    ],
  });
  menus.push({
    label: 'Window',
    role: 'window',
    items: [role('minimize'), role('zoom'), ...(mac ? [sep, role('front')] : [])],
  });
  menus.push({ label: 'Help', role: 'help', items: mac ? [] : [role('about', 'About Copydesk')] });
  return menus;
}
