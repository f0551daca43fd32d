/**
 * The renderer's build, made here with the repository's vite.config.mts into a temporary folder
 * and read through the bundle's chunk graph: the start chunk (the entry of index.html and what it
 * imports statically, all that loads before the library shows) stays under its budget and holds
 * neither the HTML parser of the paste cleaner (parse5) nor the editor, the draft screen or the
 * draft validators; those come in chunks imported dynamically, and the cleaner's chunk only from
 * the draft's. Source maps are written but named by no chunk (they are not shipped).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_BUDGETS } from '../bench/app-budgets';

/** The budget of the start chunk, in bytes (the app bench's, in kB of 1,000 bytes). */
const START_CHUNK_BUDGET = APP_BUDGETS.startChunk.median * 1000;

type OutputChunk = Rolldown.OutputChunk;

let out: string;
let chunks: OutputChunk[];
let maps: string[];

beforeAll(async () => {
  out = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-renderer-'));
  const result = (await build({ configFile: 'vite.config.mts', logLevel: 'silent', build: { outDir: out, emptyOutDir: true } })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  chunks = (Array.isArray(result) ? result : [result]).flatMap((output) => output.output.filter((item): item is OutputChunk => item.type === 'chunk'));
  maps = (await fs.readdir(path.join(out, 'assets'))).filter((name) => name.endsWith('.map'));
}, 180_000);

afterAll(async () => {
  await fs.rm(out, { recursive: true, force: true });
});

function chunk(fileName: string): OutputChunk {
  const found = chunks.find((c) => c.fileName === fileName);
  if (!found) throw new Error(`no chunk ${fileName}`);
  return found;
}

/** The chunks loaded with `start` before any dynamic import: it and its static imports, transitively. */
function staticClosure(start: OutputChunk): OutputChunk[] {
  const seen = new Map<string, OutputChunk>();
  const stack = [start.fileName];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    seen.set(name, chunk(name));
    stack.push(...chunk(name).imports);
  }
  return [...seen.values()];
}

const moduleOf = (c: OutputChunk, pattern: RegExp): boolean => c.moduleIds.some((id) => pattern.test(id.replaceAll('\\', '/')));
const PARSE5 = /\/node_modules\/(?:parse5|entities)\//u;
const chunkWith = (pattern: RegExp): OutputChunk[] => chunks.filter((c) => moduleOf(c, pattern));

describe('the renderer build', () => {
  it('starts with a chunk under its budget that holds neither the paste cleaner, the editor nor the draft screen', async () => {
    const entries = chunks.filter((c) => c.isEntry);
    expect(entries.map((c) => c.facadeModuleId?.replaceAll('\\', '/'))).toEqual([expect.stringMatching(/\/renderer\/index\.html$/u)]);
    const html = await fs.readFile(path.join(out, 'index.html'), 'utf8');
    const [entry] = entries as [OutputChunk];
    expect(html).toContain(`src="./${entry.fileName}"`);
    const start = staticClosure(entry);
    const bytes = start.reduce((sum, c) => sum + Buffer.byteLength(c.code), 0);
    expect(bytes).toBeLessThanOrEqual(START_CHUNK_BUDGET);
    const heavy = [PARSE5, /\/node_modules\/(?:prosemirror-[a-z]+|zod)\//u, /\/renderer\/editor\/create-editor\.ts$/u, /\/renderer\/app\/draft-screen\/DraftScreen\.tsx$/u, /\/renderer\/app\/session\/document-session\.ts$/u];
    for (const pattern of heavy) expect(start.filter((c) => moduleOf(c, pattern)).map((c) => c.fileName), String(pattern)).toEqual([]);
    // The library's own code is there.
    expect(start.some((c) => moduleOf(c, /\/renderer\/app\/library\/LibraryView\.tsx$/u))).toBe(true);
  });

  it('loads the draft screen, and from it the paste cleaner with parse5, on demand', () => {
    const [entry] = chunks.filter((c) => c.isEntry) as [OutputChunk];
    const [draft] = chunkWith(/\/renderer\/app\/draft-screen\/DraftScreen\.tsx$/u);
    const [cleaner] = chunkWith(/\/renderer\/editor\/html-preclean\.ts$/u);
    if (!draft || !cleaner) throw new Error('the draft screen and the paste cleaner are in no chunk');
    expect(entry.dynamicImports).toContain(draft.fileName);
    expect(draft.dynamicImports).toContain(cleaner.fileName);
    // parse5 is in the cleaner's chunk or one it imports, and in none the draft loads statically.
    expect(staticClosure(cleaner).some((c) => moduleOf(c, PARSE5))).toBe(true);
    expect(staticClosure(draft).filter((c) => moduleOf(c, PARSE5)).map((c) => c.fileName)).toEqual([]);
  });

  it('writes source maps that no chunk names', () => {
    expect(maps).toContain(`${path.basename(chunks.find((c) => c.isEntry)?.fileName ?? '')}.map`);
    for (const c of chunks) expect(c.code, c.fileName).not.toMatch(/[#@] sourceMappingURL=/u);
  });
});
