/**
 * The Word export read back by pandoc (`-f docx`, its JSON AST) and opened as the zip it is: the
 * seed article with a footnote at each citation holding its source's text, the article's parts,
 * the pictures (from readAsset only; a web address is never asked for nor fetched).
 */
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { parseDraft } from '../../shared/draft/format';
import { exportDocx } from '../../shared/export/docx';
import { CITATION_SEPARATOR } from '../../shared/export/docx-inline';
import { imageInfo } from '../../shared/export/docx-image';
import { findExportFormat, renderExport } from '../../shared/export/format-uses';
import { sourceText } from '../../shared/sources/style';
import { schema } from '../../shared/schema';
import { article, cite, draftOf, marked, p, readAlso, source } from './helpers/build';
import { docxParts, nodesOf, notesOf, pandocDocx, solidPng, textOf, type PandocDoc } from './helpers/docx-readers';
import { tempDir } from './helpers/services-fixtures';
import { runExport } from '../../electron/cli/commands';

const SEED = 'tests/fixtures/seed-article.copydesk';
const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim();

let dir: string;
beforeAll(async () => {
  dir = await tempDir('docx-export');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the seed article as Word, read by pandoc', () => {
  let draft: ReturnType<typeof parseDraft>;
  let read: PandocDoc;
  beforeAll(async () => {
    draft = parseDraft(await fs.readFile(SEED, 'utf8'));
    const bytes = await exportDocx(draft);
    expect(bytes).toBeInstanceOf(Uint8Array);
    read = await pandocDocx(bytes, dir, 'seed.docx');
  });

  it('has the headline (Title) and the standfirst (Subtitle)', () => {
    expect(textOf(read.meta.title?.c)).toBe('Upcoming Safety Assurances for the Washington Meeting');
    expect(textOf(read.meta.subtitle?.c)).toBe(collapse(draft.doc.child(1).textContent));
  });

  it('has all 11 body paragraphs, each with a footnote at each citation holding the text of the source cited there', () => {
    const expected: { text: string; notes: string[] }[] = [];
    const byId = new Map<string, PMNode>();
    draft.doc.lastChild?.forEach((node) => byId.set(node.attrs.id as string, node));
    draft.doc.forEach((node) => {
      if (node.type.name !== 'paragraph') return;
      const notes: string[] = [];
      let text = '';
      node.forEach((child, _offset, i) => {
        if (child.type.name !== 'citation') text += child.text ?? '';
        else {
          notes.push(sourceText(byId.get(child.attrs.source as string) as PMNode));
          // Two citations in a row are "¹,²" (a superscript comma), not "¹²", which reads as note twelve.
          if (i > 0 && node.child(i - 1).type.name === 'citation') text += CITATION_SEPARATOR;
        }
      });
      expected.push({ text: collapse(text), notes });
    });
    expect(expected).toHaveLength(11);
    const paras = read.blocks.filter((block) => block.t === 'Para').map((block) => ({ text: textOf(block.c), notes: notesOf(block.c) }));
    for (const paragraph of expected) expect(paras).toContainEqual(paragraph);
    expect(notesOf(read.blocks)).toHaveLength(11);
    expect(expected.flatMap((paragraph) => paragraph.notes).filter((note) => note.startsWith('“U.S. and allies'))).toHaveLength(6);
    expect(paras.map((paragraph) => paragraph.text)).toContainEqual(expect.stringContaining('precondition for peace talks ,.'));
  });

  it('ends with a "Sources" heading and the cited sources numbered as in the article', () => {
    const heading = read.blocks.findIndex((block) => block.t === 'Header' && textOf((block.c as unknown[])[2]) === 'Sources');
    expect(heading).toBeGreaterThan(0);
    const list = read.blocks[heading + 1];
    expect(list?.t).toBe('OrderedList');
    const [[start], items] = list?.c as [[number], unknown[][]];
    expect(start).toBe(1);
    expect(items.map((item) => textOf(item))).toEqual([
      '“U.S. and allies explore collective defense guarantees for Ukraine,” Reuters, 2023.',
      '“Security Guarantees for Ukraine: What You Need to Know,” Council on Foreign Relations, 2023.',
    ]);
  });

  it('has the key points as a numbered list, then "Read also" with its item, the figure\'s caption', () => {
    const texts = read.blocks.map((block) => `${block.t}:${textOf(block.c)}`);
    const readAlsoAt = texts.indexOf('Para:Read also');
    expect(readAlsoAt).toBeGreaterThan(0);
    expect(read.blocks[readAlsoAt + 1]?.t).toBe('BulletList');
    expect(textOf(read.blocks[readAlsoAt + 1]?.c)).toBe('Latest');
    expect(read.blocks.filter((block) => block.t === 'OrderedList')).toHaveLength(2);
    expect(texts).toContain('Para:Upcoming Security Assurances for Washington Meeting');
  });
});

describe('copydesk export --to docx', () => {
  it('writes the Word file with -o, which pandoc reads, and nothing on standard output', async () => {
    const target = `${dir}/cli.docx`;
    const chunks: unknown[] = [];
    const code = await runExport({ draft: SEED, to: 'docx', fragment: false, output: target }, { write: (chunk) => void chunks.push(chunk) });
    expect(code).toBe(0);
    expect(chunks).toEqual([]);
    const read = await pandocDocx(new Uint8Array(await fs.readFile(target)), dir, 'cli-read.docx');
    expect(textOf(read.meta.title?.c)).toBe('Upcoming Safety Assurances for the Washington Meeting');
    expect(notesOf(read.blocks)).toHaveLength(11);
  });
});

describe('the article parts', () => {
  const href = 'https://example.com/a';
  const doc = article({
    headline: 'Head',
    standfirst: 'Stand',
    body: [
      schema.node('heading', { level: 3 }, [schema.text('A subhead')]),
      p('Plain ', marked('bold', 'strong'), ' and ', marked('italic', 'em'), ' and ', marked('a link', ['link', { href }]), ' and ', marked('both', 'strong', 'em'), cite('missing'), cite('a')),
      schema.node('blockquote', null, [p('Quoted words.')]),
      schema.node('ordered_list', { start: 3 }, [
        schema.node('list_item', null, [p('Three'), schema.node('bullet_list', null, [schema.node('list_item', null, [p('Nested bullet')])])]),
        schema.node('list_item', null, [p('Four')]),
      ]),
      readAlso('More on this', { title: 'First story', url: 'https://example.com/1', kicker: 'Analysis' }, { title: 'Second story', url: 'https://example.com/2' }),
    ],
    sources: [source('a', { title: 'A title', outlet: 'Outlet', url: 'https://example.com/src' })],
  });
  let read: PandocDoc;
  beforeAll(async () => {
    const draft = { ...draftOf(doc), meta: { ...draftOf(doc).meta, authors: ['Ana Ruiz', 'Ben Ode'] } };
    read = await pandocDocx(await exportDocx(draft), dir, 'parts.docx');
  });

  it('writes the byline as the HTML export does, and the heading at its level', () => {
    expect(read.blocks.map((block) => textOf(block.c))).toContain('By Ana Ruiz and Ben Ode');
    const heading = read.blocks.find((block) => block.t === 'Header');
    expect((heading?.c as unknown[])[0]).toBe(3);
  });

  it('keeps bold, italics and links, and a missing source is [?] with no footnote', () => {
    const para = read.blocks.find((block) => block.t === 'Para' && textOf(block.c).startsWith('Plain'));
    expect(textOf(para?.c)).toBe('Plain bold and italic and a link and both[?],');
    expect(textOf(nodesOf(para, 'Strong'))).toContain('bold');
    expect(textOf(nodesOf(para, 'Emph'))).toContain('italic');
    const link = nodesOf(para, 'Link')[0];
    expect((link?.c as [unknown, unknown, [string, string]])[2][0]).toBe(href);
    expect(notesOf(para)).toEqual(['“A title,” Outlet. https://example.com/src']);
  });

  it('writes quotes, numbered lists from their start with nested bullets, and the Read-also box as a title and a list', () => {
    expect(textOf(read.blocks.find((block) => block.t === 'BlockQuote')?.c)).toBe('Quoted words.');
    const ordered = read.blocks.find((block) => block.t === 'OrderedList');
    const [[start], items] = ordered?.c as [[number], unknown[][]];
    expect(start).toBe(3);
    expect(items).toHaveLength(2);
    expect(nodesOf(items[0], 'BulletList')).toHaveLength(1);
    const texts = read.blocks.map((block) => textOf(block.c));
    const title = texts.indexOf('More on this');
    expect(title).toBeGreaterThan(0);
    const box = read.blocks[title + 1];
    expect(box?.t).toBe('BulletList');
    expect((box?.c as unknown[][]).map((item) => textOf(item))).toEqual(['Analysis: First story', 'Second story']);
    expect(nodesOf(box, 'Link').map((link) => (link.c as [unknown, unknown, [string]])[2][0])).toEqual(['https://example.com/1', 'https://example.com/2']);
  });

  it('lists the cited sources from the number the first takes (a missing source took 1)', () => {
    const sources = read.blocks.at(-1);
    expect(sources?.t).toBe('OrderedList');
    expect((sources?.c as [[number]])[0][0]).toBe(2);
  });
});

describe('pictures', () => {
  const figure = (src: string, alt = 'A storm'): PMNode => schema.node('figure', { src, alt, credit: 'Photo: AFP' }, [schema.node('figcaption', null, [schema.text('The coast at dawn.')])]);

  it('embeds a figure of the assets folder from readAsset, at its proportions', async () => {
    const png = solidPng(1200, 600);
    const asked: string[] = [];
    const readAsset = async (src: string): Promise<Uint8Array | null> => {
      asked.push(src);
      return png;
    };
    const bytes = await exportDocx(draftOf(article({ headline: 'H', body: [figure('assets/story/coast.png')] })), { readAsset });
    expect(asked).toEqual(['assets/story/coast.png']);
    const { text, media } = docxParts(bytes);
    expect([...media.values()]).toEqual([png]);
    const documentXml = text.get('word/document.xml') ?? '';
    // 600 × 300 pixels at 9525 EMU each: fitted to the text width, proportions kept.
    expect(documentXml).toContain('cx="5715000" cy="2857500"');
    expect(documentXml).toContain('descr="A storm"');
    // The credit in a run style of its own, so that a reader tells it from the caption.
    expect(documentXml).toMatch(/<w:rStyle w:val="Credit"\/>(?:<[^>]+>)*<w:t xml:space="preserve">Photo: AFP<\/w:t>/u);
    const read = await pandocDocx(bytes, dir, 'picture.docx');
    expect(nodesOf(read.blocks, 'Image')).toHaveLength(1);
    expect(read.blocks.map((block) => textOf(block.c))).toContain('The coast at dawn. Photo: AFP');
  });

  it('writes the caption without a picture when readAsset has none, or is not given', async () => {
    for (const options of [{ readAsset: async () => null }, {}]) {
      const bytes = await exportDocx(draftOf(article({ headline: 'H', body: [figure('assets/story/gone.png')] })), options);
      expect(docxParts(bytes).media.size).toBe(0);
      expect(docxParts(bytes).text.get('word/document.xml')).toContain('The coast at dawn.');
    }
  });

  it('never asks for nor fetches a web address: an https picture is its caption and a link', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const readAsset = vi.fn(async () => solidPng(2, 2));
    try {
      const format = findExportFormat('docx');
      if (!format) throw new Error('no docx format');
      const draft = draftOf(article({ headline: 'H', body: [figure('https://example.com/storm.jpg')] }));
      const bytes = (await renderExport(format, draft, { fragment: false, readAsset })) as Uint8Array;
      expect(readAsset).not.toHaveBeenCalled();
      expect(fetchSpy).not.toHaveBeenCalled();
      expect(docxParts(bytes).media.size).toBe(0);
      const read = await pandocDocx(bytes, dir, 'web-picture.docx');
      expect(nodesOf(read.blocks, 'Image')).toHaveLength(0);
      const link = nodesOf(read.blocks, 'Link')[0];
      expect((link?.c as [unknown, unknown, [string]])[2][0]).toBe('https://example.com/storm.jpg');
      expect(read.blocks.map((block) => textOf(block.c))).toContain('The coast at dawn. Photo: AFP');
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('reads the format and size of JPEG, PNG and GIF headers, and holds no WebP', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x02, 0x58, 0x03, 0, 0, 0, 0, 0]);
    expect(imageInfo(jpeg)).toEqual({ type: 'jpg', width: 600, height: 300 });
    expect(imageInfo(solidPng(30, 20))).toEqual({ type: 'png', width: 30, height: 20 });
    expect(imageInfo(new Uint8Array([...new TextEncoder().encode('GIF89a'), 10, 0, 5, 0, 0, 0]))).toEqual({ type: 'gif', width: 10, height: 5 });
    expect(imageInfo(new Uint8Array([...new TextEncoder().encode('RIFF'), 0, 0, 0, 0, ...new TextEncoder().encode('WEBPVP8 ')]))).toBeNull();
    expect(imageInfo(new TextEncoder().encode('<html>not a picture</html>'))).toBeNull();
  });
});

describe('comment ranges', () => {
  it('closes every range and keeps every thread, even one whose text is left out (a blank heading)', async () => {
    const review = {
      authors: { ana: { name: 'Ana Ruiz', initials: 'AR' } },
      threads: [
        { id: 'across', quote: 'x', messages: [{ author: 'ana', at: '2026-12-02T10:00:00Z', text: 'Spans a blank heading' }] },
        { id: 'blank', quote: ' ', messages: [{ author: 'ana', at: '2026-12-02T10:00:00Z', text: 'On a blank heading' }, { author: 'ana', at: '2026-12-02T10:05:00Z', text: 'Reply' }] },
      ],
    };
    const on = (...threads: string[]) => threads.map((thread) => schema.mark('comment', { thread }));
    const base = article({ headline: 'H', body: [p('x')] });
    const doc = schema.node('doc', { review }, [
      base.child(0),
      base.child(1),
      schema.node('paragraph', null, [schema.text('Start', on('across'))]),
      schema.node('heading', { level: 2 }, [schema.text('   ', on('across', 'blank'))]),
      p('After'),
      base.lastChild as PMNode,
    ]);
    const { text } = docxParts(await exportDocx(draftOf(doc), { review: true }));
    const xml = text.get('word/document.xml') ?? '';
    const count = (pattern: RegExp): number => xml.match(pattern)?.length ?? 0;
    expect(text.get('word/comments.xml')?.match(/<w:comment /gu)).toHaveLength(3);
    expect(count(/<w:commentRangeStart /gu)).toBe(3);
    expect(count(/<w:commentRangeEnd /gu)).toBe(3);
    expect(count(/<w:commentReference /gu)).toBe(3);
  });
});

describe('deep lists', () => {
  it('keeps lists nested past Word\'s nine levels at the ninth, and pandoc reads them', async () => {
    let inner = schema.node('bullet_list', null, [schema.node('list_item', null, [p('Level 12')])]);
    for (let level = 11; level >= 1; level--) inner = schema.node('bullet_list', null, [schema.node('list_item', null, [p(`Level ${String(level)}`), inner])]);
    const bytes = await exportDocx(draftOf(article({ headline: 'H', body: [inner] })));
    const xml = docxParts(bytes).text.get('word/document.xml') ?? '';
    expect(new Set(xml.match(/<w:ilvl w:val="\d+"\/>/gu))).toEqual(new Set(Array.from({ length: 9 }, (_, i) => `<w:ilvl w:val="${String(i)}"/>`)));
    const read = await pandocDocx(bytes, dir, 'deep.docx');
    expect(textOf(read.blocks)).toBe(Array.from({ length: 12 }, (_, i) => `Level ${String(i + 1)}`).join(''));
  });
});
