/**
 * The review under way through the real `copydesk` command (`node electron/cli/copydesk.mjs`):
 * `inspect --json` lists pending suggestions and threads, `inspect` summarises them, `check`
 * warns about each pending suggestion and open thread without failing on them alone.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'prosemirror-transform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { inspectDraft } from '../../shared/inspect';
import { addComment } from '../../shared/review/threads';
import { schema } from '../../shared/schema';
import { article, draftOf, p } from './helpers/build';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'electron/cli/copydesk.mjs');
const REVIEW_TEXT = readFileSync(path.join(ROOT, 'tests/fixtures/review-article.copydesk'), 'utf8');

let dir: string;

function copydesk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, COPYDESK_DEBUG: '' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A draft with no problem, one pending insertion and one open thread; its reviewer's name is hostile. */
function reviewedOnly(): string {
  const doc = article({ headline: 'Quiet', body: [p('Some text here.')] });
  const tr = new Transform(doc);
  const end = tr.doc.child(0).nodeSize + tr.doc.child(1).nodeSize + 1 + 'Some text here'.length;
  tr.insert(end, schema.text(' and more', [schema.mark('insertion', { id: 's1', author: 'a-x', at: '2026-01-02T03:04:05.000Z' })]));
  addComment(tr, end - 4, end, { id: 'a-x', name: 'Eve\x1b[2J Evil', initials: 'EE' }, 'Check.', new Date('2026-01-02T04:00:00.000Z'));
  return serializeDraft(draftOf(tr.doc));
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-review-cli-'));
  await fs.writeFile(path.join(dir, 'review.copydesk'), REVIEW_TEXT);
  // The seed's photo, so that the only problem left is the seed's own (its "Latest" item has no URL).
  await fs.mkdir(path.join(dir, 'assets'));
  await fs.writeFile(path.join(dir, 'assets', 'washington-meeting.jpg'), Buffer.from('ffd8ffe0', 'hex'));
  await fs.writeFile(path.join(dir, 'quiet.copydesk'), reviewedOnly());
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copydesk inspect --json on a draft under review', () => {
  it('lists the pending suggestions and the threads, exactly as inspectDraft does', () => {
    const run = copydesk('inspect', 'review.copydesk', '--json');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as ReturnType<typeof inspectDraft>;
    expect(json).toEqual(inspectDraft(parseDraft(REVIEW_TEXT), new Set()));
    expect(json.review.suggestions.map((s) => [s.id, s.author, s.at, s.kind, s.description])).toEqual([
      ['s-headline', 'Edith Editor', '2025-08-18T08:00:00.000Z', 'replacement', 'Replaced: “Safety” → “Security”'],
      ['s-monday', 'Ruth Reporter', '2025-08-18T08:05:00.000Z', 'insertion', 'Inserted: “, on Monday,”'],
      ['s-bold', 'Edith Editor', '2025-08-18T08:15:00.000Z', 'format', 'Formatted: bold'],
      ['s-source', 'Edith Editor', '2025-08-18T08:20:00.000Z', 'attributes', 'Changed source: Reuters → Council on Foreign Relations'],
      ['s-alaska', 'Edith Editor', '2025-08-18T08:10:00.000Z', 'deletion', 'Deleted: “, especially after the Alaska summit”'],
      ['s-istanbul', 'Ruth Reporter', '2025-08-18T08:25:00.000Z', 'deletion', 'Deleted paragraph'],
    ]);
    expect(json.review.threads).toEqual([
      { id: 't-visit', quote: "Zelensky's visit", messages: 2, detached: false, resolved: false, place: 'the standfirst' },
      { id: 't-territory', quote: 'territorial issues', messages: 1, detached: false, resolved: true, place: 'paragraph 7 of the body (“The meeting in Washington is cru…”)' },
      { id: 't-gone', quote: 'a sentence the editor cut', messages: 1, detached: true, resolved: false, place: null },
    ]);
  });

  it('lists an empty review for a draft without one', async () => {
    await fs.writeFile(path.join(dir, 'plain.copydesk'), serializeDraft(draftOf(article({ headline: 'Plain', body: [p('Text.')] }))));
    const json = JSON.parse(copydesk('inspect', 'plain.copydesk', '--json').stdout) as ReturnType<typeof inspectDraft>;
    expect(json.review).toEqual({ suggestions: [], threads: [] });
  });
});

describe('copydesk inspect on a draft under review', () => {
  it('summarises the review, then each pending suggestion and open thread', () => {
    const run = copydesk('inspect', 'review.copydesk');
    expect(run.status).toBe(0);
    const review = run.stdout.slice(run.stdout.indexOf('Review:')).trimEnd().split('\n');
    expect(review).toEqual([
      'Review:     6 pending suggestions, 2 open threads (1 detached), 1 resolved',
      '  Replaced: “Safety” → “Security” — Edith Editor, 2025-08-18 08:00 UTC, in the headline',
      '  Inserted: “, on Monday,” — Ruth Reporter, 2025-08-18 08:05 UTC, in paragraph 1 of the body (“In a significant shift, Presiden…”)',
      '  Formatted: bold — Edith Editor, 2025-08-18 08:15 UTC, in paragraph 3 of the body (“The security guarantees would cl…”)',
      '  Changed source: Reuters → Council on Foreign Relations — Edith Editor, 2025-08-18 08:20 UTC, in paragraph 5 of the body (“Russia, according to Witkoff, mi…”)',
      '  Deleted: “, especially after the Alaska summit” — Edith Editor, 2025-08-18 08:10 UTC, in paragraph 7 of the body (“The meeting in Washington is cru…”)',
      '  Deleted paragraph — Ruth Reporter, 2025-08-18 08:25 UTC, in paragraph 10 of the body (“Russia and Ukraine had negotiati…”)',
      '  Thread “Zelensky\'s visit” (in the standfirst): 2 messages',
      '  Thread “a sentence the editor cut” (detached): 1 message',
    ]);
  });
});

describe('copydesk check on a draft under review', () => {
  it('warns about each pending suggestion and open thread, after the problems', () => {
    const run = copydesk('check', 'review.copydesk');
    expect(run.stderr).toBe('');
    // The seed's own error fails it, not the review.
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: .*“Latest”.* has no URL\.$/u);
    expect(lines.slice(1)).toEqual([
      'warning: Pending suggestion by Edith Editor in the headline: Replaced: “Safety” → “Security”; accept or reject it.',
      'warning: Pending suggestion by Ruth Reporter in paragraph 1 of the body (“In a significant shift, Presiden…”): Inserted: “, on Monday,”; accept or reject it.',
      'warning: Pending suggestion by Edith Editor in paragraph 3 of the body (“The security guarantees would cl…”): Formatted: bold; accept or reject it.',
      'warning: Pending suggestion by Edith Editor in paragraph 5 of the body (“Russia, according to Witkoff, mi…”): Changed source: Reuters → Council on Foreign Relations; accept or reject it.',
      'warning: Pending suggestion by Edith Editor in paragraph 7 of the body (“The meeting in Washington is cru…”): Deleted: “, especially after the Alaska summit”; accept or reject it.',
      'warning: Pending suggestion by Ruth Reporter in paragraph 10 of the body (“Russia and Ukraine had negotiati…”): Deleted paragraph; accept or reject it.',
      'warning: Open comment thread on “Zelensky\'s visit” in the standfirst, 2 messages; resolve it.',
      'warning: Open comment thread on “a sentence the editor cut” (detached: its text was deleted), 1 message; resolve it.',
      'review.copydesk: 1 error, 8 warnings',
    ]);
  });

  it('exits 0 when the review is all there is, and prints what the draft holds escaped', () => {
    const run = copydesk('check', 'quiet.copydesk');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'warning: Pending suggestion by Eve\\x1b[2J Evil in paragraph 1 of the body (“Some text here and more.”): Inserted: “and more”; accept or reject it.',
        'warning: Open comment thread on “here” in paragraph 1 of the body (“Some text here and more.”), 1 message; resolve it.',
        'quiet.copydesk: 0 errors, 2 warnings',
        '',
      ].join('\n'),
    );
  });
});
