/**
 * The `copydesk` bundle (build/build-cli.mjs), read through esbuild's metafile: what
 * `copydesk export --to html` and `--to md` load (the entry, the export command and the writer,
 * with their static imports) holds no Markdown or HTML parser, no Word library and no diff
 * engine; those are in the chunks of the commands that use them.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script, without type declarations
import { buildCli } from '../../build/build-cli.mjs';

interface Metafile {
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown>; imports: { path: string; kind: string; external?: boolean }[] }>;
}

let dir: string;
let meta: Metafile;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-bundle-'));
  meta = (await (buildCli as (options: { outdir: string }) => Promise<Metafile>)({ outdir: path.join(dir, 'cli') }));
}, 60_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The packages (node_modules names) loaded when the entry and the chunks of `entryPoints` run. */
function packagesLoaded(entryPoints: readonly string[]): Set<string> {
  const outputs = Object.entries(meta.outputs);
  const start = outputs.filter(([name, output]) => name.endsWith('/main.mjs') || entryPoints.includes(output.entryPoint ?? '')).map(([name]) => name);
  expect(start).toHaveLength(entryPoints.length + 1);
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const imported of meta.outputs[name]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) stack.push(imported.path);
  }
  const packages = new Set<string>();
  for (const name of seen) {
    for (const input of Object.keys(meta.outputs[name]?.inputs ?? {})) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(input);
      if (match?.[1]) packages.add(match[1]);
    }
  }
  return packages;
}

const HEAVY = ['markdown-it', 'markdown-it-footnote', 'parse5', 'mammoth', 'docx', '@xmldom/xmldom', 'fflate', 'jszip', 'diff'];

describe('the copydesk bundle', () => {
  it('loads no parser, Word library or diff engine for an HTML or Markdown export', () => {
    for (const writer of ['shared/export/html.ts', 'shared/export/markdown.ts']) {
      const loaded = packagesLoaded(['electron/cli/commands.ts', writer]);
      expect(loaded.has('prosemirror-model')).toBe(true);
      expect(HEAVY.filter((name) => loaded.has(name))).toEqual([]);
    }
  });

  it('keeps them in the chunks of the commands that use them', () => {
    expect([...packagesLoaded(['electron/cli/import-command.ts'])]).toEqual(expect.arrayContaining(['markdown-it', 'parse5', 'mammoth']));
    expect(packagesLoaded(['electron/cli/commands.ts', 'shared/export/docx.ts']).has('docx')).toBe(true);
    expect(packagesLoaded(['electron/cli/diff-command.ts']).has('diff')).toBe(true);
  });

  it('imports nothing from outside but Node’s built-ins', () => {
    const external = Object.values(meta.outputs).flatMap((output) => output.imports.filter((entry) => entry.external).map((entry) => entry.path));
    expect(external.filter((name) => !/^(node:)?[a-z_]+(\/[a-z_]+)?$/u.test(name))).toEqual([]);
  });
});
