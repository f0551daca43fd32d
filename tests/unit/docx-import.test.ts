/**
 * Word import (shared/import/docx): real .docx files written by pandoc and LibreOffice
 * (tests/fixtures/docx, made by tests/tools/make-docx-fixtures.sh).
 * - the seed article as a reporter writes it in Word (11 footnotes, the full reference each time,
 *   "Ibid." once) imports to the structure of tests/fixtures/seed-article.copydesk: 2 sources,
 *   [1] six times and [2] five times, and compareDocs finds no change once source ids and the
 *   image's path are set alike;
 * - pandoc's footnotes and LibreOffice's footnotes and endnotes become sources; "Ibid.", "Ibid.,
 *   p. 4" and repeated references become one source cited several times, the page after the
 *   citation; a final "References" list repeating the notes leaves the body, its extra item an
 *   uncited source;
 * - without Title style, the first heading is the headline; a "See also" heading over links is a
 *   "Read also" block;
 * - images become assets with their bytes; the report lists what was recognised.
 */
import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { compareDocs } from '../../shared/compare';
import { parseDraft } from '../../shared/draft/format';
import { importDocx } from '../../shared/import/docx/index';
import { readNote, referenceKey } from '../../shared/import/docx/notes';
import { schema } from '../../shared/schema';
import { documentSources } from '../../shared/sources/fields';
import { sameSource } from '../../shared/sources/identity';
import { projectDoc } from './import-structure';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/docx/${name}`, import.meta.url)));
const NOW = new Date('2026-01-02T03:04:05.000Z');
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

/** `doc` with its sources' ids (and citations) renamed to those of the same sources in `like`, and its figures' src set to `like`'s. */
function alike(doc: PMNode, like: PMNode): PMNode {
  const theirs = documentSources(like);
  const rename = new Map(documentSources(doc).map((source) => [source.id, theirs.find((other) => sameSource(source, other))?.id ?? source.id]));
  const srcs: string[] = [];
  like.descendants((node) => {
    if (node.type.name === 'figure') srcs.push(node.attrs.src as string);
    return true;
  });
  const walk = (json: Record<string, unknown>): void => {
    const attrs = json.attrs as Record<string, unknown> | undefined;
    if (attrs && (json.type === 'citation' || json.type === 'source')) {
      const key = json.type === 'citation' ? 'source' : 'id';
      attrs[key] = rename.get(attrs[key] as string) ?? attrs[key];
    }
    if (attrs && json.type === 'figure') attrs.src = srcs.shift() ?? attrs.src;
    for (const child of (json.content as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  // A deep copy: toJSON shares the nodes' attrs objects.
  const json = JSON.parse(JSON.stringify(doc.toJSON())) as Record<string, unknown>;
  walk(json);
  return schema.nodeFromJSON(json);
}

describe('the seed article as a Word file (11 footnotes)', async () => {
  const { draft, report, assets } = await importDocx(fixture('seed-article.docx'), { fileName: 'seed-article.docx', now: NOW });
  const expected = parseDraft(readFileSync(new URL('../fixtures/seed-article.copydesk', import.meta.url), 'utf8'));

  it('is equal in structure to tests/fixtures/seed-article.copydesk', () => {
    expect(projectDoc(draft.doc, { srcKindOnly: true })).toEqual(projectDoc(expected.doc, { srcKindOnly: true }));
  });

  it('compareDocs finds no change (source ids and the image path aside)', () => {
    const comparison = compareDocs(expected.doc, alike(draft.doc, expected.doc));
    expect(comparison.changes.map((change) => change.description)).toEqual([]);
  });

  it('has 2 sources, [1] cited six times and [2] five times, with their fields', () => {
    const structure = projectDoc(draft.doc);
    expect(structure.citations).toEqual([1, 2, 1, 2, 1, 2, 1, 2, 1, 1, 2]);
    expect(structure.citations.filter((n) => n === 1)).toHaveLength(6);
    expect(structure.citations.filter((n) => n === 2)).toHaveLength(5);
    expect(documentSources(draft.doc).map(({ id: _id, ...fields }) => fields)).toEqual([
      { title: 'U.S. and allies explore collective defense guarantees for Ukraine', outlet: 'Reuters', date: '2023', url: '', note: '' },
      { title: 'Security Guarantees for Ukraine: What You Need to Know', outlet: 'Council on Foreign Relations', date: '2023', url: '', note: '' },
    ]);
  });

  it('reports what it recognised, and the merges', () => {
    expect(report).toMatchObject({ sources: 2, citations: 11, readAlsoItems: 1, authors: [], dropped: [] });
    expect(report.notes.join('\n')).toMatch(/footnote 1 with notes 3, 5, 7, 9, 10 \(“Ibid\.”\); footnote 2 with notes 4, 6, 8, 11/u);
  });

  it('the picture is an asset the figure points at', () => {
    expect(assets.map((asset) => asset.src)).toEqual(['assets/imported/image-1.png']);
    expect([...(assets[0]?.bytes.subarray(0, 4) ?? [])]).toEqual(PNG_MAGIC);
    expect(draft.doc.child(2).attrs.src).toBe('assets/imported/image-1.png');
  });
});

describe('pandoc: footnotes, Ibid., a page, a figure with credit, "Read also", a final References list', async () => {
  const { draft, report, assets } = await importDocx(fixture('pandoc-footnotes.docx'), { fileName: 'pandoc-footnotes.docx', now: NOW, assetStem: 'port strike' });
  const s = projectDoc(draft.doc);

  it('reads headline, standfirst (Subtitle), figure, body, "Read also", and leaves the References list out of the body', () => {
    expect(s.headline).toBe('Port strike enters second week');
    expect(s.standfirst).toBe('[["","Dock workers and operators remain apart on pay."]]');
    expect(s.body).toEqual([
      'p [["","The strike began on 10 August and has halted most container traffic."],{"cite":1},[""," Operators say losses exceed "],["b","€40 million"],[""," a day."],{"cite":2}]',
      'figure ["assets/port-strike/image-1.png","Cranes stand idle at the terminal. Photo: A. Photographer","Photo: A. Photographer"] [["","Cranes stand idle at the terminal."]]',
      'p [["","Union leaders called the offer "],["i","far from enough"],["","."],{"cite":2},[""," They asked for "],["@https://example.org/mediation","independent mediation"],["","."],{"cite":2},[""," (p. 4)"]]',
      'h2 [["","What happens next"]]',
      'ul',
      '  li',
      '    p [["","A mediator is expected on Thursday."],{"cite":1}]',
      '  li',
      '    p [["","Shipping lines are diverting ships."]]',
      'read_also ""',
      '  item ["","Why ports matter","https://www.example.com/analysis/ports"]',
      '  item ["","Strike begins","https://www.example.com/2025/08/10/strike-begins"]',
    ]);
  });

  it('makes one source of repeated references and of "Ibid.", and an uncited source of the extra References item', () => {
    expect(s.citations).toEqual([1, 2, 2, 2, 1]);
    expect(s.sources.map((source) => JSON.parse(source) as unknown)).toEqual([
      { title: 'Dock strike halts terminal', outlet: 'Port Gazette', date: '11 August 2025', url: 'https://portgazette.example/strike', note: '' },
      { title: '', outlet: '', date: '', url: '', note: 'Operators’ association, press release of 14 August.' },
      { title: 'Ports in Europe', outlet: 'Shipping Weekly', date: '2024', url: '', note: '' },
    ]);
    expect(report).toMatchObject({ sources: 3, citations: 5, readAlsoItems: 2 });
    expect(report.notes).toContain(
      'The “References” list at the end (3 items) was taken out of the body: the draft\'s sources take its place; 2 repeated the notes\' sources; 1 cited by no note became an uncited source.',
    );
    expect(report.notes.some((note) => note.includes('footnote 4: p. 4'))).toBe(true);
  });

  it('writes the image under the asset stem, with its bytes', () => {
    expect(assets).toHaveLength(1);
    expect(assets[0]?.src).toBe('assets/port-strike/image-1.png');
    expect([...(assets[0]?.bytes.subarray(0, 4) ?? [])]).toEqual(PNG_MAGIC);
  });
});

describe('LibreOffice: footnotes and endnotes', async () => {
  const { draft, report } = await importDocx(fixture('libreoffice-notes.docx'), { fileName: 'libreoffice-notes.docx', now: NOW });
  const s = projectDoc(draft.doc);

  it('makes sources of both, merging the repeated footnote and the "Ibid., 12." endnote', () => {
    expect(s.headline).toBe('Harbour reopens after storm');
    expect(s.standfirst).toBe('[["","Ferries resume on Monday, the port authority says."]]');
    expect(s.body).toEqual([
      'p [["","The storm closed the harbour for three days."],{"cite":1},[""," Repairs to the pier will take weeks."],{"cite":1}]',
      'p [["","The port authority published its own figures."],{"cite":2},[""," They show a loss of trade."],{"cite":2},[""," (p. 12)"]]',
    ]);
    expect(s.sources.map((source) => JSON.parse(source) as unknown)).toEqual([
      { title: 'Storm closes harbour', outlet: 'Coast News', date: '2 March 2025', url: 'https://coastnews.example/storm', note: '' },
      { title: '', outlet: '', date: '', url: '', note: 'Port authority, annual report 2024.' },
    ]);
    expect(report).toMatchObject({ sources: 2, citations: 4, readAlsoItems: 0, dropped: [] });
    expect(report.notes[0]).toMatch(/footnote 1 with note 2; endnote 1 with note 2 \(“Ibid\.”\)/u);
  });
});

describe('images', () => {
  it('leaves out an image whose bytes are no picture format a draft shows, and says so', async () => {
    const files = unzipSync(fixture('pandoc-footnotes.docx'));
    const media = Object.keys(files).filter((name) => name.startsWith('word/media/'));
    expect(media.length).toBe(1);
    for (const name of media) files[name] = new TextEncoder().encode('%!PS-Adobe-3.0 EPSF not a picture');
    const { draft, report, assets } = await importDocx(zipSync(files), { fileName: 'eps.docx', now: NOW });
    expect(assets).toEqual([]);
    expect(projectDoc(draft.doc).body.some((line) => line.startsWith('figure'))).toBe(false);
    expect(report.dropped.some((line) => /only PNG, JPEG, GIF, WebP and AVIF images are kept/u.test(line))).toBe(true);
  });
});

describe('notes citing the same work (notes.ts)', () => {
  it('reads "Ibid." and its kin, with a page or without', () => {
    expect(readNote('Ibid.')).toEqual({ reference: '', locator: '', ibid: true });
    expect(readNote('ibid')).toEqual({ reference: '', locator: '', ibid: true });
    expect(readNote('Ibidem.')).toEqual({ reference: '', locator: '', ibid: true });
    expect(readNote('Ibid., p. 4')).toEqual({ reference: '', locator: 'p. 4', ibid: true });
    expect(readNote('Ibid., 4.')).toEqual({ reference: '', locator: 'p. 4', ibid: true });
    expect(readNote('Ibid., pp. 4-5')).toEqual({ reference: '', locator: 'pp. 4–5', ibid: true });
    expect(readNote('Id. at 12')).toEqual({ reference: '', locator: 'p. 12', ibid: true });
  });

  it('takes a page off the end of a full reference, and leaves other text alone', () => {
    expect(readNote('“Ports in Europe,” Shipping Weekly, 2024, p. 12.')).toEqual({ reference: '“Ports in Europe,” Shipping Weekly, 2024', locator: 'p. 12', ibid: false });
    expect(readNote('Ibid. and see the union statement.')).toEqual({ reference: 'Ibid. and see the union statement.', locator: '', ibid: false });
    expect(readNote('Idaho Statesman, 2024')).toEqual({ reference: 'Idaho Statesman, 2024', locator: '', ibid: false });
  });

  it('compares references without regard to case, spacing, quotation marks and a final period', () => {
    expect(referenceKey('“Ports in Europe,” Shipping  Weekly, 2024.')).toBe(referenceKey('"ports in europe," Shipping Weekly, 2024'));
    expect(referenceKey('“Ports in Europe,” Shipping Weekly, 2024')).not.toBe(referenceKey('“Ports in Asia,” Shipping Weekly, 2024'));
  });

  it('merges a full reference with a page into the same source, the page at its citation', async () => {
    const files = unzipSync(fixture('libreoffice-notes.docx'));
    const name = 'word/footnotes.xml';
    const xml = new TextDecoder().decode(files[name]);
    // The second footnote cites the same work at a page.
    const second = xml.lastIndexOf('https://coastnews.example/storm');
    files[name] = new TextEncoder().encode(`${xml.slice(0, second)}https://coastnews.example/storm, p. 7${xml.slice(second + 'https://coastnews.example/storm'.length)}`);
    const { draft } = await importDocx(zipSync(files), { fileName: 'pages.docx', now: NOW });
    const s = projectDoc(draft.doc);
    expect(s.body[0]).toBe('p [["","The storm closed the harbour for three days."],{"cite":1},[""," Repairs to the pier will take weeks."],{"cite":1},[""," (p. 7)"]]');
    expect(s.sources).toHaveLength(2);
  });
});

describe('what the draft cannot hold', () => {
  it('lists page headers, equations and charts as left out', async () => {
    const files = unzipSync(fixture('pandoc-footnotes.docx'));
    const doc = new TextDecoder().decode(files['word/document.xml']);
    const at = doc.indexOf('</w:p>');
    files['word/document.xml'] = new TextEncoder().encode(`${doc.slice(0, at)}<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>x=1</m:t></m:r></m:oMath>${doc.slice(at)}`);
    files['word/header1.xml'] = new TextEncoder().encode('<?xml version="1.0"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>CONFIDENTIAL DRAFT</w:t></w:r></w:p></w:hdr>');
    const { report } = await importDocx(zipSync(files), { fileName: 'extras.docx', now: NOW });
    expect(report.dropped).toContain('1 equation (a draft holds text, lists, quotes and pictures).');
    expect(report.dropped).toContain('The page header “CONFIDENTIAL DRAFT” (page headers and footers are not part of the article).');
  });
});

describe('text the import must not take for its own markers, and a reader failure', () => {
  it('removes private-use marker characters of the file\'s text, and says so', async () => {
    const files = unzipSync(fixture('libreoffice-notes.docx'));
    const doc = new TextDecoder().decode(files['word/document.xml']);
    files['word/document.xml'] = new TextEncoder().encode(doc.replace('The storm closed', '\uE000D0\uE001The storm\uE002 closed'));
    const { draft, report } = await importDocx(zipSync(files), { fileName: 'stray.docx', now: NOW });
    expect(draft.doc.textContent).toContain('The storm closed the harbour');
    expect(draft.doc.attrs.review).toBeNull();
    expect(report.dropped).toContain('3 private-use characters of the text (invisible, and what the import marks changes with).');
  });

  it('refuses, with one sentence, a package whose document mammoth cannot read', async () => {
    const files = unzipSync(fixture('libreoffice-notes.docx'));
    files['word/document.xml'] = new TextEncoder().encode('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>');
    await expect(importDocx(zipSync(files), { fileName: 'broken.docx', now: NOW })).rejects.toMatchObject({ name: 'DocxRefusal', message: expect.stringMatching(/^broken\.docx /u) as unknown });
  });
});

describe('a Word file without Title style (pandoc)', () => {
  it('takes the first heading as the headline, the short paragraph after it as the standfirst, a "See also" heading over links as "Read also"', async () => {
    const { draft, report } = await importDocx(fixture('no-title.docx'), { fileName: 'no-title.docx', now: NOW });
    const s = projectDoc(draft.doc);
    expect(s.headline).toBe('Council votes on the budget today');
    expect(s.standfirst).toBe('[["","The vote follows a month of talks."]]');
    expect(s.body).toEqual([
      'p [["","Nine of eleven members are expected to approve it."],{"cite":1}]',
      'read_also "See also"',
      '  item ["","The budget in detail","https://council.example/budget"]',
      '  item ["","Last year’s vote","https://council.example/vote-2025"]',
    ]);
    expect(s.sources).toEqual(['{"title":"","outlet":"Council minutes","date":"3 March 2026","url":"","note":""}']);
    expect(report).toMatchObject({ sources: 1, citations: 1, readAlsoItems: 2, dropped: [], notes: [] });
  });
});

describe('the standfirst', () => {
  it('is not a paragraph after the headline longer than 500 characters', async () => {
    const files = unzipSync(fixture('no-title.docx'));
    const doc = new TextDecoder().decode(files['word/document.xml']);
    const long = `The vote follows a month of talks.${' More talks.'.repeat(45)}`;
    expect(long.length).toBeGreaterThan(500);
    expect(long.length).toBeLessThanOrEqual(600);
    files['word/document.xml'] = new TextEncoder().encode(doc.replace('The vote follows a month of talks.', long));
    const { draft } = await importDocx(zipSync(files), { fileName: 'long.docx', now: NOW });
    const s = projectDoc(draft.doc);
    expect(s.standfirst).toBe('[]');
    expect(s.body[0]).toBe(`p [["",${JSON.stringify(long)}]]`);
  });
});
