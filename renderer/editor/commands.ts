/**
 * The editor's commands (ProseMirror `Command`s: `(state, dispatch?) => boolean`, runnable on an
 * `EditorState` alone). Each makes one transaction, so one undo step. This module holds text and
 * block formatting, links and figures, and re-exports the citation/source and "Read also"
 * commands, so the shell imports every command from here.
 *
 * Links: `setLink(href)` accepts only a URL that `classifyUrl` finds `ok` for links (http(s),
 * mailto, an in-page anchor); an unsafe or malformed one is refused (the link dialog shows
 * `linkVerdict(href)` to say why). Figures: `insertFigure` accepts an `https:` URL or a path in
 * the draft's `assets/` folder.
 */
import { lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import type { Mark, MarkType, Node as PMNode, ResolvedPos } from 'prosemirror-model';
import { liftListItem, sinkListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { blockFitsDraft } from '../../shared/draft/json-check';
import { schema } from '../../shared/schema';
import { classifyUrl, type UrlVerdict } from '../../shared/url';
import { placeBlock } from './place-block';

export { createSourceAndCite, insertCitation, newSourceId, removeSource, updateSource, type SourceEdit } from './source-commands';
export {
  addReadAlsoItem,
  insertReadAlso,
  moveReadAlsoItem,
  removeReadAlsoItem,
  setReadAlsoTitle,
  updateReadAlsoItem,
  type ReadAlsoItemFields,
} from './read-also-commands';

const nodes = schema.nodes;
const marks = schema.marks;

/** Toggles bold on the selection (or the stored marks at the cursor). */
export const toggleStrong: Command = toggleMark(marks.strong!);
/** Toggles italic on the selection (or the stored marks at the cursor). */
export const toggleEm: Command = toggleMark(marks.em!);

/** What the link dialog says about `href` before it is applied. */
export function linkVerdict(href: string): UrlVerdict {
  return classifyUrl(href.trim(), 'link');
}

/** The extent of the mark of `type` at `$pos` (in the node after it, else the one before), or null. */
function markExtent($pos: ResolvedPos, type: MarkType): { from: number; to: number; mark: Mark } | null {
  const parent = $pos.parent;
  let index = $pos.index();
  let mark = index < parent.childCount ? type.isInSet(parent.child(index).marks) : undefined;
  if (!mark && $pos.textOffset === 0 && index > 0) mark = type.isInSet(parent.child(--index).marks);
  if (!mark) return null;
  let first = index;
  let last = index;
  while (first > 0 && mark.isInSet(parent.child(first - 1).marks)) first--;
  while (last < parent.childCount - 1 && mark.isInSet(parent.child(last + 1).marks)) last++;
  let from = $pos.start();
  for (let i = 0; i < first; i++) from += parent.child(i).nodeSize;
  let to = from;
  for (let i = first; i <= last; i++) to += parent.child(i).nodeSize;
  return { from, to, mark };
}

/** The link around the cursor (or covering the selection's start), if any: its range and href. */
export function linkAt(state: EditorState): { from: number; to: number; href: string } | null {
  const extent = markExtent(state.selection.$from, marks.link!);
  return extent ? { from: extent.from, to: extent.to, href: extent.mark.attrs.href as string } : null;
}

/**
 * Links the selection to `href` (or changes the link around the cursor; with an empty selection
 * outside any link, inserts `href` itself as linked text). Refuses anything but an `ok` URL.
 */
export function setLink(href: string): Command {
  return (state, dispatch) => {
    const url = href.trim();
    if (linkVerdict(url) !== 'ok') return false;
    const link = marks.link!;
    const { $from, from, to, empty } = state.selection;
    if (!$from.parent.inlineContent || !$from.parent.type.allowsMarkType(link)) return false;
    if (!dispatch) return true;
    const mark = link.create({ href: url });
    const tr = state.tr;
    if (!empty) {
      tr.removeMark(from, to, link).addMark(from, to, mark);
    } else {
      const around = linkAt(state);
      if (around) tr.removeMark(around.from, around.to, link).addMark(around.from, around.to, mark);
      else tr.insert(from, schema.text(url, [...$from.marks().filter((m) => m.type !== link), mark]));
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** Removes links from the selection, or the whole link around the cursor. */
export const removeLink: Command = (state, dispatch) => {
  const link = marks.link!;
  const { from, to, empty } = state.selection;
  const range = empty ? linkAt(state) : state.doc.rangeHasMark(from, to, link) ? { from, to } : null;
  if (!range) return false;
  dispatch?.(state.tr.removeMark(range.from, range.to, link));
  return true;
};

/** Turns the current textblock(s) into a heading of `level`, or back into a paragraph if already one. */
export function toggleHeading(level: 2 | 3 | 4): Command {
  return (state, dispatch) => {
    const parent = state.selection.$from.parent;
    if (parent.type === nodes.heading && parent.attrs.level === level) return setBlockType(nodes.paragraph!)(state, dispatch);
    return setBlockType(nodes.heading!, { level })(state, dispatch);
  };
}

/** Turns the current textblock(s) into paragraphs. */
export const setParagraph: Command = setBlockType(nodes.paragraph!);

/** The innermost list around the selection, with its position. */
function listAround(state: EditorState): { node: PMNode; pos: number } | null {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (node.type === nodes.bullet_list || node.type === nodes.ordered_list) return { node, pos: $from.before(d) };
  }
  return null;
}

/**
 * `command`, unless its result nests the block at the cursor deeper than a draft file may hold
 * (`blockFitsDraft`): then it does nothing and answers false.
 */
export function withinDraftDepth(command: Command): Command {
  return (state, dispatch, view) => {
    let tr: Transaction | null = null;
    const ran = command(state, (made) => { tr = made; }, view);
    if (!ran || tr === null) return ran;
    const done: Transaction = tr;
    const { $from } = done.selection;
    const block = $from.depth > 0 ? $from.node(1) : null;
    if (block !== null && !blockFitsDraft(block)) return false;
    dispatch?.(done);
    return true;
  };
}

/** Wraps the selection in a list of `kind`; lifts it out if already in one; switches the kind of the other list. */
export function toggleList(kind: 'bullet_list' | 'ordered_list'): Command {
  const type = nodes[kind]!;
  return withinDraftDepth((state, dispatch) => {
    const list = listAround(state);
    if (!list) return wrapInList(type)(state, dispatch);
    if (list.node.type === type) return liftListItem(nodes.list_item!)(state, dispatch);
    dispatch?.(state.tr.setNodeMarkup(list.pos, type, kind === 'ordered_list' ? { start: 1 } : null));
    return true;
  });
}

/** Indents the list item at the cursor (makes it a sub-item), within the depth a draft holds. */
export const sinkItem: Command = withinDraftDepth(sinkListItem(nodes.list_item!));
/** Outdents the list item at the cursor. */
export const liftItem: Command = liftListItem(nodes.list_item!);

/** Wraps the selection in a quote, or lifts it out of the quote it is in. */
export const toggleBlockquote: Command = withinDraftDepth((state, dispatch) => {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === nodes.blockquote) return lift(state, dispatch);
  return wrapIn(nodes.blockquote!)(state, dispatch);
});

/** Inserts a figure near the cursor (see `placeBlock`); refuses an image source that is not `ok`. */
export function insertFigure(src: string, alt: string, caption: string, credit: string): Command {
  return (state, dispatch) => {
    if (classifyUrl(src, 'image') !== 'ok') return false;
    const figure = nodes.figure!.create({ src, alt, credit }, nodes.figcaption!.create(null, caption ? schema.text(caption) : null));
    const tr = placeBlock(state, figure);
    if (!tr) return false;
    dispatch?.(tr);
    return true;
  };
}
