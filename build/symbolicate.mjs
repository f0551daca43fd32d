// Turns a stack trace from Copydesk's bundles back into source positions, with the source maps
// kept beside the packages (build/keep-sourcemaps.mjs) or those of a local build (dist/).
//   node build/symbolicate.mjs [FOLDER] < trace.txt
// FOLDER holds dist/… (default: out/packages/sourcemaps when it exists, else this checkout).
// A frame is any `…/dist/<path>.{js,mjs,cjs}:LINE:COLUMN` (the main process, inside app.asar) or
// `…/assets/<chunk>.js:LINE:COLUMN` (the renderer: copydesk://app/assets/…, or http in the
// end-to-end tests); it becomes `<source>:LINE:COLUMN (<chunk>)`. Frames without a map stay as they are.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const FRAME = /([^\s()]+\.(?:js|mjs|cjs)):(\d+):(\d+)/gu;

/** The map's path under `dist/` for a frame's file (URL or path), or null. */
function mapPathOf(file) {
  const inDist = /\/dist\/((?:renderer|electron|cli)\/[^?#]+)$/u.exec(file);
  if (inDist) return `dist/${inDist[1]}`;
  const asset = /\/assets\/([^/?#]+)$/u.exec(file);
  return asset ? `dist/renderer/assets/${asset[1]}` : null;
}

/** `trace` with every frame that a map in `folder` covers given in source positions. */
export function symbolicate(trace, folder) {
  const maps = new Map();
  const mapOf = (relative) => {
    if (!maps.has(relative)) {
      const file = path.join(folder, `${relative}.map`);
      maps.set(relative, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
    }
    return maps.get(relative);
  };
  return trace.replace(FRAME, (frame, file, line, column) => {
    const relative = mapPathOf(file);
    const map = relative ? mapOf(relative) : null;
    const origin = map?.findOrigin(Number(line), Number(column));
    if (!relative || !origin?.fileName) return frame;
    const source = path.posix.normalize(path.posix.join(path.posix.dirname(relative), origin.fileName.replace(/^file:\/\//u, '')));
    return `${source}:${String(origin.lineNumber)}:${String(origin.columnNumber)} (${path.posix.basename(relative)})`;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const kept = path.join(root, 'out/packages/sourcemaps');
  const folder = process.argv[2] ?? (existsSync(kept) ? kept : root);
  process.stdout.write(symbolicate(readFileSync(0, 'utf8'), folder));
}
