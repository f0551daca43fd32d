/**
 * The preload script (sandboxed, context-isolated): exposes `window.copydesk`, the API of
 * shared/ipc/api.ts built over Electron's IPC, and the base URL of the drafts' images
 * (`window.copydeskAssetBase`, a string: the app's protocol serves them), and nothing else. The
 * renderer gets no ipcRenderer, no generic invoke or send, and its listeners receive payloads,
 * never the IpcRendererEvent (which would hand it `sender`, an ipcRenderer).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi, type ApiNames } from '../../shared/ipc/api';

// Written in by the build (build/vite.electron.config.mts) from shared/ipc/channels.ts, which the
// preload does not import: that module holds every call's validator (zod, the draft parser).
declare const __COPYDESK_API_NAMES__: ApiNames;
declare const __COPYDESK_ASSET_BASE__: { readonly global: string; readonly url: string };

const api = createApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe(channel, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
}, __COPYDESK_API_NAMES__);

contextBridge.exposeInMainWorld('copydesk', api);
contextBridge.exposeInMainWorld(__COPYDESK_ASSET_BASE__.global, __COPYDESK_ASSET_BASE__.url);
