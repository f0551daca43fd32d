/**
 * The application menu as data (no 'electron' import, so tests assert it): File, Edit, View,
 * Window and Help (and the application menu on macOS), with the usual accelerators. Items that
 * act on the draft are menu commands sent to the focused window's renderer, which carries them
 * out through the API; window actions (reload) are carried out by the main process itself; the
 * rest are Electron roles (undo, copy, zoom…). menu.ts builds the menu.
 */
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

/** One menu item. */
export type MenuSpecItem =
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

/** The shortcuts of the export items (shared/export/formats.ts gives the items themselves); a format may have none. */
const EXPORT_ACCELERATORS: Partial<Record<MenuCommand, string>> = { 'export-html': 'CmdOrCtrl+E', 'export-markdown': 'CmdOrCtrl+Shift+E' };

const sep: MenuSpecItem = { kind: 'separator' };
const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuSpecItem =>
  accelerator === undefined ? { kind: 'command', label, command: cmd } : { kind: 'command', label, command: cmd, accelerator };
const role = (r: MenuRole, label?: string): MenuSpecItem => (label === undefined ? { kind: 'role', role: r } : { kind: 'role', role: r, label });

/**
 * The menus for `platform` (`process.platform`). Reload and the developer tools appear only in
 * development: a reload throws away the renderer's state, and the tools are not for reporters.
 */
export function menuSpec(options: { readonly platform: string; readonly dev: boolean }): MenuSpec[] {
  const mac = options.platform === 'darwin';
  const menus: MenuSpec[] = [];
  if (mac) {
    // On macOS the first menu is the application menu, whatever its label.
    menus.push({
      label: 'Copydesk',
      items: [role('about', 'About Copydesk'), sep, role('services'), sep, role('hide', 'Hide Copydesk'), role('hideOthers'), role('unhide'), sep, role('quit', 'Quit Copydesk')],
    });
  }
  menus.push({
    label: 'File',
    items: [
      command('New', 'new', 'CmdOrCtrl+N'),
      command('Open…', 'open', 'CmdOrCtrl+O'),
      command('Import…', 'import'),
      sep,
      command('Save', 'save', 'CmdOrCtrl+S'),
      command('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
      command('Duplicate', 'duplicate', 'CmdOrCtrl+Shift+D'),
      command('Rename…', 'rename'),
      command('Move to Trash', 'trash'),
      sep,
      ...exportMenuItems().map((item) => command(item.label, item.command, EXPORT_ACCELERATORS[item.command])),
      sep,
      command('Choose Workspace Folder…', 'choose-workspace'),
      sep,
      command('Close', 'close', 'CmdOrCtrl+W'),
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
      // Find Next/Previous: F3 where Windows and Linux users expect it, Cmd+G on macOS (the
      // editor takes both everywhere). Replace: Ctrl+H (Word, Google Docs); on macOS Cmd+H hides
      // the app and Cmd+Alt+F is Cite source, so Cmd+Shift+H (Google Docs on macOS).
      command('Find…', 'find', 'CmdOrCtrl+F'),
      command('Find Next', 'find-next', mac ? 'Cmd+G' : 'F3'),
      command('Find Previous', 'find-previous', mac ? 'Cmd+Shift+G' : 'Shift+F3'),
      command('Replace…', 'replace', mac ? 'Cmd+Shift+H' : 'Ctrl+H'),
    ],
  });
  menus.push({
    label: 'View',
    items: [
      // Not Electron's reload roles: those drop the page at once, with what was typed in the last second.
      ...(options.dev
        ? [
            { kind: 'window', label: 'Reload', action: 'reload', accelerator: 'CmdOrCtrl+R' } as const,
            { kind: 'window', label: 'Force Reload', action: 'force-reload', accelerator: 'Shift+CmdOrCtrl+R' } as const,
            role('toggleDevTools'),
            sep,
          ]
        : []),
      command('Desktop Preview', 'desktop-preview', 'CmdOrCtrl+Shift+P'),
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
