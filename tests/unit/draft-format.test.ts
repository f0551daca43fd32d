import { describe, expect, it } from 'vitest';
import { draftRefusal } from './helpers/draft-refusal';
import { DRAFT_VERSION, newDraft, parseDraft, serializeDraft } from '../../shared/draft/format';
import { slugify } from '../../shared/draft/meta';
import { article, cite, draftOf, marked, p, readAlso, source } from './helpers/build';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests mutate raw draft JSON freely
type Raw = any;

const good = serializeDraft(
  draftOf(
    article({
      headline: 'Headline',
      standfirst: 'Standfirst',
      body: [p('Cited ', cite('a'), ' and ', marked('linked', ['link', { href: 'https://example.com' }], 'em')), readAlso('', { title: 'More', url: 'https://example.com/more' })],
      sources: [source('a', { title: 'Title', outlet: 'Outlet', date: '2023', url: 'https://example.com/a', note: 'n' })],
    }),
  ),
);

function mutate(change: (raw: Raw) => void): string {
  const raw = JSON.parse(good) as Raw;
  change(raw);
  return JSON.stringify(raw);
}

describe('draft file format', () => {
  it('round-trips a draft byte for byte', () => {
    expect(serializeDraft(parseDraft(good))).toBe(good);
  });

  it('writes pretty JSON with a stable, readable key order', () => {
    expect(good.startsWith('{\n  "format": "copydesk-draft",\n  "version": 2,\n  "meta": {\n    "slug"')).toBe(true);
    expect(good).toMatch(/"type": "source",\n\s+"attrs": \{\n\s+"date": "2023",\n\s+"id": "a",/u);
    expect(good.endsWith('}\n')).toBe(true);
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]))
          : value;
    const shuffled = JSON.stringify(reverseKeys(JSON.parse(good)));
    expect(shuffled.startsWith('{"doc"')).toBe(true);
    expect(serializeDraft(parseDraft(shuffled))).toBe(good);
  });

  it('accepts a leading byte-order mark', () => {
    expect(parseDraft(`\ufeff${good}`).doc.firstChild?.textContent).toBe('Headline');
  });

  it('refuses text that is not JSON', () => {
    const error = draftRefusal('{"format": "copydesk-draft", ');
    expect(error.kind).toBe('not-json');
    expect(error.message).toMatch(/^This file is not valid JSON/u);
  });

  it.each([['[]'], ['null'], ['{"format":"something-else","version":1}'], ['{"version":1}']])('refuses JSON that is not a draft: %s', (text) => {
    const error = draftRefusal(text);
    expect(error.kind).toBe('not-draft');
    expect(error.message).toContain('not a Copydesk draft');
  });

  it('refuses a draft without a valid version', () => {
    expect(draftRefusal(mutate((raw) => (raw.version = '1'))).message).toContain('no valid format version');
  });

  it('refuses a newer format version and says what to do', () => {
    const error = draftRefusal(mutate((raw) => (raw.version = DRAFT_VERSION + 1)));
    expect(error.kind).toBe('newer-version');
    expect(error.message).toContain(`format version ${String(DRAFT_VERSION + 1)}`);
    expect(error.message).toContain('Update Copydesk');
  });

  it('refuses unknown top-level keys', () => {
    expect(draftRefusal(mutate((raw) => (raw.extra = 1))).message).toContain('extra');
  });

  it.each([
    ['status', (raw: Raw) => (raw.meta.status = 'published'), 'meta.status'],
    ['created', (raw: Raw) => (raw.meta.created = 'yesterday'), 'meta.created'],
    ['tags', (raw: Raw) => (raw.meta.tags = 'a,b'), 'meta.tags'],
    ['slug', (raw: Raw) => (raw.meta.slug = 'Not A Slug'), 'meta.slug'],
    ['unknown key', (raw: Raw) => (raw.meta.colour = 'red'), 'colour'],
    ['missing', (raw: Raw) => delete raw.meta, 'meta: Invalid input: expected object'],
  ])('names invalid metadata (%s)', (_name, change, expected) => {
    const error = draftRefusal(mutate(change));
    expect(error.kind).toBe('invalid-metadata');
    expect(error.message).toContain(expected);
  });

  it.each([
    ['a missing document', (raw: Raw) => delete raw.doc, 'missing'],
    ['no sources section', (raw: Raw) => raw.doc.content.pop(), 'document'],
    ['an unknown node type', (raw: Raw) => (raw.doc.content[2] = { type: 'script' }), 'script'],
    ['a javascript: link', (raw: Raw) => (raw.doc.content[2].content[3].marks[0].attrs.href = 'javascript:alert(1)'), 'paragraph 1 of the body › text 4'],
    ['a data: source URL', (raw: Raw) => (raw.doc.content[4].content[0].attrs.url = 'data:text/html,x'), 'sources › source 1'],
    ['a vbscript: read-also URL', (raw: Raw) => (raw.doc.content[3].content[0].attrs.url = 'VBScript:x'), '“Read also” block 1 of the body › read_also_item 1'],
    ['a bad source id', (raw: Raw) => (raw.doc.content[2].content[1].attrs.source = '<x>'), 'invalid source id'],
    ['a heading level 1', (raw: Raw) => (raw.doc.content[2] = { type: 'heading', attrs: { level: 1 } }), 'heading level'],
    ['an unknown attribute', (raw: Raw) => (raw.doc.content[2].attrs = { onclick: 'x' }), 'paragraph 1 of the body: paragraph has an unknown attribute "onclick"'],
    ['an unknown mark attribute', (raw: Raw) => (raw.doc.content[2].content[3].marks[0].attrs.target = '_blank'), 'mark link has an unknown attribute "target"'],
    ['an unknown node key', (raw: Raw) => (raw.doc.content[2].content[0].html = '<b>'), 'unknown key "html"'],
    ['an image outside assets', (raw: Raw) => raw.doc.content.splice(2, 0, { type: 'figure', attrs: { src: '../../etc/x.jpg' }, content: [{ type: 'figcaption' }] }), 'refused image URL'],
  ])('names where a document does not fit the schema (%s)', (_name, change, expected) => {
    const error = draftRefusal(mutate(change));
    expect(error.kind).toBe('invalid-document');
    expect(error.message).toContain(expected);
  });

  it('creates new drafts that save and load', () => {
    const draft = newDraft(new Date('2026-05-06T07:08:09Z'));
    expect(parseDraft(serializeDraft(draft)).doc.eq(draft.doc)).toBe(true);
    expect(draft.meta.status).toBe('draft');
  });

  it('makes slugs from headlines', () => {
    expect(slugify('Upcoming Safety Assurances for the Washington Meeting')).toBe('upcoming-safety-assurances-for-the-washington-meeting');
    expect(slugify('  Zelenskyj über «Garantien»! ')).toBe('zelenskyj-uber-garantien');
  });
});
