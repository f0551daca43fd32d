/**
 * The window sizes every browser test of the UI runs at: a desktop window and a laptop's.
 * Use: `for (const size of VIEWPORTS) test.describe(size.name, () => { test.use({ viewport: size.viewport }); … })`.
 */

/** A named window size. */
export interface WindowSize {
  readonly name: string;
  readonly viewport: { readonly width: number; readonly height: number };
}

/** 1280×800 and 1024×640. */
export const VIEWPORTS: readonly WindowSize[] = [
  { name: '1280x800', viewport: { width: 1280, height: 800 } },
  { name: '1024x640', viewport: { width: 1024, height: 640 } },
];
