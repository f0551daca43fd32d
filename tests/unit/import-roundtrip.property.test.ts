/**
 * Round trip: a draft exported to Markdown and imported again has the same structure (fast-check
 * over the random, deliberately hostile drafts of helpers/arbitrary-doc.ts).
 *
 * The comparison is between the imported draft and the original reduced to what Markdown
 * carries (`markdownShape` below), both projected by import-structure.ts. Exactly these
 * differences are allowed, each because the export cannot write it or the format cannot tell it:
 * 1. source ids (citations are compared by number) and metadata;
 * 2. line breaks inside text are spaces (the export writes text on one line); a hard break in a
 *    heading is a space; hard breaks at either end of a paragraph are gone;
 * 3. white space carries no emphasis (the export moves it outside `*…*`, on both sides);
 * 4. citations carry no marks; a citation of a missing source is the text `[?]`;
 * 5. links and sources' URLs the export does not write (malformed ones) are gone;
 * 6. paragraphs with nothing in them (hard breaks at most) are gone (the export skips them); an
 *    empty quote is gone; a list item starts with an (empty) paragraph;
 * 7. an empty standfirst is filled by the body's first written paragraph when that one holds
 *    only text and emphasis (the export writes both as "the first paragraph after the h1");
 * 8. "Read also" blocks are what the export writes: the title on one line ("Read also" read as
 *    the default, empty, title), items on one line, an item without title showing its URL, items
 *    with nothing to show left out; an item without link reads "Kicker: title" as its title; a
 *    block whose title is not a "Read also" title and whose items are not all links is read as
 *    the bold paragraph and list it is written as (and a bold paragraph followed by a list of
 *    links as a "Read also" block: the same rule applied to the original);
 * 9. figures: alt text and credit on one line;
 * 10. uncited sources are not exported; a source's fields are compared exactly when every field
 *    is plain (letters, digits, spaces; an outlet that is not a date), and otherwise by the text
 *    an export shows for it (sourceText), quotation marks with the comma or period beside them,
 *    sentence-ending periods and spacing aside (`“a” b.` may come back as `“a,” b.`: a title
 *    in quotes that was an outlet's text).
 * Drafts in which two cited sources are the same source (same URL, or same title and outlet) are
 * skipped, because the importer merges them on purpose.
 * A second property checks that the export of the imported draft is the original export, byte
 * for byte except for the footnote definitions: the import loses nothing the export wrote. The
 * definitions are compared as text (rule 10; a URL the importer left in a note, because the text
 * before it could not be read as fields, is written as text rather than as a link). Its drafts are first put in the form the
 * export writes (`writtenEquivalent`): empty paragraphs, which the export writes as nothing but
 * which still make a list "loose" (blank lines between items), are taken out; a citation of a
 * missing source, written `[?]`, is that text (it still takes a number in the original).
 */
import fc from 'fast-check';
import type { NodeType, Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { sourceFields } from '../../shared/sources/fields';
import { sameSource } from '../../shared/sources/identity';
import { exportMarkdown } from '../../shared/export/markdown';
import { sourceText } from '../../shared/sources/style';
import { indexFootnotes } from '../../shared/footnotes';
import { importMarkdown } from '../../shared/import/markdown';
import { foldTitle, isReadAlsoTitle } from '../../shared/import/phrases';
import { schema } from '../../shared/schema';
import { isExportableUrl, isStorableUrl } from '../../shared/url';
import { arbDraft } from './helpers/arbitrary-doc';
import { readWithMarkdownIt } from './helpers/md-readers';
import { projectDoc, type Structure } from './import-structure';

const oneLine = (text: string): string => text.replace(/\s+/gu, ' ').trim();
const strong = schema.mark('strong');

/** Rule 3: white space without em or strong (links stay). */
function unmarkSpace(nodes: readonly PMNode[]): PMNode[] {
  const out: PMNode[] = [];
  for (const node of nodes) {
    if (!node.isText) {
      out.push(node);
      continue;
    }
    for (const part of (node.text ?? '').split(/(\s+)/u)) {
      if (part === '') continue;
      out.push(schema.text(part, /^\s+$/u.test(part) ? node.marks.filter((m) => m.type.name === 'link') : node.marks));
    }
  }
  return out;
}

/** A textblock with rule 3 applied to its content (for both sides of the comparison). */
function unmarkBlock(node: PMNode): PMNode {
  if (node.isTextblock) return node.type.create(node.attrs, unmarkSpace(node.content.content), node.marks);
  if (node.isLeaf) return node;
  return node.type.create(node.attrs, node.content.content.map(unmarkBlock), node.marks);
}

/** `doc` with rule 3 applied everywhere. */
function unmarkDoc(doc: PMNode): PMNode {
  return unmarkBlock(doc);
}

/** Inline content as the export writes it (rules 2, 4, 5). */
function writtenInline(node: PMNode, exists: (id: string) => boolean, heading = false): PMNode[] {
  const out: PMNode[] = [];
  node.forEach((child) => {
    if (child.isText) {
      const marks = child.marks.filter((m) => m.type.name !== 'link' || isExportableUrl(m.attrs.href as string, 'link'));
      out.push(schema.text((child.text ?? '').replace(/\r\n?|\n/gu, ' '), marks));
    } else if (child.type.name === 'citation') {
      const id = child.attrs.source as string;
      out.push(exists(id) ? schema.node('citation', { source: id }) : schema.text('[?]', child.marks.filter((m) => m.type.name !== 'link')));
    } else if (child.type.name === 'hard_break') {
      out.push(heading ? schema.text(' ') : child);
    }
  });
  while (out[0]?.type.name === 'hard_break') out.shift();
  while (out[out.length - 1]?.type.name === 'hard_break') out.pop();
  return out;
}

const isEmptyContent = (nodes: readonly PMNode[]): boolean => nodes.every((n) => n.type.name === 'hard_break');
const isPlain = (nodes: readonly PMNode[]): boolean => nodes.length > 0 && nodes.every((n) => n.isText && n.marks.every((m) => m.type.name !== 'link'));

/** Rule 8, first half: a "Read also" block as the bold paragraph and list the export writes. */
function writtenReadAlso(node: PMNode): PMNode[] {
  const title = oneLine(node.attrs.title as string) || 'Read also';
  const items: PMNode[] = [];
  node.forEach((item) => {
    const t = oneLine(item.attrs.title as string);
    const url = item.attrs.url as string;
    const k = oneLine(item.attrs.kicker as string);
    const linked = isExportableUrl(url, 'readAlso');
    const content: PMNode[] = [];
    if (k) content.push(schema.text(t || linked ? `${k}: ` : k));
    if (t || linked) content.push(schema.text(t || url, linked ? [schema.mark('link', { href: url })] : []));
    if (content.length) items.push(schema.node('list_item', null, [schema.node('paragraph', null, content)]));
  });
  const heading = schema.node('paragraph', null, [schema.text(title, [strong])]);
  return items.length ? [heading, schema.node('bullet_list', null, items)] : [heading];
}

/**
 * Rule 8, second half: a bold paragraph and a list read as a "Read also" block, as the importer
 * reads them: the paragraph one bold line; every item one line of unemphasised text, either
 * "[Kicker: ]" and one link over the rest, or no link at all; the title a "Read also" title or
 * every item a link.
 */
function readAlsoOf(paragraph: PMNode, list: PMNode | undefined): PMNode | null {
  if (paragraph.type.name !== 'paragraph' || list?.type.name !== 'bullet_list' || paragraph.childCount === 0) return null;
  const title = paragraph.textContent;
  const allStrong = paragraph.content.content.every((n) => n.isText && n.marks.length === 1 && n.marks[0]?.eq(strong));
  if (!allStrong || title === '' || title !== oneLine(title)) return null;
  const items: { title: string; url: string; kicker: string; linked: boolean }[] = [];
  for (const item of list.content.content) {
    const only = item.firstChild;
    if (item.childCount !== 1 || !only || only.content.content.some((n) => !n.isText || n.marks.some((m) => m.type.name !== 'link'))) return null;
    const texts = only.content.content;
    const hrefOf = (n: PMNode): string | null => (n.marks.find((m) => m.type.name === 'link')?.attrs.href as string | undefined) ?? null;
    const first = texts.findIndex((n) => hrefOf(n) !== null);
    const textOf = (nodes: readonly PMNode[]): string => nodes.map((n) => n.text ?? '').join('');
    if (first < 0) {
      const all = textOf(texts);
      if (all === '' || all !== oneLine(all)) return null;
      items.push({ kicker: '', title: all, url: '', linked: false });
      continue;
    }
    const href = hrefOf(texts[first] as PMNode) as string;
    const before = textOf(texts.slice(0, first));
    const linkText = textOf(texts.slice(first));
    const kicker = before.slice(0, -2);
    const kickerOk = before === '' || (before.endsWith(': ') && kicker !== '' && kicker === oneLine(kicker));
    if (!isStorableUrl(href, 'readAlso') || !texts.slice(first).every((n) => hrefOf(n) === href) || !kickerOk || linkText === '' || linkText !== oneLine(linkText)) return null;
    items.push({ kicker, title: linkText, url: href, linked: true });
  }
  if (!isReadAlsoTitle(title) && !items.every((item) => item.linked)) return null;
  return schema.node('read_also', { title: foldTitle(title) === 'read also' ? '' : title }, items.map(({ title: t, url, kicker }) => schema.node('read_also_item', { title: t, url, kicker })));
}

/** The original draft reduced to what Markdown carries (rules 2 and 4–9). */
function markdownShape(doc: PMNode): PMNode {
  const index = indexFootnotes(doc);
  const exists = (id: string): boolean => index.byId.has(id);
  const flow = (nodes: readonly PMNode[]): PMNode[] => {
    const out: PMNode[] = [];
    for (const node of nodes) {
      const name = node.type.name;
      if (name === 'paragraph') {
        const content = writtenInline(node, exists);
        if (!isEmptyContent(content)) out.push(schema.node('paragraph', null, content));
      } else if (name === 'bullet_list' || name === 'ordered_list') {
        const items = node.content.content.map((item) => {
          const content = flow(item.content.content);
          if (content[0]?.type.name !== 'paragraph') content.unshift(schema.node('paragraph'));
          return schema.node('list_item', null, content);
        });
        out.push(node.type.create(node.attrs, items));
      } else if (name === 'blockquote') {
        const content = flow(node.content.content);
        if (content.length) out.push(schema.node('blockquote', null, content));
      }
    }
    return out;
  };
  // The body as the export writes it, before the importer's two readings (standfirst, Read also).
  const written: PMNode[] = [];
  for (let i = 2; i < doc.childCount - 1; i++) {
    const node = doc.child(i);
    const name = node.type.name;
    if (name === 'paragraph') {
      const content = writtenInline(node, exists);
      if (content.length) written.push(schema.node('paragraph', null, content));
    } else if (name === 'heading') {
      written.push(schema.node('heading', node.attrs, writtenInline(node, exists, true)));
    } else if (name === 'read_also') {
      written.push(...writtenReadAlso(node));
    } else if (name === 'figure') {
      const caption = writtenInline(node.child(0), exists);
      written.push(schema.node('figure', { src: node.attrs.src, alt: oneLine(node.attrs.alt as string), credit: oneLine(node.attrs.credit as string) }, [schema.node('figcaption', null, caption)]));
    } else if (name === 'horizontal_rule') {
      written.push(node);
    } else if (name === 'blockquote' && flow([node]).length === 0) {
      // Written as a bare `>`: nothing is imported, but it stands between the h1 and what follows.
      written.push((schema.nodes.blockquote as NodeType).create());
    } else {
      written.push(...flow([node]));
    }
  }
  let standfirst = writtenInline(doc.child(1), exists);
  if (standfirst.length === 0 && written[0]?.type.name === 'paragraph' && isPlain(written[0].content.content)) {
    standfirst = [...(written.shift() as PMNode).content.content];
  }
  const body: PMNode[] = [];
  for (let i = 0; i < written.length; i++) {
    const node = written[i] as PMNode;
    const readAlso = readAlsoOf(node, written[i + 1]);
    if (readAlso) {
      body.push(readAlso);
      i++;
    } else if (node.type.name === 'blockquote' && node.childCount === 0) {
      continue;
    } else if (node.type.name !== 'paragraph' || !isEmptyContent(node.content.content)) {
      body.push(node);
    }
  }
  if (body.length === 0) body.push(schema.node('paragraph'));
  return schema.node('doc', null, [
    schema.node('headline', null, doc.child(0).textContent ? [schema.text(doc.child(0).textContent.replace(/\r\n?|\n/gu, ' '))] : []),
    schema.node('standfirst', null, standfirst),
    ...body,
    doc.child(doc.childCount - 1),
  ]);
}

/** Rule 10: a source's text as a reader takes it: quotation marks with a comma or period beside them, sentence-ending periods and spacing aside. */
function readerText(text: string): string {
  return text
    .replace(/\s*[,.]?\s*[“”"«»„‘’]\s*[,.]?\s*/gu, ' ')
    .replace(/\.(?=\s|$)/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Rule 10: sources in number order, cited ones only, with whether each is plain (compared field by field). */
function citedSources(doc: PMNode): { fields: string[]; url: string; text: string; plain: boolean }[] {
  const index = indexFootnotes(doc);
  return index.sources
    .filter((entry) => entry.number !== null && index.byId.get(entry.id) === entry)
    .map((entry) => {
      const f = sourceFields(entry.node.attrs);
      const fields = [f.title, f.outlet, f.date, f.note].map(oneLine);
      const plain = fields.every((v) => /^[\p{L}\p{N} ]*$/u.test(v)) && fields[0] !== '' && !/^\d{4}$/u.test(fields[1] ?? '');
      return { fields, url: isExportableUrl(f.url, 'source') ? f.url : '', text: readerText(sourceText(entry.node)), plain };
    });
}

/** The imported sources compared with the original ones: fields where the original's are plain, else text. */
function compareSources(imported: PMNode, original: PMNode): void {
  const expected = citedSources(original);
  const actual = citedSources(imported);
  expect(actual.length).toBe(expected.length);
  expected.forEach((source, i) => {
    const got = actual[i];
    if (source.plain) expect([...(got?.fields ?? []), got?.url]).toEqual([...source.fields, source.url]);
    else expect(got?.text).toBe(source.text);
  });
}

function hasSameCitedSources(doc: PMNode): boolean {
  const index = indexFootnotes(doc);
  const cited = index.sources.filter((e) => e.number !== null).map((e) => {
    const f = sourceFields(e.node.attrs);
    return { ...f, url: isExportableUrl(f.url, 'source') ? f.url : '', title: oneLine(f.title), outlet: oneLine(f.outlet) };
  });
  return cited.some((a, i) => cited.some((b, j) => j > i && (a.url !== '' || a.title !== '') && sameSource(a, b)));
}

/**
 * `node` as the export writes it, where two drafts that write the same Markdown differ: no
 * paragraphs holding nothing but hard breaks (a list item still starts with a paragraph, empty
 * if need be), no empty quotes, a citation of a missing source as the text `[?]`.
 */
function writtenEquivalent(node: PMNode, exists: (id: string) => boolean): PMNode | null {
  if (node.type.name === 'citation') return exists(node.attrs.source as string) ? node : schema.text('[?]', node.marks.filter((m) => m.type.name !== 'link'));
  if (node.isLeaf) return node;
  if (node.isTextblock) return node.type.create(node.attrs, node.content.content.map((child) => writtenEquivalent(child, exists) as PMNode), node.marks);
  const kept: PMNode[] = [];
  for (const child of node.content.content) {
    if (child.type.name === 'paragraph' && child.content.content.every((n) => n.type.name === 'hard_break') && node.type.name !== 'doc') continue;
    const next = writtenEquivalent(child, exists);
    if (next) kept.push(next);
  }
  if (node.type.name === 'list_item' && kept[0]?.type.name !== 'paragraph') kept.unshift(schema.node('paragraph'));
  if (node.type.name === 'blockquote' && kept.length === 0) return null;
  return node.type.create(node.attrs, kept, node.marks);
}

const DEFINITION = /^\[\^\d+\]:.*$/gmu;

/** The Markdown without its footnote definitions (one line each in the export). */
function withoutDefinitions(md: string): string {
  return md.replace(DEFINITION, '');
}

/** The footnote definitions as markdown-it reads them, as text a reader takes (rule 10). */
function definitionTexts(md: string): string[] {
  return readWithMarkdownIt(md).defs.map((def) => readerText(def.text));
}

function structureOf(doc: PMNode): Omit<Structure, 'sources'> {
  const { headline, standfirst, body, citations } = projectDoc(unmarkDoc(doc));
  return { headline, standfirst, body, citations };
}

const RUNS = Number(process.env.COPYDESK_PROPERTY_RUNS ?? 300);

describe('Markdown export → import', () => {
  it('gives back the same structure', () => {
    fc.assert(
      fc.property(arbDraft, (draft) => {
        fc.pre(!hasSameCitedSources(draft.doc));
        const back = importMarkdown(exportMarkdown(draft)).draft;
        expect(structureOf(back.doc)).toEqual(structureOf(markdownShape(draft.doc)));
        compareSources(back.doc, draft.doc);
      }),
      { numRuns: RUNS },
    );
  });

  it('loses nothing the export wrote: exporting the import gives the same Markdown', () => {
    fc.assert(
      fc.property(arbDraft, (draft) => {
        fc.pre(!hasSameCitedSources(draft.doc));
        const index = indexFootnotes(draft.doc);
        const doc = writtenEquivalent(draft.doc, (id) => index.byId.has(id)) as PMNode;
        const md = exportMarkdown({ ...draft, doc });
        const again = exportMarkdown(importMarkdown(md).draft);
        expect(withoutDefinitions(again)).toBe(withoutDefinitions(md));
        expect(definitionTexts(again)).toEqual(definitionTexts(md));
      }),
      { numRuns: RUNS },
    );
  });
});

