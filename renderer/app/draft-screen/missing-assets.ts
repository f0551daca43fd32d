/**
 * Tells the editor's problems which figures' `assets/…` files are missing. Only the main process
 * sees the files (`assets.check`), so the shell asks it: when the draft opens, when the set of
 * image paths changes (once the reporter pauses), when the window gets the focus back (a file may
 * have been copied in meanwhile), and when the canvas fails to load, or loads, an image.
 */
import { assetSources } from '../../../shared/problems';
import { problemsOf, setMissingAssets } from '../../editor/problems-plugin';
import type { EditorStore } from '../session/editor-store';

/** How many paths one call may carry (`assets.check`'s limit). */
const PER_CALL = 1000;

/** Answers which of `srcs` are missing. */
export type AssetCheck = (srcs: string[]) => Promise<string[]>;

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** Watches the draft of `store` (see the module comment); returns `recheck` and `stop`. */
export function watchMissingAssets(store: EditorStore, check: AssetCheck, delay = 400): { recheck: () => void; stop: () => void } {
  let asked: string | null = null;
  let seq = 0;
  let stopped = false;
  let timer: number | undefined;

  const apply = (mine: number, missing: readonly string[]): void => {
    const view = store.view;
    if (stopped || mine !== seq || !view || view.isDestroyed) return;
    const next = new Set(missing);
    if (sameSet(problemsOf(view.state).missingAssets, next)) return;
    view.dispatch(setMissingAssets(view.state.tr, next));
  };

  const run = (force: boolean): void => {
    const srcs = assetSources(store.getState().doc);
    const key = srcs.join('\n');
    if (!force && key === asked) return;
    asked = key;
    const mine = ++seq;
    const parts: string[][] = [];
    for (let i = 0; i < srcs.length; i += PER_CALL) parts.push(srcs.slice(i, i + PER_CALL));
    Promise.all(parts.map(check)).then(
      (answers) => apply(mine, answers.flat()),
      () => {
        asked = null; // not known: ask again next time
      },
    );
  };

  const later = (): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => run(false), delay);
  };
  const onFocus = (): void => run(true);
  const stopStore = store.listen((_state, tr) => {
    if (!tr || tr.docChanged) later();
  });
  window.addEventListener('focus', onFocus);
  run(true);
  return {
    recheck: () => run(true),
    stop: () => {
      stopped = true;
      window.clearTimeout(timer);
      stopStore();
      window.removeEventListener('focus', onFocus);
    },
  };
}
