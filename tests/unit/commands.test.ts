/**
 * The command table (shared/commands.ts) and what is built from it: the editor's keymap
 * (renderer/editor/keymap.ts), the application menu's items and accelerators
 * (electron/shell/menu-spec.ts), the toolbar's and the find bar's tooltips
 * (renderer/app/draft-screen/shortcut-text.ts). The expected values are the ones the app showed
 * before the table existed; a key, label, accelerator or tooltip that drifts fails here.
 */
import { readFileSync } from 'node:fs';
import { findNext, findPrevious } from '../../renderer/editor/find';
import { setParagraph, toggleBlockquote, toggleEm, toggleStrong } from '../../renderer/editor/commands';
import { editorBindings } from '../../renderer/editor/keymap';
import { redo, undo } from 'prosemirror-history';
import { undoInputRule } from 'prosemirror-inputrules';
import { describe, expect, it } from 'vitest';
import { findBarKeys, styleBoxKeys, toolText } from '../../renderer/app/draft-screen/shortcut-text';
import { menuSpec, type MenuSpec } from '../../electron/shell/menu-spec';
import { accelerator, ariaKeys, COMMAND_IDS, COMMANDS, command, commandKeys, editorKeyTable, isMac, shortcutText, toAccelerator, tooltipKeys, type CommandId } from '../../shared/commands';
import { MENU_COMMANDS } from '../../shared/ipc/channels';

const PLATFORMS = [
  { platform: 'linux', mac: false },
  { platform: 'win32', mac: false },
  { platform: 'darwin', mac: true },
] as const;

describe('isMac', () => {
  it('knows macOS by its Node name and its browser names, and nothing else', () => {
    for (const p of ['darwin', 'MacIntel', 'Macintosh', 'iPhone', 'iPad', 'iPod']) expect(isMac(p), p).toBe(true);
    for (const p of ['linux', 'win32', 'Win32', 'Linux x86_64', 'freebsd', '']) expect(isMac(p), p).toBe(false);
  });
});

describe('conversions', () => {
  it('turns ProseMirror keys into accelerators, tooltip text and aria-keyshortcuts', () => {
    expect(toAccelerator('Mod-Shift-s')).toBe('CmdOrCtrl+Shift+S');
    expect(toAccelerator('Shift-Mod-r')).toBe('Shift+CmdOrCtrl+R');
    expect(toAccelerator('Mod-g', 'Cmd')).toBe('Cmd+G');
    expect(toAccelerator('Shift-F3', 'Ctrl')).toBe('Shift+F3');
    expect(toAccelerator('Mod-ArrowUp', 'Cmd')).toBe('Cmd+Up');
    expect(shortcutText('Mod-Alt-f', false)).toBe('Ctrl+Alt+F');
    expect(shortcutText('Mod-Alt-f', true)).toBe('⌘⌥F');
    expect(shortcutText('Mod-Shift-z', true)).toBe('⌘Shift+Z');
    expect(shortcutText('Mod-Shift-h', true, { shift: 'symbol' })).toBe('⌘⇧H');
    expect(shortcutText('Mod--', false)).toBe('Ctrl+-');
    expect(ariaKeys('cite', false)).toBe('Control+Alt+F');
    expect(ariaKeys('cite', true)).toBe('Meta+Alt+F');
  });
});

// The editor's own bindings as keymap.ts wrote them before the table.
const EDITOR_KEYS_BEFORE = (mac: boolean): Record<string, CommandId> => ({
  'Mod-z': 'undo',
  'Mod-Shift-z': 'redo',
  'Mod-y': 'redo',
  'Mod-b': 'bold',
  'Mod-i': 'italic',
  'Mod-k': 'link',
  'Mod-Alt-f': 'cite',
  'Mod-Alt-r': 'read-also',
  'Mod-Alt-2': 'heading-2',
  'Mod-Alt-3': 'heading-3',
  'Mod-Alt-4': 'heading-4',
  'Mod-Alt-0': 'paragraph',
  'Mod-Shift-8': 'bullet-list',
  'Mod-Shift-7': 'ordered-list',
  'Mod-Shift-9': 'quote',
  'Mod-f': 'find',
  [mac ? 'Mod-Shift-h' : 'Mod-h']: 'replace',
  F3: 'find-next',
  'Mod-g': 'find-next',
  'Shift-F3': 'find-previous',
  'Mod-Shift-g': 'find-previous',
  Enter: 'new-paragraph',
  'Shift-Enter': 'line-break',
  Tab: 'indent',
  'Shift-Tab': 'outdent',
  Backspace: 'undo-input-rule',
  [mac ? 'Mod-ArrowUp' : 'Mod-Home']: 'text-start',
  [mac ? 'Mod-ArrowDown' : 'Mod-End']: 'text-end',
  [mac ? 'Shift-Mod-ArrowUp' : 'Shift-Mod-Home']: 'select-to-text-start',
  [mac ? 'Shift-Mod-ArrowDown' : 'Shift-Mod-End']: 'select-to-text-end',
  PageUp: 'page-up',
  PageDown: 'page-down',
  'Shift-PageUp': 'select-page-up',
  'Shift-PageDown': 'select-page-down',
  // Review (issue 12), added with the table.
  'Mod-Alt-m': 'review-comment',
  'Mod-Alt-ArrowDown': 'review-next',
  'Mod-Alt-ArrowUp': 'review-previous',
  'Mod-Alt-Enter': 'review-accept',
  'Mod-Alt-Backspace': 'review-reject',
  Escape: 'review-back-to-card',
});

// A key as ProseMirror's keymap compares it: modifiers in one order.
const normalized = (key: string): string => {
  const all = key.split(/-(?!$)/u);
  const base = all.pop() ?? '';
  return [...all.sort(), base].join('-');
};

describe.each([false, true])('the editor keymap (mac: %s)', (mac) => {
  it('binds the keys it bound before the table, to the same commands', () => {
    expect(editorKeyTable(mac)).toEqual(EDITOR_KEYS_BEFORE(mac));
  });

  it('is built from the table: exactly its keys, none bound twice', () => {
    const bindings = editorBindings(mac);
    expect(Object.keys(bindings).sort()).toEqual(Object.keys(editorKeyTable(mac)).sort());
    const keys = Object.keys(bindings).map(normalized);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('runs the command each id names', () => {
    const bindings = editorBindings(mac);
    const expected: [string, unknown][] = [
      ['Mod-z', undo],
      ['Mod-Shift-z', redo],
      ['Mod-y', redo],
      ['Mod-b', toggleStrong],
      ['Mod-i', toggleEm],
      ['Mod-Alt-0', setParagraph],
      ['Mod-Shift-9', toggleBlockquote],
      ['F3', findNext],
      ['Mod-g', findNext],
      ['Shift-F3', findPrevious],
      ['Mod-Shift-g', findPrevious],
      ['Backspace', undoInputRule],
    ];
    for (const [key, fn] of expected) expect(bindings[key], key).toBe(fn);
    // Every key of one command runs one function.
    for (const id of COMMAND_IDS) {
      const fns = new Set(commandKeys(id, mac).map((key) => bindings[key]));
      if (command(id).editor) expect(fns.size, id).toBe(1);
    }
  });
});

// The menu's command items as menu-spec.ts wrote them before the table.
const MENU_BEFORE = (mac: boolean): Record<string, [string, string, string | undefined]> => ({
  new: ['File', 'New', 'CmdOrCtrl+N'],
  open: ['File', 'Open…', 'CmdOrCtrl+O'],
  import: ['File', 'Import…', undefined],
  save: ['File', 'Save', 'CmdOrCtrl+S'],
  'save-as': ['File', 'Save As…', 'CmdOrCtrl+Shift+S'],
  duplicate: ['File', 'Duplicate', 'CmdOrCtrl+Shift+D'],
  rename: ['File', 'Rename…', undefined],
  trash: ['File', 'Move to Trash', undefined],
  'export-html': ['File', 'Export as HTML…', 'CmdOrCtrl+E'],
  'export-markdown': ['File', 'Export as Markdown…', 'CmdOrCtrl+Shift+E'],
  'export-docx': ['File', 'Export as Word…', undefined],
  'choose-workspace': ['File', 'Choose Workspace Folder…', undefined],
  close: ['File', 'Close', 'CmdOrCtrl+W'],
  find: ['Edit', 'Find…', 'CmdOrCtrl+F'],
  'find-next': ['Edit', 'Find Next', mac ? 'Cmd+G' : 'F3'],
  'find-previous': ['Edit', 'Find Previous', mac ? 'Cmd+Shift+G' : 'Shift+F3'],
  replace: ['Edit', 'Replace…', mac ? 'Cmd+Shift+H' : 'Ctrl+H'],
  // Issue 12: comments and moving between changes (accept and reject stay in the review panel).
  'review-comment': ['Edit', 'Comment', 'CmdOrCtrl+Alt+M'],
  'review-next': ['Edit', 'Next Change', 'CmdOrCtrl+Alt+Down'],
  'review-previous': ['Edit', 'Previous Change', 'CmdOrCtrl+Alt+Up'],
  'desktop-preview': ['View', 'Desktop Preview', 'CmdOrCtrl+Shift+P'],
  // Issue 12: the review modes (Google Docs' keys) and the reviewer's name.
  'mode-editing': ['View', 'Editing', 'CmdOrCtrl+Alt+Shift+Z'],
  'mode-suggesting': ['View', 'Suggesting', 'CmdOrCtrl+Alt+Shift+X'],
  'mode-viewing': ['View', 'Viewing', 'CmdOrCtrl+Alt+Shift+C'],
  'review-name': ['View', 'Your Name in Review…', undefined],
  reload: ['View', 'Reload', 'CmdOrCtrl+R'],
  'force-reload': ['View', 'Force Reload', 'Shift+CmdOrCtrl+R'],
});

// Menu, label and accelerator of each command and window action item of the menus.
const menuItems = (menus: MenuSpec[]): Record<string, [string, string, string | undefined]> =>
  Object.fromEntries(
    menus.flatMap((menu) =>
      menu.items.flatMap((item): [string, [string, string, string | undefined]][] => {
        if (item.kind === 'command') return [[item.command, [menu.label, item.label, item.accelerator]]];
        if (item.kind === 'window') return [[item.action, [menu.label, item.label, item.accelerator]]];
        return [];
      }),
    ),
  );

describe.each(PLATFORMS)('the application menu on $platform', ({ platform, mac }) => {
  const menus = menuSpec({ platform, dev: true });

  it('has the labels and accelerators it had before the table', () => {
    expect(menuItems(menus)).toEqual(MENU_BEFORE(mac));
  });

  it('takes every command item from the table: its menu, label and accelerator', () => {
    const items = menuItems(menus);
    const placed = COMMAND_IDS.filter((id) => command(id).menu !== undefined);
    expect(Object.keys(items).sort()).toEqual([...placed].sort());
    for (const id of placed) expect(items[id], id).toEqual([command(id).menu, command(id).label, accelerator(id, platform)]);
  });

  it('sends every menu command of the IPC channel map, and those are the table’s menu commands', () => {
    const sent = menus.flatMap((menu) => menu.items.flatMap((item) => (item.kind === 'command' ? [item.command] : [])));
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
    for (const id of MENU_COMMANDS) expect(COMMANDS[id].menu, id).toBeDefined();
  });

  it('gives an editor command the accelerator of a key the editor binds too', () => {
    const table = editorKeyTable(mac);
    for (const id of COMMAND_IDS) {
      if (!command(id).menu || !command(id).editor) continue;
      expect(table[commandKeys(id, mac)[0] ?? ''], id).toBe(id);
    }
  });
});

// The toolbar's tooltips (title "Label (shortcut)") and aria-keyshortcuts before the table.
const TOOLBAR_BEFORE = (mac: boolean): Record<string, [string, string, string | undefined]> => {
  const m = mac ? '⌘' : 'Ctrl+';
  const a = mac ? '⌥' : 'Alt+';
  const aria = mac ? 'Meta' : 'Control';
  return {
    undo: ['Undo', `${m}Z`, `${aria}+Z`],
    redo: ['Redo', `${m}Shift+Z`, `${aria}+Shift+Z`],
    bold: ['Bold', `${m}B`, `${aria}+B`],
    italic: ['Italic', `${m}I`, `${aria}+I`],
    link: ['Link', `${m}K`, `${aria}+K`],
    'bullet-list': ['Bulleted list', `${m}Shift+8`, undefined],
    'ordered-list': ['Numbered list', `${m}Shift+7`, undefined],
    quote: ['Quote', `${m}Shift+9`, undefined],
    cite: ['Cite source', `${m}${a}F`, `${aria}+Alt+F`],
    'read-also': ['Insert “Read also” block', `${m}${a}R`, `${aria}+Alt+R`],
  };
};

describe.each([false, true])('the draft screen’s tooltips (mac: %s)', (mac) => {
  it('show the toolbar’s shortcuts as before the table, and announce the same ones', () => {
    for (const [id, [label, shortcut, aria]] of Object.entries(TOOLBAR_BEFORE(mac))) {
      expect(toolText(id as CommandId, mac), id).toEqual({ label, shortcut, ...(aria === undefined ? {} : { ariaShortcut: aria }) });
    }
    expect(styleBoxKeys(mac)).toBe(mac ? '⌘⌥0, 2, 3, 4' : 'Ctrl+Alt+0, 2, 3, 4');
  });

  it('show the find bar’s shortcuts as before the table', () => {
    expect(findBarKeys(mac)).toEqual({ replace: mac ? '⌘⇧H' : 'Ctrl+H', next: mac ? 'F3, ⌘G' : 'F3, Ctrl+G', previous: 'Shift+F3' });
  });

  it('promise only keys that the editor binds to that command', () => {
    const table = editorKeyTable(mac);
    for (const id of Object.keys(TOOLBAR_BEFORE(mac)) as CommandId[]) {
      const key = commandKeys(id, mac)[0] ?? '';
      expect(table[key], id).toBe(id);
      expect(tooltipKeys(id, mac)).toBe(shortcutText(key, mac));
    }
  });
});

describe('no shortcut outside the table', () => {
  // Code (comments removed) of the files built from the table: no key written there.
  const code = (file: string): string =>
    readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//gu, '')
      .replace(/^\s*\/\/.*$/gmu, '');
  it.each(['renderer/editor/keymap.ts', 'electron/shell/menu-spec.ts', 'renderer/app/draft-screen/Toolbar.tsx', 'renderer/app/draft-screen/ToolbarMenu.tsx', 'renderer/app/draft-screen/FindBar.tsx'])('%s', (file) => {
    const text = code(file);
    expect(text).not.toMatch(/['"`][^'"`\n]*(?:Mod-|CmdOrCtrl|Ctrl\+|Cmd\+|⌘|⌥|Shift\+[A-Z0-9](?![a-z]))/u);
    expect(text).not.toMatch(/navigator\.platform|'darwin'/u);
  });
});
