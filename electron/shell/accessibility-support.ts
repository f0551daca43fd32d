/**
 * Whether assistive technology (a screen reader, a switch device…) uses the app, as Electron
 * reports it, and telling the windows when that changes.
 *
 * The renderer renders every block of the article while it is on (`cd-render-all`,
 * renderer/editor/editor.css): Chromium leaves the content of never-rendered
 * `content-visibility: auto` blocks out of its accessibility tree, so a screen reader would reach
 * only what was scrolled to. A page asks for the state when it starts (`system.accessibility`)
 * and gets the `accessibility` event on each change after that.
 *
 * Plain TypeScript, no Electron: main.ts feeds it `app.isAccessibilitySupportEnabled()` and the
 * `accessibility-support-changed` events, and Vitest tests it as it is.
 */
import type { EventSink } from '../api/handlers';

/** The state, and what Electron reports about it. */
export interface AccessibilitySupport {
  /** Whether assistive technology is on now. */
  enabled(): boolean;
  /**
   * Electron reported the state (`accessibility-support-changed`): records it and, when it
   * differs from the last one, sends `accessibility` to every window. Returns whether it changed.
   * A value that is not a boolean is ignored (and returns false): the state stays as it was.
   */
  changed(enabled: unknown): boolean;
}

/** Tracks the state from `initial` (Electron's answer at start), sending changes through `emit`. */
export function trackAccessibilitySupport(initial: boolean, emit: EventSink): AccessibilitySupport {
  let current = initial;
  return {
    enabled: () => current,
    changed(enabled) {
      if (typeof enabled !== 'boolean' || enabled === current) return false;
      current = enabled;
      emit('accessibility', { enabled });
      return true;
    },
  };
}
