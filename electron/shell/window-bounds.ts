/**
 * Where the main window opens: the size and position remembered from the last run, if they still
 * fit on one of the current displays (a display may have been unplugged since), or a default size
 * centred on the primary display. Pure, so tests need no screen.
 */
import type { WindowBounds } from '../services/settings';

/** A rectangle in screen coordinates. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The default window size. */
export const DEFAULT_WINDOW_SIZE = Object.freeze({ width: 1200, height: 860 });

/** The smallest window size. */
export const MIN_WINDOW_SIZE = Object.freeze({ width: 640, height: 480 });

/** How much of the window's top edge must be on a display to grab it: 120 × 40 pixels. */
const VISIBLE_WIDTH = 120;
const VISIBLE_HEIGHT = 40;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function centred(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return { x: Math.round(area.x + (area.width - w) / 2), y: Math.round(area.y + (area.height - h) / 2), width: w, height: h };
}

/**
 * The bounds to open the window with, given the remembered ones (or null) and the work areas of
 * the displays (primary first). Remembered bounds are kept if their title bar is reachable on a
 * display, shrunk to fit that display; otherwise the default size is centred on the primary one.
 */
export function restoreBounds(saved: WindowBounds | null, workAreas: readonly Rect[]): { bounds: Rect; maximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height };
  if (saved) {
    const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: VISIBLE_HEIGHT };
    const home = workAreas.find((area) => {
      const o = overlap(titleBar, area);
      return o.width >= Math.min(VISIBLE_WIDTH, saved.width) && o.height >= VISIBLE_HEIGHT;
    });
    if (home) {
      const width = Math.max(MIN_WINDOW_SIZE.width, Math.min(saved.width, home.width));
      const height = Math.max(MIN_WINDOW_SIZE.height, Math.min(saved.height, home.height));
      return { bounds: { x: saved.x, y: saved.y, width, height }, maximized: saved.maximized };
    }
    return { bounds: centred(primary, saved.width, saved.height), maximized: saved.maximized };
  }
  return { bounds: centred(primary, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height), maximized: false };
}

/** The bounds to remember for a window (its normal bounds, rounded, and whether it is maximized). */
export function boundsToRemember(normal: Rect, maximized: boolean): WindowBounds {
  return {
    x: Math.round(normal.x),
    y: Math.round(normal.y),
    width: Math.max(MIN_WINDOW_SIZE.width, Math.round(normal.width)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.round(normal.height)),
    maximized,
  };
}
