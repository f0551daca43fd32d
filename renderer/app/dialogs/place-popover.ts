/**
 * Where popovers and anchored dialogs go: next to their anchor (the caret, a button), always
 * inside the window. Floating UI does the work: `flip` to the other side when there is no room,
 * `shift` along both axes to stay in the window (covering the anchor when neither side has room),
 * `size` to cap the popover at the window's height so that a taller one scrolls inside itself,
 * and `autoUpdate` to place it again when the window or a scroller moves, or when its own
 * content changes size (the citation picker turning into the taller "Cite a new source" form).
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type Placement, type VirtualElement } from '@floating-ui/dom';
import { useLayoutEffect, type RefObject } from 'react';

/** A rectangle in viewport coordinates (e.g. the caret's). */
export interface Box {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** What a popover is placed against: an element (a button) or a box (the caret). */
export type Anchor = Element | Box;

/** Options of `placePopover`. */
export interface PlaceOptions {
  /** The preferred side and alignment (default `bottom-start`: below, left edges aligned). */
  readonly placement?: Placement;
  /** Room between the anchor and the popover, in pixels (default 6). */
  readonly gap?: number;
}

/** The least room kept between a popover and the window's edges, in pixels. */
export const WINDOW_MARGIN = 8;

function referenceOf(anchor: Anchor): Element | VirtualElement {
  if (anchor instanceof Element) return anchor;
  const { top, bottom, left, right } = anchor;
  const rect = { x: left, y: top, top, bottom, left, right, width: right - left, height: bottom - top };
  return { getBoundingClientRect: () => rect };
}

/**
 * Places `floating` (positioned `fixed`, e.g. a modal `<dialog>` or a menu) at `anchor` and keeps
 * it placed until the returned function is called. Sets its `left`, `top` and `max-height` (its
 * width is its stylesheet's, at most the window's); give it `overflow: auto` so that what does not
 * fit scrolls inside it.
 */
export function placePopover(floating: HTMLElement, anchor: Anchor, options: PlaceOptions = {}): () => void {
  const reference = referenceOf(anchor);
  const padding = WINDOW_MARGIN;
  const update = (): void => {
    void computePosition(reference, floating, {
      strategy: 'fixed',
      placement: options.placement ?? 'bottom-start',
      middleware: [
        offset(options.gap ?? 6),
        flip({ padding, crossAxis: false }),
        shift({ padding, crossAxis: true }),
        size({
          padding,
          apply({ availableHeight, elements }) {
            elements.floating.style.maxHeight = `${String(Math.max(0, availableHeight))}px`;
          },
        }),
      ],
    }).then(({ x, y }) => {
      floating.style.left = `${String(x)}px`;
      floating.style.top = `${String(y)}px`;
    });
  };
  return autoUpdate(reference, floating, update);
}

/** `placePopover` for the element of `ref` while the component is mounted and `anchor` is set. */
export function usePopoverPlacement(ref: RefObject<HTMLElement | null>, anchor: Anchor | null | undefined, options: PlaceOptions = {}): void {
  const { placement, gap } = options;
  useLayoutEffect(() => {
    const floating = ref.current;
    if (!floating || !anchor) return;
    return placePopover(floating, anchor, { ...(placement ? { placement } : {}), ...(gap === undefined ? {} : { gap }) });
  }, [ref, anchor, placement, gap]);
}
