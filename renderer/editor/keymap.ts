/**
 * Keyboard shortcuts. Ctrl on Windows and Linux, Cmd on macOS (`Mod`). Which keys run which
 * command is the table's (shared/commands.ts, shared with the menus and the toolbar); this file
 * gives each of its editor commands the ProseMirror command that carries it out. Tab leaves the
 * editor unless the cursor is in a list, so keyboard users are never trapped in it.
 */
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { redo, undo } from 'prosemirror-history';
import { undoInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import { splitListItem } from 'prosemirror-schema-list';
import { NodeSelection, TextSelection, type Command, type Plugin } from 'prosemirror-state';
import { bodyRange, partOf } from '../../shared/article';
import { editorKeyTable, type EditorCommandId } from '../../shared/commands';
import { schema } from '../../shared/schema';
import { insertReadAlso, liftItem, setParagraph, sinkItem, toggleBlockquote, toggleEm, toggleHeading, toggleList, toggleStrong } from './commands';
import { pageMove, toTextEdge } from './doc-navigation';
import { findNext, findPrevious, openFind } from './find';
import { hooksFor } from './hooks';
import { MAC } from './platform';
import { backToCard, decideCurrent, goToChange, requestComment } from './review-commands';

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

/** What each editor command of the table (shared/commands.ts) does. */
function editorCommands(): Record<EditorCommandId, Command> {
  const item = schema.nodes.list_item!;
  return {
    undo,
    redo,
    bold: toggleStrong,
    italic: toggleEm,
    link: ask('onLinkRequest'),
    cite: ask('onCiteRequest'),
    'read-also': insertReadAlso(),
    'heading-2': toggleHeading(2),
    'heading-3': toggleHeading(3),
    'heading-4': toggleHeading(4),
    paragraph: setParagraph,
    'bullet-list': toggleList('bullet_list'),
    'ordered-list': toggleList('ordered_list'),
    quote: toggleBlockquote,
    find: openFind('find'),
    replace: openFind('replace'),
    'find-next': findNext,
    'find-previous': findPrevious,
    'new-paragraph': chainCommands(activateSelected, leaveTopMatter, splitListItem(item)),
    'line-break': hardBreak,
    indent: inList(sinkItem),
    outdent: inList(liftItem),
    'undo-input-rule': undoInputRule,
    'text-start': toTextEdge('start'),
    'text-end': toTextEdge('end'),
    'select-to-text-start': toTextEdge('start', true),
    'select-to-text-end': toTextEdge('end', true),
    'page-up': pageMove(-1),
    'page-down': pageMove(1),
    'select-page-up': pageMove(-1, true),
    'select-page-down': pageMove(1, true),
    'review-comment': requestComment,
    'review-next': goToChange(1),
    'review-previous': goToChange(-1),
    'review-accept': decideCurrent('accept'),
    'review-reject': decideCurrent('reject'),
    'review-back-to-card': backToCard,
  };
}

/** The editor's own bindings on macOS (`mac`) or elsewhere: key → command, as the table says. */
export function editorBindings(mac: boolean = MAC): Record<string, Command> {
  const commands = editorCommands();
  return Object.fromEntries(Object.entries(editorKeyTable(mac)).map(([key, id]) => [key, commands[id]]));
}

/**
 * The editor's keymaps: its own shortcuts, then ProseMirror's base keymap. Shortcuts that need
 * the shell (link, cite, go to source) call the hooks attached to the view (`setHooks`).
 */
export function editorKeymaps(): Plugin[] {
  return [keymap(editorBindings()), keymap(baseKeymap)];
}
