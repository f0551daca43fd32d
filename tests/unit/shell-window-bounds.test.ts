/**
 * Where the window reopens: the remembered bounds when they are still on a display, shrunk to fit
 * it; centred defaults when the display they were on is gone.
 */
import { describe, expect, it } from 'vitest';
import { boundsToRemember, DEFAULT_WINDOW_SIZE, restoreBounds } from '../../electron/shell/window-bounds';

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('restoreBounds', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(restoreBounds(null, [laptop])).toEqual({
      bounds: { x: 120, y: 33, width: DEFAULT_WINDOW_SIZE.width, height: 860 },
      maximized: false,
    });
  });

  it('keeps remembered bounds that are on a display, and the maximized state', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 1000, maximized: true };
    expect(restoreBounds(saved, [laptop, external])).toEqual({ bounds: { x: 1600, y: 100, width: 1400, height: 1000 }, maximized: true });
  });

  it('moves a window whose display was unplugged back onto the primary one', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 1000, maximized: false };
    const { bounds } = restoreBounds(saved, [laptop]);
    expect(bounds.x).toBeGreaterThanOrEqual(laptop.x);
    expect(bounds.y).toBeGreaterThanOrEqual(laptop.y);
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(laptop.x + laptop.width);
    expect(bounds.y + bounds.height).toBeLessThanOrEqual(laptop.y + laptop.height);
  });

  it('refuses a window whose title bar is out of reach (above the screen, or a sliver at the edge)', () => {
    expect(restoreBounds({ x: 100, y: -500, width: 800, height: 600, maximized: false }, [laptop]).bounds.y).toBeGreaterThanOrEqual(laptop.y);
    expect(restoreBounds({ x: 1400, y: 100, width: 800, height: 600, maximized: false }, [laptop]).bounds.x).toBeLessThan(1400);
  });

  it('shrinks remembered bounds larger than their display, but never below the minimum', () => {
    expect(restoreBounds({ x: 0, y: 25, width: 5000, height: 5000, maximized: false }, [laptop]).bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
    expect(restoreBounds({ x: 0, y: 25, width: 100, height: 100, maximized: false }, [laptop]).bounds).toMatchObject({ width: 640, height: 480 });
  });

  it('works with no display information at all', () => {
    expect(restoreBounds(null, []).bounds).toMatchObject({ width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height });
  });
});

describe('boundsToRemember', () => {
  it('rounds and keeps the minimum size, so the settings validator accepts it', () => {
    expect(boundsToRemember({ x: 10.4, y: -3.6, width: 1000.5, height: 10 }, true)).toEqual({ x: 10, y: -4, width: 1001, height: 480, maximized: true });
  });
});
