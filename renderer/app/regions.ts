/**
 * F6 and Shift+F6 move the keyboard focus from region to region (toolbar, article, panel, status
 * bar…), as in browsers and office suites. A region is any element with `data-region`; focus
 * goes to its element marked `data-region-focus`, else its first focusable element, else the
 * region itself. The last focused element of each region is remembered and focused again.
 */
import { useEffect } from 'react';
import { focusableIn } from './dialogs/Dialog';

const remembered = new WeakMap<Element, HTMLElement>();

function regions(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-region]')).filter((r) => r.getClientRects().length > 0 && !r.closest('[inert]'));
}

function focusRegion(region: HTMLElement): void {
  const last = remembered.get(region);
  const target =
    // The last focused element, unless it is gone or hidden now (the text while a kept version shows).
    (last?.isConnected && region.contains(last) && last.getClientRects().length > 0 ? last : null) ??
    region.querySelector<HTMLElement>('[data-region-focus]') ??
    region.querySelector<HTMLElement>('[contenteditable="true"]') ??
    focusableIn(region)[0] ??
    region;
  if (target === region && !region.hasAttribute('tabindex')) region.tabIndex = -1;
  target.focus();
}

/** Moves focus to the next (or previous) region; exported for the toolbar's and tests' use. */
export function cycleRegions(backwards = false): void {
  const list = regions();
  if (list.length === 0) return;
  const active = document.activeElement;
  // The innermost region holding the focus (regions may nest).
  let index = -1;
  list.forEach((r, i) => {
    if (active instanceof Node && r.contains(active)) index = i;
  });
  const next = index < 0 ? (backwards ? list.length - 1 : 0) : (index + (backwards ? list.length - 1 : 1)) % list.length;
  focusRegion(list[next] as HTMLElement);
}

/** Installs F6 / Shift+F6 region cycling on the document (not while a modal dialog is open). */
export function useRegionCycling(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'F6' || event.altKey || event.ctrlKey || event.metaKey) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      cycleRegions(event.shiftKey);
    };
    const onFocus = (event: FocusEvent): void => {
      const target = event.target;
      if (!(target instanceof HTMLElement)) return;
      const region = target.closest('[data-region]');
      if (region) remembered.set(region, target);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
    };
  }, []);
}
