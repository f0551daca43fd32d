/**
 * The application menu as data: the five menus (plus the app menu on macOS), every menu command
 * reachable, the usual accelerators, none used twice, and developer items only in development.
 */
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../shared/ipc/channels';
import { menuSpec, type MenuSpec } from '../../electron/shell/menu-spec';

const items = (menus: MenuSpec[]) => menus.flatMap((menu) => menu.items);

describe.each(['linux', 'win32', 'darwin'])('menu on %s', (platform) => {
  const menus = menuSpec({ platform, dev: false });

  it('has File, Edit, View, Window and Help', () => {
    const labels = menus.map((menu) => menu.label);
    expect(labels.slice(platform === 'darwin' ? 1 : 0)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(menus.find((m) => m.label === 'Window')?.role).toBe('window');
    expect(menus.find((m) => m.label === 'Help')?.role).toBe('help');
  });

  it('reaches every menu command once', () => {
    const commands = items(menus).flatMap((item) => (item.kind === 'command' ? [item.command] : []));
    expect([...commands].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('has the usual accelerators, each used once', () => {
    const accelerators = new Map(items(menus).flatMap((item) => (item.kind === 'command' && item.accelerator ? [[item.command, item.accelerator] as const] : [])));
    expect(Object.fromEntries(accelerators)).toMatchObject({
      new: 'CmdOrCtrl+N',
      open: 'CmdOrCtrl+O',
      save: 'CmdOrCtrl+S',
      'save-as': 'CmdOrCtrl+Shift+S',
      close: 'CmdOrCtrl+W',
      'export-html': 'CmdOrCtrl+E',
      'export-markdown': 'CmdOrCtrl+Shift+E',
    });
    const all = items(menus).flatMap((item) => (item.kind !== 'separator' && item.kind !== 'app' && item.accelerator ? [item.accelerator] : []));
    expect(new Set(all).size).toBe(all.length);
  });

  it('edits with the standard roles, so undo and the clipboard reach the editor', () => {
    const edit = menus.find((m) => m.label === 'Edit')?.items.flatMap((item) => (item.kind === 'role' ? [item.role] : [])) ?? [];
    expect(edit).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll']);
  });

  it('finds and replaces from Edit, with shortcuts that collide with nothing (Cmd+H hides the app on macOS)', () => {
    const edit = menus.find((m) => m.label === 'Edit')?.items ?? [];
    const find = Object.fromEntries(edit.flatMap((item) => (item.kind === 'command' && !item.command.startsWith('review-') ? [[item.command, item.accelerator]] : [])));
    const mac = platform === 'darwin';
    expect(find).toEqual({
      find: 'CmdOrCtrl+F',
      'find-next': mac ? 'Cmd+G' : 'F3',
      'find-previous': mac ? 'Cmd+Shift+G' : 'Shift+F3',
      replace: mac ? 'Cmd+Shift+H' : 'Ctrl+H',
    });
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (dev: boolean) => items(menuSpec({ platform, dev })).flatMap((item) => (item.kind === 'role' ? [item.role] : []));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
    const actions = (dev: boolean) => items(menuSpec({ platform, dev })).flatMap((item) => (item.kind === 'window' ? [[item.action, item.accelerator]] : []));
    expect(actions(false)).toEqual([]);
    expect(actions(true)).toEqual([
      ['reload', 'CmdOrCtrl+R'],
      ['force-reload', 'Shift+CmdOrCtrl+R'],
    ]);
  });

  it('reloads through the main process, never with the reload roles of Electron (they drop what was typed in the last second)', () => {
    const all = items(menuSpec({ platform, dev: true })).flatMap((item) => (item.kind === 'role' ? [item.role as string] : []));
    expect(all).not.toContain('reload');
    expect(all).not.toContain('forceReload');
  });

  it('can quit', () => {
    expect(items(menus).some((item) => item.kind === 'role' && item.role === 'quit')).toBe(true);
  });
});
