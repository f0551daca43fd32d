/**
 * Commands on "Read also" blocks and their items (title, URL, optional kicker). Blocks and items
 * are addressed by document position (node views know theirs through `getPos`). Each command is
 * one transaction; a URL the "Read also" policy refuses (anything but http(s) or an anchor) is
 * refused, while an empty or malformed one is kept and reported as a problem, so the reporter
 * can fix it in place.
 */
import { Fragment, type Node as PMNode } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';
import { hasOneBodyBlock } from '../../shared/article';
import { isStorableUrl } from '../../shared/url';
import { placeBlock } from './place-block';

/** The fields of one "Read also" item. */
export interface ReadAlsoItemFields {
  readonly title: string;
  readonly url: string;
  readonly kicker: string;
}

function itemNode(state: EditorState, fields: Partial<ReadAlsoItemFields>): PMNode | null {
  const url = fields.url ?? '';
  if (!isStorableUrl(url, 'readAlso')) return null;
  return state.schema.node('read_also_item', { title: fields.title ?? '', url, kicker: fields.kicker ?? '' });
}

function blockAt(state: EditorState, pos: number): PMNode | null {
  const node = pos >= 0 && pos < state.doc.content.size ? state.doc.nodeAt(pos) : null;
  return node?.type.name === 'read_also' ? node : null;
}

/** Inserts a "Read also" block with one empty item near the cursor (see `placeBlock`), selected. */
export function insertReadAlso(title = ''): Command {
  return (state, dispatch) => {
    const item = itemNode(state, {});
    const tr = item && placeBlock(state, state.schema.node('read_also', { title }, [item]));
    if (!tr) return false;
    dispatch?.(tr);
    return true;
  };
}

/** Sets the title of the block at `blockPos` (empty shows as "Read also"). */
export function setReadAlsoTitle(blockPos: number, title: string): Command {
  return (state, dispatch) => {
    const block = blockAt(state, blockPos);
    if (!block) return false;
    if (dispatch && block.attrs.title !== title) dispatch(state.tr.setNodeAttribute(blockPos, 'title', title));
    return true;
  };
}

/** Adds an item to the block at `blockPos`, at `index` (default: at the end). */
export function addReadAlsoItem(blockPos: number, fields: Partial<ReadAlsoItemFields> = {}, index?: number): Command {
  return (state, dispatch) => {
    const block = blockAt(state, blockPos);
    const item = itemNode(state, fields);
    if (!block || !item) return false;
    const at = Math.max(0, Math.min(index ?? block.childCount, block.childCount));
    let pos = blockPos + 1;
    for (let i = 0; i < at; i++) pos += block.child(i).nodeSize;
    dispatch?.(state.tr.insert(pos, item));
    return true;
  };
}

/** Changes fields of the item at `index` of the block at `blockPos`. */
export function updateReadAlsoItem(blockPos: number, index: number, fields: Partial<ReadAlsoItemFields>): Command {
  return (state, dispatch) => {
    const block = blockAt(state, blockPos);
    if (!block || index < 0 || index >= block.childCount) return false;
    if (fields.url !== undefined && !isStorableUrl(fields.url, 'readAlso')) return false;
    const item = block.child(index);
    const changed = (['title', 'url', 'kicker'] as const).filter((field) => fields[field] !== undefined && fields[field] !== item.attrs[field]);
    if (dispatch && changed.length > 0) {
      let pos = blockPos + 1;
      for (let i = 0; i < index; i++) pos += block.child(i).nodeSize;
      const tr = state.tr;
      for (const field of changed) tr.setNodeAttribute(pos, field, fields[field]);
      dispatch(tr);
    }
    return true;
  };
}

/** Moves the item at `from` to index `to` within the block at `blockPos`. */
export function moveReadAlsoItem(blockPos: number, from: number, to: number): Command {
  return (state, dispatch) => {
    const block = blockAt(state, blockPos);
    if (!block || from < 0 || from >= block.childCount || to < 0 || to >= block.childCount || from === to) return false;
    if (dispatch) {
      const items: PMNode[] = [];
      block.forEach((item) => items.push(item));
      const [moved] = items.splice(from, 1);
      items.splice(to, 0, moved as PMNode);
      dispatch(state.tr.replaceWith(blockPos + 1, blockPos + 1 + block.content.size, Fragment.fromArray(items)));
    }
    return true;
  };
}

/** Removes the item at `index` of the block at `blockPos`; removing the last item removes the block. */
export function removeReadAlsoItem(blockPos: number, index: number): Command {
  return (state, dispatch) => {
    const block = blockAt(state, blockPos);
    if (!block || index < 0 || index >= block.childCount) return false;
    if (dispatch) {
      if (block.childCount === 1) {
        // The body needs one block at least: an only block becomes an empty paragraph.
        const only = hasOneBodyBlock(state.doc);
        const tr = only ? state.tr.replaceWith(blockPos, blockPos + block.nodeSize, state.schema.node('paragraph')) : state.tr.delete(blockPos, blockPos + block.nodeSize);
        dispatch(tr);
      } else {
        let pos = blockPos + 1;
        for (let i = 0; i < index; i++) pos += block.child(i).nodeSize;
        dispatch(state.tr.delete(pos, pos + block.child(index).nodeSize));
      }
    }
    return true;
  };
}
