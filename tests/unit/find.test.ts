/**
 * Find and replace (renderer/editor/find.ts) on editor states: what is found (and what is not:
 * the fields of atoms), stepping with wrap, case and whole word, replace and replace all as one
 * undo step each, and the incremental upkeep of the matches while the bar is open (checked
 * against a fresh search after every edit of a random sequence).
 */
import { undo } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import { SearchQuery } from 'prosemirror-search';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { describe, expect, test } from 'vitest';
import { schema } from '../../shared/schema';
import { createEditorState } from '../../renderer/editor/create-editor';
import {
  closeFind,
  findKey,
  findMatches,
  findNext,
  findPrevious,
  findStatus,
  matchesInBlock,
  openFind,
  replaceAll,
  replaceMatch,
  searchDocument,
  setFindQuery,
  setFindWindow,
  shownMatches,
  toSearchQuery,
  type FindQuery,
} from '../../renderer/editor/find';
import { article, cite, list, marked, p, readAlso, source } from './helpers/build';

function figure(caption: string): PMNode {
  return schema.node('figure', { src: 'https://example.com/a.jpg', alt: 'Harbour at dawn', credit: 'Harbour Photo' }, [schema.node('figcaption', null, [schema.text(caption)])]);
}

function sample(): EditorState {
  return createEditorState(
    article({
      headline: 'Harbour reopens',
      standfirst: 'The harbour master speaks',
      body: [
        p('The harbour was closed', cite('harbour-src'), ' for a week.'),
        figure('Boats in the harbour'),
        list('bullet_list', 'Harbourside cafes', 'The HARBOUR fees'),
        readAlso('Read also', { title: 'Harbour history', url: 'https://example.com/harbour' }),
        p('Last words about the ', marked('harbour', 'em'), '.'),
      ],
      sources: [source('harbour-src', { title: 'Harbour report', outlet: 'Harbour Times' })],
    }),
  );
}

/** Runs `command` (which must apply) and returns the new state. */
function run(state: EditorState, command: Command): EditorState {
  let next = state;
  const done = command(state, (tr) => {
    next = next.apply(tr);
  });
  expect(done).toBe(true);
  return next;
}

function open(state: EditorState, q: FindQuery): EditorState {
  return run(run(state, openFind()), setFindQuery(q));
}

const texts = (state: EditorState): string[] => findMatches(state).map((m) => state.doc.textBetween(m.from, m.to));
const selected = (state: EditorState): string => state.doc.textBetween(state.selection.from, state.selection.to);

describe('find', () => {
  test('finds in headline, standfirst, body, caption and lists, never in atoms (citation ids, Read also items, sources)', () => {
    const state = open(sample(), { search: 'harbour' });
    // Headline, standfirst, paragraph, caption, two list items, last paragraph (in italics).
    expect(texts(state)).toEqual(['Harbour', 'harbour', 'harbour', 'harbour', 'Harbour', 'HARBOUR', 'harbour']);
    // The editor's selection starts in the headline: the first match is selected.
    expect(findStatus(state)).toMatchObject({ open: true, count: 7, current: 1 });
    expect(state.selection.from).toBe(1);
  });

  test('next and previous step through the matches and wrap around', () => {
    let state = open(sample(), { search: 'harbour' });
    const all = findMatches(state);
    const seen: number[] = [];
    for (let i = 0; i < all.length; i++) {
      state = run(state, findNext);
      seen.push(findStatus(state).current);
    }
    expect(seen).toEqual([2, 3, 4, 5, 6, 7, 1]);
    state = run(state, findPrevious);
    expect(findStatus(state).current).toBe(7);
    expect(state.selection.from).toBe(all.at(-1)?.from);
    state = run(state, findPrevious);
    expect(findStatus(state).current).toBe(6);
  });

  test('match case and whole word', () => {
    expect(texts(open(sample(), { search: 'HARBOUR', caseSensitive: true }))).toEqual(['HARBOUR']);
    expect(texts(open(sample(), { search: 'Harbour', caseSensitive: true }))).toEqual(['Harbour', 'Harbour']);
    // "Harbourside" is not the whole word.
    expect(findStatus(open(sample(), { search: 'harbour', wholeWord: true })).count).toBe(6);
    expect(findStatus(open(sample(), { search: 'harbour', wholeWord: false })).count).toBe(7);
  });

  test('the selected text becomes the query when the bar opens', () => {
    let state = sample();
    const word = findMatches(open(state, { search: 'master' }))[0]!;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, word.from, word.to)));
    state = run(state, openFind());
    expect(findStatus(state)).toMatchObject({ open: true, search: 'master', count: 1, current: 1, request: 1 });
  });

  test('closing removes the highlights and keeps the query; F3 opens it again on the same query', () => {
    let state = open(sample(), { search: 'harbour' });
    state = run(state, closeFind);
    expect(findStatus(state)).toMatchObject({ open: false, count: 0, search: 'harbour' });
    expect(findKey.getState(state)?.set.find()).toHaveLength(0);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1)));
    state = run(state, findNext); // from a caret at the headline's start: its "Harbour"
    expect(findStatus(state)).toMatchObject({ open: true, count: 7, current: 1 });
  });

  test('with the bar closed, typing leaves the find state as it is (no search per key)', () => {
    let state = sample();
    const before = findKey.getState(state);
    for (let i = 0; i < 5; i++) state = state.apply(state.tr.insertText('harbour ', 3));
    expect(findKey.getState(state)).toBe(before);
  });

  test('no match inside a citation: its source id is not text', () => {
    const state = open(sample(), { search: 'harbour-src' });
    expect(findStatus(state).count).toBe(0);
    expect(findStatus(open(sample(), { search: 'closed for' })).count).toBe(0); // a citation sits between
    expect(findStatus(open(sample(), { search: 'closed' })).count).toBe(1);
  });

  test('Replace replaces the selected match, selects the next, and is one undo step', () => {
    let state = open(sample(), { search: 'harbour' });
    state = run(state, findNext); // the standfirst's
    state = run(state, replaceMatch('port'));
    expect(state.doc.child(1).textContent).toBe('The port master speaks');
    expect(findStatus(state)).toMatchObject({ count: 6, current: 2 });
    expect(selected(state)).toBe('harbour');
    state = run(state, undo);
    expect(state.doc.child(1).textContent).toBe('The harbour master speaks');
    expect(findStatus(state).count).toBe(7);
  });

  test('Replace with nothing selected selects the next match first', () => {
    let state = open(sample(), { search: 'harbour' });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)));
    state = run(state, replaceMatch('port'));
    expect(findStatus(state)).toMatchObject({ count: 7, current: 2 });
  });

  test('Replace all replaces every match in one undo step, keeping marks; "$" in the replacement is text', () => {
    const start = open(sample(), { search: 'harbour' });
    let state = run(start, replaceAll('$5 port'));
    expect(findStatus(state).count).toBe(0);
    expect(state.doc.child(0).textContent).toBe('$5 port reopens');
    const last = state.doc.child(state.doc.childCount - 2);
    expect(last.textContent).toBe('Last words about the $5 port.');
    let emphasised = '';
    last.forEach((n) => {
      if (n.marks.some((m) => m.type.name === 'em')) emphasised += n.text ?? '';
    });
    expect(emphasised).toBe('$5 port');
    // Atoms untouched.
    expect(JSON.stringify(state.doc.toJSON())).toContain('harbour-src');
    state = run(state, undo);
    expect(state.doc.eq(start.doc)).toBe(true);
    expect(findStatus(state).count).toBe(7);
  });

  test('a literal query: a typed \\n is a backslash and an n', () => {
    const state = open(createEditorState(article({ headline: 'C:\\new folder', body: [p('a')] })), { search: '\\n' });
    expect(findStatus(state).count).toBe(1);
  });

  test('searching block by block finds what the query finds on the whole document', () => {
    const state = sample();
    const query = toSearchQuery({ search: 'harbour' });
    const whole: { from: number; to: number }[] = [];
    for (let pos = 0; ; ) {
      const r = query.findNext(state, pos);
      if (!r) break;
      whole.push({ from: r.from, to: r.to });
      pos = r.to;
    }
    expect(searchDocument(state.doc, query)).toEqual(whole);
    expect(whole.length).toBe(7);
    const word = toSearchQuery({ search: 'harbour', wholeWord: true });
    const wholeWords: { from: number; to: number }[] = [];
    for (let pos = 0; ; ) {
      const r = word.findNext(state, pos);
      if (!r) break;
      wholeWords.push({ from: r.from, to: r.to });
      pos = r.to;
    }
    expect(searchDocument(state.doc, word)).toEqual(wholeWords);
    expect(wholeWords.length).toBe(6);
    expect(matchesInBlock(new SearchQuery({ search: '' }), state.doc.child(0), 1)).toEqual([]);
  });

  test('only the matches in the window around the viewport are drawn, and the selected one', () => {
    let state = open(sample(), { search: 'harbour' });
    const all = findMatches(state);
    expect(shownMatches(state)).toEqual(all); // no view has measured a window: all drawn
    // The window: the list (top-level block 4).
    let start = 0;
    for (let i = 0; i < 4; i++) start += state.doc.child(i).nodeSize;
    const window = { from: start, to: start + state.doc.child(4).nodeSize };
    state = run(state, setFindWindow(window));
    const inList = all.filter((m) => m.from >= window.from && m.to <= window.to);
    expect(inList).toHaveLength(2);
    // The selected match (the headline's) is drawn too.
    expect(shownMatches(state)).toEqual([all[0], ...inList]);
    state = run(state, findNext);
    expect(shownMatches(state)).toEqual([all[1], ...inList]);
    // Typing before the window moves it with the text.
    state = state.apply(state.tr.insertText('harbour ', 1));
    expect(shownMatches(state).map((m) => state.doc.textBetween(m.from, m.to))).toEqual(['harbour', 'Harbour', 'HARBOUR']);
    expect(findStatus(state).count).toBe(8);
  });

  test('while the bar is open, edits keep the matches and the count exact (random edits against a fresh search)', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let state = open(sample(), { search: 'har' });
    const query = toSearchQuery({ search: 'har' });
    for (let i = 0; i < 300; i++) {
      const { doc } = state;
      const textPositions: number[] = [];
      doc.descendants((node, pos) => {
        if (node.isTextblock) for (let k = 0; k <= node.content.size; k++) textPositions.push(pos + 1 + k);
        return !node.isTextblock;
      });
      const at = textPositions[Math.floor(random() * textPositions.length)]!;
      const r = random();
      const tr = state.tr;
      try {
        if (r < 0.4) tr.insertText(['h', 'a', 'r', 'har', ' ', 'bour'][Math.floor(random() * 6)]!, at);
      else if (r < 0.6) tr.delete(at, Math.min(at + 1 + Math.floor(random() * 4), textPositions.at(-1)!));
      else if (r < 0.7) tr.split(at);
      else if (r < 0.8) tr.setSelection(TextSelection.create(doc, at)).deleteSelection();
      else if (r < 0.9) {
        const m = findMatches(state)[0];
        if (m) tr.setSelection(TextSelection.create(doc, m.from, m.to));
      } else {
          const $at = doc.resolve(at);
          if ($at.depth > 0 && $at.parentOffset === 0 && $at.index($at.depth - 1) > 0) tr.join($at.before());
        }
        state = state.apply(tr);
      } catch {
        continue; // a split, join or delete the schema refuses: skip it
      }
      const fresh = searchDocument(state.doc, query);
      expect(findMatches(state)).toEqual(fresh);
      expect(findStatus(state).count).toBe(fresh.length);
      const sel = state.selection;
      const activeIndex = fresh.findIndex((m) => m.from === sel.from && m.to === sel.to);
      expect(findStatus(state).current).toBe(activeIndex + 1);
    }
  });
});
