/**
 * Bench page entry: Copydesk's editor with every plugin and node view (renderer/editor), opened
 * by the shell's own session (`DocumentSession`: editor store, metadata, `SaveController` and
 * the autosave scheduler on their real timing, so a journal write a second while typing), with a
 * fake preload API whose save and journal calls copy the request as IPC would
 * (`structuredClone`). The view is created as the shell's canvas creates it, and the derived
 * figures are read after each transaction as the shell does. Also installs
 * `window.copydeskCite` (citing at the start of the document, to paint),
 * `window.copydeskAutosave` (timing those writes), `window.copydeskCompare` (page/compare.ts:
 * timing the compare engine on two versions, issue 13) and `window.copydeskVersionView`
 * (page/version-view.ts: opening a kept version read-only, issue 13).
 *
 * `copydesk.html?review=suggesting` opens drafts in Suggesting mode with `BENCH_REVIEWER` (the
 * `suggesting` bench mode); `copydesk.html?render=all` puts `cd-render-all` on the root element
 * as the shell does while a screen reader is on (the `render-all` bench mode).
 * `window.copydeskReview` times the review panel's Accept all.
 */
import { TextSelection } from 'prosemirror-state';
import { draftToJson } from '../../../shared/draft/format';
import type { CopydeskApi } from '../../../shared/ipc/api';
import { DocumentSession } from '../../../renderer/app/session/document-session';
import { indexReview } from '../../../shared/review/index';
import { isSuggestionMark } from '../../../shared/review/resolve';
import { insertCitation } from '../../../renderer/editor/commands';
import { decideWhere } from '../../../renderer/editor/review-commands';
import { reviewModeOf, setReviewMode } from '../../../renderer/editor/review-mode';
import { createEditorView } from '../../../renderer/editor/create-editor';
import { RENDER_ALL_CLASS } from '../../../renderer/editor/render-all';
import { footnotesOf } from '../../../renderer/editor/footnote-plugin';
import { problemsOf } from '../../../renderer/editor/problems-plugin';
import { wordCountOf } from '../../../renderer/editor/word-count-plugin';
import { afterNextPaint, BENCH_REVIEWER, installBench } from './bench-page';
import './wire';
import './compare';
import './version-view';

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
  /** ms of each write the session ran while typing (its snapshot, and the copy IPC makes of the request). */
  readonly writes: number[];
  /**
   * Makes `n` one-character edits in the middle of the document and times, after each, the
   * write as Copydesk sends it (the session's `DraftText` snapshot) and, for comparison, a copy
   * of the draft's JSON value as an object graph (how a draft travelled before). Returns
   * [text ms[], object ms[]].
   */
  measure(n: number): Promise<[number[], number[]]>;
}

/** What accepting every suggestion measured and left. */
export interface AcceptResult {
  /** Command to paint, ms. */
  readonly ms: number;
  /** Command until it returned (decision, new state, view update), ms. */
  readonly dispatchMs: number;
  /** Pending suggestions before (the review index), and suggestion marks left after. */
  readonly before: number;
  readonly marksLeft: number;
  /** The mode it ran in (Suggesting expected: the decision must not be recorded as a suggestion). */
  readonly mode: string;
}

/** The review API. */
export interface ReviewApi {
  /**
   * Switches the open draft to Suggesting mode, then accepts every suggestion as the review
   * panel's Accept all does (`decideWhere`: one transaction marked `asReviewDecision`), timed
   * from the command to paint.
   */
  acceptAll(): Promise<AcceptResult>;
}

declare global {
  interface Window {
    copydeskCite?: CiteApi;
    copydeskAutosave?: AutosaveApi;
    copydeskReview?: ReviewApi;
  }
}

const params = new URLSearchParams(window.location.search);
const suggesting = params.get('review') === 'suggesting';
const renderAll = params.get('render') === 'all';
// As the shell does while a screen reader is on (renderer/app/use-render-all.ts).
if (renderAll) document.documentElement.classList.add(RENDER_ALL_CLASS);

let figures = 0;
let session: DocumentSession | null = null;
const writes: number[] = [];
/** When the running write's snapshot started (the session snapshots right before each call). */
let writeStarted = 0;

/** The end of one autosave or journal write: the preload's IPC copy of the request. */
function sent(request: unknown): void {
  structuredClone(request);
  writes.push(performance.now() - writeStarted);
}

/** The calls the session makes while a draft is open, answered at once (no main process). */
const fakeApi = {
  drafts: {
    save: async (request) => {
      sent(request);
      return { ok: true, hash: 'bench', updated: new Date().toISOString() };
    },
    nameFromHeadline: async ({ name }) => ({ name }),
  } satisfies Pick<CopydeskApi['drafts'], 'save' | 'nameFromHeadline'>,
  recovery: {
    record: async (request) => {
      sent(request);
    },
    discard: async () => undefined,
  } satisfies Pick<CopydeskApi['recovery'], 'record' | 'discard'>,
} as unknown as CopydeskApi;

installBench(suggesting ? 'suggesting' : renderAll ? 'render-all' : 'copydesk', (mount, text) => {
  session?.dispose();
  // What drafts.open returns, read as the session reads it (it primes its encoder once idle).
  const opened = new DocumentSession(fakeApi, { name: 'bench.copydesk', draft: text, hash: 'bench' }, { typography: true, ...(suggesting ? { review: { mode: 'suggesting', reviewer: BENCH_REVIEWER } } : {}) });
  session = opened;
  const snapshot = opened.snapshot.bind(opened);
  opened.snapshot = () => {
    writeStarted = performance.now();
    return snapshot();
  };
  const store = opened.store;
  // What the shell's components read after each transaction.
  store.listen((state) => {
    figures = wordCountOf(state).words + problemsOf(state).count + footnotesOf(state).counts.size;
  });
  // As the shell's canvas (EditorCanvas) creates the view.
  const view = createEditorView(mount, store.getState(), { label: 'Article text', onChange: store.onTransaction });
  store.attach(view);
  return view;
});

window.copydeskAutosave = {
  writes,
  async measure(n) {
    const view = window.copydeskBench?.view();
    const current = session;
    if (!view || !current) throw new Error('no document is open');
    // Let the idle priming after opening run first, as it has in the app by the time anyone types.
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
    const text: number[] = [];
    const object: number[] = [];
    const middle = TextSelection.near(view.state.doc.resolve(Math.floor(view.state.doc.content.size / 2))).from;
    for (let i = 0; i < n; i++) {
      view.dispatch(view.state.tr.insertText('x', middle));
      await afterNextPaint();
      let t0 = performance.now();
      structuredClone(current.snapshot());
      text.push(performance.now() - t0);
      const value = draftToJson({ meta: current.meta.get(), doc: view.state.doc });
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

window.copydeskReview = {
  async acceptAll() {
    const view = window.copydeskBench?.view();
    if (!view) throw new Error('no document is open');
    // After the idle priming that follows opening, as in the app by the time anyone reviews.
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
    if (!setReviewMode('suggesting', BENCH_REVIEWER)(view.state, view.dispatch)) throw new Error('could not switch to Suggesting mode');
    await afterNextPaint();
    await afterNextPaint();
    const before = indexReview(view.state.doc).suggestions.length;
    const t0 = performance.now();
    if (!decideWhere('accept', () => true)(view.state, view.dispatch, view)) throw new Error('Accept all did not apply');
    const dispatched = performance.now();
    const t1 = await afterNextPaint();
    let marksLeft = 0;
    view.state.doc.descendants((node) => {
      marksLeft += node.marks.filter(isSuggestionMark).length;
    });
    return { ms: t1 - t0, dispatchMs: dispatched - t0, before, marksLeft, mode: reviewModeOf(view.state) };
  },
};

// Keeps the figures read above from being optimised away.
(window as unknown as { copydeskFigures: () => number }).copydeskFigures = () => figures;
