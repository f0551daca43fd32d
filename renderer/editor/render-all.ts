/**
 * The whole-article mode: with `RENDER_ALL_CLASS` on an ancestor of the editor (the shell puts it on
 * the root element while a screen reader is on, or while the user's preference asks for it:
 * renderer/app/use-render-all.ts), editor.css renders every top-level block instead of letting the
 * browser skip the ones off screen (`content-visibility: auto`), so that Chromium's accessibility
 * tree holds the whole article.
 */

/** The class that renders every block (editor.css). */
export const RENDER_ALL_CLASS = 'cd-render-all';
