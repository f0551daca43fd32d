/**
 * Bundles preload-shim.ts with esbuild into one script for `page.addInitScript`, once per worker:
 * the page runs the very `createApi` of shared/ipc/api.ts that the preload runs in Electron, with
 * the names of calls and events written in at build time as the preload has them (a few kB, not
 * the channel map's validators).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { preloadDefines } from '../../../shared/ipc/channels';

const ENTRY = fileURLToPath(new URL('./preload-shim.ts', import.meta.url));

let bundled: Promise<string> | null = null;

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    // As build/vite.electron.config.mts defines them for the preload.
    define: preloadDefines(),
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bundle for the preload shim.');
  return file.text;
}

/** The preload shim as one script (built on first use in this worker, then reused). */
export function preloadShimScript(): Promise<string> {
  bundled ??= bundle().catch((error: unknown) => {
    bundled = null;
    throw error;
  });
  return bundled;
}
