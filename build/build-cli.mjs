// Builds the `copydesk` command once, with esbuild: electron/cli/main.ts and everything it uses
// (dependencies included) → dist/cli/main.mjs, run by plain `node` (electron/cli/copydesk.mjs in
// a checkout, the app's own executable when packaged: electron/cli/app-dispatch.ts). What a
// command loads with import() (a writer, an importer, the diff engine) goes into chunks of its own
// beside it (dist/cli/chunks/), so that `copydesk export --to html` never reads the Markdown or
// HTML parser, mammoth or docx.
// Run by `npm run build:cli`, `prepare` (so `npm install` and `npm ci` build it), `npm run build`
// and the unit tests' global setup (tests/unit/helpers/cli-bundle.global.ts), which always
// rebuilds it from the current sources. --if-possible (prepare) only warns when esbuild is not
// installed (`npm ci --omit=dev`), instead of failing the install.
//   node build/build-cli.mjs [--metafile=FILE] [--if-possible]
import console from 'node:console';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
class MissingEsbuild extends Error {}

/** Where the bundle goes; its entry is `main.mjs`. */
export const CLI_OUT_DIR = `${root}dist/cli`;

/**
 * Bundles the command; resolves with esbuild's metafile (which input went into which output).
 * @param {{ outdir?: string }} [options]
 */
export async function buildCli(options = {}) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new MissingEsbuild('esbuild is not installed (a devDependency: the copydesk command is not built; run npm install in the Copydesk folder)');
  }
  const target = options.outdir ?? CLI_OUT_DIR;
  // Built beside, then swapped in: a command started meanwhile (a test run in parallel) finds the
  // old bundle or the new one, never half of one; chunks named by content hash do not pile up.
  const suffix = `${String(process.pid)}-${Date.now().toString(36)}`;
  const outdir = `${target}.new-${suffix}`;
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: 'electron/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // CommonJS dependencies (mammoth…) call require() for Node's built-ins.
    banner: { js: "import { createRequire as __copydeskRequire } from 'node:module';\nconst require = __copydeskRequire(import.meta.url);" },
    // A tsconfig.json of the user's working folder is never read (absWorkingDir is ours).
    tsconfig: `${root}tsconfig.json`,
    legalComments: 'none',
    // Names are kept, for readable stack traces (COPYDESK_DEBUG=1).
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'warning',
  });
  // Everything is inside: the packaged app has no node_modules.
  const outside = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((entry) => entry.external && !builtinModules.includes(entry.path.replace(/^node:/u, ''))));
  if (outside.length > 0) {
    rmSync(outdir, { recursive: true, force: true });
    throw new Error(`the bundle imports ${outside.map((entry) => entry.path).join(', ')} from outside`);
  }
  const old = `${target}.old-${suffix}`;
  try {
    renameSync(target, old);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  renameSync(outdir, target);
  rmSync(old, { recursive: true, force: true });
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const metaArg = process.argv.slice(2).find((arg) => arg.startsWith('--metafile='));
  try {
    const metafile = await buildCli();
    if (metaArg) writeFileSync(metaArg.slice('--metafile='.length), JSON.stringify(metafile, null, 1));
  } catch (error) {
    console.error(`build:cli: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    if (!(process.argv.includes('--if-possible') && error instanceof MissingEsbuild)) process.exit(1);
  }
}
