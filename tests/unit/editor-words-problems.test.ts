/**
 * The incremental word count and problems: after any random edits they equal shared/words.ts's
 * `documentWords` and shared/problems.ts's `findProblems` on the whole document, while typing
 * recounts and re-checks a single block.
 */
import fc from 'fast-check';
import { TextSelection, type EditorState } from 'prosemirror-state';
import { describe, expect, test } from 'vitest';
import { findProblems } from '../../shared/problems';
import { schema } from '../../shared/schema';
import { documentWords, readingMinutes } from '../../shared/words';
import { createEditorState } from '../../renderer/editor/create-editor';
import { problemsOf, setMissingAssets } from '../../renderer/editor/problems-plugin';
import { wordCountOf } from '../../renderer/editor/word-count-plugin';
import { arbDoc } from './helpers/arbitrary-doc';
import { article, cite, marked, p, readAlso, source } from './helpers/build';
import { arbEdits, runEdits } from './editor-random-edits';

function expectWords(state: EditorState): void {
  const words = documentWords(state.doc);
  expect(wordCountOf(state).words).toBe(words);
  expect(wordCountOf(state).minutes).toBe(readingMinutes(words));
}

function expectProblems(state: EditorState): void {
  const expected = findProblems(state.doc, undefined, problemsOf(state).missingAssets);
  const problems = problemsOf(state);
  expect(problems.list()).toEqual(expected);
  expect(problems.errors).toBe(expected.filter((x) => x.severity === 'error').length);
  expect(problems.warnings).toBe(expected.filter((x) => x.severity === 'warning').length);
}

const doc = article({
  headline: 'A headline',
  standfirst: 'The standfirst says it.',
  body: [
    p('First paragraph with ', marked('a bad link', ['link', { href: 'https://exa mple.com' }]), ' and a citation ', cite('a'), '.'),
    p('Second paragraph cites a missing source ', cite('ghost'), '.'),
    readAlso('', { title: '', url: 'https://ok.example/' }),
    p('Third paragraph.'),
  ],
  sources: [source('a', { title: 'Alpha' }), source('b', { title: '' , url: 'https://b.example/' })],
});

describe('word count', () => {
  test('starts equal to the full count and typing recounts one block', () => {
    let state = createEditorState(doc);
    expectWords(state);
    const at = state.doc.resolve(40).pos;
    state = state.apply(state.tr.insertText(' more words here', at));
    expect(wordCountOf(state).counted).toBe(1);
    expectWords(state);
  });

  test('a selection change or a mark recounts nothing or one block', () => {
    let state = createEditorState(doc);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 5)));
    expect(wordCountOf(state).counted).toBe(0);
    state = state.apply(state.tr.addMark(30, 35, schema.mark('em')));
    expect(wordCountOf(state).counted).toBe(1);
    expectWords(state);
  });

  test('after any random edits, equals documentWords (property)', () => {
    fc.assert(fc.property(arbDoc, arbEdits, (d, edits) => void runEdits(createEditorState(d), edits, expectWords)), { numRuns: 150 });
  });
});

describe('problems', () => {
  test('start equal to findProblems, and typing re-checks one block', () => {
    let state = createEditorState(doc);
    expectProblems(state);
    expect(problemsOf(state).list().map((x) => x.code)).toEqual(['malformed-url', 'missing-source', 'read-also-untitled', 'uncited-source', 'untitled-source']);
    state = state.apply(state.tr.insertText('typed ', 40));
    expect(problemsOf(state).checked).toBe(1);
    expectProblems(state);
  });

  test('places follow when a block is inserted before ("paragraph 2" becomes "paragraph 3")', () => {
    let state = createEditorState(doc);
    const start = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize;
    state = state.apply(state.tr.insert(start, p('A new first paragraph.')));
    expect(problemsOf(state).checked).toBe(1);
    expectProblems(state);
    expect(problemsOf(state).list().find((x) => x.code === 'missing-source')?.where).toMatch(/^paragraph 3 of the body/u);
  });

  test('adding the missing source clears its citation problem without re-checking blocks', () => {
    let state = createEditorState(doc);
    const errors = problemsOf(state).errors;
    state = state.apply(state.tr.insert(state.doc.content.size - 1, source('ghost', { title: 'Ghost' })));
    expect(problemsOf(state).checked).toBe(0);
    expect(problemsOf(state).errors).toBe(errors - 1);
    expectProblems(state);
  });

  test('after any random edits, equal findProblems (property)', () => {
    fc.assert(fc.property(arbDoc, arbEdits, (d, edits) => void runEdits(createEditorState(d), edits, expectProblems)), { numRuns: 150 });
  });

  test('figures whose assets/ file is missing: errors once told, kept while typing, gone with the figure', () => {
    const figure = (src: string) => schema.node('figure', { src, alt: 'A photo' }, [schema.node('figcaption')]);
    let state = createEditorState(article({ headline: 'Photos', body: [p('Text.'), figure('assets/s/gone.png'), figure('assets/s/kept.png'), p('More.')] }));
    const before = problemsOf(state).errors;
    state = state.apply(setMissingAssets(state.tr, new Set(['assets/s/gone.png'])));
    expect(state.doc.eq(state.doc)).toBe(true);
    expect(problemsOf(state).errors).toBe(before + 1);
    expect(problemsOf(state).checked).toBe(0);
    expectProblems(state);
    expect(problemsOf(state).list().find((x) => x.code === 'image-missing')?.message).toBe('The photo “A photo” in figure 1 of the body is missing: assets/s/gone.png was not found.');
    state = state.apply(state.tr.insertText('typed ', 3));
    expect(problemsOf(state).errors).toBe(before + 1);
    expectProblems(state);
    // Deleting the figure takes its problem with it.
    const at = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + state.doc.child(2).nodeSize;
    state = state.apply(state.tr.delete(at, at + state.doc.child(3).nodeSize));
    expect(problemsOf(state).errors).toBe(before);
    expectProblems(state);
  });

  test('after any random edits with some images missing, equal findProblems (property)', () => {
    fc.assert(
      fc.property(arbDoc, arbEdits, (d, edits) => {
        const start = createEditorState(d);
        const srcs: string[] = [];
        start.doc.descendants((node) => void (node.type.name === 'figure' && srcs.push(node.attrs.src as string)));
        void runEdits(start.apply(setMissingAssets(start.tr, new Set(srcs))), edits, expectProblems);
      }),
      { numRuns: 60 },
    );
  });
});
