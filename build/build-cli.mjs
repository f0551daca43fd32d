// Builds the `copydesk` command once, with esbuild: electron/cli/main.ts and everything it uses
// (dependencies included) → dist/cli/main.mjs, run by plain `node` (electron/cli/copydesk.mjs in
// a checkout, the app's own executable when packaged: electron/cli/app-dispatch.ts). What a
// command loads with import() (a writer, an importer, the diff engine) goes into chunks of its own
// beside it (dist/cli/chunks/), so that `copydesk export --to html` never reads the Markdown or
// HTML parser, mammoth or docx.
// Run by `npm run build:cli`, `prepare` (so `npm install` and `npm ci` build it), `npm run build`
// and the unit tests' global setup (tests/unit/helpers/cli-bundle.ts), which always rebuild it
// from the current sources.
//   node build/build-cli.mjs [--metafile=FILE]
import console from 'node:console';
import { rmSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
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
    throw new Error('esbuild is not installed (it is a devDependency: run npm install in the Copydesk folder)');
  }
  const outdir = options.outdir ?? CLI_OUT_DIR;
  // Chunks are named by content hash: clear the old ones.
  rmSync(outdir, { recursive: true, force: true });
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
    minify: process.env.M === '1',
    minifyWhitespace: process.env.M === 'w',
    minifySyntax: process.env.M === 'w',
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const metaArg = process.argv.slice(2).find((arg) => arg.startsWith('--metafile='));
  try {
    const metafile = await buildCli();
    if (metaArg) writeFileSync(metaArg.slice('--metafile='.length), JSON.stringify(metafile, null, 1));
  } catch (error) {
    console.error(`build:cli: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exit(1);
  }
}
