import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema';
import { decideAll, finalDoc, hasReview } from '../../shared/review/resolve';
import { article, cite, p, source } from './helpers/build';

const stamp = { id: 's1', author: 'a1', at: '2026-12-02T10:00:00Z' };
const suggestion = (name: string) => schema.mark(name, stamp);
const ins = suggestion('insertion');
const del = suggestion('deletion');
const text = (t: string, ...marks: ReturnType<typeof schema.mark>[]) => schema.text(t, marks);
const body = (doc: ReturnType<typeof article>) => {
  const out: string[] = [];
  doc.forEach((n) => { if (n.type.name === 'paragraph') out.push(n.textContent); });
  return out;
};

describe('accepting and rejecting suggestions', () => {
  it('accepts and rejects inserted and deleted text', () => {
    const doc = article({ body: [schema.node('paragraph', null, [text('Three '), text('people', del), text('men', ins), text(' died')])] });
    expect(body(decideAll(doc, 'accept'))).toEqual(['Three men died']);
    expect(body(decideAll(doc, 'reject'))).toEqual(['Three people died']);
    expect(hasReview(decideAll(doc, 'accept'))).toBe(false);
  });

  it('joins a block whose boundary was deleted, and rejects a split', () => {
    const join = suggestion('join');
    const split = suggestion('split');
    const doc = article({ body: [p('One'), schema.node('paragraph', null, [text('Two')], [join]), schema.node('paragraph', null, [text('Three')], [split])] });
    expect(body(decideAll(doc, 'accept'))).toEqual(['OneTwo', 'Three']);
    expect(body(decideAll(doc, 'reject'))).toEqual(['One', 'TwoThree']);
  });

  it('rejecting the citation of a new source removes that source; a clean doc has no trace of review', () => {
    const doc = article({
      body: [schema.node('paragraph', null, [text('Said '), cite('cfr').mark([ins])])],
      sources: [source('cfr', { title: 'CFR' }).mark([ins])],
    });
    const rejected = decideAll(doc, 'reject');
    let sources = 0;
    rejected.descendants((n) => { if (n.type.name === 'source') sources++; });
    expect(sources).toBe(0);
    const clean = finalDoc(doc);
    expect(hasReview(clean)).toBe(false);
    expect(clean.textContent).toContain('Said');
  });
});
