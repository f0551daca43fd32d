/**
 * The harness's stand-in for the `copydesk://workspace/assets/…` half of the app's protocol
 * (electron/shell/protocol.ts): a Playwright route on `<page origin>/__copydesk-workspace/…`
 * that answers with the file the app's own resolver (`resolveWorkspaceAsset`, with its checks of
 * the raw URL, the resolved path and the real path) names in the current workspace, with the
 * same security headers, or with the same refusal status. The page learns the route from the
 * preload shim's `copydeskAssetBase`, as the app's renderer learns `copydesk://workspace/` from
 * the preload.
 */
import { promises as fs } from 'node:fs';
import type { Page } from '@playwright/test';
import { ASSET_URL_BASE } from '../../../shared/ipc/channels';
import { resolveWorkspaceAsset } from '../../../electron/shell/protocol-path';
import { RESPONSE_SECURITY_HEADERS } from '../../../electron/shell/security';
import { HARNESS_ASSET_PATH } from './asset-base';

/**
 * Serves the images of `workspaceFolder()` (read at each request: the workspace may change) on
 * `origin` + HARNESS_ASSET_PATH for `page`. Refusals are logged to `log`.
 */
export async function serveWorkspaceAssets(page: Page, origin: string, workspaceFolder: () => string, log: (message: string) => void): Promise<void> {
  const prefix = new URL(HARNESS_ASSET_PATH, origin).href;
  await page.route(
    (url) => url.href.startsWith(prefix),
    async (route) => {
      const request = route.request();
      const headers = { ...RESPONSE_SECURITY_HEADERS };
      if (request.method() !== 'GET' && request.method() !== 'HEAD') {
        await route.fulfill({ status: 405, headers });
        return;
      }
      // The same URL as the app would request, so that the very resolver of the app decides.
      const found = await resolveWorkspaceAsset(workspaceFolder(), ASSET_URL_BASE + request.url().slice(prefix.length));
      if (!found.ok) {
        log(`asset route: refused ${request.url().slice(0, 200)} (${String(found.status)}: ${found.reason}).`);
        await route.fulfill({ status: found.status, headers });
        return;
      }
      let body: Buffer;
      try {
        body = await fs.readFile(found.file);
      } catch {
        await route.fulfill({ status: 404, headers });
        return;
      }
      await route.fulfill({ status: 200, headers: { ...headers, 'Content-Type': found.contentType }, body: request.method() === 'HEAD' ? '' : body });
    },
  );
}
