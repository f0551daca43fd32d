/**
 * Ctrl+Home / Ctrl+End and their Shift forms (renderer/editor/doc-navigation.ts) on editor states:
 * the start of the headline, the end of the text (never the sources), and a selection extended
 * from its anchor. PageUp / PageDown measure the screen: tests/e2e/doc-navigation.spec.ts.
 */
import { EditorState, NodeSelection, TextSelection, type Selection, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema';
import { pageMove, toTextEdge } from '../../renderer/editor/doc-navigation';
import { createEditorState } from '../../renderer/editor/create-editor';
import { article, cite, list, p, readAlso, source } from './helpers/build';

const item = { title: 'One', url: 'https://example.com/1' };
const figure = schema.node('figure', { src: 'https://example.com/a.jpg', alt: 'A', credit: '' }, [schema.node('figcaption', null, [schema.text('The caption.')])]);

function run(doc: PMNode, selection: Selection, edge: 'start' | 'end', extend = false): Selection {
  const state = EditorState.create({ doc, selection });
  let next: Transaction | null = null;
  expect(toTextEdge(edge, extend)(state, (tr) => (next = tr))).toBe(true);
  const tr = next as Transaction | null;
  if (!tr) throw new Error('no transaction');
  expect(tr.scrolledIntoView).toBe(true);
  return tr.selection;
}

/** The text of the textblock holding the head, and the head's offset in it. */
function where(selection: Selection): { text: string; offset: number; type: string } {
  return { text: selection.$head.parent.textContent, offset: selection.$head.parentOffset, type: selection.$head.parent.type.name };
}

function posIn(doc: PMNode, text: string, offset = 0): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isTextblock && node.textContent === text) found = pos + 1 + offset;
    return found < 0;
  });
  if (found < 0) throw new Error(`no textblock "${text}"`);
  return found;
}

const plain = article({
  headline: 'The headline',
  standfirst: 'The standfirst.',
  body: [p('First ', cite('a'), ' paragraph.'), list('bullet_list', 'An item.', 'Last item.'), p('The end.')],
  sources: [source('a', { title: 'A source' })],
});

describe('Ctrl+End', () => {
  it('goes to the end of the last paragraph from the start, the middle and a list, never into the sources', () => {
    for (const from of [1, posIn(plain, 'The standfirst.', 3), posIn(plain, 'An item.', 2)]) {
      expect(where(run(plain, TextSelection.create(plain, from), 'end'))).toEqual({ text: 'The end.', offset: 8, type: 'paragraph' });
    }
  });

  it('from a selected source (a click in the sources) goes back to the end of the text', () => {
    let sourcePos = -1;
    plain.descendants((node, pos) => void (node.type.name === 'source' && (sourcePos = pos)));
    expect(where(run(plain, NodeSelection.create(plain, sourcePos), 'end'))).toEqual({ text: 'The end.', offset: 8, type: 'paragraph' });
  });

  it('with a trailing "Read also" block: the end of the text before it; a trailing figure: the end of its caption', () => {
    const withReadAlso = article({ headline: 'H', body: [p('Before.'), readAlso('Read also', item)], sources: [] });
    expect(where(run(withReadAlso, TextSelection.create(withReadAlso, 1), 'end'))).toEqual({ text: 'Before.', offset: 7, type: 'paragraph' });
    const withFigure = article({ headline: 'H', body: [p('Before.'), figure], sources: [] });
    expect(where(run(withFigure, TextSelection.create(withFigure, 1), 'end'))).toEqual({ text: 'The caption.', offset: 12, type: 'figcaption' });
    const readAlsoThenText = article({ headline: 'H', body: [p('Before.'), readAlso('Read also', item), p('After.')], sources: [] });
    expect(where(run(readAlsoThenText, TextSelection.create(readAlsoThenText, 1), 'end'))).toEqual({ text: 'After.', offset: 6, type: 'paragraph' });
  });

  it('in a new, empty draft: the empty body paragraph, on the real editor state', () => {
    const state = createEditorState(article({}));
    let next: Transaction | null = null;
    toTextEdge('end')(state, (tr) => (next = tr));
    const selection = (next as Transaction | null)?.selection;
    expect(selection && where(selection)).toEqual({ text: '', offset: 0, type: 'paragraph' });
    expect(selection?.from).toBe(state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 1);
  });
});

describe('Ctrl+Home', () => {
  it('goes to the start of the headline from the end and from a list', () => {
    for (const from of [posIn(plain, 'The end.', 8), posIn(plain, 'Last item.', 4)]) {
      const selection = run(plain, TextSelection.create(plain, from), 'start');
      expect(where(selection)).toEqual({ text: 'The headline', offset: 0, type: 'headline' });
      expect(selection.empty).toBe(true);
    }
  });
});

describe('Ctrl+Shift+End and Ctrl+Shift+Home', () => {
  it('extend the selection from its anchor to the end of the text, then to the start of the headline', () => {
    const anchor = posIn(plain, 'An item.', 3);
    const toEnd = run(plain, TextSelection.create(plain, anchor), 'end', true);
    expect(toEnd).toBeInstanceOf(TextSelection);
    expect(toEnd.anchor).toBe(anchor);
    expect(where(toEnd)).toEqual({ text: 'The end.', offset: 8, type: 'paragraph' });
    expect(plain.textBetween(toEnd.from, toEnd.to, '|')).toBe('item.|Last item.|The end.');
    const toStart = run(plain, toEnd, 'start', true);
    expect(toStart.anchor).toBe(anchor);
    expect(toStart.head).toBe(1);
    expect(plain.textBetween(toStart.from, toStart.to, '|')).toBe('The headline|The standfirst.|First  paragraph.|An ');
  });
});

describe('PageDown without a view', () => {
  it('is left to the browser (it needs the screen to measure a page)', () => {
    const state = EditorState.create({ doc: plain });
    expect(pageMove(1)(state, () => undefined)).toBe(false);
  });
});
