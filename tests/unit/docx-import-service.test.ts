/**
 * File > Import of a Word file (`drafts.import`) and a Word file dropped on the library
 * (`drafts.importDropped`), through the real dispatcher, handlers and services on temporary
 * folders: the draft is named after its headline, its pictures go to `assets/<draft stem>/` and
 * its figures point there; a name whose images folder holds one of the pictures' names is passed
 * over (nothing written over); every hostile file of HOSTILE_DOCX is refused with one message,
 * the workspace as it was; a Word file linking an image and a template on a (local, counting)
 * web server imports with both reported as left out and no request made; the export service embeds the workspace's pictures in a Word export.
 */
import { promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headlineText } from '../../shared/article';
import { parseDraft } from '../../shared/draft/format';
import { DOCX_LIMITS } from '../../shared/import/docx/package';
import { MAX_DOCX_FILE_BYTES } from '../../shared/import/types';
import type { ImportedDraft } from '../../shared/ipc/channels';
import { assetSources } from '../../shared/problems';
import { createHarness, type Harness } from './helpers/ipc-harness';
import { externalDocx, GOOD_DOCX_TEXT, goodDocx, HOSTILE_DOCX } from './helpers/hostile-docx';
import { PICTURE_DOCX_TEXT, pictureDocx, TINY_PNG } from './helpers/picture-docx';

let h: Harness;
let inputs: string;

beforeEach(async () => {
  h = await createHarness();
  inputs = path.join(h.root, 'inputs');
  await fs.mkdir(inputs);
});
afterEach(async () => {
  await h.dispose();
});

async function input(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(inputs, name);
  await fs.writeFile(file, bytes);
  return file;
}

/** Every file and folder of the workspace but the app's own dot-files, relative, sorted. */
async function listing(): Promise<string[]> {
  const entries = await fs.readdir(h.workspace(), { recursive: true });
  return entries.map(String).filter((name) => !name.startsWith('.')).sort();
}

async function picked(file: string): Promise<ImportedDraft> {
  h.caller.importAnswer = file;
  const reply = await h.call('drafts.import', {});
  if (!reply.ok) throw new Error(`import refused: ${reply.error.message}`);
  return reply.value as ImportedDraft;
}

const PICTURE_NAME = 'harbour-cranes-return.copydesk';

describe('File > Import of a Word file', () => {
  it('refuses a file over the limit before reading it whole, writing nothing', async () => {
    expect(MAX_DOCX_FILE_BYTES).toBe(DOCX_LIMITS.fileBytes);
    const file = path.join(inputs, 'huge.docx');
    await fs.writeFile(file, '');
    await fs.truncate(file, MAX_DOCX_FILE_BYTES + 1);
    h.caller.importAnswer = file;
    const reply = await h.call('drafts.import', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'too-large' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/^“huge\.docx”: too large to import \(64\.0 MB; the limit is 64 MB\)\. Nothing was imported\.$/u);
    expect(await listing()).toEqual([]);
  });

  it('makes a draft named after its headline, with its report as Word', async () => {
    const imported = await picked(await input('harbour.docx', await goodDocx()));
    expect(imported.name).toBe('harbour-dredging-resumes.copydesk');
    expect(imported.report).toMatchObject({ file: 'harbour.docx', kind: 'docx', sources: 1, citations: 1 });
    const draft = parseDraft(await fs.readFile(path.join(h.workspace(), imported.name), 'utf8'));
    expect(headlineText(draft.doc)).toBe(GOOD_DOCX_TEXT.headline);
    expect(await listing()).toEqual([imported.name]);
  });

  it('copies its pictures into assets/<draft stem>/ and points the figures there', async () => {
    const imported = await picked(await input('cranes.docx', await pictureDocx()));
    expect(imported.name).toBe(PICTURE_NAME);
    const [src, ...more] = assetSources(parseDraft(imported.draft).doc);
    expect(more).toEqual([]);
    expect(src).toMatch(/^assets\/harbour-cranes-return\/[^/]+\.png$/u);
    expect(new Uint8Array(await fs.readFile(path.join(h.workspace(), ...(src ?? '').split('/'))))).toEqual(TINY_PNG);
    expect(imported.report.problems).toEqual([]);
  });

  it('passes over a name whose images folder holds one of the pictures: nothing is written over', async () => {
    const first = await picked(await input('cranes.docx', await pictureDocx()));
    const [src] = assetSources(parseDraft(first.draft).doc);
    const file = path.basename(src ?? '');
    // The draft goes (trashed by hand), its images stay; a second draft's images folder is taken too.
    await fs.rm(path.join(h.workspace(), first.name));
    await fs.mkdir(path.join(h.workspace(), 'assets', 'harbour-cranes-return-2'));
    await fs.writeFile(path.join(h.workspace(), 'assets', 'harbour-cranes-return-2', file), 'keep me');
    const again = await picked(await input('cranes.docx', await pictureDocx()));
    expect(again.name).toBe('harbour-cranes-return-3.copydesk');
    expect(assetSources(parseDraft(again.draft).doc)).toEqual([`assets/harbour-cranes-return-3/${file}`]);
    expect(await fs.readFile(path.join(h.workspace(), 'assets', 'harbour-cranes-return-2', file), 'utf8')).toBe('keep me');
    expect(new Uint8Array(await fs.readFile(path.join(h.workspace(), 'assets', 'harbour-cranes-return', file)))).toEqual(TINY_PNG);
  });

  it('refuses an assets folder that is a symbolic link, writing nothing', async () => {
    const elsewhere = path.join(h.root, 'elsewhere');
    await fs.mkdir(elsewhere);
    await fs.symlink(elsewhere, path.join(h.workspace(), 'assets'));
    const before = await listing();
    h.caller.importAnswer = await input('cranes.docx', await pictureDocx());
    const reply = await h.call('drafts.import', {});
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/symbolic link.*Nothing was imported\.$/u);
    expect(await listing()).toEqual(before);
    expect(await fs.readdir(elsewhere)).toEqual([]);
  });

  it('fetches nothing a Word file links to: the report says what was left out', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/png' }).end(TINY_PNG);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
      const imported = await picked(await input('linked.docx', await externalDocx(`${base}/linked.png`, `${base}/normal.dotm`)));
      expect(imported.report.dropped).toEqual(expect.arrayContaining([`An image linked from ${base}/linked.png was not fetched.`, `The attached template ${base}/normal.dotm was not opened.`]));
      expect(imported.draft).not.toContain(base);
      expect(await listing()).toEqual([imported.name]);
      // The server counts: a request of ours reaches it.
      await (await fetch(`${base}/probe`)).arrayBuffer();
      expect(requests).toEqual(['/probe']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  describe('refuses every hostile Word file with one message, writing nothing', () => {
    for (const hostile of HOSTILE_DOCX) {
      it(hostile.name, async () => {
        const before = await listing();
        h.caller.importAnswer = await input(hostile.fileName, await hostile.bytes());
        const reply = await h.call('drafts.import', {});
        expect(reply.ok).toBe(false);
        if (!reply.ok) {
          expect(reply.error.code).toBe(`docx-${hostile.kind}`);
          expect(reply.error.message).toContain(hostile.fileName);
          expect(reply.error.message).toMatch(/Nothing was imported\.$/u);
          expect(reply.error.message).not.toContain('\n');
        }
        expect(await listing()).toEqual(before);
      });
    }
  });
});

describe('a Word file dropped on the library (drafts.importDropped)', () => {
  it('imports its bytes as File > Import does, pictures included', async () => {
    const reply = await h.call('drafts.importDropped', { fileName: 'cranes.docx', bytes: await pictureDocx() });
    if (!reply.ok) throw new Error(reply.error.message);
    const imported = reply.value as ImportedDraft;
    expect(imported.name).toBe(PICTURE_NAME);
    expect(imported.report).toMatchObject({ file: 'cranes.docx', kind: 'docx' });
    expect(await listing()).toEqual(['assets', 'assets/harbour-cranes-return', ...assetSources(parseDraft(imported.draft).doc), PICTURE_NAME].sort());
  });

  it('imports a dropped Markdown file too, and refuses an unknown kind', async () => {
    const md = await h.call('drafts.importDropped', { fileName: 'notes.md', bytes: new TextEncoder().encode('# Dropped notes\n\nBody.\n') });
    expect(md).toMatchObject({ ok: true, value: { name: 'dropped-notes.copydesk', report: { kind: 'md' } } });
    const pdf = await h.call('drafts.importDropped', { fileName: 'story.pdf', bytes: new Uint8Array([37, 80, 68, 70]) });
    expect(pdf).toMatchObject({ ok: false, error: { code: 'unknown-format' } });
  });

  for (const hostile of HOSTILE_DOCX) {
    it(`refuses ${hostile.name}, writing nothing`, async () => {
      const before = await listing();
      const reply = await h.call('drafts.importDropped', { fileName: hostile.fileName, bytes: await hostile.bytes() });
      expect(reply).toMatchObject({ ok: false, error: { code: `docx-${hostile.kind}` } });
      expect(await listing()).toEqual(before);
    });
  }
});

describe('File > Export as Word', () => {
  it('embeds the picture of the workspace’s assets/', async () => {
    const imported = await picked(await input('cranes.docx', await pictureDocx()));
    const target = path.join(h.root, 'cranes.docx');
    await h.services.exports.write(imported.name, 'docx', {}, target);
    const parts = unzipSync(new Uint8Array(await fs.readFile(target)));
    const media = Object.entries(parts).filter(([name]) => name.startsWith('word/media/'));
    expect(media.map(([, bytes]) => bytes)).toContainEqual(TINY_PNG);
    expect(new TextDecoder().decode(parts['word/document.xml'])).toContain(PICTURE_DOCX_TEXT.body);
  });
});
