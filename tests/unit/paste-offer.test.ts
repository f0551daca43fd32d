/**
 * The paste offer's logic on editor states (renderer/editor/paste-offer.ts), without a browser:
 * which clipboards get an offer (the shared importers decide), how the pasted range follows
 * later edits and when the offer is withdrawn, and that Convert is one undo step of its own
 * that merges the sources like a Copydesk paste.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { undo } from 'prosemirror-history';
import { Slice } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import * as importers from '../../shared/import/index';
import { createEditorState } from '../../renderer/editor/create-editor';
import { footnotesOf } from '../../renderer/editor/footnote-plugin';
import { analyseClipboard, clipboardKey, convertPaste, keepPaste, offerSentence, pasteOfferOf } from '../../renderer/editor/paste-offer';
import { article, p, source, cite } from './helpers/build';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED_TEXT = readFileSync(path.join(ROOT, 'tests/fixtures/seed-article.txt'), 'utf8');
const URLS_HTML = readFileSync(path.join(ROOT, 'tests/fixtures/import/hostile/urls.html'), 'utf8');

function apply(state: EditorState, tr: Transaction): EditorState {
  return state.applyTransaction(tr).state;
}

/** A draft whose body is "Before." + the pasted paragraph + "After.", with an offer for the pasted one. */
function withOffer(text: string, existing = article({ headline: 'H', body: [p('Before ', cite('reuters-2023'), '.')], sources: [source('reuters-2023', { title: 'U.S. and allies explore collective defense guarantees for Ukraine', outlet: 'Reuters', date: '2023' })] })) {
  let state = createEditorState(existing);
  // The plain paste, as ProseMirror makes it: one paragraph per line, at the end of the body.
  const end = state.doc.content.size - (state.doc.lastChild?.nodeSize ?? 0);
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const tr = state.tr.insert(end, lines.map((line) => p(line)));
  const from = end;
  const to = end + tr.doc.slice(end, tr.mapping.map(end, 1)).size;
  state = apply(state, tr.setMeta('paste', true).setMeta(clipboardKey, { pasted: { id: 7, from, to } }));
  const found = analyseClipboard(importers, '', text);
  if (!found) throw new Error('no offer for the test text');
  state = apply(state, state.tr.setMeta(clipboardKey, { offer: { id: 7, from: 0, to: 0, content: importers.toPasteContent(found.result), citations: found.result.report.citations, sources: found.sources } }));
  return { state, from, to };
}

describe('which pastes get an offer', () => {
  it('text with citations and a reference list (the seed) does', () => {
    const found = analyseClipboard(importers, '', SEED_TEXT);
    expect(found && { citations: found.result.report.citations, sources: found.sources }).toEqual({ citations: 11, sources: 2 });
    expect(offerSentence({ citations: 11, sources: 2 })).toBe('This text has 11 citations and 2 sources. Turn them into footnotes?');
    expect(offerSentence({ citations: 1, sources: 1 })).toBe('This text has 1 citation and 1 source. Turn them into footnotes?');
  });

  it('a one-line paragraph with citations stays body text (not a headline)', () => {
    const found = analyseClipboard(importers, '', 'A claim [1].\n\n[1] “A report,” The Outlet, 2024.');
    expect(found?.result.report.citations).toBe(1);
    const content = found && importers.toPasteContent(found.result);
    expect(content?.slice.content.firstChild?.type.name).toBe('paragraph');
    expect(content?.carried.sources.map((s) => [s.title, s.outlet, s.date])).toEqual([['A report', 'The Outlet', '2024']]);
  });

  it('Markdown with footnote definitions does, read as Markdown (labels, multi-word titles)', () => {
    const md = 'The council voted [^vote] and the mayor agreed.[^mayor]\n\n[^vote]: "Council minutes," City Hall, 2024.\n[^mayor]: Interview with the mayor, 3 March 2024.';
    const found = analyseClipboard(importers, '', md);
    expect(found && { citations: found.result.report.citations, sources: found.sources }).toEqual({ citations: 2, sources: 2 });
    const content = found && importers.toPasteContent(found.result);
    expect(content?.slice.content.firstChild?.textContent).toBe('The council voted  and the mayor agreed.');
    expect(content?.carried.sources.map((s) => Object.values(s).join(' '))).toEqual([expect.stringContaining('Council minutes'), expect.stringContaining('the mayor')]);
    // Without definitions there is nothing to turn into footnotes.
    expect(analyseClipboard(importers, '', 'Just a caret^ and [^x] mention.')).toBeNull();
  });

  it('HTML footnotes do, and nothing hostile is in what Convert inserts', () => {
    const found = analyseClipboard(importers, URLS_HTML, 'Cited claim. [1]');
    expect(found?.result.report.citations).toBeGreaterThan(0);
    const content = found && importers.toPasteContent(found.result);
    const json = JSON.stringify({ slice: content?.slice.toJSON(), sources: content?.carried.sources });
    expect(json).not.toMatch(/PWNED|javascript:|vbscript:|data:/iu);
  });

  it('ordinary text, and citations without a reference list, do not', () => {
    for (const text of ['Just a sentence.\nAnother one.', 'A claim [1] with no reference list.', '[1] A list of references only, nothing cites it.']) {
      expect(analyseClipboard(importers, '', text), text).toBeNull();
    }
    expect(analyseClipboard(importers, '<p>Just <b>bold</b>.</p>', 'Just bold.')).toBeNull();
  });
});

describe('the offer on an editor state', () => {
  it('Convert replaces the pasted range in one undo step, merging the same source', () => {
    const { state } = withOffer('A claim [1] and another [2].\n[1] "U.S. and allies explore collective defense guarantees for Ukraine," Reuters, 2023\n[2] "Second," The Outlet, 2024');
    const before = state.doc;
    expect(pasteOfferOf(state)).toMatchObject({ citations: 2, sources: 2 });
    let next = state;
    expect(convertPaste(state, (tr) => (next = apply(state, tr)))).toBe(true);
    expect(pasteOfferOf(next)).toBeNull();
    const index = footnotesOf(next);
    // The Reuters source is the draft's own (merged), the second one is added.
    expect(next.doc.lastChild?.childCount).toBe(2);
    expect(index.counts.get('reuters-2023')).toBe(2);
    expect(next.doc.textContent).not.toContain('[1] "U.S.');
    let undone = next;
    expect(undo(next, (tr) => (undone = apply(next, tr)))).toBe(true);
    expect(undone.doc.eq(before)).toBe(true);
  });

  it('follows edits before the paste, and is withdrawn by an edit inside it, Keep, or another paste', () => {
    const { state, from, to } = withOffer('A claim [1].\n[1] "T," Outlet, 2024');
    // Typing before the pasted range moves it.
    const typed = apply(state, state.tr.insertText('Well, ', 6));
    expect(pasteOfferOf(typed)).toMatchObject({ from: from + 6, to: to + 6 });
    // Typing right after it leaves it as it is.
    const after = apply(typed, typed.tr.insertText('!', to + 6));
    expect(pasteOfferOf(after)).toMatchObject({ from: from + 6, to: to + 6 });
    // Typing inside it withdraws the offer.
    expect(pasteOfferOf(apply(typed, typed.tr.insertText('x', from + 8)))).toBeNull();
    // So does Keep as text, and another paste.
    let kept = state;
    expect(keepPaste(state, (tr) => (kept = apply(state, tr)))).toBe(true);
    expect(pasteOfferOf(kept)).toBeNull();
    expect(keepPaste(kept)).toBe(false);
    const pasted = state.tr.setSelection(TextSelection.create(state.doc, 6)).replaceSelection(new Slice(p('x').content, 0, 0));
    expect(pasteOfferOf(apply(state, pasted.setMeta('paste', true)))).toBeNull();
    expect(convertPaste(kept)).toBe(false);
  });

  it('a late analysis of an older paste is ignored', () => {
    const { state } = withOffer('A claim [1].\n[1] "T," Outlet, 2024');
    const newer = apply(state, state.tr.setMeta(clipboardKey, { pasted: { id: 8, from: 3, to: 5 } }));
    const stale = apply(newer, newer.tr.setMeta(clipboardKey, { offer: { id: 7, from: 0, to: 0, content: { slice: Slice.empty, sources: [] }, citations: 1, sources: 1 } }));
    expect(pasteOfferOf(stale)).toBeNull();
  });
});
