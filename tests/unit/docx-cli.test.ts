/**
 * `copydesk import story.docx` and `copydesk export --to docx`, run as the real command (`node
 * electron/cli/copydesk.mjs`) on files in a temporary folder: a Word file becomes a draft with its
 * report ("(Word)"), its picture in `assets/<draft>/` beside the draft (never over a file, never
 * with `-o -`); every hostile file of HOSTILE_DOCX is one line on stderr, exit 1, and the folder
 * is as it was; an export to Word embeds the draft's picture read from `assets/` beside it, and
 * pandoc reads the file.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headlineText } from '../../shared/article';
import { parseDraft } from '../../shared/draft/format';
import { assetSources } from '../../shared/problems';
import { runImport } from '../../electron/cli/import-command';
import { GOOD_DOCX_TEXT, goodDocx, HOSTILE_DOCX } from './helpers/hostile-docx';
import { PICTURE_DOCX_TEXT, pictureDocx, TINY_PNG } from './helpers/picture-docx';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'electron/cli/copydesk.mjs');

let dir: string;

function copydesk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, COPYDESK_DEBUG: '' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file and folder under `root`, relative, sorted. */
async function listing(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true });
  return entries.map(String).sort();
}

// -s: the headline is Word's Title, which pandoc reads as the document's title.
const pandoc = (file: string): string => {
  const result = spawnSync('pandoc', ['-f', 'docx', '-t', 'plain', '-s', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  return result.stdout;
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-docx-cli-'));
  await fs.writeFile(path.join(dir, 'harbour.docx'), await goodDocx());
  await fs.writeFile(path.join(dir, 'cranes.docx'), await pictureDocx());
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copydesk import of a Word file', () => {
  it('makes a draft beside it and reports it as Word', async () => {
    const run = copydesk('import', 'harbour.docx');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Imported harbour.docx (Word) → harbour.copydesk');
    expect(run.stdout).toContain(`Headline:   ${GOOD_DOCX_TEXT.headline}`);
    expect(run.stdout).toMatch(/^Recognised: 1 source, 1 citation, /mu);
    const draft = parseDraft(await fs.readFile(path.join(dir, 'harbour.copydesk'), 'utf8'));
    expect(headlineText(draft.doc)).toBe(GOOD_DOCX_TEXT.headline);
    expect(await listing(dir)).not.toContain('assets');
  });

  it('writes the pictures into assets/<draft>/ beside the draft, as the Word file holds them', async () => {
    const run = copydesk('import', 'cranes.docx', '-o', 'out/cranes-story.copydesk');
    // The output's folder must exist (as for other formats): make it and run again.
    expect(run.status).toBe(1);
    await fs.mkdir(path.join(dir, 'out'));
    const ok = copydesk('import', 'cranes.docx', '-o', 'out/cranes-story.copydesk');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Images:     1 image in assets/cranes-story/');
    const draft = parseDraft(await fs.readFile(path.join(dir, 'out/cranes-story.copydesk'), 'utf8'));
    expect(headlineText(draft.doc)).toBe(PICTURE_DOCX_TEXT.headline);
    const [src, ...more] = assetSources(draft.doc);
    expect(more).toEqual([]);
    expect(src).toMatch(/^assets\/cranes-story\/[^/]+\.png$/u);
    expect(new Uint8Array(await fs.readFile(path.join(dir, 'out', ...(src ?? '').split('/'))))).toEqual(TINY_PNG);
  });

  it('never writes a picture over a file: the import is refused and nothing is written', async () => {
    await fs.mkdir(path.join(dir, 'taken', 'assets', 'cranes'), { recursive: true });
    const first = copydesk('import', 'cranes.docx', '-o', 'taken/first.copydesk');
    expect(first.status).toBe(0);
    const [src] = assetSources(parseDraft(await fs.readFile(path.join(dir, 'taken/first.copydesk'), 'utf8')).doc);
    // The same picture name under the stem of the next output.
    await fs.writeFile(path.join(dir, 'taken', 'assets', 'cranes', path.basename(src ?? '')), 'someone else’s');
    const before = await listing(path.join(dir, 'taken'));
    const run = copydesk('import', 'cranes.docx', '-o', 'taken/cranes.copydesk');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/already exists; no image was written over it/u);
    expect(await listing(path.join(dir, 'taken'))).toEqual(before);
    expect(await fs.readFile(path.join(dir, 'taken', 'assets', 'cranes', path.basename(src ?? '')), 'utf8')).toBe('someone else’s');
  });

  it('takes its pictures back when the draft cannot be written (a file appeared at -o meanwhile)', async () => {
    const folder = await fs.mkdtemp(path.join(dir, 'race-'));
    const output = path.join(folder, 'race.copydesk');
    const out: string[] = [];
    const run = runImport({ input: path.join(dir, 'cranes.docx'), output, from: undefined, force: false }, { write: (text) => void out.push(String(text)) }, { write: () => undefined }, {
      beforeWrite: async () => {
        expect(await listing(folder)).toContain(path.join('assets', 'race'));
        await fs.writeFile(output, 'another program’s');
      },
    });
    await expect(run).rejects.toThrow(/already exists; nothing was written/u);
    expect(await listing(folder)).toEqual(['race.copydesk']);
    expect(out).toEqual([]);
  });

  it('refuses -o - for a Word file with pictures (they would have nowhere to go), writing nothing', async () => {
    const before = await listing(dir);
    const run = copydesk('import', 'cranes.docx', '-o', '-');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/holds 1 image, which a draft on standard output cannot take along; nothing was written/u);
    expect(await listing(dir)).toEqual(before);
  });

  it('imports a Word file without pictures to standard output', () => {
    const run = copydesk('import', 'harbour.docx', '-o', '-');
    expect(run.status).toBe(0);
    expect(headlineText(parseDraft(run.stdout).doc)).toBe(GOOD_DOCX_TEXT.headline);
    expect(run.stderr).toContain('Imported harbour.docx (Word) → standard output');
  });

  describe('refuses every hostile Word file with one line, exit 1, and writes nothing', () => {
    for (const hostile of HOSTILE_DOCX) {
      it(hostile.name, async () => {
        const folder = await fs.mkdtemp(path.join(dir, 'hostile-'));
        await fs.writeFile(path.join(folder, hostile.fileName), await hostile.bytes());
        const before = await listing(folder);
        const run = copydesk('import', path.join(path.basename(folder), hostile.fileName));
        expect(run.stdout).toBe('');
        expect(run.status).toBe(1);
        const lines = run.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(hostile.fileName);
        expect(lines[0]).toContain('Nothing was written.');
        expect(lines[0]).not.toMatch(/\bat \S+:\d+/u);
        expect(await listing(folder)).toEqual(before);
      });
    }
  });
});

describe('copydesk export --to docx', () => {
  it('embeds the picture read from assets/ beside the draft, and pandoc reads the file', async () => {
    const run = copydesk('export', 'out/cranes-story.copydesk', '--to', 'docx', '-o', 'out/cranes-story.docx');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const bytes = readFileSync(path.join(dir, 'out/cranes-story.docx'));
    const media = Object.entries(unzipSync(new Uint8Array(bytes))).filter(([name]) => name.startsWith('word/media/'));
    expect(media.map(([, data]) => data)).toContainEqual(TINY_PNG);
    const text = pandoc(path.join(dir, 'out/cranes-story.docx'));
    expect(text).toContain(PICTURE_DOCX_TEXT.headline);
    expect(text).toContain('Port authority');
  });

  it('follows no symbolic link out of assets/ and reads no ..: the caption goes without the picture', async () => {
    const folder = path.join(dir, 'linked');
    await fs.mkdir(path.join(folder, 'assets', 'story'), { recursive: true });
    await fs.writeFile(path.join(dir, 'secret.png'), TINY_PNG);
    await fs.symlink(path.join(dir, 'secret.png'), path.join(folder, 'assets', 'story', 'linked.png'));
    const source = await fs.readFile(path.join(dir, 'out/cranes-story.copydesk'), 'utf8');
    await fs.writeFile(path.join(folder, 'story.copydesk'), source.replace(/assets\/cranes-story\/[^"]+\.png/u, 'assets/story/linked.png'));
    const run = copydesk('export', 'linked/story.copydesk', '--to', 'docx', '-o', 'linked/story.docx');
    expect(run.status).toBe(0);
    const media = Object.keys(unzipSync(new Uint8Array(readFileSync(path.join(folder, 'story.docx'))))).filter((name) => name.startsWith('word/media/'));
    expect(media).toEqual([]);
    expect(pandoc(path.join(folder, 'story.docx'))).toContain(PICTURE_DOCX_TEXT.headline);
  });
});
