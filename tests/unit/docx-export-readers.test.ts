/**
 * The Word export opened by LibreOffice (converted to PDF, its text read by pdftotext) and, with
 * the review, read by pandoc with `--track-changes=all`: each suggestion an insertion or a
 * deletion with its author, and the threads as comments with their replies.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDraft } from '../../shared/draft/format';
import { exportDocx } from '../../shared/export/docx';
import { draftOf } from './helpers/build';
import { docxParts, pandocDocx, spans, type PandocDoc } from './helpers/docx-readers';
import { reviewArticle } from './helpers/review-doc';
import { tempDir } from './helpers/services-fixtures';

const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();

let dir: string;
beforeAll(async () => {
  dir = await tempDir('docx-readers');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('LibreOffice opens the seed article as Word', () => {
  it('converts it to PDF without error, and the PDF holds the headline, both sources and the "Read also" item', async () => {
    const draft = parseDraft(await fs.readFile('tests/fixtures/seed-article.copydesk', 'utf8'));
    const file = path.join(dir, 'seed.docx');
    await fs.writeFile(file, await exportDocx(draft));
    // A private profile, so that the conversion neither needs nor touches the user's.
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    const convert = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 240_000 });
    expect(convert.status, convert.stderr).toBe(0);
    const pdf = path.join(dir, 'seed.pdf');
    expect((await fs.stat(pdf)).size).toBeGreaterThan(1000);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text.status).toBe(0);
    const words = collapse(text.stdout);
    expect(words).toContain('Upcoming Safety Assurances for the Washington Meeting');
    expect(words).toContain('“U.S. and allies explore collective defense guarantees for Ukraine,” Reuters, 2023.');
    expect(words).toContain('“Security Guarantees for Ukraine: What You Need to Know,” Council on Foreign Relations, 2023.');
    expect(words).toMatch(/Read also › Latest/u);
    expect(words).toMatch(/Sources 1\. “U\.S\. and allies/u);
  }, 300_000);
});

describe('the review as Word tracked changes and comments, read by pandoc --track-changes=all', () => {
  let bytes: Uint8Array;
  let read: PandocDoc;
  let seen: ReturnType<typeof spans>;
  beforeAll(async () => {
    bytes = await exportDocx(draftOf(reviewArticle()), { review: true });
    read = await pandocDocx(bytes, dir, 'review.docx', ['--track-changes=all']);
    seen = spans(read);
  });
  const change = (kind: 'insertion' | 'deletion', author: string, text: string): unknown =>
    expect.objectContaining({ classes: [kind], attrs: expect.objectContaining({ author, date: '2026-12-02T10:00:00Z' }) as unknown, text });

  it('sees each suggested insertion and deletion with its author and time', () => {
    expect(seen).toEqual(
      expect.arrayContaining([
        change('deletion', 'Ana Ruiz', 'hits'), // headline, replaced
        change('insertion', 'Ana Ruiz', 'batters'),
        change('deletion', 'Ben Ode', 'very'), // standfirst
        change('insertion', 'Ana Ruiz', 'small'),
        change('deletion', 'Ben Ode', 'said'),
        change('insertion', 'Ben Ode', 'confirmed'),
        change('deletion', 'Ana Ruiz', 'A sentence that was deleted.'), // a whole paragraph
        change('insertion', 'Ben Ode', 'A new paragraph.'),
        change('deletion', 'Ana Ruiz', 'Dropped item'), // a list item
        change('insertion', 'Ben Ode', 'Flood maps'), // a "Read also" item
      ]),
    );
  });

  it('sees citations inserted, deleted and retargeted as footnotes inside the changes', () => {
    const notes = (kind: string, author: string): string[][] => seen.filter((s) => s.classes[0] === kind && s.attrs.author === author && s.notes.length).map((s) => s.notes);
    // The deleted citation of AP; the retargeted one: Reuters' footnote deleted, CFR's inserted (by Ben).
    expect(notes('deletion', 'Ana Ruiz')).toContainEqual(['“AP wire.”']);
    expect(notes('deletion', 'Ben Ode')).toContainEqual(['“Reuters report.”']);
    expect(notes('insertion', 'Ben Ode')).toContainEqual(['“CFR brief.”']);
  });

  it('sees the paragraph marks a split, a join and a deleted paragraph change', () => {
    const classes = new Set(seen.map((s) => s.classes[0]));
    expect(classes).toContain('paragraph-insertion');
    expect(classes).toContain('paragraph-deletion');
  });

  it('sees the threads as comments with their replies, authors and times', () => {
    const comments = seen.filter((s) => s.classes[0] === 'comment-start').map((s) => ({ author: s.attrs.author, date: s.attrs.date, text: s.text }));
    expect(comments).toEqual(
      expect.arrayContaining([
        { author: 'Ana Ruiz', date: '2026-12-02T10:00:00.000Z', text: 'Which source says three?' },
        { author: 'Ben Ode', date: '2026-12-02T11:30:00.000Z', text: 'Reuters, <confirmed>.' },
        { author: 'Ben Ode', date: '2026-12-02T10:00:00.000Z', text: 'Resolved & done' },
        // A thread whose text is gone: anchored on the headline, saying what it was about (pandoc joins a comment's paragraphs with ¶).
        { author: 'Ana Ruiz', date: '2026-12-02T10:00:00.000Z', text: 'On deleted text: “a sentence that was deleted” ¶ Why cut this?' },
      ]),
    );
    // The changed fields Word has no revision for, as comments by the suggestion's author.
    expect(comments.map((c) => c.text)).toEqual(expect.arrayContaining([expect.stringMatching(/credit “Reuters” → “AFP”/u), expect.stringMatching(/CFR note/u)]));
  });

  it('writes the reply under its comment and the resolved thread as done, and a format change with what it had', () => {
    const { text } = docxParts(bytes);
    const extended = text.get('word/commentsExtended.xml') ?? '';
    expect(extended.match(/w15:paraIdParent=/gu)).toHaveLength(1);
    expect(extended.match(/w15:done="1"/gu)).toHaveLength(1);
    const documentXml = text.get('word/document.xml') ?? '';
    expect(documentXml).toMatch(/<w:rPrChange w:id="\d+" w:author="Ana Ruiz" w:date="2026-12-02T10:00:00Z"><w:rPr><w:b w:val="false"\/>/u);
    expect(text.get('word/settings.xml')).not.toContain('trackRevisions');
  });
});
