// Bundles the Electron main process and the preload script into dist/electron (the renderer is
// built by vite.config.mts into dist/renderer). Two modes, one output file each:
//   vite build -c build/vite.electron.config.mts --mode main     → dist/electron/main.mjs (ESM)
//   vite build -c build/vite.electron.config.mts --mode preload  → dist/electron/preload.cjs
// The preload runs sandboxed, where `require` knows only 'electron' and a few modules: it must be
// one CommonJS file. Main mode also writes the worker threads' file beside main.mjs (see
// `workerBundle` below). Both bundles include their dependencies (zod, prosemirror-model…), so the
// packaged app needs no node_modules; only 'electron' and Node's built-ins stay external.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import { preloadDefines } from '../shared/ipc/channels';

const root = fileURLToPath(new URL('..', import.meta.url));
const external = ['electron', /^electron\//u, /^node:/u, ...builtinModules];

// piscina starts each thread on its own worker.js, found beside its index.js (`__dirname`). In
// the bundle, `__dirname` is main.mjs's folder (the banner below), and the file is
// draft-worker.cjs (`workerBundle`).
const PISCINA_WORKER = "(0, node_path_1.resolve)(__dirname, 'worker.js')";

/**
 * The worker threads' one file, beside main.mjs: draft-worker.cjs, piscina's thread entry
 * (node_modules/piscina/dist/worker.js) and what the threads run (electron/services/draft-tasks.ts,
 * which draft-workers.ts names as the pool's file: the thread's `require` of it finds the entry
 * already loaded) in one bundle, so that both share one copy of piscina's own modules (its
 * `move()` marks a result with a symbol of its module that the thread entry checks). CommonJS
 * with every dependency inside, as the package is "type": "module" and a .js would be read as
 * ESM; `require` reads it from inside app.asar in the packaged app as the main thread reads main.mjs.
 */
export function workerBundle(): Plugin {
  return {
    name: 'copydesk-worker-bundle',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/node_modules/piscina/dist/index.js')) return null;
      if (!code.includes(PISCINA_WORKER)) throw new Error(`piscina's index.js no longer starts threads with ${PISCINA_WORKER}: update build/vite.electron.config.mts`);
      // Same lines and columns before and after: no source map to make (null keeps the input's).
      return { code: code.replace(PISCINA_WORKER, "(0, node_path_1.resolve)(__dirname, 'draft-worker.cjs')"), map: null };
    },
    async closeBundle() {
      await esbuild({
        // By path: piscina's package exports do not name its thread entry.
        stdin: { contents: "require('./node_modules/piscina/dist/worker.js');\nmodule.exports = require('./electron/services/draft-tasks.ts');\n", resolveDir: root, sourcefile: 'draft-worker-entry.cjs', loader: 'js' },
        outfile: `${root}dist/electron/draft-worker.cjs`,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node22',
        sourcemap: 'external',
        logLevel: 'warning',
        legalComments: 'none',
        // @napi-rs/nice (a native module) is loaded only for a `niceIncrement`, which Copydesk does not set.
        external: ['@napi-rs/nice'],
      });
    },
  };
}

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
    define: preload ? preloadDefines() : {},
    plugins: preload ? [] : [workerBundle()],
    build: {
      outDir: `${root}dist/electron`,
      // Both modes write into the same folder: neither may delete the other's file.
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      // Maps written, but not named in the bundles: they stay out of the package (build/keep-sourcemaps.mjs).
      sourcemap: 'hidden',
      reportCompressedSize: false,
      lib: {
        entry: `${root}electron/shell/${preload ? 'preload' : 'entry'}.ts`,
        formats: [preload ? 'cjs' : 'es'],
        fileName: () => (preload ? 'preload.cjs' : 'main.mjs'),
      },
      rolldownOptions: {
        external,
        platform: 'node',
        // The main bundle's folder, for the CommonJS code inside it that looks beside itself (piscina).
        output: { codeSplitting: false, ...(preload ? {} : { banner: 'const __dirname = import.meta.dirname;' }) },
      },
    },
  };
});
