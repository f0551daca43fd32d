/**
 * What lets code load on first use: `lazyModule` (renderer/editor/lazy-module.ts: one download for every
 * caller, a failed one tried again), where a paste waiting for the cleaner goes when the text
 * changes meanwhile (`mapTarget`, renderer/editor/deferred-paste.ts), and `symbolicate`
 * (build/symbolicate.mjs), which turns a stack trace of a bundle back into source positions
 * with the source maps that the package leaves out.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { EditorState, NodeSelection, TextSelection } from 'prosemirror-state';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script, without type declarations
import { symbolicate } from '../../build/symbolicate.mjs';
import { lazyModule } from '../../renderer/editor/lazy-module';
import { mapTarget } from '../../renderer/editor/deferred-paste';
import { article, p } from './helpers/build';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true }))));

describe('lazyModule', () => {
  it('loads once for every caller, says when it is there, and tries again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const lazy = lazyModule(() => {
      calls++;
      return fail ? Promise.reject(new Error('offline')) : Promise.resolve({ value: 42 });
    });
    expect(lazy.current).toBeNull();
    await expect(Promise.all([lazy.load(), lazy.load()])).rejects.toThrow('offline');
    expect(calls).toBe(1);
    expect(lazy.current).toBeNull();
    fail = false;
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(calls).toBe(2);
    expect(a).toBe(b);
    expect(lazy.current).toEqual({ value: 42 });
    await lazy.load();
    expect(calls).toBe(2);
  });
});

describe('mapTarget', () => {
  const state = EditorState.create({ doc: article({ headline: 'H', body: [p('one two'), p('three')] }) });
  const inOne = (offset: number): number => {
    let at = -1;
    state.doc.descendants((node, pos) => {
      if (at < 0 && node.type.name === 'paragraph') at = pos + 1 + offset;
      return at < 0;
    });
    return at;
  };

  it('keeps an empty selection before text typed at it, and after text typed before it', () => {
    const caret = TextSelection.create(state.doc, inOne(3));
    expect(mapTarget(caret, state.tr.insertText('XY', inOne(3))).head).toBe(inOne(3));
    expect(mapTarget(caret, state.tr.insertText('XY', inOne(0))).head).toBe(inOne(3) + 2);
  });

  it('maps a range and a node selection through changes elsewhere, and a deleted range to where it was', () => {
    const range = TextSelection.create(state.doc, inOne(0), inOne(3));
    // Typed in the headline, before the range.
    const moved = mapTarget(range, state.tr.insertText('ab', 1));
    expect([moved.from, moved.to]).toEqual([inOne(0) + 2, inOne(3) + 2]);
    const deleted = mapTarget(range, state.tr.delete(inOne(0), inOne(7)));
    expect([deleted.from, deleted.to]).toEqual([inOne(0), inOne(0)]);
    const paragraph = NodeSelection.create(state.doc, inOne(0) - 1);
    const mapped = mapTarget(paragraph, state.tr.insertText('zz', inOne(0)));
    expect(mapped).toBeInstanceOf(NodeSelection);
  });
});

describe('symbolicate', () => {
  it('gives a bundle frame its source file and line, and leaves frames without a map alone', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-symbols-'));
    dirs.push(root);
    await fs.mkdir(path.join(root, 'src'));
    await fs.writeFile(path.join(root, 'src/deep.ts'), "export function deep(): never {\n  // a comment\n  throw new Error('deep');\n}\n");
    await fs.writeFile(path.join(root, 'src/main.ts'), "import { deep } from './deep';\nexport function run(): void {\n  deep();\n}\n");
    await build({ entryPoints: [path.join(root, 'src/main.ts')], bundle: true, minify: true, format: 'esm', sourcemap: 'external', outfile: path.join(root, 'dist/renderer/assets/index-abc.js'), logLevel: 'silent' });
    const code = await fs.readFile(path.join(root, 'dist/renderer/assets/index-abc.js'), 'utf8');
    expect(code).not.toContain('sourceMappingURL');
    const at = code.indexOf('throw');
    const line = code.slice(0, at).split('\n').length;
    const column = at - code.lastIndexOf('\n', at - 1);
    const trace = `Error: deep\n    at d (copydesk://app/assets/index-abc.js:${String(line)}:${String(column)})\n    at x (copydesk://app/assets/other-chunk.js:1:5)\n`;
    const out = (symbolicate as (trace: string, folder: string) => string)(trace, root);
    expect(out).toMatch(/at d \(src\/deep\.ts:3:\d+ \(index-abc\.js\)\)/u);
    expect(out).toContain('copydesk://app/assets/other-chunk.js:1:5');
  });
});
