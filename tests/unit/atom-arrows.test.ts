/**
 * The arrow keys' step over field atoms (renderer/editor/atom-arrows.ts), on editor states: a
 * "Read also" item or a source that is selected (by a click) is left for the nearest place where
 * text can be typed, in the arrow's direction first. The text-cursor cases need layout
 * (`endOfTextblock`) and are in tests/e2e/arrow-keys.spec.ts.
 */
import { EditorState, NodeSelection, TextSelection, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { stepOverFieldAtoms } from '../../renderer/editor/atom-arrows';
import { article, cite, p, readAlso, source } from './helpers/build';

const doc = article({
  headline: 'H',
  body: [p('Before ', cite('a')), readAlso('Read also', { title: 'One', url: 'https://example.com/1' }, { title: 'Two', url: 'https://example.com/2' }), p('After')],
  sources: [source('a', { title: 'A' }), source('b', { title: 'B' })],
});

function posOf(type: string, nth = 0): number {
  let found = -1;
  let seen = 0;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.type.name === type && seen++ === nth) found = pos;
    return true;
  });
  if (found < 0) throw new Error(`no ${type} #${String(nth)}`);
  return found;
}

function run(selection: NodeSelection | TextSelection, dir: 1 | -1): { handled: boolean; text: string; offset: number } {
  const state = EditorState.create({ doc, selection });
  let next: Transaction | null = null;
  const handled = stepOverFieldAtoms(dir, true)(state, (tr) => (next = tr));
  const after = (next as Transaction | null)?.selection ?? state.selection;
  return { handled, text: after.$head.parent.textContent, offset: after.$head.parentOffset };
}

describe('a selected field atom', () => {
  it('a "Read also" item: down goes to the start of the text after the block, up to the end of the text before', () => {
    const item = NodeSelection.create(doc, posOf('read_also_item', 1));
    expect(run(item, 1)).toEqual({ handled: true, text: 'After', offset: 0 });
    expect(run(item, -1)).toEqual({ handled: true, text: 'Before ', offset: 8 });
  });

  it('a source: with no text after the sources, down goes back to the end of the last text', () => {
    const last = NodeSelection.create(doc, posOf('source', 1));
    expect(run(last, 1)).toEqual({ handled: true, text: 'After', offset: 5 });
    expect(run(last, -1)).toEqual({ handled: true, text: 'After', offset: 5 });
  });

  it('leaves every other selection to ProseMirror when there is no view to ask (text cursor)', () => {
    const inText = TextSelection.create(doc, posOf('paragraph', 0) + 3);
    expect(run(inText, 1).handled).toBe(false);
    const headlineSelected = NodeSelection.create(doc, posOf('read_also'));
    expect(run(headlineSelected, 1).handled).toBe(false);
  });
});
