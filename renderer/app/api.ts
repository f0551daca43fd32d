/**
 * The preload API (`window.copydesk`, typed by shared/ipc) as the shell uses it: `api()` returns
 * it, `hasApi()` says whether the page has one, and `messageOf` turns a rejected call into a
 * sentence for the user (the main process already words its errors for people).
 */
import type { CopydeskApi } from '../../shared/ipc/api';
import { DRAFT_EXTENSION } from '../../shared/draft/extension';

declare global {
  interface Window {
    /** Exposed by the preload script (or by the test harness, over the same channel map). */
    readonly copydesk?: CopydeskApi;
  }
}

/** True when the page runs with the preload API. */
export function hasApi(): boolean {
  return typeof window.copydesk === 'object' && window.copydesk !== null;
}

/** The preload API; throws when the page runs without it (see `hasApi`). */
export function api(): CopydeskApi {
  const value = window.copydesk;
  if (!value) throw new Error('Copydesk’s API is not available in this page.');
  return value;
}

export { messageOf } from './error-message';

/**
 * A draft file name from what the user typed: trimmed, with the `.copydesk` extension added when
 * missing. The main process checks the name itself and explains a refusal.
 */
export function toDraftName(text: string): string {
  const trimmed = text.trim();
  return trimmed.toLowerCase().endsWith(DRAFT_EXTENSION) ? trimmed : `${trimmed}${DRAFT_EXTENSION}`;
}

/** A draft's name without its extension, for display. */
export function displayName(name: string): string {
  return name.endsWith(DRAFT_EXTENSION) ? name.slice(0, -DRAFT_EXTENSION.length) : name;
}
