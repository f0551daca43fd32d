/**
 * Keyboard shortcuts. Ctrl on Windows and Linux, Cmd on macOS (`Mod`). The list is exported
 * (`SHORTCUTS`) so the shell can show it in menus and help; Tab leaves the editor unless the
 * cursor is in a list, so keyboard users are never trapped in it.
 */
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { redo, undo } from 'prosemirror-history';
import { undoInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import { splitListItem } from 'prosemirror-schema-list';
import { NodeSelection, TextSelection, type Command, type Plugin } from 'prosemirror-state';
import { bodyRange, partOf } from '../../shared/article';
import { schema } from '../../shared/schema';
import { insertReadAlso, liftItem, setParagraph, sinkItem, toggleBlockquote, toggleEm, toggleHeading, toggleList, toggleStrong } from './commands';
import { pageMove, toTextEdge } from './doc-navigation';
import { findNext, findPrevious, openFind } from './find';
import { hooksFor } from './hooks';

// Find and replace: Ctrl+H on Windows and Linux; on macOS Cmd+H hides the app and Cmd+Alt+F is
// Cite source, so Cmd+Shift+H (as Google Docs). The menu (electron/shell/menu-spec.ts) agrees.
const MAC = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/u.test(navigator.platform);
const REPLACE_KEY = MAC ? 'Mod-Shift-h' : 'Mod-h';
// Start and end of the text: Ctrl+Home/End on Windows and Linux; Cmd+Up/Down on macOS, where
// Home and End only scroll.
const START_KEY = MAC ? 'Mod-ArrowUp' : 'Mod-Home';
const END_KEY = MAC ? 'Mod-ArrowDown' : 'Mod-End';

/** A shortcut as the shell shows it. */
export interface Shortcut {
  readonly keys: string;
  readonly action: string;
}

/** Every shortcut the editor defines, for menus and help. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Mod-b', action: 'Bold' },
  { keys: 'Mod-i', action: 'Italic' },
  { keys: 'Mod-k', action: 'Link' },
  { keys: 'Mod-Alt-f', action: 'Cite source' },
  { keys: 'Mod-Alt-r', action: 'Insert “Read also” block' },
  { keys: 'Mod-Alt-2', action: 'Heading (level 2)' },
  { keys: 'Mod-Alt-3', action: 'Heading (level 3)' },
  { keys: 'Mod-Alt-4', action: 'Heading (level 4)' },
  { keys: 'Mod-Alt-0', action: 'Paragraph' },
  { keys: 'Mod-Shift-8', action: 'Bulleted list' },
  { keys: 'Mod-Shift-7', action: 'Numbered list' },
  { keys: 'Mod-Shift-9', action: 'Quote' },
  { keys: 'Tab / Shift-Tab', action: 'Indent / outdent list item' },
  { keys: 'Shift-Enter', action: 'Line break' },
  { keys: 'Enter', action: 'New paragraph; on a selected citation, go to its source' },
  { keys: 'Mod-f', action: 'Find' },
  { keys: 'F3 / Mod-g', action: 'Find next' },
  { keys: 'Shift-F3 / Mod-Shift-g', action: 'Find previous' },
  { keys: REPLACE_KEY, action: 'Replace' },
  { keys: `${START_KEY} / ${END_KEY}`, action: 'Start of the headline / end of the text (with Shift: select to there)' },
  { keys: 'PageUp / PageDown', action: 'Up / down one screen (with Shift: select)' },
  { keys: 'Mod-z', action: 'Undo' },
  { keys: 'Mod-Shift-z / Mod-y', action: 'Redo' },
];

/** Enter on a selected citation goes to its source; on a selected source, shows it in the panel. */
const activateSelected: Command = (state, _dispatch, view) => {
  const { selection } = state;
  if (!(selection instanceof NodeSelection) || !view) return false;
  const hooks = hooksFor(view);
  const { node } = selection;
  if (node.type.name === 'citation' && hooks.onActivateCitation) {
    hooks.onActivateCitation(node.attrs.source as string, selection.from, view);
    return true;
  }
  if (node.type.name === 'source' && hooks.onActivateSource) {
    hooks.onActivateSource(node.attrs.id as string, view);
    return true;
  }
  return false;
};

/** Enter in the headline goes to the standfirst; in the standfirst, to the first body block. */
const leaveTopMatter: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if ($from.depth !== 1) return false;
  const part = partOf($from.parent);
  if (part !== 'headline' && part !== 'standfirst') return false;
  const next = $from.after(1);
  if (part === 'headline') {
    dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, next + 1)).scrollIntoView());
    return true;
  }
  const body = state.doc.child(bodyRange(state.doc).startIndex);
  if (!dispatch) return true;
  if (body.isTextblock) dispatch(state.tr.setSelection(TextSelection.create(state.doc, next + 1)).scrollIntoView());
  else {
    const tr = state.tr.insert(next, schema.node('paragraph'));
    dispatch(tr.setSelection(TextSelection.create(tr.doc, next + 1)).scrollIntoView());
  }
  return true;
};

/** Shift-Enter: a line break where one is allowed. */
const hardBreak: Command = (state, dispatch) => {
  const type = schema.nodes.hard_break!;
  const { $from } = state.selection;
  if (!$from.parent.canReplaceWith($from.index(), $from.index(), type)) return false;
  dispatch?.(state.tr.replaceSelectionWith(type.create()).scrollIntoView());
  return true;
};

/** Tab and Shift-Tab act on list items, and are left to the browser (focus moves) elsewhere. */
function inList(command: Command): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    for (let d = $from.depth; d > 0; d--) {
      if ($from.node(d).type.name === 'list_item') {
        command(state, dispatch);
        return true;
      }
    }
    return false;
  };
}

/** A shortcut that asks the shell (does nothing, and lets the key through, without the hook). */
function ask(name: 'onLinkRequest' | 'onCiteRequest'): Command {
  return (_state, _dispatch, view) => {
    if (!view) return false;
    const hooks = hooksFor(view);
    const hook = hooks[name];
    if (!hook) return false;
    hook.call(hooks, view);
    return true;
  };
}

/**
 * The editor's keymaps: its own shortcuts, then ProseMirror's base keymap. Shortcuts that need
 * the shell (link, cite, go to source) call the hooks attached to the view (`setHooks`).
 */
export function editorKeymaps(): Plugin[] {
  const item = schema.nodes.list_item!;
  const own = keymap({
    'Mod-z': undo,
    'Mod-Shift-z': redo,
    'Mod-y': redo,
    'Mod-b': toggleStrong,
    'Mod-i': toggleEm,
    'Mod-k': ask('onLinkRequest'),
    'Mod-Alt-f': ask('onCiteRequest'),
    'Mod-Alt-r': insertReadAlso(),
    'Mod-Alt-2': toggleHeading(2),
    'Mod-Alt-3': toggleHeading(3),
    'Mod-Alt-4': toggleHeading(4),
    'Mod-Alt-0': setParagraph,
    'Mod-Shift-8': toggleList('bullet_list'),
    'Mod-Shift-7': toggleList('ordered_list'),
    'Mod-Shift-9': toggleBlockquote,
    'Mod-f': openFind('find'),
    [REPLACE_KEY]: openFind('replace'),
    F3: findNext,
    'Mod-g': findNext,
    'Shift-F3': findPrevious,
    'Mod-Shift-g': findPrevious,
    Enter: chainCommands(activateSelected, leaveTopMatter, splitListItem(item)),
    'Shift-Enter': hardBreak,
    Tab: inList(sinkItem),
    'Shift-Tab': inList(liftItem),
    Backspace: undoInputRule,
    [START_KEY]: toTextEdge('start'),
    [END_KEY]: toTextEdge('end'),
    [`Shift-${START_KEY}`]: toTextEdge('start', true),
    [`Shift-${END_KEY}`]: toTextEdge('end', true),
    PageUp: pageMove(-1),
    PageDown: pageMove(1),
    'Shift-PageUp': pageMove(-1, true),
    'Shift-PageDown': pageMove(1, true),
  });
  return [own, keymap(baseKeymap)];
}
