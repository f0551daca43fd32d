/**
 * The whole-article mode: with `RENDER_ALL_CLASS` on an ancestor of the editor (the shell puts it on
 * the root element while a screen reader is on, or while the user's preference asks for it:
 * renderer/app/use-render-all.ts), editor.css renders every top-level block instead of letting the
 * browser skip the ones off screen (`content-visibility: auto`), so that Chromium's accessibility
 * tree holds the whole article.
 */

/** The class that renders every block (editor.css). */
export const RENDER_ALL_CLASS = 'cd-render-all';

/** Whether the whole article is rendered now. */
export function renderingAll(): boolean {
  return typeof document !== 'undefined' && document.documentElement.classList.contains(RENDER_ALL_CLASS);
}

/** Calls `changed` whenever the root element's classes change; returns the function that stops it. */
export function watchRenderAll(changed: () => void): () => void {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return () => undefined;
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
