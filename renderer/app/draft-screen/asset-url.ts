/**
 * Where a figure's image loads from in the canvas. An https image loads as it is; an `assets/…`
 * path (an image copied beside the draft) loads from the base URL the preload gives
 * (`window.copydeskAssetBase`: the app's protocol in Electron, an http route in the end-to-end
 * harness), or from `ASSET_URL_BASE` when the page has no such global. Anything else shows nothing.
 */
import { ASSET_BASE_GLOBAL, ASSET_URL_BASE } from '../../../shared/ipc/channels';

/** The base URL of `assets/…` images for this page (ends with "/"). */
export function assetBase(): string {
  const value = (window as unknown as Record<string, unknown>)[ASSET_BASE_GLOBAL];
  return typeof value === 'string' && value.endsWith('/') ? value : ASSET_URL_BASE;
}

/** What a figure's `src` loads from (see the module comment); '' for nothing. */
export function resolveImage(src: string): string {
  if (src.startsWith('https:')) return src;
  if (src.startsWith('assets/')) return assetBase() + src.split('/').map(encodeURIComponent).join('/');
  return '';
}
