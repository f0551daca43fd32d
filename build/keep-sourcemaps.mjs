// electron-builder hook (build/electron-builder.yml, afterAllArtifactBuild). The package holds
// no source maps (`files`: "!**/*.map"), and the bundles name none (vite's `sourcemap: 'hidden'`,
// esbuild's 'external'): the maps stay out of users' installs. They are kept beside the packages
// instead, in <output>/sourcemaps/ with their paths under dist/ (dist/renderer/assets/….js.map,
// dist/electron/main.mjs.map…), one set per build, to turn a stack trace from a user's installed
// app back into source positions (build/symbolicate.mjs).
import console from 'node:console';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Copies every .map under `from`/dist into `target`, keeping their paths; returns how many. */
export function keepSourceMaps(from, target) {
  rmSync(target, { recursive: true, force: true });
  let kept = 0;
  const walk = (relative) => {
    for (const entry of readdirSync(path.join(from, relative), { withFileTypes: true })) {
      const inner = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(inner);
      else if (entry.isFile() && entry.name.endsWith('.map')) {
        mkdirSync(path.join(target, relative), { recursive: true });
        cpSync(path.join(from, inner), path.join(target, inner));
        kept += 1;
      }
    }
  };
  if (existsSync(path.join(from, 'dist'))) walk('dist');
  return kept;
}

/** The hook: keeps the maps in <output>/sourcemaps; publishes nothing more. */
export async function afterAllArtifactBuild(result) {
  const target = path.join(result.outDir, 'sourcemaps');
  const kept = keepSourceMaps(root, target);
  console.log(`  • source maps kept beside the packages (not in them): ${String(kept)} in ${target}`);
  return [];
}
