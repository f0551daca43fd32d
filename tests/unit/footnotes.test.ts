import { describe, expect, it } from 'vitest';
import { indexFootnotes } from '../../shared/footnotes';
import { article, cite, p, source } from './helpers/build';

describe('indexFootnotes', () => {
  const doc = article({
    headline: 'H',
    body: [p('One ', cite('b'), ' two ', cite('a')), p('Three ', cite('b'), cite('ghost'), cite('a'), cite('b'))],
    sources: [source('a', { title: 'A' }), source('b', { title: 'B' }), source('c', { title: 'C' })],
  });
  const index = indexFootnotes(doc);

  it('numbers sources by first citation, not by their order in the sources section', () => {
    expect(index.sources.map((s) => [s.id, s.number, s.citations])).toEqual([
      ['b', 1, 3],
      ['a', 2, 2],
      ['c', null, 0],
    ]);
  });

  it('gives missing sources a number too, so later numbers stay what readers see', () => {
    expect([...index.numbers]).toEqual([['b', 1], ['a', 2], ['ghost', 3]]);
    expect(index.byId.has('ghost')).toBe(false);
  });

  it('lists citations in document order with their positions', () => {
    expect(index.citations.map((c) => c.source)).toEqual(['b', 'a', 'b', 'ghost', 'a', 'b']);
    for (const c of index.citations) expect(doc.nodeAt(c.pos)?.attrs.source).toBe(c.source);
    for (const s of index.sources) expect(doc.nodeAt(s.pos)?.attrs.id).toBe(s.id);
  });

  it('derives numbers afresh when citations move', () => {
    const moved = article({ headline: 'H', body: [p(cite('a'), cite('b'))], sources: [source('a'), source('b')] });
    expect(indexFootnotes(moved).sources.map((s) => s.number)).toEqual([1, 2]);
    expect(indexFootnotes(moved).sources.map((s) => s.id)).toEqual(['a', 'b']);
  });
});
