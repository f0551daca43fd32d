/**
 * `copydesk import`, run as the real command (`node electron/cli/copydesk.mjs`) on files in a
 * temporary folder: the seed text becomes a draft beside it with the fixture's structure, the
 * report names what was recognised and left out, an existing draft is never written over
 * without --force, `-o -` writes the draft to standard output with the report on standard
 * error, --from overrides the extension, an HTML file in windows-1252 is decoded by its meta
 * charset, and every mistake is one line on stderr with the right exit status, leaving the
 * folder as it was.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDraft } from '../../shared/draft/format';
import { projectDoc } from './import-structure';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'electron/cli/copydesk.mjs');
const SEED_TEXT = readFileSync(path.join(ROOT, 'tests/fixtures/seed-article.txt'));
const SEED_DRAFT = parseDraft(readFileSync(path.join(ROOT, 'tests/fixtures/seed-article.copydesk'), 'utf8'));

let dir: string;

function copydesk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, COPYDESK_DEBUG: '' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const listing = (): string[] => readdirSync(dir).sort();

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-import-cli-'));
  await fs.writeFile(path.join(dir, 'seed.txt'), SEED_TEXT);
  await fs.writeFile(path.join(dir, 'notes.txt'), '# From Markdown\n\nStandfirst.\n\nBody[^a].\n\n[^a]: “A title,” Outlet, 2024.\n');
  await fs.writeFile(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait\n', 'latin1'));
  await fs.writeFile(path.join(dir, 'legacy.html'), Buffer.from('<html><head><meta charset="windows-1252"></head><body><h1>Caf\xe9 \x93quoted\x94</h1><p>Dek.</p></body></html>', 'latin1'));
  await fs.writeFile(path.join(dir, 'story.pdf'), 'not really');
  await fs.writeFile(path.join(dir, 'byline.txt'), 'Council approves flood plan\n\nBy Jane Doe, John Roe and Ann Poe | Reuters\n\nThe vote was close.\n\nBody.\n');
  await fs.writeFile(path.join(dir, 'hostile.html'), '<nav><a href="/">Home \x1b[2J</a></nav><h1>Title\x1b]0;pwned\x07</h1><p>Body \u202e text \u009b1m.</p>');
  await fs.mkdir(path.join(dir, 'folder.md'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copydesk import', () => {
  it('imports the seed text beside it, with the fixture structure, and reports what it found', () => {
    const run = copydesk('import', 'seed.txt');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      'Imported seed.txt (plain text) → seed.copydesk',
      'Headline:   Upcoming Safety Assurances for the Washington Meeting',
      'Recognised: 2 sources, 11 citations, 1 “Read also” item',
    ]);
    expect(run.stdout).toContain('  - Page chrome: “Skip to content”.');
    expect(run.stdout).toContain('Problems:   1 error, 0 warnings\n  error: “Read also” item “Latest” in “Read also” block 1 of the body has no URL.\n');
    const draft = parseDraft(readFileSync(path.join(dir, 'seed.copydesk'), 'utf8'));
    expect(projectDoc(draft.doc, { srcKindOnly: true })).toEqual(projectDoc(SEED_DRAFT.doc, { srcKindOnly: true }));
    // Written atomically: no temporary file left behind.
    expect(listing().filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('never writes over an existing draft without --force', async () => {
    await fs.writeFile(path.join(dir, 'seed.copydesk'), 'a draft someone cares about');
    const run = copydesk('import', 'seed.txt');
    expect(run).toEqual({ status: 1, stdout: '', stderr: 'copydesk: seed.copydesk already exists; nothing was written. Choose another name with -o, or add --force to replace it.\n' });
    expect(readFileSync(path.join(dir, 'seed.copydesk'), 'utf8')).toBe('a draft someone cares about');
    expect(copydesk('import', 'seed.txt', '-o', 'seed.copydesk').status).toBe(1);
    const forced = copydesk('import', 'seed.txt', '--force');
    expect(forced.status).toBe(0);
    expect(parseDraft(readFileSync(path.join(dir, 'seed.copydesk'), 'utf8')).doc.child(0).textContent).toBe('Upcoming Safety Assurances for the Washington Meeting');
  });

  it('-o - writes the draft to standard output and the report to standard error', () => {
    const files = listing();
    const run = copydesk('import', 'seed.txt', '-o', '-');
    expect(run.status).toBe(0);
    expect(parseDraft(run.stdout).doc.child(0).textContent).toBe('Upcoming Safety Assurances for the Washington Meeting');
    expect(run.stderr.split('\n')[0]).toBe('Imported seed.txt (plain text) → standard output');
    expect(listing()).toEqual(files);
  });

  it('--from overrides the extension', () => {
    const run = copydesk('import', 'notes.txt', '--from', 'md', '-o', 'notes.copydesk');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Imported notes.txt (Markdown) → notes.copydesk');
    const draft = parseDraft(readFileSync(path.join(dir, 'notes.copydesk'), 'utf8'));
    expect(projectDoc(draft.doc).sources).toEqual(['{"title":"A title","outlet":"Outlet","date":"2024","url":"","note":""}']);
  });

  it('decodes an HTML file in the charset its meta element declares', () => {
    const run = copydesk('import', 'legacy.html');
    expect(run.status).toBe(0);
    expect(parseDraft(readFileSync(path.join(dir, 'legacy.copydesk'), 'utf8')).doc.child(0).textContent).toBe('Café “quoted”');
  });

  const mistakes = [
    { name: 'not UTF-8', args: ['import', 'latin1.txt'], status: 1, message: /^latin1\.txt: not UTF-8 text\. Convert it to UTF-8 first/u },
    { name: 'missing file', args: ['import', 'nowhere.md'], status: 1, message: /^nowhere\.md: no such file\.$/u },
    { name: 'a folder', args: ['import', 'folder.md'], status: 1, message: /^folder\.md: is a folder, not a file\.$/u },
    { name: 'unknown extension', args: ['import', 'story.pdf'], status: 2, message: /^cannot tell the format of story\.pdf from its extension; say it with --from/u },
    { name: 'bad --from', args: ['import', 'seed.txt', '--from', 'rtf'], status: 2, message: /^--from must be text, md, html or docx, not 'rtf'/u },
    { name: 'output is the input', args: ['import', 'seed.txt', '-o', 'seed.txt', '--force'], status: 2, message: /^-o seed\.txt is the file being imported/u },
    { name: 'output folder missing', args: ['import', 'seed.txt', '-o', 'no/such/dir/x.copydesk'], status: 1, message: /^no\/such\/dir\/x\.copydesk: cannot write it, its folder does not exist\.$/u },
    { name: 'missing argument', args: ['import'], status: 2, message: /^missing the file to import \(usage: copydesk import/u },
    { name: 'two files', args: ['import', 'seed.txt', 'notes.txt'], status: 2, message: /^unexpected argument 'notes\.txt' \(one file at a time\)/u },
  ];

  it.each(mistakes)('$name → exit $status, one line, nothing written', ({ args, status, message }) => {
    const files = listing();
    const seed = readFileSync(path.join(dir, 'seed.txt'));
    const run = copydesk(...args);
    expect(run.status).toBe(status);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.slice('copydesk: '.length)).toMatch(message);
    expect(listing()).toEqual(files);
    expect(readFileSync(path.join(dir, 'seed.txt'))).toEqual(seed);
  });

  it('reports the authors a byline gave, and the agency it left out', () => {
    const run = copydesk('import', 'byline.txt', '-o', 'byline.copydesk');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').slice(2, 6)).toEqual([
      'Recognised: 0 sources, 0 citations, 0 “Read also” items',
      'Authors:    Jane Doe, John Roe, Ann Poe',
      'Left out:   1',
      '  - The agency “Reuters” in the byline (Authors lists people).',
    ]);
    expect(parseDraft(readFileSync(path.join(dir, 'byline.copydesk'), 'utf8')).meta.authors).toEqual(['Jane Doe', 'John Roe', 'Ann Poe']);
  });

  it('prints what it quotes of the file with control characters and bidi overrides escaped', () => {
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
    const run = copydesk('import', 'hostile.html', '-o', '-');
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(raw);
    expect(run.stderr).toContain('Headline:   Title\\x1b]0;pwned\\x07\n');
    expect(run.stderr).toContain('  - Page chrome: <nav> “Home \\x1b[2J”.\n');
    // The draft itself keeps the text as it was.
    expect(parseDraft(run.stdout).doc.child(0).textContent).toBe('Title\x1b]0;pwned\x07');
  });

  it('is listed in the help', () => {
    expect(copydesk('--help').stdout).toContain('copydesk import <file.txt|.md|.html|.docx> [-o draft.copydesk] [--from text|md|html|docx] [--force]');
    expect(copydesk('import', '--help').stdout).toMatch(/^Usage: copydesk import /u);
  });
});
