// Bundles the Electron main process and the preload script into dist/electron (the renderer is
// built by vite.config.mts into dist/renderer). Two modes, one output file each:
//   vite build -c build/vite.electron.config.mts --mode main     → dist/electron/main.mjs (ESM)
//   vite build -c build/vite.electron.config.mts --mode preload  → dist/electron/preload.cjs
// The preload runs sandboxed, where `require` knows only 'electron' and a few modules: it must be
// one CommonJS file. Both bundles include their dependencies (zod, prosemirror-model…), so the
// packaged app needs no node_modules; only 'electron' and Node's built-ins stay external.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { API_NAMES, ASSET_BASE_GLOBAL, ASSET_URL_BASE } from '../shared/ipc/channels';

const root = fileURLToPath(new URL('..', import.meta.url));
const external = ['electron', /^electron\//u, /^node:/u, ...builtinModules];

export default defineConfig(({ mode }) => {
  if (mode !== 'main' && mode !== 'preload') throw new Error('Build with --mode main or --mode preload.');
  const preload = mode === 'preload';
  return {
    root,
    configFile: false,
    publicDir: false,
    envPrefix: 'COPYDESK_BUILD_',
    // The preload's names of calls and events, and the images' base, from the channel map at build
    // time (electron/shell/preload.ts): the preload does not bundle the map's validators.
    define: preload
      ? {
          __COPYDESK_API_NAMES__: JSON.stringify(API_NAMES),
          __COPYDESK_ASSET_BASE__: JSON.stringify({ global: ASSET_BASE_GLOBAL, url: ASSET_URL_BASE }),
        }
      : {},
    build: {
      outDir: `${root}dist/electron`,
      // Both modes write into the same folder: neither may delete the other's file.
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      lib: {
        entry: `${root}electron/shell/${preload ? 'preload' : 'entry'}.ts`,
        formats: [preload ? 'cjs' : 'es'],
        fileName: () => (preload ? 'preload.cjs' : 'main.mjs'),
      },
      rolldownOptions: {
        external,
        platform: 'node',
        output: { codeSplitting: false },
      },
    },
  };
});
