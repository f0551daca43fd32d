/**
 * File > Import in the main process, through the real dispatcher, handlers and services on
 * temporary folders (`drafts.import`): the seed text becomes a new draft in the workspace with
 * its 2 sources and 11 citations and a report; an existing draft is never written over (the new
 * one gets a free name); a file that is not UTF-8, too large, or of an unknown kind is refused
 * with a message and nothing is written; Cancel gives null; malformed payloads are refused
 * before the dialog opens.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDraft } from '../../shared/draft/format';
import { indexFootnotes } from '../../shared/footnotes';
import type { ImportedDraft } from '../../shared/ipc/channels';
import { importedDraftName, MAX_IMPORT_FILE_BYTES } from '../../electron/services/import-draft';
import { createHarness, type Harness } from './helpers/ipc-harness';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED_TEXT = readFileSync(path.join(ROOT, 'tests/fixtures/seed-article.txt'));
const HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';
const SEED_NAME = 'upcoming-safety-assurances-for-the-washington-meeting.copydesk';

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

async function input(name: string, bytes: string | Uint8Array): Promise<string> {
  const file = path.join(inputs, name);
  await fs.writeFile(file, bytes);
  return file;
}

const drafts = async (): Promise<string[]> => (await fs.readdir(h.workspace())).filter((n) => !n.startsWith('.')).sort();

async function importOk(file: string, payload: unknown = {}): Promise<ImportedDraft> {
  h.caller.importAnswer = file;
  const reply = await h.call('drafts.import', payload);
  if (!reply.ok) throw new Error(`import refused: ${reply.error.message}`);
  return reply.value as ImportedDraft;
}

describe('drafts.import', () => {
  it('imports the seed text into a new draft named after its headline, with 2 sources and 11 citations', async () => {
    const imported = await importOk(await input('seed-article.txt', SEED_TEXT));
    expect(h.caller.asked).toEqual(['import']);
    expect(imported.name).toBe(SEED_NAME);
    expect(await drafts()).toEqual([SEED_NAME]);

    const text = await fs.readFile(path.join(h.workspace(), SEED_NAME), 'utf8');
    const draft = parseDraft(text);
    expect(draft.doc.firstChild?.textContent).toBe(HEADLINE);
    const index = indexFootnotes(draft.doc);
    expect(index.sources.map((s) => [s.id, s.number, s.citations])).toEqual([
      ['reuters-2023', 1, 6],
      ['council-on-foreign-relations-2023', 2, 5],
    ]);
    expect(index.citations).toHaveLength(11);
    // What travels back is what is on disk, and the hash is the file's.
    expect(parseDraft(imported.draft).doc.eq(draft.doc)).toBe(true);
    const reopened = await h.call('drafts.open', { name: SEED_NAME });
    expect(reopened.ok && (reopened.value as { hash: string }).hash).toBe(imported.hash);

    expect(imported.report).toMatchObject({ file: 'seed-article.txt', kind: 'text', sources: 2, citations: 11, readAlsoItems: 1 });
    expect(imported.report.dropped).toContain('Page chrome: “Skip to content”.');
    expect(imported.report.problems).toEqual([{ severity: 'error', message: expect.stringMatching(/^“Read also” item “Latest” in “Read also” block 1 of the body has no URL\.$/u) as unknown }]);
  });

  it('never writes over an existing draft: the import gets the next free name', async () => {
    const precious = 'a draft someone cares about';
    await fs.writeFile(path.join(h.workspace(), SEED_NAME), precious);
    const file = await input('seed-article.txt', SEED_TEXT);
    const second = await importOk(file);
    const third = await importOk(file);
    expect([second.name, third.name]).toEqual([SEED_NAME.replace('.copydesk', '-2.copydesk'), SEED_NAME.replace('.copydesk', '-3.copydesk')]);
    expect(await fs.readFile(path.join(h.workspace(), SEED_NAME), 'utf8')).toBe(precious);
    expect(await drafts()).toHaveLength(3);
  });

  it('reports the authors it read from a byline, which the draft holds', async () => {
    const imported = await importOk(await input('bylined.txt', 'A Headline Here\n\nBy Jane Doe and John Roe\n\nBody text of the story.\n'));
    expect(imported.report.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(parseDraft(imported.draft).meta.authors).toEqual(['Jane Doe', 'John Roe']);
  });

  it('names a draft without headline after the file', async () => {
    const imported = await importOk(await input('Wire Copy (2).md', 'Just a paragraph with a note[^a].\n\n[^a]: “A title,” Outlet, 2024.\n'));
    expect(imported.name).toBe('wire-copy-2.copydesk');
    expect(imported.report).toMatchObject({ kind: 'md', sources: 1, citations: 1 });
  });

  it('reads the format from `from` over the extension', async () => {
    const imported = await importOk(await input('notes.txt', '# From Markdown\n\nStandfirst.\n\nBody[^a].\n\n[^a]: “A title,” Outlet, 2024.\n'), { from: 'md' });
    expect(imported.report.kind).toBe('md');
    expect(imported.name).toBe('from-markdown.copydesk');
  });

  it('decodes an HTML file in the charset it declares', async () => {
    const legacy = Buffer.from('<html><head><meta charset="windows-1252"></head><body><h1>Caf\xe9 \x93quoted\x94</h1><p>Dek.</p></body></html>', 'latin1');
    const imported = await importOk(await input('legacy.html', legacy));
    expect(parseDraft(imported.draft).doc.firstChild?.textContent).toBe('Café “quoted”');
  });

  const refusals: { what: string; name: string; bytes: () => Uint8Array | string; code: string; message: RegExp }[] = [
    { what: 'a file that is not UTF-8', name: 'latin1.txt', bytes: () => Buffer.from('Caf\xe9 au lait [1]\n', 'latin1'), code: 'not-utf8', message: /^“latin1\.txt”: not UTF-8 text\. Save it as UTF-8 .*and import it again\. Nothing was imported\.$/u },
    { what: 'an HTML file in a charset nobody knows', name: 'odd.html', bytes: () => Buffer.from('<meta charset="x-klingon"><h1>Caf\xe9</h1>', 'latin1'), code: 'unknown-charset', message: /declares the character set x-klingon.*Nothing was imported\.$/u },
    { what: 'a file over the limit', name: 'huge.txt', bytes: () => Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1, 0x61), code: 'too-large', message: /^“huge\.txt”: too large to import \(20\.0 MB; the limit is 20 MB\)\. Nothing was imported\.$/u },
    { what: 'a file of unknown kind', name: 'story.pdf', bytes: () => '%PDF-1.4', code: 'unknown-format', message: /^“story\.pdf” is not a file Copydesk can import: choose .*Nothing was imported\.$/u },
  ];

  it.each(refusals)('refuses $what with a clear message and writes nothing', async ({ name, bytes, code, message }) => {
    const file = await input(name, bytes());
    h.caller.importAnswer = file;
    const reply = await h.call('drafts.import', {});
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(message);
    if (!reply.ok) expect(reply.error.code).toBe(code);
    expect(await drafts()).toEqual([]);
  });

  it('refuses a folder and a missing file with a message', async () => {
    const folder = path.join(inputs, 'folder.md');
    await fs.mkdir(folder);
    for (const [file, message] of [
      [folder, /“folder\.md”: is a folder, not a file\. Nothing was imported\./u],
      [path.join(inputs, 'gone.md'), /“gone\.md”: no such file\. Nothing was imported\./u],
    ] as const) {
      h.caller.importAnswer = file;
      const reply = await h.call('drafts.import', {});
      expect(reply.ok ? 'accepted' : reply.error.message).toMatch(message);
    }
    expect(await drafts()).toEqual([]);
  });

  it('answers null and writes nothing when the dialog is cancelled', async () => {
    h.caller.importAnswer = null;
    expect(await h.call('drafts.import', {})).toEqual({ ok: true, value: null });
    expect(h.caller.asked).toEqual(['import']);
    expect(await drafts()).toEqual([]);
  });

  it('refuses payloads that are not {from?} before asking for a file', async () => {
    h.caller.importAnswer = await input('seed-article.txt', SEED_TEXT);
    for (const payload of [undefined, null, 'seed-article.txt', [], { from: 'pdf' }, { from: null }, { from: 'md', path: '/etc/passwd' }, { file: '/tmp/x.txt' }]) {
      const reply = await h.call('drafts.import', payload);
      expect(reply, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(h.caller.asked).toEqual([]);
    expect(h.serviceCalls).toEqual([]);
    expect(await drafts()).toEqual([]);
  });
});

describe('importedDraftName', () => {
  it('makes a plain file name from the headline, else the file name, else "imported"', () => {
    expect(importedDraftName('Café: “Quotes” & more!', '/x/a.txt')).toBe('cafe-quotes-more.copydesk');
    expect(importedDraftName('', '/x/Notes from Kyiv.md')).toBe('notes-from-kyiv.copydesk');
    expect(importedDraftName('   ', '/x/—.html')).toBe('imported.copydesk');
    expect(importedDraftName('a'.repeat(300), '/x/a.txt')).toBe(`${'a'.repeat(80)}.copydesk`);
  });
});
