/**
 * Bundles the bench pages (page/copydesk.ts and page/bare.ts) with esbuild into a folder, with an
 * HTML page for each and their stylesheets: Copydesk's page loads renderer/editor/editor.css, the
 * bare page ProseMirror's required CSS (prosemirror-view/style/prosemirror.css) and page/bare.css.
 * Minified, as the app's renderer build is.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

function html(title: string, styles: readonly string[], script: string): string {
  const links = styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
${links}
</head>
<body>
<main class="bench-region"><div id="editor" class="cd-editor-frame cd-canvas"></div></main>
<script type="module" src="${script}"></script>
</body>
</html>
`;
}

/**
 * Builds the pages into `outdir` (created if needed): copydesk.html and bare.html. `minify: false`
 * keeps function names readable in profiles.
 */
export async function buildBenchPages(outdir: string, options: { minify?: boolean } = {}): Promise<void> {
  await fs.mkdir(outdir, { recursive: true });
  await build({
    entryPoints: { copydesk: path.join(here, 'page/copydesk.ts'), bare: path.join(here, 'page/bare.ts') },
    bundle: true,
    format: 'esm',
    splitting: false,
    minify: options.minify ?? true,
    target: 'chrome120',
    outdir,
    logLevel: 'warning',
  });
  const copy = async (from: string, to: string): Promise<void> => fs.copyFile(path.join(root, from), path.join(outdir, to));
  await copy('renderer/editor/editor.css', 'editor.css');
  await copy('tests/bench/page/page.css', 'page.css');
  const pmCss = await fs.readFile(path.join(root, 'node_modules/prosemirror-view/style/prosemirror.css'), 'utf8');
  const bareCss = await fs.readFile(path.join(here, 'page/bare.css'), 'utf8');
  await fs.writeFile(path.join(outdir, 'bare.css'), `${pmCss}\n${bareCss}`);
  await fs.writeFile(path.join(outdir, 'copydesk.html'), html('Copydesk bench', ['page.css', 'editor.css'], 'copydesk.js'));
  await fs.writeFile(path.join(outdir, 'bare.html'), html('Bare ProseMirror bench', ['page.css', 'bare.css'], 'bare.js'));
}
