/**
 * The editor's plugins on a 100,000-word article with 500 sources (the size of issue 6's XL
 * document): typing costs no renumbering and counts and checks one block; citing at the start
 * renumbers from the citation list without walking the document. Timings of `state.apply` are
 * printed (per keystroke, with all plugins and with none) for the record; the assertions are on
 * the work done, which does not depend on the machine's speed.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { expect, test } from 'vitest';
import { indexFootnotes } from '../../shared/footnotes';
import { findProblems } from '../../shared/problems';
import { schema } from '../../shared/schema';
import { documentWords } from '../../shared/words';
import { insertCitation } from '../../renderer/editor/commands';
import { createEditorState } from '../../renderer/editor/create-editor';
import { footnotesOf } from '../../renderer/editor/footnote-plugin';
import { problemsOf } from '../../renderer/editor/problems-plugin';
import { wordCountOf } from '../../renderer/editor/word-count-plugin';

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = 'the council said on monday that its budget would rise by four percent next year after months of talks with unions and residents who had opposed the plan in public meetings across the city'.split(' ');

/** A news-shaped article of about `words` words citing `sources` sources 1–3 times each. */
function longArticle(words: number, sources: number): PMNode {
  const next = random(42);
  const ids = Array.from({ length: sources }, (_, i) => `s${String(i + 1)}`);
  const citations = ids.flatMap((id) => Array.from({ length: 1 + Math.floor(next() * 3) }, () => id)).sort(() => next() - 0.5);
  const blocks: PMNode[] = [];
  let count = 0;
  let paragraph = 0;
  while (count < words) {
    const length = 40 + Math.floor(next() * 41);
    const inline: PMNode[] = [];
    let text = '';
    for (let i = 0; i < length; i++) {
      text += `${VOCABULARY[Math.floor(next() * VOCABULARY.length)] as string} `;
      if (i === 10) {
        inline.push(schema.text(text), schema.text('a linked phrase', [schema.mark('link', { href: 'https://example.com/x' })]), schema.text(' and '), schema.text('bold words', [schema.mark('strong')]));
        text = ' ';
      }
    }
    inline.push(schema.text(text));
    if (citations.length && next() < 0.65) inline.push(schema.node('citation', { source: citations.pop() as string }));
    blocks.push(schema.node('paragraph', null, inline));
    count += length + 5;
    paragraph++;
    if (paragraph % 5 === 0) blocks.push(schema.node('heading', { level: 2 }, [schema.text('A heading for the next part')]));
    if (paragraph % 40 === 0) blocks.push(schema.node('read_also', null, [schema.node('read_also_item', { title: 'Related story', url: 'https://example.com/related', kicker: '' })]));
  }
  // Cite whatever is left at the end, so that every source is cited.
  const last = blocks.length - 1;
  blocks[last] = schema.node('paragraph', null, [...(blocks[last]?.content.content ?? []), ...citations.map((id) => schema.node('citation', { source: id }))]);
  return schema.node('doc', null, [
    schema.node('headline', null, [schema.text('A long read')]),
    schema.node('standfirst', null, [schema.text('With hundreds of sources.')]),
    ...blocks,
    schema.node('sources', null, ids.map((id, i) => schema.node('source', { id, title: `Source number ${String(i + 1)}`, outlet: 'Outlet', url: `https://example.com/source/${String(i + 1)}` }))),
  ]);
}

function ms(start: number): number {
  return performance.now() - start;
}

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return `median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms`;
}

test('typing and citing in a 100,000-word article with 500 sources', () => {
  const doc = longArticle(100_000, 500);
  const words = documentWords(doc);
  expect(words).toBeGreaterThanOrEqual(100_000);
  const report: string[] = [`document: ${String(words)} words, ${String(doc.childCount)} top-level blocks, ${String(indexFootnotes(doc).citations.length)} citations, 500 sources`];

  let start = performance.now();
  indexFootnotes(doc);
  findProblems(doc);
  documentWords(doc);
  report.push(`full walks (indexFootnotes + findProblems + documentWords), what each key would cost without the plugins: ${ms(start).toFixed(1)} ms`);

  start = performance.now();
  let state = createEditorState(doc);
  report.push(`createEditorState (one full walk per plugin): ${ms(start).toFixed(1)} ms`);
  expect(wordCountOf(state).words).toBe(words);

  const middle = Math.floor(doc.content.size / 2);
  const at = TextSelection.near(state.doc.resolve(middle)).from;
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
  let bare = EditorState.create({ doc: state.doc, selection: state.selection });

  const before = { recomputes: footnotesOf(state).recomputes, problems: problemsOf(state).count };
  const withPlugins: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < 700; i++) {
    const ch = i % 6 === 5 ? ' ' : 'x';
    start = performance.now();
    state = state.apply(state.tr.insertText(ch));
    withPlugins.push(ms(start));
    start = performance.now();
    bare = bare.apply(bare.tr.insertText(ch));
    without.push(ms(start));
    expect(footnotesOf(state).recomputes).toBe(before.recomputes);
    expect(wordCountOf(state).counted).toBe(1);
    expect(problemsOf(state).checked).toBe(1);
  }
  // The first 200 keys warm the JIT up; the figures are of the 500 after.
  report.push(`typing, state.apply per key with all plugins: ${stats(withPlugins.slice(200))}`);
  report.push(`typing, state.apply per key with no plugins:  ${stats(without.slice(200))}`);
  expect(wordCountOf(state).words).toBe(documentWords(state.doc));
  expect(problemsOf(state).count).toBe(before.problems);

  // Cite source 500 at the very start of the body: every number changes.
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 1)));
  start = performance.now();
  insertCitation('s500')(state, (tr) => (state = state.apply(tr)));
  const citing = ms(start);
  expect(footnotesOf(state).numberOf('s500')).toBe(1);
  expect(footnotesOf(state).recomputes).toBe(before.recomputes + 1);
  const again: number[] = [];
  for (const id of ['s499', 's498', 's497', 's496', 's495']) {
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 1)));
    start = performance.now();
    insertCitation(id)(state, (tr) => (state = state.apply(tr)));
    again.push(ms(start));
  }
  report.push(`citing at the start (every number changes), state.apply: first ${citing.toFixed(2)} ms (cold), then ${stats(again)}`);
  expect(footnotesOf(state).numberOf('s495')).toBe(1);
  expect(footnotesOf(state).numberOf('s500')).toBe(6);
  expect([...footnotesOf(state).numbers]).toEqual([...indexFootnotes(state.doc).numbers]);

  start = performance.now();
  const list = problemsOf(state).list();
  report.push(`problems list on demand (${String(list.length)} problems): ${ms(start).toFixed(2)} ms`);
  start = performance.now();
  footnotesOf(state).citations();
  report.push(`citation positions on demand: ${ms(start).toFixed(2)} ms`);
  console.log(report.join('\n'));
});
