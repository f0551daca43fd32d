/**
 * The editor's commands on an `EditorState` alone: links (unsafe ones refused), marks, blocks,
 * lists, quotes, figures, "Read also" blocks and items, source edits; and the typographic input
 * rules with their switch. Each command is one transaction, so one undo step.
 */
import { closeHistory, undo, undoDepth } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import type { NodeSelection} from 'prosemirror-state';
import { TextSelection, type Command, type EditorState, type Plugin } from 'prosemirror-state';
import { describe, expect, test } from 'vitest';
import { schema } from '../../shared/schema';
import {
  addReadAlsoItem,
  insertFigure,
  insertReadAlso,
  linkAt,
  linkVerdict,
  moveReadAlsoItem,
  removeLink,
  removeReadAlsoItem,
  setLink,
  setReadAlsoTitle,
  toggleBlockquote,
  toggleEm,
  toggleHeading,
  toggleList,
  toggleStrong,
  updateReadAlsoItem,
  updateSource,
} from '../../renderer/editor/commands';
import { createEditorState } from '../../renderer/editor/create-editor';
import { setTypography, typographyOn } from '../../renderer/editor/input-rules';
import { article, cite, marked, p, source } from './helpers/build';

function state(doc: PMNode = article({ headline: 'H', body: [p('Hello world'), p('Second ', cite('a'))], sources: [source('a', { title: 'A' })] })): EditorState {
  return createEditorState(doc);
}

function select(s: EditorState, from: number, to = from): EditorState {
  return s.apply(s.tr.setSelection(TextSelection.create(s.doc, from, to)));
}

function run(s: EditorState, command: Command): EditorState {
  let next = s;
  let dispatched = 0;
  // Each transaction closes its history event, as a pause between commands would: undo depth
  // then counts transactions, and one command must make one.
  expect(command(s, (tr) => ((next = s.applyTransaction(closeHistory(tr)).state), dispatched++))).toBe(true);
  expect(dispatched).toBeLessThanOrEqual(1);
  return next;
}

/** Position inside the first body paragraph ("Hello world" starts at 6). */
const HELLO = 6;

describe('links', () => {
  test('linking a selection, then changing and removing the link around the cursor', () => {
    let s = select(state(), HELLO, HELLO + 5);
    s = run(s, setLink(' https://example.com/x '));
    expect(s.doc.child(2).firstChild?.marks.map((m) => m.attrs.href)).toEqual(['https://example.com/x']);
    s = select(s, HELLO + 2);
    expect(linkAt(s)).toEqual({ from: HELLO, to: HELLO + 5, href: 'https://example.com/x' });
    s = run(s, setLink('mailto:desk@example.com'));
    expect(linkAt(s)?.href).toBe('mailto:desk@example.com');
    s = run(s, removeLink);
    expect(linkAt(s)).toBeNull();
  });

  test.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', 'https://exa mple.com', ''])('refuses %j', (href) => {
    const s = select(state(), HELLO, HELLO + 5);
    expect(setLink(href)(s, () => expect.unreachable())).toBe(false);
    expect(linkVerdict(href)).not.toBe('ok');
  });

  test('with an empty selection outside a link, inserts the URL as linked text', () => {
    const s = run(select(state(), HELLO), setLink('https://example.com'));
    expect(s.doc.child(2).textContent).toBe('https://example.comHello world');
    expect(linkAt(select(s, HELLO + 3))?.href).toBe('https://example.com');
  });

  test('the headline takes no link', () => {
    expect(setLink('https://example.com')(select(state(), 1, 2))).toBe(false);
  });
});

describe('marks and blocks', () => {
  test('bold and italic toggle on a selection', () => {
    let s = run(select(state(), HELLO, HELLO + 5), toggleStrong);
    s = run(s, toggleEm);
    expect(s.doc.child(2).firstChild?.marks.map((m) => m.type.name)).toEqual(['em', 'strong']);
    s = run(s, toggleStrong);
    expect(s.doc.child(2).firstChild?.marks.map((m) => m.type.name)).toEqual(['em']);
  });

  test('headings toggle back to a paragraph; the headline cannot become one', () => {
    let s = run(select(state(), HELLO), toggleHeading(3));
    expect(s.doc.child(2).type.name).toBe('heading');
    expect(s.doc.child(2).attrs.level).toBe(3);
    s = run(s, toggleHeading(3));
    expect(s.doc.child(2).type.name).toBe('paragraph');
    expect(toggleHeading(2)(select(state(), 1))).toBe(false);
  });

  test('lists wrap, switch kind and lift; quotes wrap and lift', () => {
    let s = run(select(state(), HELLO), toggleList('bullet_list'));
    expect(s.doc.child(2).type.name).toBe('bullet_list');
    s = run(s, toggleList('ordered_list'));
    expect(s.doc.child(2).type.name).toBe('ordered_list');
    s = run(s, toggleList('ordered_list'));
    expect(s.doc.child(2).type.name).toBe('paragraph');
    s = run(s, toggleBlockquote);
    expect(s.doc.child(2).type.name).toBe('blockquote');
    s = run(s, toggleBlockquote);
    expect(s.doc.child(2).type.name).toBe('paragraph');
  });

  test('a figure goes after the current block, selected, and refuses a non-https image', () => {
    const s = run(select(state(), HELLO), insertFigure('assets/photo.jpg', 'A photo', 'Caption', 'Credit'));
    const figure = s.doc.child(3);
    expect(figure.type.name).toBe('figure');
    expect(figure.attrs).toEqual({ src: 'assets/photo.jpg', alt: 'A photo', credit: 'Credit' });
    expect(figure.textContent).toBe('Caption');
    expect((s.selection as NodeSelection).node).toBe(figure);
    expect(insertFigure('http://x.example/p.jpg', '', '', '')(state())).toBe(false);
    expect(insertFigure('assets/../secret', '', '', '')(state())).toBe(false);
  });
});

describe('"Read also"', () => {
  test('inserted in place of an empty paragraph, items added, edited, moved and removed, one undo step each', () => {
    let s = state(article({ headline: 'H', body: [p('Before'), p(), p('After')] }));
    const empty = s.doc.child(0).nodeSize + s.doc.child(1).nodeSize + p('Before').nodeSize;
    s = run(select(s, empty + 1), insertReadAlso());
    const block = (): PMNode => s.doc.child(3);
    expect(block().type.name).toBe('read_also');
    expect(s.doc.childCount).toBe(6);
    const depth = undoDepth(s);
    s = run(s, addReadAlsoItem(empty, { title: 'Second', url: 'https://two.example/' }));
    s = run(s, updateReadAlsoItem(empty, 0, { title: 'First', url: 'https://one.example/', kicker: 'Analysis' }));
    s = run(s, setReadAlsoTitle(empty, 'More on this'));
    expect(undoDepth(s)).toBe(depth + 3);
    expect(block().attrs.title).toBe('More on this');
    s = run(s, moveReadAlsoItem(empty, 0, 1));
    expect(block().content.content.map((item) => item.attrs.title)).toEqual(['Second', 'First']);
    expect(updateReadAlsoItem(empty, 0, { url: 'javascript:alert(1)' })(s)).toBe(false);
    s = run(s, updateReadAlsoItem(empty, 0, { url: 'https://bad url' })); // kept, reported as a problem
    s = run(s, removeReadAlsoItem(empty, 0));
    expect(block().childCount).toBe(1);
    s = run(s, removeReadAlsoItem(empty, 0));
    expect(s.doc.child(3).type.name).toBe('paragraph');
    expect(run(s, undo).doc.child(3).type.name).toBe('read_also');
  });

  test('removing the only block of the body leaves an empty paragraph', () => {
    let s = state(article({ headline: 'H', body: [p()] }));
    s = run(select(s, 6), insertReadAlso());
    expect(s.doc.childCount).toBe(4);
    s = run(s, removeReadAlsoItem(5, 0));
    expect(s.doc.child(2).type.name).toBe('paragraph');
  });

  test('from the headline, the block goes after the standfirst', () => {
    const s = run(select(state(), 1), insertReadAlso());
    expect(s.doc.child(2).type.name).toBe('read_also');
  });
});

describe('sources', () => {
  test('updateSource changes fields in one step and refuses an unsafe URL or unknown id', () => {
    let s = state();
    s = run(s, updateSource('a', { title: 'New title', url: 'https://a.example/' }));
    const node = s.doc.lastChild!.firstChild!;
    expect(node.attrs).toMatchObject({ id: 'a', title: 'New title', url: 'https://a.example/' });
    expect(updateSource('a', { url: 'javascript:alert(1)' })(s)).toBe(false);
    expect(updateSource('zzz', { title: 'x' })(s)).toBe(false);
    expect(run(s, undo).doc.lastChild!.firstChild!.attrs.title).toBe('A');
  });
});

/** Types `text` at the cursor the way the view would, through the plugins' handleTextInput. */
function type(s: EditorState, text: string): EditorState {
  let current = s;
  for (const ch of text) {
    const { from, to } = current.selection;
    const view = { state: current, composing: false, dispatch: (tr: Parameters<typeof current.apply>[0]) => (current = current.apply(tr)) };
    const handled = current.plugins.some((plugin: Plugin) => plugin.props.handleTextInput?.call(plugin, view as never, from, to, ch, () => current.tr.insertText(ch, from, to)));
    if (!handled) current = current.apply(current.tr.insertText(ch, from, to));
  }
  return current;
}

describe('typographic input rules', () => {
  test('quotes, dashes and ellipsis become typographic, and can be switched off', () => {
    let s = select(state(article({ headline: 'H', body: [p()] })), 6);
    s = type(s, `"Don't" -- 'she' said...`);
    expect(s.doc.child(2).textContent).toBe('“Don’t” — ‘she’ said…');
    expect(typographyOn(s)).toBe(true);
    const depth = undoDepth(s);
    s = run(s, setTypography(false));
    expect(undoDepth(s)).toBe(depth);
    s = type(s, ` "x" -- ...`);
    expect(s.doc.child(2).textContent).toBe('“Don’t” — ‘she’ said… "x" -- ...');
  });

  test('the setting can start off', () => {
    expect(typographyOn(createEditorState(article({}), { typography: false }))).toBe(false);
  });
});

test('marked text helper sanity: a link mark survives into the document', () => {
  const s = state(article({ body: [p(marked('x', ['link', { href: 'https://e.example' }]))] }));
  expect(s.doc.child(2).firstChild?.marks[0]?.type).toBe(schema.marks.link);
});
