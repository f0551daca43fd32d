/**
 * The open draft's code in a chunk of its own: the draft screen and its panels, dialogs and
 * stages, the editor (ProseMirror) and the draft's session. The library, the first screen, needs
 * none of it, so the start chunk does not hold it: `draftCode.load()` fetches it when a draft
 * opens, and `preloadDraftCode` fetches it as soon as the library is on screen and the page is
 * idle, so that a click on a draft normally finds it there and waits for nothing but the draft.
 */
import { lazyModule } from '../../editor/lazy-module';
import { whenIdle } from '../../editor/idle';

/** What the shell takes from the draft's chunk (draft-chunk.ts). */
export const draftCode = lazyModule(() => import('./draft-chunk'));

/** Loads the draft's chunk when the page is idle (a failure is left for the opening of a draft to report). Returns a function that cancels it. */
export function preloadDraftCode(): () => void {
  return whenIdle(() => void draftCode.load().catch(() => undefined));
}
