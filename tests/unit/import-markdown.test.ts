/**
 * Markdown import against the peers' own footnote fixtures (../shared/peer-fixtures, beside the
 * clone, as in CI): every case of markdown-it-footnote's fixtures and the "Footnotes" section of
 * cmark-gfm's extensions.txt must import without losing a footnote or a citation. The counts are
 * markdown-it-footnote's own: its references (outside definitions) must all be citations, in the
 * same order and grouping; every definition it sees (cited or not, read with its `footnote_tail`
 * step off so that uncited ones are not thrown away) and every inline note must be a source
 * holding the note's text; a `[^label]` it leaves as text because nothing defines the label must
 * cite an empty source that findProblems reports. Then the forms Copydesk's own export writes,
 * and the other blocks the importer reads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { indexFootnotes } from '../../shared/footnotes';
import { importMarkdown } from '../../shared/import/markdown';
import { findProblems } from '../../shared/problems';
import { projectDoc } from './import-structure';

const PEERS = new URL('../../../shared/peer-fixtures/', import.meta.url);

if (!existsSync(PEERS)) {
  throw new Error(`The peer fixtures are missing: expected ${PEERS.pathname} (the workspace's shared/peer-fixtures beside the clone; CI checks it out there).`);
}

interface Case {
  readonly name: string;
  readonly markdown: string;
}

/** markdown-it-footnote's fixture format: blocks separated by lines holding a single ".". */
function markdownItCases(file: string): Case[] {
  const lines = readFileSync(new URL(`markdown-it-footnote/${file}`, PEERS), 'utf8').split('\n');
  const cases: Case[] = [];
  let title: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '.') {
      if ((lines[i] ?? '').trim() !== '') title.push(lines[i] ?? '');
      continue;
    }
    const md: string[] = [];
    for (i++; lines[i] !== '.'; i++) md.push(lines[i] ?? '');
    for (i++; lines[i] !== '.'; i++);
    cases.push({ name: `${file}: ${title.join(' ') || 'untitled'}`, markdown: `${md.join('\n')}\n` });
    title = [];
  }
  return cases;
}

/** The examples of cmark-gfm's "## Footnotes" section (spec format). */
function cmarkCases(): Case[] {
  const text = readFileSync(new URL('cmark-gfm/extensions.txt', PEERS), 'utf8');
  const section = /^## Footnotes$([\s\S]*?)^## /mu.exec(text)?.[1] ?? '';
  const fence = '`'.repeat(32);
  return [...section.matchAll(new RegExp(`^${fence} example\\n([\\s\\S]*?)^\\.\\n`, 'gmu'))].map((m, i) => ({ name: `cmark-gfm footnotes example ${String(i + 1)}`, markdown: m[1] ?? '' }));
}

const withTail = new MarkdownIt().use(footnote);
const withoutTail = new MarkdownIt().use(footnote);
withoutTail.core.ruler.disable('footnote_tail');

const alnum = (text: string): string => text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();

/** Text of tokens (inline children and code), as markdown-it has it. */
function tokensText(tokens: readonly Token[]): string {
  return tokens.map((t) => (t.children ? tokensText(t.children) : t.type === 'code_block' || t.type === 'fence' || t.type === 'text' || t.type === 'code_inline' ? t.content : '')).join(' ');
}

/** What markdown-it-footnote finds in `md`. */
function peerReading(md: string) {
  const tokens = withTail.parse(md, {});
  const refs: string[] = [];
  const defs = new Map<string, string>();
  const missing: string[] = [];
  let def: { key: string; tokens: Token[] } | null = null;
  for (const token of tokens) {
    if (token.type === 'footnote_open') {
      const meta = token.meta as { id: number; label?: string };
      def = { key: meta.label ?? `#${String(meta.id)}`, tokens: [] };
      continue;
    }
    if (token.type === 'footnote_close' && def) {
      defs.set(def.key, tokensText(def.tokens));
      def = null;
      continue;
    }
    if (def) {
      def.tokens.push(token);
      continue;
    }
    for (const child of token.children ?? []) {
      if (child.type === 'footnote_ref') {
        const meta = child.meta as { id: number; label?: string };
        refs.push(meta.label ?? `#${String(meta.id)}`);
      } else if (child.type === 'text') {
        for (const m of child.content.matchAll(/\[\^([^\s\]]+)\]/gu)) missing.push(m[1] ?? '');
      }
    }
  }
  const allDefs = new Set(withoutTail.parse(md, {}).filter((t) => t.type === 'footnote_reference_open').map((t) => String((t.meta as { label: string }).label)));
  return { refs, defs, allDefs, missing };
}

const cases = [...readdirSync(new URL('markdown-it-footnote/', PEERS)).filter((f) => f.endsWith('.txt')).flatMap(markdownItCases), ...cmarkCases()];

describe('peer footnote fixtures', () => {
  it('found the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(16);
    expect(cases.filter((c) => c.name.startsWith('cmark'))).toHaveLength(1);
  });

  it.each(cases)('$name: no footnote or citation lost', ({ markdown }) => {
    const peer = peerReading(markdown);
    const { draft, report } = importMarkdown(markdown);
    const index = indexFootnotes(draft.doc);
    const cited = index.citations.map((c) => c.source);
    // Every reference of the peer, and every [^label] it left as text, is a citation, in order.
    const expectedRefs = peer.refs.length + peer.missing.length;
    expect(cited).toHaveLength(expectedRefs);
    expect(report.citations).toBe(expectedRefs);
    // Same grouping: two references name the same source exactly when the peer says so.
    const peerRefs = peer.missing.length === 0 ? peer.refs : null;
    if (peerRefs) {
      for (let a = 0; a < peerRefs.length; a++) {
        for (let b = 0; b < peerRefs.length; b++) expect(cited[a] === cited[b]).toBe(peerRefs[a] === peerRefs[b]);
      }
      // Each cited source holds the text of the peer's definition.
      peerRefs.forEach((label, k) => {
        const source = index.byId.get(cited[k] ?? '');
        const fields = source ? ['title', 'outlet', 'date', 'url', 'note'].map((f) => String(source.node.attrs[f])).join(' ') : '';
        expect(alnum(fields)).toContain(alnum(peer.defs.get(label) ?? ''));
      });
    }
    // Every definition (cited or not), every inline note and every missing label is a source.
    const inlineNotes = peer.refs.filter((r) => r.startsWith('#')).length;
    const missingLabels = new Set(peer.missing.filter((label) => !peer.allDefs.has(label)));
    expect(index.sources).toHaveLength(peer.allDefs.size + inlineNotes + missingLabels.size);
    expect(report.sources).toBe(index.sources.length);
    const uncited = [...peer.allDefs].filter((label) => !peer.refs.includes(label)).length;
    expect(index.sources.filter((s) => s.number === null)).toHaveLength(uncited);
    // A missing definition is an error the draft's check reports.
    expect(findProblems(draft.doc).filter((p) => p.code === 'empty-source').length).toBeGreaterThanOrEqual(missingLabels.size);
  });

  it('keeps the multi-paragraph definition whole, in order, in the note', () => {
    const pandoc = cases.find((c) => c.name.includes('Pandoc example'));
    expect(pandoc).toBeDefined();
    const { draft } = importMarkdown(pandoc?.markdown ?? '');
    const note = String(draft.doc.lastChild?.child(1).attrs.note);
    expect(note).toBe(
      "Here's one with multiple blocks.\n\nSubsequent paragraphs are indented to show that they belong to the previous footnote.\n\n{ some.code }\n\nThe whole paragraph can be indented, or just the first line.  In this way, multi-paragraph footnotes work like multi-paragraph list items.",
    );
  });

  it('flags the cmark-gfm referent that nothing defines and keeps the unused definition', () => {
    const example = cases.find((c) => c.name.startsWith('cmark'));
    const { draft, report } = importMarkdown(example?.markdown ?? '');
    const ids = draft.doc.lastChild?.content.content.map((s) => String(s.attrs.id));
    expect(ids).toContain('missing-nope');
    expect(ids).toContain('unused');
    expect(report.notes).toContain('The footnote [^nope] is cited but never defined: it points at an empty source (id missing-nope) to fill in; the draft\'s check reports it.');
    const problems = findProblems(draft.doc).map((p) => `${p.code}: ${p.message}`);
    expect(problems).toContain('error: empty-source: The source [5] (id missing-nope) is empty: give it a title or a note.'.replace('error: ', ''));
    expect(problems.some((p) => p.startsWith('uncited-source'))).toBe(true);
  });
});

describe('Markdown forms', () => {
  const NOW = new Date('2026-01-02T03:04:05.000Z');

  it('takes a "By …" paragraph before or after the standfirst as the byline, and nothing later', () => {
    const texts = (md: string): { authors: readonly string[]; blocks: string[]; dropped: readonly string[] } => {
      const { draft, report } = importMarkdown(md, { now: NOW });
      const blocks: string[] = [];
      draft.doc.forEach((node) => blocks.push(`${node.type.name}: ${node.textContent}`));
      return { authors: draft.meta.authors, blocks, dropped: report.dropped };
    };
    const after = texts('# Title\n\nThe dek.\n\n*By Jane Doe and John Roe*\n\nBody.\n');
    expect(after.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(after.blocks).toEqual(['headline: Title', 'standfirst: The dek.', 'paragraph: Body.', 'sources: ']);
    const before = texts('# Title\n\nBY JANE DOE, REUTERS\n\nThe dek.\n\nBody.\n');
    expect(before.authors).toEqual(['Jane Doe']);
    expect(before.dropped).toEqual(['The agency “REUTERS” in the byline (Authors lists people).']);
    expect(before.blocks).toEqual(['headline: Title', 'standfirst: The dek.', 'paragraph: Body.', 'sources: ']);
    const late = texts('# Title\n\nThe dek.\n\nBody.\n\nBy Jane Doe\n');
    expect(late.authors).toEqual([]);
    expect(late.blocks).toContain('paragraph: By Jane Doe');
  });

  it('reads the export layout: headline, standfirst, figure, Read also, definitions with fields', () => {
    const md = [
      '# The *headline*',
      '',
      'A standfirst with *emphasis*.',
      '',
      '![A photo](<https://cdn.example.com/p.jpg> "Agency")\\',
      'The caption',
      '',
      'Text cites[^1] twice[^1] and another[^2].',
      '',
      '**More on this**',
      '',
      '- World: [A story](<https://example.com/a>)',
      '- [Another](<https://example.com/b>)',
      '',
      '[^1]: “A title,” The Outlet, 2024. [https://example.com/x](<https://example.com/x>) A note.',
      '',
      '[^2]: Only a note.',
    ].join('\n');
    const { draft, report } = importMarkdown(md, { now: NOW });
    const s = projectDoc(draft.doc);
    expect(s.headline).toBe('The headline');
    expect(s.standfirst).toBe('[["","A standfirst with "],["i","emphasis"],["","."]]');
    expect(s.body).toEqual([
      'figure ["https://cdn.example.com/p.jpg","A photo","Agency"] [["","The caption"]]',
      'p [["","Text cites"],{"cite":1},[""," twice"],{"cite":1},[""," and another"],{"cite":2},["","."]]',
      'read_also "More on this"',
      '  item ["World","A story","https://example.com/a"]',
      '  item ["","Another","https://example.com/b"]',
    ]);
    expect(s.sources).toEqual([
      '{"title":"A title","outlet":"The Outlet","date":"2024","url":"https://example.com/x","note":"A note."}',
      '{"title":"","outlet":"","date":"","url":"","note":"Only a note."}',
    ]);
    expect(report).toMatchObject({ sources: 2, citations: 3, readAlsoItems: 2, dropped: [] });
  });

  it('reads a title holding other quotes up to the quote that pairs with its opening one', () => {
    // Found by the round-trip property: a title `A." B` was cut at its straight quote.
    const md = ['# H', '', 'Text[^1] and[^2].', '', '[^1]: “Dock strike." Port talks,” Port Gazette, 2025.', '', '[^2]: "Quay «works»," The Outlet. Later note', ''].join('\n');
    const s = projectDoc(importMarkdown(md, { now: NOW }).draft.doc);
    expect(s.sources).toEqual([
      '{"title":"Dock strike.\\" Port talks","outlet":"Port Gazette","date":"2025","url":"","note":""}',
      '{"title":"Quay «works»","outlet":"The Outlet","date":"","url":"","note":"Later note"}',
    ]);
  });

  it('keeps code, tables and struck text as text and says so; refuses unsafe links and images', () => {
    const md = [
      '# H',
      '',
      '```',
      'line one',
      'line two',
      '```',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | ~~2~~ |',
      '',
      '[bad](javascript:alert(1)) [ok](https://example.com) [rel](/relative) [ent](&#106;avascript:x)',
      '',
      '![pic](http://insecure.example/p.jpg)',
      '',
      '<script>alert(1)</script>',
    ].join('\n');
    const { draft, report } = importMarkdown(md, { now: NOW });
    const s = projectDoc(draft.doc);
    expect(s.body).toHaveLength(6);
    expect(s.body[0]).toBe('p [["","line one"],"⏎",["","line two"]]');
    expect(s.body.slice(1, 3)).toEqual(['p [["","a | b"]]', 'p [["","1 | 2"]]']);
    // markdown-it refuses javascript: links itself (they stay text); Copydesk refuses relative ones.
    expect(s.body[3]).toBe('p [["","[bad](javascript:alert(1)) "],["@https://example.com","ok"],[""," rel [ent](javascript:x)"]]');
    expect(s.body[4]).toBe('p [["","pic"]]');
    expect(s.body[5]).toBe('p [["","<script>alert(1)</script>"]]');
    expect(report.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^Code blocks/u), expect.stringMatching(/^Tables/u), expect.stringMatching(/^Struck-through/u)]));
    expect(report.dropped).toEqual([
      'The link to “/relative” on “rel” (a relative or incomplete address; the text is kept).',
      'The picture http://insecure.example/p.jpg (only https: images and files in the draft\'s assets/ folder are kept; its alt text “pic” stays as text).',
    ]);
  });

  it('does not take a rich first paragraph as the standfirst', () => {
    const { draft } = importMarkdown('# H\n\nA [link](https://example.com) first.\n', { now: NOW });
    expect(draft.doc.child(1).childCount).toBe(0);
    expect(projectDoc(draft.doc).body).toEqual(['p [["","A "],["@https://example.com","link"],[""," first."]]']);
  });
});
