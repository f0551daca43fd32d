/**
 * Clipboard logic shared by the editor's paste and the importers: which sources a paste adds,
 * merges or renames (shared/sources), and the payload Copydesk writes on copy, read back as
 * untrusted input.
 */
import { Fragment, Slice } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { describe, expect, test } from 'vitest';
import { decodePayload, encodePayload, PayloadError } from '../../shared/clipboard/payload';
import { citedSourceIds, renameCitations } from '../../shared/sources/citations';
import type { SourceFields } from '../../shared/sources/fields';
import { normaliseSourceUrl, sameSource } from '../../shared/sources/identity';
import { idBaseFromTitle, sourceIdFromTitle } from '../../shared/sources/ids';
import { planSourceMerge } from '../../shared/sources/merge';
import { schema } from '../../shared/schema';
import { article, cite, p, source } from './helpers/build';

function src(id: string, fields: Partial<SourceFields> = {}): SourceFields {
  return { id, title: '', outlet: '', date: '', url: '', note: '', ...fields };
}

describe('planSourceMerge', () => {
  test('a source with the same URL (normalised) is merged, and citations point at it', () => {
    const plan = planSourceMerge(
      [src('who', { title: 'WHO report', url: 'https://www.who.int/report/#top' })],
      [src('w1', { title: 'Another title', url: 'http://WHO.int/report' })],
    );
    expect(plan.add).toEqual([]);
    expect([...plan.rename]).toEqual([['who', 'w1']]);
    expect(plan.merged.has('who')).toBe(true);
  });

  test('a source with the same title and outlet (case and spacing aside) is merged', () => {
    const plan = planSourceMerge([src('a', { title: '  Budget   Report ', outlet: 'the TIMES' })], [src('b', { title: 'budget report', outlet: 'The Times', url: 'https://x.example/1' })]);
    expect(plan.add).toEqual([]);
    expect(plan.rename.get('a')).toBe('b');
  });

  test('the same title from another outlet is a different source', () => {
    const plan = planSourceMerge([src('a', { title: 'Budget report', outlet: 'Times' })], [src('b', { title: 'Budget report', outlet: 'Guardian' })]);
    expect(plan.add.map((s) => s.id)).toEqual(['a']);
    expect(plan.rename.size).toBe(0);
  });

  test('a different source whose id is taken is added under a fresh id, and its citations renamed', () => {
    const plan = planSourceMerge([src('a', { title: 'Carried' }), src('a-2', { title: 'Also carried' })], [src('a', { title: 'Existing' })]);
    expect(plan.add.map((s) => [s.id, s.title])).toEqual([
      ['a-3', 'Carried'],
      ['a-2', 'Also carried'],
    ]);
    expect([...plan.rename]).toEqual([['a', 'a-3']]);
  });

  test('an identical source (pasting inside the same draft) keeps its id and adds nothing', () => {
    const same = src('n1', { note: 'Only a note.' });
    const plan = planSourceMerge([same], [src('other', { note: 'Other note.' }), same]);
    expect(plan.add).toEqual([]);
    expect(plan.rename.size).toBe(0);
    expect(plan.merged.has('n1')).toBe(true);
  });

  test('two carried sources that are the same become one', () => {
    const plan = planSourceMerge([src('x', { url: 'https://a.example/p' }), src('y', { url: 'https://a.example/p/' })], []);
    expect(plan.add.map((s) => s.id)).toEqual(['x']);
    expect(plan.rename.get('y')).toBe('x');
  });

  test('sources without URL or title merge only when identical', () => {
    expect(sameSource(src('a', { note: 'n' }), src('b', { note: 'n' }))).toBe(true);
    expect(sameSource(src('a', { note: 'n' }), src('b', { note: 'm' }))).toBe(false);
    expect(sameSource(src('a', { date: '2024' }), src('b', { date: '2025' }))).toBe(false);
  });
});

test('URLs are normalised for comparison only', () => {
  expect(normaliseSourceUrl('https://www.Example.com/a/?q=1#frag')).toBe('http://example.com/a?q=1');
  expect(normaliseSourceUrl('http://example.com/a')).toBe(normaliseSourceUrl('https://example.com/a/'));
  expect(normaliseSourceUrl('https://example.com/a')).not.toBe(normaliseSourceUrl('https://example.com/b'));
  expect(normaliseSourceUrl('')).toBe('');
  expect(normaliseSourceUrl('not a url')).toBe('');
});

test('ids are made from titles, unique and valid', () => {
  expect(idBaseFromTitle('Ministère de la Santé: rapport 2024!')).toBe('ministere-de-la-sante-rapport-2024');
  expect(idBaseFromTitle('   ')).toBe('source');
  expect(idBaseFromTitle('数据')).toBe('source');
  const taken = new Set(['who-report', 'who-report-2']);
  expect(sourceIdFromTitle('WHO report', (id) => taken.has(id))).toBe('who-report-3');
  expect(sourceIdFromTitle('x'.repeat(200), () => false)).toMatch(/^x{48}$/u);
});

test('citations in a fragment are listed and renamed simultaneously', () => {
  const body = [p('a ', cite('a'), ' b ', cite('b')), p(cite('a'))];
  expect(citedSourceIds(Fragment.from(body))).toEqual(['a', 'b']);
  const doc = article({ body });
  const tr = new Transform(doc);
  renameCitations(tr, 0, doc.content.size, new Map([['a', 'b'], ['b', 'c']]));
  const renamed = tr.doc.slice(0, tr.doc.content.size).content;
  expect(citedSourceIds(renamed)).toEqual(['b', 'c']);
  expect(tr.doc.child(3).firstChild?.attrs.source).toBe('b');
  const untouched = new Transform(doc);
  renameCitations(untouched, 0, doc.content.size, new Map([['zzz', 'y']]));
  expect(untouched.docChanged).toBe(false);
});

describe('clipboard payload', () => {
  const sources = new Map([['a', src('a', { title: 'A', url: 'https://a.example/' })]]);
  const slice = new Slice(Fragment.from(p('Cited ', cite('a'), ' and ', cite('gone'))), 1, 1);
  const from = article({ body: [p('x')], sources: [source('a', { title: 'A', url: 'https://a.example/' }), source('b', { title: 'B' })] });

  test('round-trips a slice with the sources its citations name', () => {
    const text = encodePayload(slice, from);
    const back = decodePayload(text, schema);
    expect(back.slice.eq(slice)).toBe(true);
    expect(back.carried.sources).toEqual([sources.get('a')]);
  });

  test('the payload is read by code that knows only its sources (version 1 on the wire)', () => {
    const json = JSON.parse(encodePayload(slice, from)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['format', 'version', 'slice', 'sources']);
    expect(json).toMatchObject({ format: 'copydesk-slice', version: 1, sources: [sources.get('a')] });
    // A field a later carrier adds is ignored by a reader that does not know it.
    const later = decodePayload(JSON.stringify({ ...json, comments: [{ anything: 1 }] }), schema);
    expect(later.carried.sources).toEqual([sources.get('a')]);
  });

  test('headline and standfirst become paragraphs; copied sources are carried, not pasted', () => {
    const copied = new Slice(
      Fragment.from([
        schema.node('headline', null, [schema.text('Title')]),
        schema.node('standfirst', null, [schema.text('Stand')]),
        p('Body'),
        schema.node('sources', null, [schema.node('source', { id: 's', title: 'S' })]),
      ]),
      1,
      1,
    );
    const back = decodePayload(encodePayload(copied, article({})), schema);
    expect(back.slice.content.childCount).toBe(3);
    back.slice.content.forEach((node) => expect(node.type.name).toBe('paragraph'));
    expect(back.slice.openStart).toBe(1);
    expect(back.slice.openEnd).toBe(0);
    expect(back.carried.sources.map((s) => s.id)).toEqual(['s']);
  });

  const wrap = (slice: unknown, sources: unknown[] = []): string => JSON.stringify({ format: 'copydesk-slice', version: 1, slice, sources });
  const crafted: [string, string][] = [
    ['not JSON', '{'],
    ['another format', JSON.stringify({ format: 'x', version: 1, slice: {}, sources: [] })],
    ['a newer version', JSON.stringify({ format: 'copydesk-slice', version: 2, slice: {}, sources: [] })],
    ['a javascript: link', wrap({ content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] })],
    ['a heading of level 1', wrap({ content: [{ type: 'heading', attrs: { level: '1 onclick=x' }, content: [] }] })],
    ['text inside a "Read also" block', wrap({ content: [{ type: 'read_also', content: [{ type: 'text', text: 'x' }] }] })],
    ['a whole document', wrap({ content: [{ type: 'doc', content: [] }] })],
    ['an unknown node type', wrap({ content: [{ type: 'script', content: [] }] })],
    ['open deeper than the content', wrap({ content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }], openStart: 5, openEnd: 1 })],
    ['negative open depth', wrap({ content: [], openStart: -1 })],
    ['a carried source with a javascript: URL', wrap({ content: [] }, [{ id: 'a', title: '', outlet: '', date: '', url: 'javascript:alert(1)', note: '' }])],
    ['a carried source with a bad id', wrap({ content: [] }, [{ id: 'a b', title: 'T' }])],
    ['a carried source with an unknown field', wrap({ content: [] }, [{ id: 'a', onload: 'x' }])],
  ];
  test.each(crafted)('a payload holding %s is refused', (_what, text) => {
    expect(() => decodePayload(text, schema)).toThrow(PayloadError);
  });
});
