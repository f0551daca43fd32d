/**
 * The real `copydesk` command (`node electron/cli/copydesk.mjs`), spawned on drafts written to
 * temporary folders: every command, standard output against `-o`, and every kind of user
 * mistake, which must print exactly one line on stderr (no stack trace), exit with the right
 * code and leave the input draft's bytes as they were.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseDraft, serializeDraft, type Draft } from '../../shared/draft/format';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import { inspectDraft } from '../../shared/inspect';
import { schema } from '../../shared/schema';
import { article, cite, draftOf, p, readAlso, source } from './helpers/build';
import { deepDraftText } from './helpers/deep-draft';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'electron/cli/copydesk.mjs');
const SEED = path.join(ROOT, 'tests/fixtures/seed-article.copydesk');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let dir: string;

/** Runs the CLI in the temporary folder. */
function copydesk(...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, COPYDESK_DEBUG: '' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sha = (file: string): string => createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex');

const clean: Draft = draftOf(
  article({
    headline: 'Council approves flood plan',
    standfirst: 'The vote was close',
    body: [
      p('The plan ', cite('plan'), ' passed by one vote ', cite('minutes'), ', the plan ', cite('plan'), ' says.'),
      readAlso('', { title: 'Earlier floods', url: 'https://example.com/earlier' }),
    ],
    sources: [
      source('minutes', { title: 'Minutes', outlet: 'City council', date: '2 May 2024', url: 'https://example.com/minutes' }),
      source('plan', { title: 'Flood plan', outlet: 'Environment agency', date: '2024', url: 'https://example.com/plan' }),
    ],
  }),
);

const faulty: Draft = draftOf(
  article({
    headline: 'Faulty',
    body: [p('Cites ', cite('a'), '.'), readAlso('More', { title: 'Latest', url: '' })],
    sources: [source('a', { title: 'A' }), source('spare', { title: 'Spare' })],
  }),
);

const warningsOnly: Draft = draftOf(article({ headline: 'Only a warning', body: [p('Text.')], sources: [source('spare', { title: 'Spare' })] }));

// Escape sequences and bidi controls a hostile draft may hold: retitle the window (OSC 0), clear
// the screen (CSI 2J), a hyperlink whose text hides its target (OSC 8), C1 CSI, a right-to-left override.
const HOSTILE = {
  headline: 'Calm\x1b]0;pwned\x07 headline\x1b[2J',
  sourceTitle: 'Report \u202etxt.exe\u202c done',
  itemTitle: '\x1b]8;;https://evil.example\x1b\\Click\x1b]8;;\x1b\\ \u009b31m red',
};
const hostile: Draft = draftOf(
  article({
    headline: HOSTILE.headline,
    body: [p('Cites ', cite('s'), '.'), readAlso('', { title: HOSTILE.itemTitle, url: '' })],
    sources: [source('s', { title: HOSTILE.sourceTitle, outlet: 'Out\x1b[8mlet' })],
  }),
);
// What no line printed from a draft may hold raw.
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const RAW_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const cleanJson = serializeDraft(clean);
const mutated = (change: (raw: Record<string, unknown>) => void): string => {
  const raw = JSON.parse(cleanJson) as Record<string, unknown>;
  change(raw);
  return JSON.stringify(raw);
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-cli-'));
  const files: Record<string, string | Uint8Array> = {
    'clean.copydesk': cleanJson,
    'faulty.copydesk': serializeDraft(faulty),
    'warnings.copydesk': serializeDraft(warningsOnly),
    'not-json.copydesk': '{ "format": "copydesk-draft", ',
    'not-draft.copydesk': '{"hello": "world"}\n',
    'newer.copydesk': mutated((raw) => (raw.version = 99)),
    'bad-doc.copydesk': mutated((raw) => ((raw.doc as { content: { type: string }[] }).content[2]!.type = 'marquee')),
    'bad-meta.copydesk': mutated((raw) => ((raw.meta as { status: string }).status = 'published')),
    'hostile.copydesk': serializeDraft(hostile),
    'deep-1000.copydesk': deepDraftText(1000),
    'deep-5000.copydesk': deepDraftText(5000),
    'deep-100000.copydesk': deepDraftText(100_000),
    'duplicate-key.copydesk': cleanJson.replace('"version": 2,', '"version": 2,\n  "version": 2,'),
    'huge-key.copydesk': mutated((raw) => (raw['k'.repeat(500_000)] = 1)),
    'latin1.copydesk': Uint8Array.from([...new TextEncoder().encode(cleanJson.slice(0, 40)), 0xe9, ...new TextEncoder().encode(cleanJson.slice(40))]),
  };
  for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(dir, name), content);
  await fs.mkdir(path.join(dir, 'folder.copydesk'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copydesk help and version', () => {
  it('--help lists every command and exits 0', () => {
    const run = copydesk('--help');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    for (const usage of ['copydesk export <draft.copydesk> --to html|md|docx', 'copydesk check <draft.copydesk>', 'copydesk inspect <draft.copydesk> [--json]']) {
      expect(run.stdout).toContain(usage);
    }
    expect(copydesk('help').stdout).toBe(run.stdout);
  });

  it.each(['export', 'check', 'inspect'])('%s --help shows that command’s usage', (command) => {
    const run = copydesk(command, '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: copydesk ${command} <draft\\.copydesk>`, 'u'));
    expect(copydesk('help', command).stdout).toBe(run.stdout);
    expect(copydesk('--help', command).stdout).toBe(run.stdout);
  });

  it('--version prints the version in package.json', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = copydesk('--version');
    expect(run).toEqual({ status: 0, stdout: `copydesk ${version}\n`, stderr: '' });
  });
});

describe('copydesk export', () => {
  it('writes Markdown to stdout, exactly what exportMarkdown gives', () => {
    const run = copydesk('export', 'clean.copydesk', '--to', 'md');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(exportMarkdown(clean));
    expect(run.stdout).toContain('[^1]');
    expect(copydesk('export', 'clean.copydesk', '--to=md', '-o', '-')).toEqual(run);
    expect(existsSync(path.join(dir, '-'))).toBe(false);
  });

  it('writes standalone HTML and, with --fragment, just the fragment', () => {
    const page = copydesk('export', 'clean.copydesk', '--to', 'html');
    const fragment = copydesk('export', 'clean.copydesk', '--to', 'html', '--fragment');
    expect([page.status, fragment.status]).toEqual([0, 0]);
    expect(page.stdout).toBe(exportHtml(clean, { fragment: false }));
    expect(fragment.stdout).toBe(exportHtml(clean, { fragment: true }));
    expect(page.stdout).toMatch(/^<!DOCTYPE html>/iu);
    expect(fragment.stdout).not.toMatch(/<!DOCTYPE/iu);
  });

  it('with -o writes the file (nothing on stdout), replaces an existing one and keeps its mode', async () => {
    const out = path.join(dir, 'out.md');
    let run = copydesk('export', 'clean.copydesk', '--to', 'md', '-o', 'out.md');
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await fs.readFile(out, 'utf8')).toBe(exportMarkdown(clean));

    await fs.writeFile(out, 'stale');
    await fs.chmod(out, 0o600);
    run = copydesk('export', 'faulty.copydesk', '--output', 'out.md', '--to', 'md');
    expect(run.status).toBe(0);
    expect(await fs.readFile(out, 'utf8')).toBe(exportMarkdown(faulty));
    expect((await fs.stat(out)).mode & 0o777).toBe(0o600);
    expect((await fs.readdir(dir)).filter((name) => name.endsWith('.cd-tmp'))).toEqual([]);
  });

  it('refuses to write over the draft itself, by name or through a link', async () => {
    await fs.symlink(path.join(dir, 'clean.copydesk'), path.join(dir, 'link.html'));
    const before = sha('clean.copydesk');
    for (const target of ['clean.copydesk', `${dir}/../${path.basename(dir)}/./clean.copydesk`, 'link.html']) {
      const run = copydesk('export', 'clean.copydesk', '--to', 'html', '-o', target);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^copydesk: -o .* is the draft itself/u);
    }
    expect(sha('clean.copydesk')).toBe(before);
    expect((await fs.lstat(path.join(dir, 'link.html'))).isSymbolicLink()).toBe(true);
  });

  it('stops quietly when the reader closes the pipe early', async () => {
    const long = draftOf(article({ headline: 'Long', body: Array.from({ length: 3000 }, (_, i) => p(`Paragraph ${String(i)} with some words in it to make it long.`)) }));
    await fs.writeFile(path.join(dir, 'long.copydesk'), serializeDraft(long));
    // As a user would: `copydesk export … | head -c 10`; head exits and the pipe closes mid-write.
    const script = `("${process.execPath}" "${CLI}" export long.copydesk --to md; echo "status $?" >&2) | head -c 10`;
    const shell = spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8' });
    expect(shell.stdout).toBe('# Long\n\nPa');
    expect(shell.stderr).toBe('status 0\n');
  });
});

describe('copydesk check', () => {
  it('prints "no problems" and exits 0 for a clean draft', () => {
    expect(copydesk('check', 'clean.copydesk')).toEqual({ status: 0, stdout: 'clean.copydesk: no problems\n', stderr: '' });
  });

  it('exits 0 when there are only warnings', () => {
    const run = copydesk('check', 'warnings.copydesk');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('warning: The uncited source “Spare” is not cited anywhere; cite it or remove it.\nwarnings.copydesk: 0 errors, 1 warning\n');
  });

  it('prints one line per problem and a summary, and exits 1 when any is an error', () => {
    const run = copydesk('check', 'faulty.copydesk');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      'error: “Read also” item “Latest” in “Read also” block 1 of the body has no URL.',
      'warning: The uncited source “Spare” is not cited anywhere; cite it or remove it.',
      'faulty.copydesk: 1 error, 1 warning',
    ]);
  });

  it('reports a figure whose assets/ file is missing beside the draft as an error (inspect too), and not one whose file is there', async () => {
    const figure = (src: string, alt: string) => schema.node('figure', { src, alt }, [schema.node('figcaption')]);
    const photos = path.join(dir, 'photos');
    await fs.mkdir(path.join(photos, 'assets', 'story'), { recursive: true });
    await fs.writeFile(path.join(photos, 'assets', 'story', 'kept.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    const draft = draftOf(article({ headline: 'Photos', body: [p('Text.'), figure('assets/story/kept.png', 'The quay'), figure('assets/story/gone.png', 'The harbour at dawn')] }));
    await fs.writeFile(path.join(photos, 'story.copydesk'), serializeDraft(draft));
    const run = copydesk('check', path.join('photos', 'story.copydesk'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      `error: The photo “The harbour at dawn” in figure 2 of the body is missing: assets/story/gone.png was not found.\n${path.join('photos', 'story.copydesk')}: 1 error, 0 warnings\n`,
    );
    expect(copydesk('inspect', path.join('photos', 'story.copydesk')).stdout).toContain(
      '  error: The photo “The harbour at dawn” in figure 2 of the body is missing: assets/story/gone.png was not found.\n',
    );
    await fs.writeFile(path.join(photos, 'assets', 'story', 'gone.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    expect(copydesk('check', path.join('photos', 'story.copydesk')).status).toBe(0);
  });
});

describe('copydesk inspect', () => {
  it('--json prints exactly inspectDraft’s result', () => {
    const run = copydesk('inspect', 'faulty.copydesk', '--json');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as unknown;
    expect(json).toEqual(inspectDraft(faulty));
    expect(Object.keys(json as object)).toEqual(['headline', 'standfirst', 'words', 'sources', 'readAlso', 'problems', 'review']);
  });

  it('without --json prints a readable summary', () => {
    const run = copydesk('inspect', 'clean.copydesk');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Headline:   Council approves flood plan');
    expect(run.stdout).toContain('[1] “Flood plan” — Environment agency, 2024 (cited 2 times)');
    expect(run.stdout).toContain('[2] “Minutes” — City council, 2 May 2024 (cited once)');
    expect(run.stdout).toContain('- Earlier floods <https://example.com/earlier>');
    expect(run.stdout).toContain('Problems:   no problems');
  });
});

describe('copydesk: what a draft holds is printed with its control characters escaped', () => {
  it('inspect shows escape sequences and bidi overrides escaped', () => {
    const run = copydesk('inspect', 'hostile.copydesk');
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROLS);
    expect(run.stdout).toContain('Headline:   Calm\\x1b]0;pwned\\x07 headline\\x1b[2J\n');
    expect(run.stdout).toContain('“Report \\u202etxt.exe\\u202c done” — Out\\x1b[8mlet');
    expect(run.stdout).toContain('- \\x1b]8;;https://evil.example\\x1b\\Click\\x1b]8;;\\x1b\\ \\x9b31m red (no URL)');
  });

  it('inspect --json escapes them too, and parses to exactly inspectDraft’s result', () => {
    const run = copydesk('inspect', 'hostile.copydesk', '--json');
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROLS);
    expect(run.stdout).toContain('Report \\u202etxt.exe\\u202c done');
    expect(JSON.parse(run.stdout)).toEqual(inspectDraft(hostile));
  });

  it('check escapes them in problem lines that quote the draft', () => {
    const run = copydesk('check', 'hostile.copydesk');
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(RAW_CONTROLS);
    expect(run.stdout).toMatch(/^error: “Read also” item “\\x1b\]8;;https:.*” in “Read also” block 1 of the body has no URL\.$/mu);
  });

  it('escapes them in an error line that names the file', async () => {
    await fs.writeFile(path.join(dir, 'bad\x1b[2J.copydesk'), '{');
    const run = copydesk('check', 'bad\x1b[2J.copydesk');
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(RAW_CONTROLS);
    expect(run.stderr).toMatch(/^copydesk: bad\\x1b\[2J\.copydesk: This file is not valid JSON/u);
    await fs.rm(path.join(dir, 'bad\x1b[2J.copydesk'));
  });
});

describe('copydesk: user mistakes give one line on stderr, the right exit code, and leave the draft alone', () => {
  const cases: { name: string; args: string[]; status: 1 | 2; message: RegExp; input?: string }[] = [
    { name: 'missing file', args: ['check', 'nowhere.copydesk'], status: 1, message: /^nowhere\.copydesk: no such file\.$/u },
    { name: 'a folder', args: ['inspect', 'folder.copydesk'], status: 1, message: /^folder\.copydesk: is a folder, not a file\.$/u },
    { name: 'not JSON', args: ['check', 'not-json.copydesk'], status: 1, message: /^not-json\.copydesk: This file is not valid JSON/u, input: 'not-json.copydesk' },
    { name: 'not UTF-8', args: ['check', 'latin1.copydesk'], status: 1, message: /^latin1\.copydesk: not UTF-8 text/u, input: 'latin1.copydesk' },
    { name: 'not a draft', args: ['inspect', 'not-draft.copydesk', '--json'], status: 1, message: /is not a Copydesk draft/u, input: 'not-draft.copydesk' },
    { name: 'newer version', args: ['export', 'newer.copydesk', '--to', 'md', '-o', 'newer.md'], status: 1, message: /written by a newer Copydesk \(format version 99\)/u, input: 'newer.copydesk' },
    { name: 'invalid document', args: ['export', 'bad-doc.copydesk', '--to', 'html'], status: 1, message: /^bad-doc\.copydesk: .*marquee/u, input: 'bad-doc.copydesk' },
    { name: 'lists nested 1,000 deep', args: ['check', 'deep-1000.copydesk'], status: 1, message: /^deep-1000\.copydesk: The draft is nested too deeply .* up to 500 levels\.$/u, input: 'deep-1000.copydesk' },
    { name: 'lists nested 5,000 deep', args: ['inspect', 'deep-5000.copydesk'], status: 1, message: /^deep-5000\.copydesk: The draft is nested too deeply/u, input: 'deep-5000.copydesk' },
    { name: 'lists nested 100,000 deep', args: ['export', 'deep-100000.copydesk', '--to', 'html'], status: 1, message: /^deep-100000\.copydesk: The draft is nested too deeply/u, input: 'deep-100000.copydesk' },
    { name: 'a duplicate key', args: ['check', 'duplicate-key.copydesk'], status: 1, message: /^duplicate-key\.copydesk: .*duplicate key "version" at line 4, column 3\.$/u, input: 'duplicate-key.copydesk' },
    { name: 'a 500 KB unknown key', args: ['check', 'huge-key.copydesk'], status: 1, message: /^huge-key\.copydesk: .*unknown key "k+…"\.$/u, input: 'huge-key.copydesk' },
    { name: 'invalid metadata', args: ['check', 'bad-meta.copydesk'], status: 1, message: /^bad-meta\.copydesk: The draft's metadata is invalid: meta\.status/u, input: 'bad-meta.copydesk' },
    { name: 'output folder missing', args: ['export', 'clean.copydesk', '--to', 'md', '-o', 'no/such/dir/out.md'], status: 1, message: /^no\/such\/dir\/out\.md: cannot write it, its folder does not exist\.$/u, input: 'clean.copydesk' },
    { name: 'output is a folder', args: ['export', 'clean.copydesk', '--to', 'md', '-o', 'folder.copydesk'], status: 1, message: /^folder\.copydesk: is a folder/u, input: 'clean.copydesk' },
    { name: 'unknown option', args: ['export', 'clean.copydesk', '--to', 'md', '--pretty'], status: 2, message: /^unknown option '--pretty' \(usage: copydesk export/u, input: 'clean.copydesk' },
    { name: 'unknown command', args: ['publish', 'clean.copydesk'], status: 2, message: /^unknown command 'publish'/u, input: 'clean.copydesk' },
    { name: 'no command', args: [], status: 2, message: /^missing a command/u },
    { name: '--fragment with md', args: ['export', 'clean.copydesk', '--to', 'md', '--fragment'], status: 2, message: /^--fragment goes only with --to html/u, input: 'clean.copydesk' },
    { name: 'bad --to', args: ['export', 'clean.copydesk', '--to', 'pdf'], status: 2, message: /^--to must be html, md or docx, not 'pdf'/u, input: 'clean.copydesk' },
    { name: 'missing --to', args: ['export', 'clean.copydesk'], status: 2, message: /^missing --to html, --to md or --to docx/u, input: 'clean.copydesk' },
    { name: '--to without a value', args: ['export', 'clean.copydesk', '--to'], status: 2, message: /^option '--to <value>' argument missing/u, input: 'clean.copydesk' },
    { name: 'an option twice', args: ['export', 'clean.copydesk', '--to', 'md', '--to', 'html'], status: 2, message: /^option '--to' is given more than once/u, input: 'clean.copydesk' },
    { name: 'missing draft argument', args: ['check'], status: 2, message: /^missing the draft file \(usage: copydesk check <draft\.copydesk>\)$/u },
    { name: 'two drafts', args: ['check', 'clean.copydesk', 'faulty.copydesk'], status: 2, message: /^unexpected argument 'faulty\.copydesk'/u, input: 'clean.copydesk' },
    { name: 'an argument after --version', args: ['--version', 'extra'], status: 2, message: /^unexpected argument 'extra'/u },
    { name: 'a value for a flag', args: ['inspect', 'clean.copydesk', '--json=yes'], status: 2, message: /^option '--json' does not take an argument/u, input: 'clean.copydesk' },
  ];

  it.each(cases)('$name → exit $status', ({ args, status, message, input }) => {
    const before = input ? sha(input) : '';
    const listing = readdirSorted();
    const run = copydesk(...args);
    expect(run.status).toBe(status);
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith('\n')).toBe(true);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.length).toBeLessThan(300);
    expect(run.stderr).not.toMatch(/^\s+at /mu);
    expect(lines[0]).toMatch(/^copydesk: /u);
    expect(lines[0]?.slice('copydesk: '.length)).toMatch(message);
    if (input) expect(sha(input)).toBe(before);
    expect(readdirSorted()).toEqual(listing);
  });
});

function readdirSorted(): string[] {
  return readdirSync(dir).sort();
}

describe('copydesk: an unexpected failure (in process, with an output that throws)', () => {
  async function failing(debug: string): Promise<{ status: number; stderr: string }> {
    const { main } = await import('../../electron/cli/main');
    const previous = process.env.COPYDESK_DEBUG;
    process.env.COPYDESK_DEBUG = debug;
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const status = await main(['check', path.join(dir, 'clean.copydesk')], {
        write: () => {
          throw new Error('output device exploded');
        },
      });
      return { status, stderr: spy.mock.calls.map((call) => String(call[0])).join('') };
    } finally {
      spy.mockRestore();
      if (previous === undefined) delete process.env.COPYDESK_DEBUG;
      else process.env.COPYDESK_DEBUG = previous;
    }
  }

  it('prints one line asking for a report and exits 70', async () => {
    const { status, stderr } = await failing('');
    expect(status).toBe(70);
    expect(stderr).toBe('copydesk: internal error: output device exploded. This is a bug in Copydesk; please report it (COPYDESK_DEBUG=1 shows the details).\n');
  });

  it('adds the stack trace with COPYDESK_DEBUG=1', async () => {
    const { status, stderr } = await failing('1');
    expect(status).toBe(70);
    expect(stderr.split('\n')[0]).toMatch(/^copydesk: internal error: output device exploded/u);
    expect(stderr).toMatch(/^\s+at /mu);
  });
});

describe('the seed article (tests/fixtures/seed-article.copydesk)', () => {
  it('exports to HTML with -o', async () => {
    await fs.copyFile(SEED, path.join(dir, 'seed.copydesk'));
    const run = copydesk('export', 'seed.copydesk', '--to', 'html', '-o', 'seed.html');
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
    const html = await fs.readFile(path.join(dir, 'seed.html'), 'utf8');
    expect(html).toBe(exportHtml(parseDraft(readFileSync(SEED, 'utf8')), { fragment: false }));
    expect(html).toMatch(/^<!DOCTYPE html>/iu);
    expect(html).toContain('<sup class="citation">');
  });

  it('fails check because its "Latest" item has no URL', () => {
    const run = copydesk('check', SEED);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^error: .*“Latest”.* has no URL\.$/mu);
  });
});
