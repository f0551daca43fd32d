/**
 * The page side of the typing, citing and opening benchmarks (bundled by ../build-page.ts, driven
 * by ../browser-bench.ts through `window.copydeskBench`).
 *
 * Two editors on the same harness: `copydesk` is the product's editor (createEditorState and
 * createEditorView from renderer/editor, every plugin and node view, editor.css loaded by the
 * page) and `bare` is a plain ProseMirror view of the same document (the schema only: no plugins,
 * no node views, ProseMirror's required CSS and no containment).
 *
 * Key to paint: a capturing keydown listener records the event's `timeStamp`; the sample ends in
 * the first task after the next animation frame (requestAnimationFrame, then setTimeout 0), which
 * runs once that frame's style, layout and paint are done.
 */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { documentWords } from '../../../shared/words';

/**
 * Which editor a page builds: Copydesk's (in Editing mode, as a draft opens), Copydesk's in
 * Suggesting mode with `BENCH_REVIEWER` (copydesk.html?review=suggesting: every edit goes through
 * the suggestion engine), Copydesk's with the whole article rendered (copydesk.html?render=all:
 * `cd-render-all` on the root element, as with a screen reader on), or the bare view.
 */
export type BenchMode = 'copydesk' | 'suggesting' | 'render-all' | 'bare';

/** Every bench mode (for the drivers' option checks). */
export const BENCH_MODES: readonly BenchMode[] = ['copydesk', 'suggesting', 'render-all', 'bare'];

/** The reviewer of the Suggesting page. */
export const BENCH_REVIEWER = { id: 'bench-reviewer', name: 'Bench Reviewer', initials: 'BR' } as const;

/** What `open` measured. */
export interface OpenResult {
  /** parseDraft + state + view + first paint, ms. */
  readonly ms: number;
  readonly words: number;
  readonly blocks: number;
  /** DOM elements inside the editable. */
  readonly elements: number;
}

/** Where `placeCaretMiddle` put the caret. */
export interface CaretPlace {
  readonly pos: number;
  /** Caret rectangle in window coordinates. */
  readonly top: number;
  readonly bottom: number;
  /** The window's inner height. */
  readonly height: number;
}

/** How the page builds a view of a draft's text. */
export type ViewFactory = (mount: HTMLElement, text: string) => EditorView;

/** The API the driver calls. */
export interface BenchApi {
  readonly mode: BenchMode;
  /** Fetches `url` (not timed), then times opening it. */
  open(url: string): Promise<OpenResult>;
  /** Removes the view. */
  close(): void;
  /**
   * Focuses the editor and puts the caret inside the body's middle paragraph, scrolled into view;
   * returns its position and where it shows in the window.
   */
  placeCaretMiddle(): Promise<CaretPlace>;
  /** Resolves with key-to-paint sample number `n` (0-based) once it exists. */
  sample(n: number): Promise<number>;
  /** Text of the block around the caret (to check the keys went in). */
  caretBlockText(): string;
  /** The text of that block that carries an insertion mark (suggested text; empty outside Suggesting). */
  caretBlockInserted(): string;
  /** The open view (for the page's extra measurements). */
  readonly view: () => EditorView;
}

declare global {
  interface Window {
    copydeskBench?: BenchApi;
  }
}

/** Resolves in the first task after the next animation frame (after its paint). */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
}

/** Installs `window.copydeskBench` for `mode`, building views with `factory`. */
export function installBench(mode: BenchMode, factory: ViewFactory): void {
  const mount = document.getElementById('editor');
  if (!mount) throw new Error('the bench page has no #editor element');
  let view: EditorView | null = null;
  const samples: number[] = [];
  const waiting = new Map<number, (ms: number) => void>();

  window.addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp;
      const n = samples.length;
      samples.push(Number.NaN);
      void afterNextPaint().then((end) => {
        samples[n] = end - start;
        waiting.get(n)?.(end - start);
        waiting.delete(n);
      });
    },
    { capture: true },
  );

  const current = (): EditorView => {
    if (!view) throw new Error('no document is open');
    return view;
  };

  window.copydeskBench = {
    mode,
    async open(url) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`GET ${url}: ${String(response.status)}`);
      const text = await response.text();
      // Let the fetch's own work settle before timing.
      await afterNextPaint();
      const start = performance.now();
      view = factory(mount, text);
      const end = await afterNextPaint();
      return { ms: end - start, words: documentWords(view.state.doc), blocks: view.state.doc.childCount, elements: view.dom.getElementsByTagName('*').length };
    },
    close() {
      view?.destroy();
      view = null;
      mount.replaceChildren();
    },
    async placeCaretMiddle() {
      const v = current();
      const doc = v.state.doc;
      // The middle top-level paragraph with some text; the caret goes into its middle.
      let index = Math.floor(doc.childCount / 2);
      while (index < doc.childCount - 1 && (doc.child(index).type.name !== 'paragraph' || doc.child(index).textContent.length < 40)) index++;
      let pos = 0;
      for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
      const at = pos + 1 + Math.floor(doc.child(index).content.size / 2);
      v.focus();
      v.dispatch(v.state.tr.setSelection(TextSelection.near(doc.resolve(at))).scrollIntoView());
      await afterNextPaint();
      await afterNextPaint();
      const caret = v.coordsAtPos(v.state.selection.from);
      return { pos: v.state.selection.from, top: caret.top, bottom: caret.bottom, height: window.innerHeight };
    },
    sample(n) {
      const done = samples[n];
      if (done !== undefined && !Number.isNaN(done)) return Promise.resolve(done);
      return new Promise((resolve) => waiting.set(n, resolve));
    },
    caretBlockText() {
      return current().state.selection.$from.parent.textContent;
    },
    caretBlockInserted() {
      let inserted = '';
      current().state.selection.$from.parent.forEach((child) => {
        if (child.isText && child.marks.some((mark) => mark.type.name === 'insertion')) inserted += child.text ?? '';
      });
      return inserted;
    },
    view: current,
  };
}
