/**
 * `copydesk diff` through the real command (`node electron/cli/copydesk.mjs`): the seed article
 * against its edited copy (tests/fixtures/seed-article-edited.copydesk) in text and JSON, the
 * same rendering as shared/compare/report.ts gives in process, the exit codes of diff(1) (0 the
 * same, 1 different, 2 trouble), text from a draft made safe for the terminal, and every input
 * error as one line on stderr with exit 2 and the drafts left as they were.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDocs } from '../../shared/compare/compare';
import { comparisonJson, comparisonLines, type ComparisonJson } from '../../shared/compare/report';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { article, cite, draftOf, p, source } from './helpers/build';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'electron/cli/copydesk.mjs');
const SEED = path.join(ROOT, 'tests/fixtures/seed-article.copydesk');
const EDITED = path.join(ROOT, 'tests/fixtures/seed-article-edited.copydesk');

let dir: string;

// root reads any file whatever its mode: as root, the command runs as the user "nobody" where a permission matters.
const NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function copydesk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return copydeskAs({}, ...args);
}

function copydeskAs(user: { uid?: number; gid?: number }, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, COPYDESK_DEBUG: '' }, ...user });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sha = (file: string): string => createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex');

/** The comparison of two drafts' files, in process. */
const compareFiles = (older: string, newer: string) => compareDocs(parseDraft(readFileSync(older, 'utf8')).doc, parseDraft(readFileSync(newer, 'utf8')).doc);

const sources = [source('reuters', { title: 'Talks resume', outlet: 'Reuters' }), source('cfr', { title: 'Guarantees', outlet: 'CFR' })];
const small = (word: string, cited: string, headline = 'Council vote') =>
  serializeDraft(draftOf(article({ headline, body: [p(`The council ${word} the plan `, cite(cited), '.'), p('Nothing else moved.')], sources })));

// Escape sequences and a right-to-left override in the words that changed.
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const RAW_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-diff-'));
  await fs.chmod(dir, 0o755);
  const files: Record<string, string> = {
    'seed.copydesk': readFileSync(SEED, 'utf8'),
    'edited.copydesk': readFileSync(EDITED, 'utf8'),
    'old.copydesk': small('approved', 'reuters'),
    'new.copydesk': small('rejected', 'cfr'),
    'hostile.copydesk': small('\x1b]0;pwned\x07approved\u202e', 'reuters', 'Council \x1b[2Jvote'),
    'not-json.copydesk': '{ "format": "copydesk-draft", ',
    'not-draft.copydesk': '{"hello": "world"}\n',
  };
  for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(dir, name), content);
  const seedBytes = readFileSync(SEED);
  await fs.writeFile(path.join(dir, 'latin1.copydesk'), Buffer.concat([seedBytes.subarray(0, 40), Buffer.from([0xe9]), seedBytes.subarray(40)]));
  await fs.writeFile(path.join(dir, 'locked.copydesk'), seedBytes, { mode: 0o000 });
  await fs.mkdir(path.join(dir, 'folder.copydesk'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copydesk diff on the seed article and its edited copy', () => {
  it('prints the summary and one line per change, as report.ts renders the comparison, and exits 1', () => {
    const run = copydesk('diff', 'seed.copydesk', 'edited.copydesk');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const comparison = compareFiles(SEED, EDITED);
    expect(run.stdout).toBe(`${comparisonLines(comparison).join('\n')}\n`);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\d+ changes: \d+ [a-z“]/u);
    expect(lines[0]?.startsWith(`${String(comparison.summary.total)} changes: `)).toBe(true);
    // One line per change, each starting with its place.
    const changeLines = lines.slice(1, 1 + comparison.summary.total);
    expect(changeLines).toHaveLength(comparison.changes.length);
    for (const line of changeLines) expect(line).toMatch(/^(¶\d+|was ¶\d+|¶\d+ → ¶\d+) +\S/u);
    // A few of the fixture's edits (tests/tools/make-edited-fixture.ts), each once and in its place.
    for (const line of [/^¶1 +Replaced: “Safety” → “Security”$/mu, /^¶8 +\[1\] → \[2\]: Reuters → Council on Foreign Relations$/mu, /^¶13 → ¶14 +Moved paragraph: /mu, /^was ¶5 +Deleted paragraph: /mu]) {
      expect(run.stdout.match(new RegExp(line.source, 'gmu'))).toHaveLength(1);
    }  });

  it('--json prints exactly comparisonJson of the comparison', () => {
    const run = copydesk('diff', 'seed.copydesk', 'edited.copydesk', '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout) as ComparisonJson;
    expect(json).toEqual(comparisonJson(compareFiles(SEED, EDITED)));
    expect(Object.keys(json)).toEqual(['summary', 'changes', 'coarse', 'pending']);
    expect(json.summary.total).toBe(json.changes.length);
    expect(json.changes.length).toBeGreaterThanOrEqual(10);
    for (const change of json.changes) expect(Object.keys(change)).toEqual(['kind', 'place', 'description', 'block', 'deleted', 'inserted']);
  });

  it('says "No changes" and exits 0 for a draft against itself (text and JSON)', () => {
    expect(copydesk('diff', 'seed.copydesk', 'seed.copydesk')).toEqual({ status: 0, stdout: 'No changes\n', stderr: '' });
    const run = copydesk('diff', 'seed.copydesk', SEED, '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ summary: { total: 0, byKind: {}, line: 'No changes' }, changes: [], coarse: [], pending: { old: 0, new: 0 } });
  });
});

describe('copydesk diff on a small pair', () => {
  it('reports the changed word and the citation pointed at another source, in their paragraph', () => {
    const run = copydesk('diff', 'old.copydesk', 'new.copydesk', '--json');
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout) as ComparisonJson;
    expect(json.summary).toMatchObject({ total: 2, byKind: { text: 1, citation: 1 } });
    expect(json.changes.map((c) => [c.kind, c.place, c.block])).toEqual([
      ['text', '¶3', { old: 3, new: 3 }],
      ['citation', '¶3', { old: 3, new: 3 }],
    ]);
    expect(json.changes[0]).toMatchObject({ deleted: 'approved', inserted: 'rejected' });
    expect(json.changes[1]?.description).toMatch(/Reuters → CFR$/u);
    const text = copydesk('diff', 'old.copydesk', 'new.copydesk');
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/^2 changes: 1 text, 1 citation\n¶3 {2}Replaced: “approved” → “rejected”\n¶3 {2}.*Reuters → CFR\n$/u);
  });

  it('prints what a draft holds with its control characters escaped, in text and JSON', () => {
    const run = copydesk('diff', 'old.copydesk', 'hostile.copydesk');
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(RAW_CONTROLS);
    expect(run.stdout).toContain('\\x1b]0;pwned\\x07');
    const json = copydesk('diff', 'old.copydesk', 'hostile.copydesk', '--json');
    expect(json.stdout).not.toMatch(RAW_CONTROLS);
    expect(json.stdout).toContain('\\u202e');
    expect(JSON.parse(json.stdout)).toEqual(comparisonJson(compareFiles(path.join(dir, 'old.copydesk'), path.join(dir, 'hostile.copydesk'))));
  });
});

describe('copydesk diff: help', () => {
  it('has its usage and its exit codes in the help', () => {
    const run = copydesk('diff', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: copydesk diff <old\.copydesk> <new\.copydesk> \[--json\]\n/u);
    expect(run.stdout).toContain('Exit status: 0 no changes; 1 the drafts differ; 2 trouble');
    const main = copydesk('--help').stdout;
    expect(main).toContain('copydesk diff <old.copydesk> <new.copydesk> [--json]');
    expect(main).toMatch(/^For diff, as for diff\(1\): 0 no changes; 1 the drafts differ; 2 trouble/mu);
  });
});

describe('copydesk diff: every mistake is one line on stderr and exit 2 (never 1, which means "differ")', () => {
  const cases: { name: string; args: string[]; message: RegExp }[] = [
    { name: 'the old draft missing', args: ['diff', 'nowhere.copydesk', 'seed.copydesk'], message: /^nowhere\.copydesk: no such file\.$/u },
    { name: 'the new draft missing', args: ['diff', 'seed.copydesk', 'nowhere.copydesk'], message: /^nowhere\.copydesk: no such file\.$/u },
    { name: 'not a draft', args: ['diff', 'not-draft.copydesk', 'seed.copydesk', '--json'], message: /is not a Copydesk draft/u },
    { name: 'unreadable: not JSON', args: ['diff', 'seed.copydesk', 'not-json.copydesk'], message: /^not-json\.copydesk: This file is not valid JSON/u },
    { name: 'unreadable: not UTF-8', args: ['diff', 'seed.copydesk', 'latin1.copydesk'], message: /^latin1\.copydesk: not UTF-8 text/u },
    { name: 'a folder', args: ['diff', 'folder.copydesk', 'seed.copydesk'], message: /^folder\.copydesk: is a folder, not a file\.$/u },
    { name: 'one draft only', args: ['diff', 'seed.copydesk'], message: /^missing the new draft to compare with \(usage: copydesk diff/u },
    { name: 'no draft', args: ['diff'], message: /^missing the two drafts to compare/u },
    { name: 'three drafts', args: ['diff', 'seed.copydesk', 'edited.copydesk', 'old.copydesk'], message: /^unexpected argument 'old\.copydesk'/u },
    { name: 'an unknown option', args: ['diff', 'seed.copydesk', 'edited.copydesk', '--color'], message: /^unknown option '--color'/u },
  ];

  it.each(cases)('$name → exit 2', ({ args, message }) => {
    const before = ['seed.copydesk', 'not-draft.copydesk', 'not-json.copydesk'].map(sha);
    const run = copydesk(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(run.stderr).not.toMatch(/^\s+at /mu);
    expect(lines[0]).toMatch(/^copydesk: /u);
    expect(lines[0]?.slice('copydesk: '.length)).toMatch(message);
    expect(['seed.copydesk', 'not-draft.copydesk', 'not-json.copydesk'].map(sha)).toEqual(before);
  });

  it('unreadable: no permission to read → exit 2', () => {
    const run = copydeskAs(NOBODY, 'diff', 'seed.copydesk', 'locked.copydesk');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^copydesk: locked\.copydesk: [^\n]*permission[^\n]*\n$/u);
  });

  it('leaves the other commands’ input errors at exit 1', () => {
    expect(copydesk('check', 'nowhere.copydesk').status).toBe(1);
  });
});
