/**
 * Plain-text import: the seed article (tests/fixtures/seed-article.txt) must import to a draft
 * equal in structure to the hand-built tests/fixtures/seed-article.copydesk (projection in
 * import-structure.ts: ids, metadata and the figure's placeholder file name left out), plus the
 * other forms the importer reads: references one per line, numbered and bulleted lists,
 * "Read also" items with URLs, citations of undefined references.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../shared/draft/format';
import { findProblems } from '../../shared/problems';
import { importText } from '../../shared/import/text';
import { projectDoc } from './import-structure';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const NOW = new Date('2026-01-02T03:04:05.000Z');

describe('the seed article', () => {
  const { draft, report } = importText(fixture('seed-article.txt'), { now: NOW });
  const expected = parseDraft(fixture('seed-article.copydesk'));

  it('imports to the structure of the hand-built fixture', () => {
    expect(projectDoc(draft.doc, { srcKindOnly: true })).toEqual(projectDoc(expected.doc, { srcKindOnly: true }));
  });

  it('has 11 body paragraphs, [1] six times and [2] five times, 2 sources with their fields', () => {
    const paragraphs = draft.doc.content.content.filter((node) => node.type.name === 'paragraph');
    expect(paragraphs).toHaveLength(11);
    const structure = projectDoc(draft.doc);
    expect(structure.citations.filter((n) => n === 1)).toHaveLength(6);
    expect(structure.citations.filter((n) => n === 2)).toHaveLength(5);
    expect(structure.citations).toEqual([1, 2, 1, 2, 1, 2, 1, 2, 1, 1, 2]);
    expect(draft.doc.lastChild?.childCount).toBe(2);
    expect(draft.doc.lastChild?.child(0).attrs).toMatchObject({ title: 'U.S. and allies explore collective defense guarantees for Ukraine', outlet: 'Reuters', date: '2023', url: '', note: '' });
    expect(draft.doc.lastChild?.child(1).attrs).toMatchObject({ title: 'Security Guarantees for Ukraine: What You Need to Know', outlet: 'Council on Foreign Relations', date: '2023', url: '', note: '' });
  });

  it('makes the caption a figure with an assets/ placeholder and says so', () => {
    const figure = draft.doc.child(2);
    expect(figure.type.name).toBe('figure');
    expect(figure.attrs.src).toBe('assets/upcoming-security-assurances-for.jpg');
    expect(report.notes.join('\n')).toContain('add it as assets/upcoming-security-assurances-for.jpg');
  });

  it('reports what it recognised and the chrome it left out', () => {
    expect(report).toMatchObject({ sources: 2, citations: 11, readAlsoItems: 1 });
    expect(report.dropped).toEqual([
      'Page chrome: “Skip to content”.',
      'The headline repeated as page chrome: “Upcoming Safety Assurances for the Washington Meeting”.',
    ]);
  });

  it('has exactly the fixture problem: the "Read also" item without URL', () => {
    expect(findProblems(draft.doc).map((p) => p.code)).toEqual(['read-also-no-url']);
    expect(draft.meta.slug).toBe('upcoming-safety-assurances-for-the-washington-meeting');
    expect(draft.meta.created).toBe(NOW.toISOString());
  });
});

describe('bylines', () => {
  const read = (text: string): { authors: readonly string[]; dropped: readonly string[]; blocks: string[] } => {
    const { draft, report } = importText(text, { now: NOW });
    expect(report.authors).toEqual(draft.meta.authors);
    const blocks: string[] = [];
    draft.doc.forEach((node) => blocks.push(`${node.type.name}: ${node.textContent}`));
    return { authors: draft.meta.authors, dropped: report.dropped, blocks };
  };

  it.each([
    ['By Jane Doe', ['Jane Doe']],
    ['By Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['By Jane Doe, John Roe and Ann Poe', ['Jane Doe', 'John Roe', 'Ann Poe']],
    ['By Jane Doe, John Roe, and Ann Poe', ['Jane Doe', 'John Roe', 'Ann Poe']],
    ['BY JANE DOE', ['Jane Doe']],
    ['By: Ursula von der Leyen & Ahmed al-Masri', ['Ursula von der Leyen', 'Ahmed al-Masri']],
  ])('"%s" under the headline fills the authors, and is not the standfirst', (line, authors) => {
    const result = read(`Council approves flood plan\n\n${line}\n\nThe vote was close.\n\nBody text.\n`);
    expect(result.authors).toEqual(authors);
    expect(result.blocks).toEqual(['headline: Council approves flood plan', 'standfirst: The vote was close.', 'paragraph: Body text.', 'sources: ']);
    expect(result.dropped).toEqual([]);
  });

  it.each([
    ['By Jane Doe | Reuters', 'Reuters'],
    ['By Jane Doe, Reuters', 'Reuters'],
    ['By Jane Doe (AP)', 'AP'],
    ['By Jane Doe — Agence France-Presse', 'Agence France-Presse'],
  ])('"%s": the agency is kept out of the authors and listed as left out', (line, agency) => {
    const result = read(`Headline\n\nThe standfirst.\n\n${line}\n\nBody.\n`);
    expect(result.authors).toEqual(['Jane Doe']);
    expect(result.dropped).toEqual([`The agency “${agency}” in the byline (Authors lists people).`]);
    expect(result.blocks).toEqual(['headline: Headline', 'standfirst: The standfirst.', 'paragraph: Body.', 'sources: ']);
  });

  it('keeps as text a "By …" line that is no byline, or that stands in the body', () => {
    for (const line of ['By the time we arrived, it was over.', 'By Monday', 'By 2030 emissions fall', 'By Jane Doe in Kyiv']) {
      const result = read(`Headline\n\n${line}\n\nBody.\n`);
      expect(result.authors).toEqual([]);
      expect(result.blocks).toEqual(['headline: Headline', `standfirst: ${line}`, 'paragraph: Body.', 'sources: ']);
    }
    const late = read('Headline\n\nDek.\n\nBody.\n\nBy Jane Doe\n');
    expect(late.authors).toEqual([]);
    expect(late.blocks).toContain('paragraph: By Jane Doe');
  });

  it('the seed article has no byline: no authors', () => {
    expect(importText(fixture('seed-article.txt'), { now: NOW }).draft.meta.authors).toEqual([]);
  });
});

describe('other plain-text forms', () => {
  it('reads references one per line, [1, 2] markers, ranges and a missing reference', () => {
    const text = [
      'Headline here',
      '',
      'A short standfirst.',
      '',
      'First claim [1, 2] and a range [1-3]. A missing one [7].',
      '',
      '[1] “The report,” The Times, 17 August 2025. https://example.com/report',
      '[2] "Second title," Agency, 2024-05-01',
      '[3] Just a note without a title',
    ].join('\n');
    const { draft, report } = importText(text, { now: NOW });
    const structure = projectDoc(draft.doc);
    expect(structure.headline).toBe('Headline here');
    expect(structure.standfirst).toBe('[["","A short standfirst."]]');
    expect(structure.citations).toEqual([1, 2, 1, 2, 3, 4]);
    expect(structure.sources.map((s) => JSON.parse(s) as unknown)).toEqual([
      { title: 'The report', outlet: 'The Times', date: '17 August 2025', url: 'https://example.com/report', note: '' },
      { title: 'Second title', outlet: 'Agency', date: '2024-05-01', url: '', note: '' },
      { title: '', outlet: '', date: '', url: '', note: 'Just a note without a title' },
      { title: '', outlet: '', date: '', url: '', note: '' },
    ]);
    expect(report.notes.join('\n')).toContain('The marker [7] is cited but never defined');
    expect(findProblems(draft.doc).map((p) => p.code)).toEqual(['empty-source']);
  });

  it('reads lists, a references heading with a numbered list, and Read also items with URLs', () => {
    const text = [
      'Title',
      '',
      'Standfirst.',
      '',
      'Body with a citation [1].',
      '',
      '- one',
      '- two',
      '  continued',
      '',
      '3. three',
      '',
      '4. four',
      '',
      'Sources:',
      '',
      '1. "A title," Outlet, 2020',
      '',
      'Related:',
      '- First story https://example.com/first',
      '- Second story — https://example.com/second.',
      '- javascript:alert(1) stays text',
    ].join('\n');
    const { draft, report } = importText(text, { now: NOW });
    expect(projectDoc(draft.doc).body).toEqual([
      'p [["","Body with a citation "],{"cite":1},["","."]]',
      'ul',
      '  li',
      '    p [["","one"]]',
      '  li',
      '    p [["","two continued"]]',
      'ol:3',
      '  li',
      '    p [["","three"]]',
      '  li',
      '    p [["","four"]]',
      'read_also "Related"',
      '  item ["","First story","https://example.com/first"]',
      '  item ["","Second story","https://example.com/second"]',
      '  item ["","javascript:alert(1) stays text",""]',
    ]);
    expect(projectDoc(draft.doc).sources).toEqual(['{"title":"A title","outlet":"Outlet","date":"2020","url":"","note":""}']);
    expect(report.dropped).toContain('The heading “Sources:” above the references (the draft\'s sources section takes their place).');
  });

  it('takes long lines as paragraphs of their own and never loses text', () => {
    const long = 'x'.repeat(120);
    const { draft } = importText(`Head\n\nStandfirst.\n\n${long} one.\n${long} two.`, { now: NOW });
    expect(projectDoc(draft.doc).body).toEqual([`p [["","${long} one."]]`, `p [["","${long} two."]]`]);
  });

  it('gives an empty headline, reported, when the text does not start with one', () => {
    const { draft, report } = importText('- a list first\n- then more', { now: NOW });
    expect(draft.doc.child(0).textContent).toBe('');
    expect(report.notes[0]).toMatch(/does not start with a one-line headline/u);
    expect(findProblems(draft.doc).map((p) => p.code)).toContain('empty-headline');
  });

  it('imports empty text to an empty draft that still fits the schema', () => {
    const { draft, report } = importText('', { now: NOW });
    expect(draft.doc.childCount).toBe(4);
    expect(report).toMatchObject({ sources: 0, citations: 0, readAlsoItems: 0 });
  });

  it('never takes a first line that cites for the headline: it is body text with its citations', () => {
    const { draft, report } = importText('A claim that cites [1].\n\nMore text.\n\n[1] "A report," The Outlet, 2024', { now: NOW });
    expect(draft.doc.firstChild?.textContent).toBe('');
    expect(report.citations).toBe(1);
    const body: string[] = [];
    draft.doc.forEach((node) => {
      if (node.type.name === 'paragraph') body.push(node.textContent);
    });
    expect(body[0]).toMatch(/^A claim that cites/u);
    expect(draft.doc.lastChild?.firstChild?.attrs).toMatchObject({ title: 'A report', outlet: 'The Outlet', date: '2024' });
  });
});
