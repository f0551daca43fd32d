/**
 * Every command that has a shortcut or a place in the application menu, once: its id, its label,
 * its keys per platform and where it is offered. The editor's keymap (renderer/editor/keymap.ts),
 * the toolbar's tooltips and `aria-keyshortcuts` (renderer/app/draft-screen/Toolbar.tsx), the find
 * bar's tooltips and the application menu's items and accelerators (electron/shell/menu-spec.ts)
 * are built from it; tests/unit/commands.test.ts checks them against it.
 *
 * Keys are written in ProseMirror's notation (`Mod-b`, `Shift-F3`, `Mod-Alt-2`; `Mod` is Cmd on
 * macOS and Ctrl elsewhere), the first one being the one shown in menus and tooltips. This module
 * is the one place that turns them into Electron accelerators (`CmdOrCtrl+B`), tooltip text
 * (`Ctrl+B`, `⌘B`) and `aria-keyshortcuts` values (`Control+B`, `Meta+B`), and `isMac` is the
 * one test of the platform.
 */
import { exportMenuItems } from './export/format-uses';
import type { EXPORT_FORMATS } from './export/formats';

/** Whether `platform` is macOS: Node's `process.platform` ('darwin') or the browser's `navigator.platform` ('MacIntel', 'iPad'…). */
export function isMac(platform: string): boolean {
  return platform === 'darwin' || /Mac|iP(hone|[oa]d)/u.test(platform);
}

/** Keys in ProseMirror's notation, the same on every platform or different on macOS ('mac') and elsewhere ('other'). */
export type Keys = readonly string[] | { readonly mac: readonly string[]; readonly other: readonly string[] };

/** The menus of the application menu that hold commands. */
export type MenuName = 'File' | 'Edit' | 'View';

/** One command. */
export interface CommandSpec {
  /** As the menu item or the toolbar button is named (the toolbar may say "Edit link" for Link). */
  readonly label: string;
  /** Its shortcuts, the first one shown; none when it has no shortcut. */
  readonly keys?: Keys;
  /** Bound by the editor's keymap (renderer/editor/keymap.ts). */
  readonly editor?: true;
  /** The application menu it is an item of. */
  readonly menu?: MenuName;
  /**
   * False: the toolbar does not announce the shortcut in `aria-keyshortcuts` (the lists and the
   * quote never did: ARIA names a shifted key by the character it types, which depends on the
   * keyboard layout).
   */
  readonly aria?: false;
}

/** The commands written here; the export commands come from the export formats (below). */
const WRITTEN = {
  // History and marks (editor, toolbar).
  undo: { label: 'Undo', keys: ['Mod-z'], editor: true },
  redo: { label: 'Redo', keys: ['Mod-Shift-z', 'Mod-y'], editor: true },
  bold: { label: 'Bold', keys: ['Mod-b'], editor: true },
  italic: { label: 'Italic', keys: ['Mod-i'], editor: true },
  link: { label: 'Link', keys: ['Mod-k'], editor: true },
  // Text style (editor, the toolbar's style box).
  paragraph: { label: 'Paragraph', keys: ['Mod-Alt-0'], editor: true },
  'heading-2': { label: 'Heading 2', keys: ['Mod-Alt-2'], editor: true },
  'heading-3': { label: 'Heading 3', keys: ['Mod-Alt-3'], editor: true },
  'heading-4': { label: 'Heading 4', keys: ['Mod-Alt-4'], editor: true },
  // Lists and quote (editor, toolbar).
  'bullet-list': { label: 'Bulleted list', keys: ['Mod-Shift-8'], editor: true, aria: false },
  'ordered-list': { label: 'Numbered list', keys: ['Mod-Shift-7'], editor: true, aria: false },
  quote: { label: 'Quote', keys: ['Mod-Shift-9'], editor: true, aria: false },
  // Insert (editor, toolbar).
  cite: { label: 'Cite source', keys: ['Mod-Alt-f'], editor: true },
  'read-also': { label: 'Insert “Read also” block', keys: ['Mod-Alt-r'], editor: true },
  // Editing keys of the editor alone.
  'new-paragraph': { label: 'New paragraph; on a selected citation, go to its source', keys: ['Enter'], editor: true },
  'line-break': { label: 'Line break', keys: ['Shift-Enter'], editor: true },
  indent: { label: 'Indent list item', keys: ['Tab'], editor: true },
  outdent: { label: 'Outdent list item', keys: ['Shift-Tab'], editor: true },
  'undo-input-rule': { label: 'Undo the automatic replacement just typed', keys: ['Backspace'], editor: true },
  // Moving through the article (editor; Home and End only scroll on macOS).
  'text-start': { label: 'Start of the headline', keys: { mac: ['Mod-ArrowUp'], other: ['Mod-Home'] }, editor: true },
  'text-end': { label: 'End of the text', keys: { mac: ['Mod-ArrowDown'], other: ['Mod-End'] }, editor: true },
  'select-to-text-start': { label: 'Select to the start of the headline', keys: { mac: ['Shift-Mod-ArrowUp'], other: ['Shift-Mod-Home'] }, editor: true },
  'select-to-text-end': { label: 'Select to the end of the text', keys: { mac: ['Shift-Mod-ArrowDown'], other: ['Shift-Mod-End'] }, editor: true },
  'page-up': { label: 'Up one screen', keys: ['PageUp'], editor: true },
  'page-down': { label: 'Down one screen', keys: ['PageDown'], editor: true },
  'select-page-up': { label: 'Select up one screen', keys: ['Shift-PageUp'], editor: true },
  'select-page-down': { label: 'Select down one screen', keys: ['Shift-PageDown'], editor: true },
  // Review (issue 12: the review panel; the editor binds them, the panel answers the same keys).
  // Comment as in Word and Google Docs; next/previous, accept and reject on keys that do not
  // depend on the keyboard layout's letters. Escape goes back to the card only after a card
  // selected its place in the text. Accept and reject stay off the Edit menu: on a focused card
  // they decide that card, which a menu command could not know.
  'review-comment': { label: 'Comment', keys: ['Mod-Alt-m'], editor: true, menu: 'Edit' },
  'review-next': { label: 'Next Change', keys: ['Mod-Alt-ArrowDown'], editor: true, menu: 'Edit' },
  'review-previous': { label: 'Previous Change', keys: ['Mod-Alt-ArrowUp'], editor: true, menu: 'Edit' },
  'review-accept': { label: 'Accept change', keys: ['Mod-Alt-Enter'], editor: true },
  'review-reject': { label: 'Reject change', keys: ['Mod-Alt-Backspace'], editor: true },
  'review-back-to-card': { label: 'Back to the review card', keys: ['Escape'], editor: true },
  // File menu.
  new: { label: 'New', keys: ['Mod-n'], menu: 'File' },
  open: { label: 'Open…', keys: ['Mod-o'], menu: 'File' },
  import: { label: 'Import…', menu: 'File' },
  save: { label: 'Save', keys: ['Mod-s'], menu: 'File' },
  'save-as': { label: 'Save As…', keys: ['Mod-Shift-s'], menu: 'File' },
  duplicate: { label: 'Duplicate', keys: ['Mod-Shift-d'], menu: 'File' },
  rename: { label: 'Rename…', menu: 'File' },
  trash: { label: 'Move to Trash', menu: 'File' },
  'choose-workspace': { label: 'Choose Workspace Folder…', menu: 'File' },
  close: { label: 'Close', keys: ['Mod-w'], menu: 'File' },
  // Edit menu, and the editor (which takes F3 and Mod-G everywhere). Replace: Ctrl+H (Word,
  // Google Docs); on macOS Cmd+H hides the app and Cmd+Alt+F is Cite source, so Cmd+Shift+H
  // (Google Docs on macOS). Find Next/Previous show F3 where Windows and Linux users expect it.
  find: { label: 'Find…', keys: ['Mod-f'], editor: true, menu: 'Edit' },
  'find-next': { label: 'Find Next', keys: { mac: ['Mod-g', 'F3'], other: ['F3', 'Mod-g'] }, editor: true, menu: 'Edit' },
  'find-previous': { label: 'Find Previous', keys: { mac: ['Mod-Shift-g', 'Shift-F3'], other: ['Shift-F3', 'Mod-Shift-g'] }, editor: true, menu: 'Edit' },
  replace: { label: 'Replace…', keys: { mac: ['Mod-Shift-h'], other: ['Mod-h'] }, editor: true, menu: 'Edit' },
  // View menu (reload and force reload are the main process's own, in development only).
  'desktop-preview': { label: 'Desktop Preview', keys: ['Mod-Shift-p'], menu: 'View' },
  // Review modes (the toolbar's mode menu, the View menu; in the page, the draft screen's own key
  // listener, since a read-only editor takes no keys: use-review-mode.ts). Google Docs' keys, which
  // editors know. One key per mode rather than one that cycles: setting a mode twice is harmless,
  // so a key seen by both the page and the menu's accelerator does what it says.
  'mode-editing': { label: 'Editing', keys: ['Mod-Alt-Shift-z'], menu: 'View' },
  'mode-suggesting': { label: 'Suggesting', keys: ['Mod-Alt-Shift-x'], menu: 'View' },
  'mode-viewing': { label: 'Viewing', keys: ['Mod-Alt-Shift-c'], menu: 'View' },
  'review-name': { label: 'Your Name in Review…', menu: 'View' },
  reload: { label: 'Reload', keys: ['Mod-r'], menu: 'View' },
  'force-reload': { label: 'Force Reload', keys: ['Shift-Mod-r'], menu: 'View' },
} as const satisfies Record<string, CommandSpec>;

// File > Export as …: one item per export format, named and keyed by its entry (shared/export/formats.ts).
type ExportCommandId = (typeof EXPORT_FORMATS)[number]['menuCommand'];
const EXPORT_COMMANDS = Object.fromEntries(
  exportMenuItems().map((item): [string, CommandSpec] => [item.command, { label: item.label, ...(item.keys ? { keys: item.keys } : {}), menu: 'File' }]),
) as Record<ExportCommandId, CommandSpec>;

/** The table. Object keys are the command ids; menu command ids are those of `MenuCommand` (shared/ipc/channels.ts). */
export const COMMANDS = { ...WRITTEN, ...EXPORT_COMMANDS };

/** A command's id. */
export type CommandId = keyof typeof COMMANDS;

/** The ids of the commands the editor's keymap binds. */
export type EditorCommandId = { [K in CommandId]: (typeof COMMANDS)[K] extends { readonly editor: true } ? K : never }[CommandId];

/** Every command id, in the table's order. */
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

/** The commands the editor's keymap binds, in the table's order. */
export const EDITOR_COMMAND_IDS = COMMAND_IDS.filter((id): id is EditorCommandId => (COMMANDS[id] as CommandSpec).editor === true);

/** The command `id`. */
export function command(id: CommandId): CommandSpec {
  return COMMANDS[id];
}

/** The keys of `id` on macOS (`mac`) or elsewhere, the shown one first; empty when it has none. */
export function commandKeys(id: CommandId, mac: boolean): readonly string[] {
  const keys = command(id).keys;
  if (keys === undefined) return [];
  return 'mac' in keys ? (mac ? keys.mac : keys.other) : keys;
}

/** The editor's bindings: ProseMirror key → command id (throws if a key is bound twice). */
export function editorKeyTable(mac: boolean): Record<string, EditorCommandId> {
  const table: Record<string, EditorCommandId> = {};
  for (const id of EDITOR_COMMAND_IDS) {
    for (const key of commandKeys(id, mac)) {
      if (key in table) throw new Error(`The key ${key} is bound to both ${String(table[key])} and ${id}`);
      table[key] = id;
    }
  }
  return table;
}

// A key in ProseMirror's notation: its modifiers in the order written, and the key itself.
function parts(key: string): { modifiers: string[]; base: string } {
  const all = key.split(/-(?!$)/u);
  const base = all.pop() ?? key;
  return { modifiers: all, base };
}

// Electron's names for the keys whose DOM names differ.
const ACCELERATOR_KEYS: Readonly<Record<string, string>> = { ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', ' ': 'Space' };

function baseName(base: string): string {
  return base.length === 1 ? base.toUpperCase() : base;
}

/**
 * The key in Electron's accelerator notation. `mod` spells `Mod`: 'CmdOrCtrl' for a key that is
 * the same on every platform, 'Cmd' or 'Ctrl' for a key that is macOS's or the other platforms' own.
 */
export function toAccelerator(key: string, mod: 'CmdOrCtrl' | 'Cmd' | 'Ctrl' = 'CmdOrCtrl'): string {
  const { modifiers, base } = parts(key);
  const names: Readonly<Record<string, string>> = { Mod: mod, Cmd: 'Cmd', Meta: 'Cmd', Ctrl: 'Ctrl', Control: 'Ctrl', Alt: 'Alt', Shift: 'Shift' };
  return [...modifiers.map((m) => names[m] ?? m), ACCELERATOR_KEYS[base] ?? baseName(base)].join('+');
}

/**
 * The menu accelerator of `id` on `platform` (`process.platform`), from its first key: CmdOrCtrl
 * when its keys are the same everywhere, Cmd or Ctrl when they are per platform.
 */
export function accelerator(id: CommandId, platform: string): string | undefined {
  const keys = command(id).keys;
  if (keys === undefined) return undefined;
  const mac = isMac(platform);
  const shared = !('mac' in keys);
  const first = commandKeys(id, mac)[0];
  return first === undefined ? undefined : toAccelerator(first, shared ? 'CmdOrCtrl' : mac ? 'Cmd' : 'Ctrl');
}

/**
 * The key as tooltips show it: 'Ctrl+Shift+Z', 'Ctrl+Alt+F' elsewhere; '⌘Shift+Z', '⌘⌥F' on
 * macOS, or '⌘⇧H' with `shift: 'symbol'` (as the find bar shows Replace).
 */
export function shortcutText(key: string, mac: boolean, options: { readonly shift?: 'word' | 'symbol' } = {}): string {
  const { modifiers, base } = parts(key);
  const names: Readonly<Record<string, string>> = mac
    ? { Mod: '⌘', Cmd: '⌘', Meta: '⌘', Alt: '⌥', Shift: options.shift === 'symbol' ? '⇧' : 'Shift+', Ctrl: '⌃', Control: '⌃' }
    : { Mod: 'Ctrl+', Ctrl: 'Ctrl+', Control: 'Ctrl+', Alt: 'Alt+', Shift: 'Shift+', Meta: 'Meta+', Cmd: 'Meta+' };
  return modifiers.map((m) => names[m] ?? `${m}+`).join('') + baseName(base);
}

/** The shown shortcut of `id` as tooltips write it, or undefined when it has none. */
export function tooltipKeys(id: CommandId, mac: boolean, options: { readonly shift?: 'word' | 'symbol' } = {}): string | undefined {
  const first = commandKeys(id, mac)[0];
  return first === undefined ? undefined : shortcutText(first, mac, options);
}

/** The shown shortcut of `id` for `aria-keyshortcuts` ('Control+Alt+F', 'Meta+B'), or undefined when it has none or is not announced. */
export function ariaKeys(id: CommandId, mac: boolean): string | undefined {
  const spec = command(id);
  const first = commandKeys(id, mac)[0];
  if (first === undefined || spec.aria === false) return undefined;
  const { modifiers, base } = parts(first);
  const names: Readonly<Record<string, string>> = { Mod: mac ? 'Meta' : 'Control', Cmd: 'Meta', Meta: 'Meta', Ctrl: 'Control', Control: 'Control', Alt: 'Alt', Shift: 'Shift' };
  return [...modifiers.map((m) => names[m] ?? m), baseName(base)].join('+');
}
