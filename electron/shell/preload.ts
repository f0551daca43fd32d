/**
 * The preload script (sandboxed, context-isolated): exposes `window.copydesk`, the API of
 * shared/ipc/api.ts built over Electron's IPC, and the base URL of the drafts' images
 * (`window.copydeskAssetBase`, a string: the app's protocol serves them), and nothing else. The
 * renderer gets no ipcRenderer, no generic invoke or send, and its listeners receive payloads,
 * never the IpcRendererEvent (which would hand it `sender`, an ipcRenderer).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi } from '../../shared/ipc/api';
import { ASSET_BASE_GLOBAL, ASSET_URL_BASE } from '../../shared/ipc/channels';

const api = createApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe(channel, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
});

contextBridge.exposeInMainWorld('copydesk', api);
contextBridge.exposeInMainWorld(ASSET_BASE_GLOBAL, ASSET_URL_BASE);
