/**
 * The review index of the open draft for the review panel: computed when the panel mounts, after
 * each pause in the typing (as the other panels' lists: use-idle-value.ts), and at once after a
 * transaction the panel or a review shortcut made (`reviewNow`, review-commands.ts), so that a card accepted or a
 * reply sent shows without waiting.
 */
import { useEffect, useRef, useState } from 'react';
import type { ReviewIndex } from '../../../shared/review/model';
import { reviewIndexOf } from '../../editor/review-actions';
import { isReviewNow } from '../../editor/review-commands';
import type { EditorStore } from '../session/editor-store';

/** The draft's review index, fresh after a pause of `delay` ms or at once after a `reviewNow` transaction. */
export function useReviewIndex(store: EditorStore, delay = 300): ReviewIndex {
  const [index, setIndex] = useState(() => reviewIndexOf(store.getState()));
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    const update = (): void => setIndex(reviewIndexOf(store.getState()));
    const stop = store.listen((_state, tr) => {
      if (tr && !tr.docChanged) return;
      window.clearTimeout(timer.current);
      if (tr && isReviewNow(tr)) update();
      else timer.current = window.setTimeout(update, delay);
    });
    update();
    return () => {
      window.clearTimeout(timer.current);
      stop();
    };
  }, [store, delay]);
  return index;
}
