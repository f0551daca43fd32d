/**
 * Opening a kept version read-only in the renderer (issue 13): `window.copydeskVersionView.open(url)`
 * fetches a draft's text (not timed), then times what the History panel does once
 * `versions.restore` has answered: `parseDraft` + the read-only view the app shows it in
 * (`createReadOnlyView`, renderer/editor/read-only-view.ts) + first paint, in the page's editor
 * mount. One opening per page: the driver takes a fresh page per run.
 */
import { parseDraft } from '../../../shared/draft/format';
import { documentWords } from '../../../shared/words';
import { createReadOnlyView, type ReadOnlyView } from '../../../renderer/editor/read-only-view';
import { reviewModeOf } from '../../../renderer/editor/review-mode';
import { afterNextPaint } from './bench-page';

/** What opening a version measured and showed. */
export interface VersionViewResult {
  /** parseDraft + read-only view + first paint, ms. */
  readonly ms: number;
  readonly words: number;
  /** DOM elements inside the view. */
  readonly elements: number;
  /** The view's mode ('viewing' expected) and whether the browser lets anyone type in it (false expected). */
  readonly mode: string;
  readonly editable: boolean;
}

/** The version view API. */
export interface VersionViewApi {
  open(url: string): Promise<VersionViewResult>;
}

declare global {
  interface Window {
    copydeskVersionView?: VersionViewApi;
  }
}

let shown: ReadOnlyView | null = null;

window.copydeskVersionView = {
  async open(url) {
    const mount = document.getElementById('editor');
    if (!mount) throw new Error('the bench page has no #editor element');
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url}: ${String(response.status)}`);
    const text = await response.text();
    shown?.destroy();
    mount.replaceChildren();
    await afterNextPaint();
    const start = performance.now();
    const view = createReadOnlyView(mount, parseDraft(text).doc, 'Version (read-only)');
    shown = view;
    const end = await afterNextPaint();
    return {
      ms: end - start,
      words: documentWords(view.view.state.doc),
      elements: view.view.dom.getElementsByTagName('*').length,
      mode: reviewModeOf(view.view.state),
      editable: view.view.dom.isContentEditable,
    };
  },
};
