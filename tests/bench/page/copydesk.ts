/**
 * Bench page entry: Copydesk's editor with every plugin and node view (renderer/editor), as the
 * shell creates it, reading the derived figures after each transaction as the shell does. Also
 * installs `window.copydeskCite` (citing at the start of the document, to paint).
 */
import { TextSelection } from 'prosemirror-state';
import { parseDraft } from '../../../shared/draft/format';
import { insertCitation } from '../../../renderer/editor/commands';
import { createEditorState, createEditorView } from '../../../renderer/editor/create-editor';
import { footnotesOf } from '../../../renderer/editor/footnote-plugin';
import { problemsOf } from '../../../renderer/editor/problems-plugin';
import { wordCountOf } from '../../../renderer/editor/word-count-plugin';
import { afterNextPaint, installBench } from './bench-page';

/** What one citation insertion measured and showed. */
export interface CiteResult {
  /** Command dispatch to paint, ms. */
  readonly ms: number;
  /** The new citation's number (1 expected). */
  readonly number: number | null;
  /** Text of the first and last citation chips in the DOM, and of the source's entry. */
  readonly firstChip: string;
  readonly lastChip: string;
  readonly sourceEntry: string;
}

/** The citing API. */
export interface CiteApi {
  /** Inserts a citation of `id` at the start of the body and times it to paint. */
  cite(id: string): Promise<CiteResult>;
}

declare global {
  interface Window {
    copydeskCite?: CiteApi;
  }
}

let figures = 0;

installBench('copydesk', (mount, text) => {
  const draft = parseDraft(text);
  return createEditorView(mount, createEditorState(draft.doc), {
    label: 'Article text',
    onChange(state) {
      // What the shell's store reads after each transaction.
      figures = wordCountOf(state).words + problemsOf(state).count + footnotesOf(state).counts.size;
    },
  });
});

window.copydeskCite = {
  async cite(id) {
    const bench = window.copydeskBench;
    if (!bench) throw new Error('bench not installed');
    const view = bench.view();
    const doc = view.state.doc;
    const start = (doc.child(0).nodeSize + doc.child(1).nodeSize + 1);
    view.focus();
    view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, start)).scrollIntoView());
    await afterNextPaint();
    await afterNextPaint();
    const t0 = performance.now();
    if (!insertCitation(id)(view.state, view.dispatch)) throw new Error(`insertCitation(${id}) did not apply`);
    const t1 = await afterNextPaint();
    const chips = view.dom.querySelectorAll('.cd-cite');
    return {
      ms: t1 - t0,
      number: footnotesOf(view.state).numberOf(id),
      firstChip: chips[0]?.textContent ?? '',
      lastChip: chips[chips.length - 1]?.textContent ?? '',
      sourceEntry: view.dom.querySelector(`[data-source-id="${id}"]`)?.textContent ?? '',
    };
  },
};

// Keeps the figures read above from being optimised away.
(window as unknown as { copydeskFigures: () => number }).copydeskFigures = () => figures;
