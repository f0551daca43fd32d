/**
 * Search, word count, reading time and problems under review (issue 12 §2, §4): they count the
 * text as it would read with every suggestion accepted. Deleted text is never found, counted or
 * flagged; inserted text is. The editor's incremental counts stay equal to the full ones as
 * suggestions come and go, and typing still recounts one block.
 */
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { describe, expect, test } from 'vitest';
import { findProblems } from '../../shared/problems';
import { decideAll, finalDoc } from '../../shared/review/resolve';
import { schema } from '../../shared/schema';
import { documentWords, readingMinutes } from '../../shared/words';
import { createEditorState } from '../../renderer/editor/create-editor';
import { findMatches, openFind, setFindQuery, type FindQuery } from '../../renderer/editor/find';
import { problemsOf } from '../../renderer/editor/problems-plugin';
import { wordCountOf } from '../../renderer/editor/word-count-plugin';
import { article, cite, list, p, source } from './helpers/build';
import { reviewArticle, sugg, t } from './helpers/review-doc';

const del = sugg('deletion', 'd1');
const ins = sugg('insertion', 'i1');
const badLink = schema.mark('link', { href: 'https://exa mple.com' });

function sample(): EditorState {
  return createEditorState(
    article({
      headline: 'Harbour reopens',
      body: [
        schema.node('paragraph', null, [t('The '), t('old harbour', del), t('new harbour', ins), t(' was closed '), t('bad link', badLink, del), cite('ghost').mark([del]), t(' all week.')]),
        schema.node('paragraph', null, [t('A harbour paragraph cut whole.')], [del]),
        list('bullet_list', 'Harbour cafes', schema.node('paragraph', null, [t('Harbour fees, dropped')])),
        p('Last ', cite('a')),
      ],
      sources: [source('a', { title: 'Alpha' })],
    }),
  );
}

function run(state: EditorState, command: Command): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = next.apply(tr)))).toBe(true);
  return next;
}

const found = (state: EditorState, q: FindQuery): string[] => findMatches(run(run(state, openFind()), setFindQuery(q))).map((m) => state.doc.textBetween(m.from, m.to));

describe('search', () => {
  test('never finds deleted text, inline or a whole deleted block; finds inserted text', () => {
    expect(found(sample(), { search: 'harbour' })).toEqual(['Harbour', 'harbour', 'Harbour', 'Harbour']);
    expect(found(sample(), { search: 'old' })).toEqual([]);
    expect(found(sample(), { search: 'new harbour' })).toEqual(['new harbour']);
  });

  test('a block deleted while the bar is open loses its matches; rejecting the deletion brings them back', () => {
    let state = run(run(sample(), openFind()), setFindQuery({ search: 'cafes' }));
    expect(findMatches(state)).toHaveLength(1);
    let itemPos = -1;
    state.doc.descendants((node, pos) => {
      if (node.type.name === 'list_item' && node.textContent === 'Harbour cafes') itemPos = pos;
      return itemPos < 0;
    });
    state = state.apply(state.tr.addNodeMark(itemPos, del));
    expect(findMatches(state)).toHaveLength(0);
    state = state.apply(state.tr.removeNodeMark(itemPos, del));
    expect(findMatches(state)).toHaveLength(1);
  });
});

describe('word count and reading time', () => {
  test('count the text as it would read once accepted', () => {
    const doc = reviewArticle();
    expect(documentWords(doc)).toBe(documentWords(finalDoc(doc)));
    expect(documentWords(doc)).not.toBe(documentWords(decideAll(doc, 'reject')));
    const state = sample();
    // "Harbour reopens" + "The new harbour was closed all week." + "Harbour cafes" + "Harbour fees, dropped" + "Last".
    expect(wordCountOf(state).words).toBe(2 + 7 + 2 + 3 + 1);
    expect(wordCountOf(state).minutes).toBe(readingMinutes(15));
  });

  test('stay equal to the full count as suggestions come and go, and typing recounts one block', () => {
    let state = sample();
    const expectSame = (): void => expect(wordCountOf(state).words).toBe(documentWords(state.doc));
    // Delete "all " as a suggestion, then a whole paragraph, then accept everything.
    let at = -1;
    state.doc.descendants((node, pos) => {
      if (node.isText && node.text === ' all week.') at = pos + 1;
      return at < 0;
    });
    state = state.apply(state.tr.addMark(at, at + 4, del));
    expectSame();
    expect(wordCountOf(state).words).toBe(14);
    const last = state.doc.content.size - state.doc.lastChild!.nodeSize - state.doc.child(state.doc.childCount - 2).nodeSize;
    state = state.apply(state.tr.addNodeMark(last, del));
    expectSame();
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)));
    state = state.apply(state.tr.insertText('x'));
    expectSame();
    expect(wordCountOf(state).counted).toBe(1);
    const tr = state.tr;
    const accepted = decideAll(state.doc, 'accept');
    tr.replaceWith(0, state.doc.content.size, accepted.content);
    state = state.apply(tr);
    expectSame();
  });
});

describe('problems', () => {
  test('deleted text, links, citations and blocks are not checked; the incremental problems equal the full check', () => {
    const state = sample();
    const codes = findProblems(state.doc).map((x) => x.code);
    expect(codes).not.toContain('missing-source');
    expect(codes.some((code) => code.includes('link') || code.includes('url'))).toBe(false);
    expect(problemsOf(state).list()).toEqual(findProblems(state.doc, undefined, problemsOf(state).missingAssets));
    // Once the deletions are rejected, the bad link and the missing source are problems again.
    const rejected = findProblems(decideAll(state.doc, 'reject')).map((x) => x.code);
    expect(rejected).toContain('missing-source');
    expect(rejected.length).toBeGreaterThan(codes.length);
  });

  test('a headline whose every word is deleted is empty', () => {
    const doc = article({ headline: 'x', body: [p('Body')] });
    const reviewed = doc.copy(doc.content.replaceChild(0, schema.node('headline', null, [t('Old title', del)])));
    expect(findProblems(reviewed).map((x) => x.code)).toContain('empty-headline');
  });
});
