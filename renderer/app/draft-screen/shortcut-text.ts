/**
 * The shortcuts the draft screen shows, from the command table (shared/commands.ts): the
 * toolbar's tooltips and `aria-keyshortcuts` (Toolbar.tsx, and its "More" menu), the style box's
 * tooltip and the find bar's (FindBar.tsx). Each takes `mac` so tests can read both platforms.
 */
import { ariaKeys, command, commandKeys, shortcutText, tooltipKeys, type CommandId } from '../../../shared/commands';
import { MAC } from '../../editor/platform';

/** A toolbar button's label and shortcut, as its tooltip shows it and for `aria-keyshortcuts`. */
export interface ToolText {
  readonly label: string;
  readonly shortcut?: string;
  readonly ariaShortcut?: string;
}

/** The label and shortcuts of the toolbar button that runs `id`. */
export function toolText(id: CommandId, mac: boolean = MAC): ToolText {
  const shortcut = tooltipKeys(id, mac);
  const ariaShortcut = ariaKeys(id, mac);
  return { label: command(id).label, ...(shortcut === undefined ? {} : { shortcut }), ...(ariaShortcut === undefined ? {} : { ariaShortcut }) };
}

/** The text styles of the style box, in its order. */
export const STYLE_COMMANDS = ['paragraph', 'heading-2', 'heading-3', 'heading-4'] as const satisfies readonly CommandId[];

/** The style box's shortcuts: the first style's in full, then the others' last keys ("Ctrl+Alt+0, 2, 3, 4"). */
export function styleBoxKeys(mac: boolean = MAC): string {
  const [first, ...rest] = STYLE_COMMANDS.map((id) => tooltipKeys(id, mac) ?? '');
  return [first, ...rest.map((text) => text.slice(-1))].join(', ');
}

/**
 * The find bar's shortcuts: Replace's (written '⌘⇧H' on macOS), Next match's two keys and
 * Previous match's first, in the order of Windows and Linux (F3 first) on every platform.
 */
export function findBarKeys(mac: boolean = MAC): { readonly replace: string; readonly next: string; readonly previous: string } {
  return {
    replace: tooltipKeys('replace', mac, { shift: 'symbol' }) ?? '',
    next: commandKeys('find-next', false)
      .map((key) => shortcutText(key, mac))
      .join(', '),
    previous: shortcutText(commandKeys('find-previous', false)[0] ?? '', mac),
  };
}
