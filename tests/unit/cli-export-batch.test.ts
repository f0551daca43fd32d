/**
 * `copydesk export --out-dir`: several drafts and folders of drafts exported by one process of the
 * real bundled command (`node electron/cli/copydesk.mjs`, built by the global setup), on real
 * temporary folders; and the launcher's one line when the bundle has not been built.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeDraft, type Draft } from '../../shared/draft/format';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import { article, cite, draftOf, p, source } from './helpers/build';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'electron/cli/copydesk.mjs');

let dir: string;

function copydesk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, COPYDESK_DEBUG: '' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const story = (headline: string): Draft =>
  draftOf(article({ headline, body: [p(`${headline} text `, cite('s'), '.')], sources: [source('s', { title: `${headline} source` })] }));

const drafts = { alpha: story('Alpha'), beta: story('Beta'), gamma: story('Gamma') };
const read = (file: string): Promise<string> => fs.readFile(path.join(dir, file), 'utf8');
const stderrLines = (stderr: string): string[] => stderr.trimEnd().split('\n');

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-batch-'));
  await fs.mkdir(path.join(dir, 'desk/sub'), { recursive: true });
  await fs.mkdir(path.join(dir, 'other'));
  await fs.mkdir(path.join(dir, 'empty'));
  await fs.writeFile(path.join(dir, 'desk/alpha.copydesk'), serializeDraft(drafts.alpha));
  await fs.writeFile(path.join(dir, 'desk/beta.copydesk'), serializeDraft(drafts.beta));
  // Not drafts of the folder: a hidden file, another extension, a sub-folder's draft.
  await fs.writeFile(path.join(dir, 'desk/.hidden.copydesk'), serializeDraft(drafts.gamma));
  await fs.writeFile(path.join(dir, 'desk/notes.txt'), 'not a draft');
  await fs.writeFile(path.join(dir, 'desk/sub/deep.copydesk'), serializeDraft(drafts.gamma));
  await fs.writeFile(path.join(dir, 'other/alpha.copydesk'), serializeDraft(drafts.gamma));
  await fs.writeFile(path.join(dir, 'gamma.copydesk'), serializeDraft(drafts.gamma));
  await fs.writeFile(path.join(dir, 'broken.copydesk'), '{ "version": 2,');
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copydesk export --out-dir', () => {
  it('exports a folder’s drafts and a draft into a new folder, each named after its draft, silently', async () => {
    const run = copydesk('export', 'desk', 'gamma.copydesk', '--to', 'md', '--out-dir', 'out/md');
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
    expect((await fs.readdir(path.join(dir, 'out/md'))).sort()).toEqual(['alpha.md', 'beta.md', 'gamma.md']);
    expect(await read('out/md/alpha.md')).toBe(exportMarkdown(drafts.alpha));
    expect(await read('out/md/gamma.md')).toBe(exportMarkdown(drafts.gamma));
  });

  it('names HTML fragments and Word files as the app’s save dialog does', async () => {
    expect(copydesk('export', 'gamma.copydesk', '--to', 'html', '--fragment', '--out-dir', 'out/frag').status).toBe(0);
    expect(await read('out/frag/gamma.fragment.html')).toBe(exportHtml(drafts.gamma, { fragment: true }));
    expect(copydesk('export', 'desk', '--to', 'docx', '--out-dir', 'out/word').status).toBe(0);
    const word = await fs.readFile(path.join(dir, 'out/word/beta.docx'));
    expect(word.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('reports a broken draft on one line, exports the others and exits 1', async () => {
    const run = copydesk('export', 'gamma.copydesk', 'broken.copydesk', 'missing.copydesk', 'desk', '--to', 'html', '--out-dir', 'out/mixed');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = stderrLines(run.stderr);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^copydesk: broken\.copydesk: .*not valid JSON/u);
    expect(lines[1]).toBe('copydesk: missing.copydesk: no such file.');
    expect(lines[2]).toBe('copydesk: 2 of 5 drafts not exported.');
    expect((await fs.readdir(path.join(dir, 'out/mixed'))).sort()).toEqual(['alpha.html', 'beta.html', 'gamma.html']);
  });

  it('replaces an existing file as -o does, but never writes two drafts into one file', async () => {
    await fs.mkdir(path.join(dir, 'out/same'), { recursive: true });
    await fs.writeFile(path.join(dir, 'out/same/beta.md'), 'stale');
    const run = copydesk('export', 'desk', 'other', '--to', 'md', '--out-dir', 'out/same');
    expect(run.status).toBe(1);
    expect(stderrLines(run.stderr)).toEqual([
      `copydesk: ${path.join('other', 'alpha.copydesk')}: not exported: ${path.join('out/same', 'alpha.md')} already holds the export of ${path.join('desk', 'alpha.copydesk')}.`,
      'copydesk: 1 of 3 drafts not exported.',
    ]);
    expect(await read('out/same/alpha.md')).toBe(exportMarkdown(drafts.alpha));
    expect(await read('out/same/beta.md')).toBe(exportMarkdown(drafts.beta));
    // Run again: the outputs of an earlier run are replaced, as -o replaces its file.
    expect(copydesk('export', 'desk', '--to', 'md', '--out-dir', 'out/same')).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('refuses an output that is a symbolic link or one of the drafts, and goes on', async () => {
    await fs.mkdir(path.join(dir, 'out/links'), { recursive: true });
    await fs.symlink(path.join(dir, 'desk/notes.txt'), path.join(dir, 'out/links/alpha.html'));
    // A draft named like another draft's output, in the output folder itself.
    await fs.writeFile(path.join(dir, 'out/links/beta.html'), serializeDraft(drafts.beta));
    await fs.writeFile(path.join(dir, 'out/links/beta.copydesk'), serializeDraft(drafts.beta));
    const run = copydesk('export', 'desk/alpha.copydesk', 'out/links/beta.html', 'out/links/beta.copydesk', 'gamma.copydesk', '--to', 'html', '--out-dir', 'out/links');
    expect(run.status).toBe(1);
    const lines = stderrLines(run.stderr);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^copydesk: out\/links\/alpha\.html: .*(link)/u);
    expect(lines[1]).toBe(`copydesk: out/links/beta.copydesk: not exported: ${path.join('out/links', 'beta.html')} is one of the drafts.`);
    expect(lines[2]).toBe('copydesk: 2 of 4 drafts not exported.');
    expect((await fs.lstat(path.join(dir, 'out/links/alpha.html'))).isSymbolicLink()).toBe(true);
    expect(await read('desk/notes.txt')).toBe('not a draft');
    expect(await read('out/links/beta.html')).toBe(serializeDraft(drafts.beta));
    expect(await read('out/links/beta.html.html')).toBe(exportHtml(drafts.beta, { fragment: false }));
    expect(await read('out/links/gamma.html')).toBe(exportHtml(drafts.gamma, { fragment: false }));
  });

  it('says so when a folder holds no drafts, or when the output folder is a file', async () => {
    const empty = copydesk('export', 'empty', '--to', 'md', '--out-dir', 'out/none');
    expect(empty).toEqual({ status: 1, stdout: '', stderr: 'copydesk: empty: no drafts (.copydesk files) in this folder.\n' });
    const onFile = copydesk('export', 'gamma.copydesk', '--to', 'md', '--out-dir', 'gamma.copydesk');
    expect(onFile).toEqual({ status: 1, stdout: '', stderr: 'copydesk: gamma.copydesk: is not a folder; --out-dir needs a folder.\n' });
  });

  it.each([
    { name: 'two drafts without --out-dir', args: ['gamma.copydesk', 'desk/alpha.copydesk', '--to', 'md'], message: /^unexpected argument 'desk\/alpha\.copydesk' \(several drafts go with --out-dir DIR\)/u },
    { name: '-o with --out-dir', args: ['gamma.copydesk', '--to', 'md', '-o', 'x.md', '--out-dir', 'out/x'], message: /^-o and --out-dir go apart/u },
    { name: 'an empty --out-dir', args: ['gamma.copydesk', '--to', 'md', '--out-dir', ''], message: /^the output folder name \(--out-dir\) is empty/u },
    { name: 'no draft', args: ['--to', 'md', '--out-dir', 'out/x'], message: /^missing the draft file/u },
  ])('a wrong command line ($name) exits 2 with one line, writing nothing', ({ args, message }) => {
    const run = copydesk('export', ...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = stderrLines(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.slice('copydesk: '.length)).toMatch(message);
    expect(existsSync(path.join(dir, 'out/x'))).toBe(false);
  });

  it('is in the help', () => {
    expect(copydesk('export', '--help').stdout).toContain('  --out-dir DIR     export each draft given');
    expect(copydesk('--help').stdout).toContain('  copydesk export <draft.copydesk|folder>... --to html|md|docx --out-dir DIR [options]\n');
  });
});

describe('the launcher without its bundle', () => {
  it('says in one line to build it, and exits 70', async () => {
    const checkout = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-unbuilt-'));
    try {
      await fs.mkdir(path.join(checkout, 'electron/cli'), { recursive: true });
      await fs.copyFile(CLI, path.join(checkout, 'electron/cli/copydesk.mjs'));
      const result = spawnSync(process.execPath, [path.join(checkout, 'electron/cli/copydesk.mjs'), '--version'], { encoding: 'utf8' });
      expect(result.status).toBe(70);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`copydesk: not built yet: run npm run build:cli (or npm install) in ${checkout}${path.sep}\n`);
    } finally {
      await fs.rm(checkout, { recursive: true, force: true });
    }
  });
});
