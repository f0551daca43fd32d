/**
 * The path under the page's own origin where the harness serves the workspace's `assets/…`
 * images (Electron serves them at `copydesk://workspace/`, which a page served over http cannot
 * load). Plain constant, shared by the page side (preload-shim.ts) and the Node side (asset-route.ts).
 */

/** The asset base's path: `<page origin>/__copydesk-workspace/` + `assets/<stem>/<file>`. */
export const HARNESS_ASSET_PATH = '/__copydesk-workspace/';
