/**
 * Bench page entry: Copydesk's editor with every plugin and node view (renderer/editor), as the
 * shell creates it, reading the derived figures after each transaction as the shell does, and
 * with the shell's autosave running on its real timing (`AutosaveScheduler`: a journal write a
 * second while typing), each write building the `DraftText` and copying it as IPC would
 * (`structuredClone`). Also installs `window.copydeskCite` (citing at the start of the
 * document, to paint) and `window.copydeskAutosave` (timing those writes).
 */
import { TextSelection } from 'prosemirror-state';
import { AutosaveScheduler } from '../../../shared/autosave';
import { draftToJson, parseDraft } from '../../../shared/draft/format';
import type { DraftMeta } from '../../../shared/draft/meta';
import { DraftTextEncoder } from '../../../shared/ipc/draft-text';
import { insertCitation } from '../../../renderer/editor/commands';
import { createEditorState, createEditorView } from '../../../renderer/editor/create-editor';
import { footnotesOf } from '../../../renderer/editor/footnote-plugin';
import { problemsOf } from '../../../renderer/editor/problems-plugin';
import { wordCountOf } from '../../../renderer/editor/word-count-plugin';
import { afterNextPaint, installBench } from './bench-page';
import './wire';

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

/** Timing of autosave writes on the renderer's thread. */
export interface AutosaveApi {
  /** ms of each write the scheduler ran while typing (build the text, copy it as IPC does). */
  readonly writes: number[];
  /**
   * Makes `n` one-character edits in the middle of the document and times, after each, the
   * write as Copydesk sends it (`DraftText`) and, for comparison, a copy of the draft's JSON
   * value as an object graph (how a draft travelled before). Returns [text ms[], object ms[]].
   */
  measure(n: number): Promise<[number[], number[]]>;
}

declare global {
  interface Window {
    copydeskCite?: CiteApi;
    copydeskAutosave?: AutosaveApi;
  }
}

let figures = 0;
let meta: DraftMeta | null = null;
const encoder = new DraftTextEncoder();
const writes: number[] = [];

/** One autosave or journal write, as the shell's snapshot and the preload's IPC copy do it. */
function write(): Promise<boolean> {
  const view = window.copydeskBench?.view();
  if (!view || !meta) return Promise.resolve(true);
  const t0 = performance.now();
  structuredClone(encoder.encode({ ...meta, updated: new Date().toISOString() }, view.state.doc));
  writes.push(performance.now() - t0);
  return Promise.resolve(true);
}

const scheduler = new AutosaveScheduler(
  { save: write, journal: write },
  { now: () => Date.now(), setTimeout: (callback, ms) => window.setTimeout(callback, ms), clearTimeout: (handle) => window.clearTimeout(handle as number) },
);

installBench('copydesk', (mount, text) => {
  const draft = parseDraft(text);
  meta = draft.meta;
  // As DocumentSession does once the editor is idle after opening.
  requestIdleCallback(() => {
    encoder.prime(draft.doc);
  });
  return createEditorView(mount, createEditorState(draft.doc), {
    label: 'Article text',
    onChange(state, tr) {
      // What the shell's store reads after each transaction.
      figures = wordCountOf(state).words + problemsOf(state).count + footnotesOf(state).counts.size;
      if (tr.docChanged) scheduler.edited();
    },
  });
});

window.copydeskAutosave = {
  writes,
  async measure(n) {
    const view = window.copydeskBench?.view();
    if (!view || !meta) throw new Error('no document is open');
    // Let the idle priming after opening run first, as it has in the app by the time anyone types.
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
    const text: number[] = [];
    const object: number[] = [];
    const middle = TextSelection.near(view.state.doc.resolve(Math.floor(view.state.doc.content.size / 2))).from;
    for (let i = 0; i < n; i++) {
      view.dispatch(view.state.tr.insertText('x', middle));
      await afterNextPaint();
      let t0 = performance.now();
      structuredClone(encoder.encode(meta, view.state.doc));
      text.push(performance.now() - t0);
      const value = draftToJson({ meta, doc: view.state.doc });
      t0 = performance.now();
      structuredClone(value);
      object.push(performance.now() - t0);
    }
    return [text, object];
  },
};

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
