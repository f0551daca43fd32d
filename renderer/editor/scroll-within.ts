/**
 * Scrolls an element into view inside its own scroller only (the article column, a panel's list),
 * never the shell around it.
 *
 * `Element.scrollIntoView` scrolls every clipping ancestor as well, `overflow: hidden` ones
 * included, so the shell's fixed layout (app bar, toolbar, status bar) could end up shifted off
 * screen: after "Back to the text" in a long read the app bar was 56 px above the window. Here
 * only the nearest ancestor that scrolls vertically moves. Used by the shell ("Back to the text",
 * the Sources panel), reveal-selection.ts and the find bar's matches.
 */

/** Where the element should end up: centred, or moved just enough to be wholly visible. */
export type ScrollBlock = 'center' | 'nearest';

/** The nearest ancestor of `element` that scrolls vertically (has overflow to scroll), or the page's scrolling element. */
export function scrollerOf(element: Element): Element | null {
  for (let p = element.parentElement; p; p = p.parentElement) {
    if (/(auto|scroll)/u.test(getComputedStyle(p).overflowY) && p.scrollHeight > p.clientHeight) return p;
  }
  return element.ownerDocument.scrollingElement;
}

/** Whether `element` is wholly inside its scroller's visible box. */
export function isShownInScroller(element: Element): boolean {
  const scroller = scrollerOf(element);
  if (!scroller) return true;
  const { top, height } = viewportOf(scroller);
  const box = element.getBoundingClientRect();
  return box.top >= top && box.bottom <= top + height;
}

// The visible box of `scroller` in viewport coordinates (the window's for the page).
function viewportOf(scroller: Element): { top: number; height: number } {
  if (scroller === scroller.ownerDocument.scrollingElement) {
    return { top: 0, height: scroller.ownerDocument.defaultView?.innerHeight ?? scroller.clientHeight };
  }
  // The padding box: the border is not scrolled content.
  return { top: scroller.getBoundingClientRect().top + scroller.clientTop, height: scroller.clientHeight };
}

/**
 * Scrolls `element`'s scroller (and nothing else) so that `element` is centred, or, with
 * 'nearest', just wholly visible (its top when it is taller than the scroller). Returns the
 * scroller that moved, or null when nothing needed to.
 */
export function scrollWithin(element: Element, block: ScrollBlock): Element | null {
  const scroller = scrollerOf(element);
  if (!scroller) return null;
  return scrollBoxWithin(scroller, element.getBoundingClientRect(), block) ? scroller : null;
}

/**
 * Scrolls `scroller` (and nothing else) so that the box `box` (viewport coordinates: a range's
 * caret rectangles, an element's box) is centred or, with 'nearest', just wholly visible.
 * Returns whether it moved.
 */
export function scrollBoxWithin(scroller: Element, box: { readonly top: number; readonly bottom: number }, block: ScrollBlock): boolean {
  const { top, height } = viewportOf(scroller);
  const boxHeight = box.bottom - box.top;
  let delta: number;
  if (block === 'center') delta = box.top - top - Math.max(0, (height - boxHeight) / 2);
  else if (box.top < top || boxHeight > height) delta = box.top - top;
  else if (box.bottom > top + height) delta = box.bottom - (top + height);
  else delta = 0;
  if (Math.abs(delta) < 0.5) return false;
  scroller.scrollTop += delta;
  return true;
}

/**
 * Centres `element` in its scroller now and, two frames later (once the blocks around it have
 * their real heights instead of `content-visibility`'s estimates), again if `stillWanted()` and
 * the element is not wholly visible any more.
 */
export function centreWithin(element: Element, stillWanted: () => boolean = () => true): void {
  scrollWithin(element, 'center');
  const window = element.ownerDocument.defaultView;
  window?.requestAnimationFrame(() => {
    window.requestAnimationFrame(() => {
      if (element.isConnected && stillWanted() && !isShownInScroller(element)) scrollWithin(element, 'center');
    });
  });
}
