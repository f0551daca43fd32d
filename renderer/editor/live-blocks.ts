/**
 * Live blocks: the top-level block holding the cursor, and its neighbours, are never skipped by
 * the browser's rendering (class `cd-live`, see editor.css).
 *
 * Why: every top-level block is `content-visibility: auto` (editor.css), which keeps typing fast
 * at 100,000 words. But Chromium skips ("display-locks") a block with `content-visibility: auto`
 * from the moment it enters the DOM until the next frame decides whether it is on screen. A key
 * that arrives within that frame — the first character typed into the paragraph Enter has just
 * created — is inserted by the browser, but inside a locked block Chromium does not move the DOM
 * selection past the new text: it stays at (paragraph, 0), before the character. ProseMirror
 * reads that selection back, so the caret sits before the first character and the rest of the
 * word goes in front of it ("ritics" … with the "C" carried into the next paragraph by the next
 * Enter). A block carrying `cd-live` is `content-visibility: visible` from the moment
 * ProseMirror creates it, in the same update as the Enter, so it is never locked.
 *
 * Cost: the decorations are three node decorations kept in the plugin state and mapped through
 * each transaction (constant work, plus the mapping's check that each still covers one block).
 * They are rebuilt only when the cursor's top-level block changes (Enter, arrows across blocks,
 * a click elsewhere): a pass over the top-level blocks (not the document's text), about 2,000 at
 * 100,000 words, a few microseconds.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { NodeSelection, Plugin, PluginKey, type EditorState, type Selection } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** The class of a live block (editor.css sets `content-visibility: visible` on it). */
export const LIVE_CLASS = 'cd-live';

/** A live block: its start and end positions in the document. */
export interface LiveBlock {
  readonly from: number;
  readonly to: number;
}

interface LiveState {
  readonly blocks: readonly LiveBlock[];
  readonly set: DecorationSet;
}

/** The plugin's key (`liveBlocksKey.getState(state)`, or `liveBlocksOf(state)`). */
export const liveBlocksKey = new PluginKey<LiveState>('copydesk-live-blocks');

/**
 * The top-level blocks that should be live for `selection` in `doc`: the block holding the
 * selection's head (a selected node's own block), the one before and the one after. Constant
 * work: positions come from the resolved selection, sizes from the neighbours.
 */
export function liveBlocksFor(doc: PMNode, selection: Selection): LiveBlock[] {
  const count = doc.childCount;
  if (count === 0) return [];
  // A node selection's head sits after the node; its own block is the one that matters.
  const $pos = selection instanceof NodeSelection ? selection.$from : selection.$head;
  let index: number;
  let start: number;
  if ($pos.depth >= 1) {
    index = $pos.index(0);
    start = $pos.before(1);
  } else {
    // Between top-level blocks (a gap cursor, a selected block): the block after, or the last.
    index = $pos.index(0);
    start = $pos.pos;
    if (index >= count) {
      index = count - 1;
      start = doc.content.size - doc.child(index).nodeSize;
    }
  }
  const blocks: LiveBlock[] = [];
  if (index > 0) {
    const before = doc.child(index - 1);
    blocks.push({ from: start - before.nodeSize, to: start });
  }
  const end = start + doc.child(index).nodeSize;
  blocks.push({ from: start, to: end });
  if (index + 1 < count) blocks.push({ from: end, to: end + doc.child(index + 1).nodeSize });
  return blocks;
}

function sameBlocks(a: readonly LiveBlock[], b: readonly LiveBlock[]): boolean {
  return a.length === b.length && a.every((block, i) => block.from === b[i]?.from && block.to === b[i]?.to);
}

function decorate(doc: PMNode, blocks: readonly LiveBlock[]): DecorationSet {
  return DecorationSet.create(
    doc,
    blocks.map((b) => Decoration.node(b.from, b.to, { class: LIVE_CLASS })),
  );
}

/** The live blocks of `state` (empty when the plugin is not installed). */
export function liveBlocksOf(state: EditorState): readonly LiveBlock[] {
  return liveBlocksKey.getState(state)?.blocks ?? [];
}

/** The plugin (see the module comment). */
export function liveBlocksPlugin(): Plugin<LiveState> {
  return new Plugin<LiveState>({
    key: liveBlocksKey,
    state: {
      init(_config, state) {
        const blocks = liveBlocksFor(state.doc, state.selection);
        return { blocks, set: decorate(state.doc, blocks) };
      },
      apply(tr, previous, _old, state) {
        if (!tr.docChanged && !tr.selectionSet) return previous;
        const blocks = liveBlocksFor(state.doc, state.selection);
        // Typing inside the same block: the mapped decorations still cover exactly the wanted blocks.
        const mapped = tr.docChanged ? previous.set.map(tr.mapping, state.doc) : previous.set;
        const covered = mapped.find().map((d) => ({ from: d.from, to: d.to }));
        if (sameBlocks(covered, blocks)) return mapped === previous.set && sameBlocks(previous.blocks, blocks) ? previous : { blocks, set: mapped };
        return { blocks, set: decorate(state.doc, blocks) };
      },
    },
    props: {
      decorations: (state) => liveBlocksKey.getState(state)?.set ?? null,
    },
  });
}
