/**
 * Every block of the article rendered while a screen reader may need it: the class `cd-render-all`
 * on the root element (renderer/editor/editor.css) while the main process reports assistive
 * technology on (`system.accessibility` at start, then the `accessibility` event) or while the
 * user's preference "Render the whole article at once" forces it (preferences.ts).
 *
 * Chromium leaves the content of a never-rendered `content-visibility: auto` block out of its
 * accessibility tree; with the class, a screen reader reaches the whole article without scrolling.
 * The cost is memory and the time to open a very long article (every block laid out); typing
 * keeps its speed because text input then goes through an EditContext
 * (renderer/editor/edit-context.ts).
 */
import { useEffect, useState } from 'react';
import { api, hasApi } from './api';
import { renderWholeArticle } from './preferences';
import { useObservable } from './session/observable';
import { RENDER_ALL_CLASS } from '../editor/render-all';

/** Whether the main process reports assistive technology on; false until it answers. */
export function useAssistiveTechnology(): boolean {
  const [enabled, setEnabled] = useState(false);
  useEffect(() => {
    if (!hasApi()) return undefined;
    // An event that arrives before the answer is newer than it.
    let heard = false;
    const stop = api().on.accessibility((state) => {
      heard = true;
      setEnabled(state.enabled);
    });
    api()
      .system.accessibility()
      .then((state) => {
        if (!heard) setEnabled(state.enabled);
      })
      .catch(() => undefined);
    return stop;
  }, []);
  return enabled;
}

/** Keeps `cd-render-all` on the root element while assistive technology is on or the preference forces it. */
export function useRenderAll(): void {
  const assistive = useAssistiveTechnology();
  const forced = useObservable(renderWholeArticle);
  const on = assistive || forced;
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle(RENDER_ALL_CLASS, on);
    return () => root.classList.remove(RENDER_ALL_CLASS);
  }, [on]);
}
