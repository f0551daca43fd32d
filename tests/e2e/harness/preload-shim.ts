/**
 * The test build of the preload script (electron/shell/preload.ts): bundled by esbuild and run as
 * an init script in every page the fixture opens, before the page's own scripts. It builds
 * `window.copydesk` with the same `createApi` over a transport made of
 * - calls: Playwright's binding `__copydeskInvoke(channel, payload)`, which the fixture routes to
 *   the real dispatcher with the calling frame's URL as the sender (like ipcRenderer.invoke);
 * - events: `__copydeskHarnessDeliver(channel, payload)`, which the fixture calls through
 *   `page.evaluate` to hand a main-process event to the listeners (like webContents.send).
 * As contextBridge does, it exposes the frozen API as a read-only property, and the base URL of
 * the drafts' images (`copydeskAssetBase`: an http route on the page's origin that asset-route.ts
 * serves, where the preload gives `copydesk://workspace/`), and nothing else: the binding is taken
 * off `window` once captured. The delivery hook is the one test-only global.
 */
import { createApi, type ApiNames } from '../../../shared/ipc/api';
import { HARNESS_ASSET_PATH } from './asset-base';

// Written in by shim-bundle.ts from shared/ipc/channels.ts, as the app's build does for the
// preload: like the preload, the shim does not bundle the channel map's validators (zod, the
// draft parser), so a page pays at start what a window of the app pays, and no more.
declare const __COPYDESK_API_NAMES__: ApiNames;
declare const __COPYDESK_ASSET_BASE__: { readonly global: string; readonly url: string };

type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
type Listener = (payload: unknown) => void;

const INVOKE_BINDING = '__copydeskInvoke';
const DELIVER_HOOK = '__copydeskHarnessDeliver';

const host = window as unknown as Record<string, unknown>;
const binding = host[INVOKE_BINDING];

// Only the main frame gets the API, as the preload runs in the main frame only.
if (window === window.top && typeof binding === 'function') {
  const invoke = binding as Invoke;
  delete host[INVOKE_BINDING];
  const listeners = new Map<string, Set<Listener>>();

  const api = createApi({
    invoke: (channel, payload) => invoke(channel, payload),
    subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      // A wrapper per subscription, so that the same function subscribed twice is two listeners (as with ipcRenderer.on).
      const forward: Listener = (payload) => listener(payload);
      set.add(forward);
      return () => {
        set.delete(forward);
      };
    },
  }, __COPYDESK_API_NAMES__);

  Object.defineProperty(window, 'copydesk', { value: api, enumerable: true, writable: false, configurable: false });
  const assetBase = new URL(HARNESS_ASSET_PATH, window.location.href).href;
  Object.defineProperty(window, __COPYDESK_ASSET_BASE__.global, { value: assetBase, enumerable: true, writable: false, configurable: false });
  Object.defineProperty(window, DELIVER_HOOK, {
    enumerable: false,
    writable: false,
    configurable: false,
    value: (channel: string, payload: unknown): number => {
      const set = listeners.get(channel);
      if (!set) return 0;
      // A listener that throws must not stop the others (each ipcRenderer listener runs on its own).
      for (const listener of [...set]) {
        try {
          listener(payload);
        } catch (error) {
          setTimeout(() => {
            throw error;
          });
        }
      }
      return set.size;
    },
  });
}
