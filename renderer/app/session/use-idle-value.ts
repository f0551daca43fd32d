/**
 * A value derived from the whole draft (the problems list with places, the HTML preview), which
 * costs a walk of the document: computed when the component mounts, then again only once the
 * reporter pauses (`delay` ms without a change), never per keystroke.
 */
import { useEffect, useRef, useState } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorStore } from './editor-store';
import type { Observable } from './observable';

/** `compute(state)` now, and after each pause of `delay` ms in the changes of `store` (and of `also`). */
export function useIdleValue<T>(store: EditorStore, compute: (state: EditorState) => T, delay: number, also?: Observable<unknown>): T {
  const computeRef = useRef(compute);
  computeRef.current = compute;
  const [value, setValue] = useState(() => compute(store.getState()));
  useEffect(() => {
    let timer: number | undefined;
    const later = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setValue(computeRef.current(store.getState())), delay);
    };
    const stopStore = store.listen((_state, tr) => {
      if (!tr || tr.docChanged) later();
    });
    const stopAlso = also?.subscribe(later);
    // The state may have moved on between the first render and this effect.
    setValue(computeRef.current(store.getState()));
    return () => {
      window.clearTimeout(timer);
      stopStore();
      stopAlso?.();
    };
  }, [store, delay, also]);
  return value;
}
