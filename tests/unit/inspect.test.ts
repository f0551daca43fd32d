import { describe, expect, it } from 'vitest';
import { inspectDraft } from '../../shared/inspect';
import { schema } from '../../shared/schema';
import { article, cite, draftOf, list, marked, p, readAlso, source } from './helpers/build';

describe('inspectDraft', () => {
  const doc = article({
    headline: 'Flood defences fail',
    standfirst: 'Three towns, one river',
    body: [
      p('The council ', cite('council'), ' said the report ', cite('report'), ' was late.'),
      readAlso('', { title: 'Earlier floods', url: 'https://example.com/earlier' }),
      list('bullet_list', 'Repairs start in May'),
      p('Again the report ', cite('report'), ' and the council ', cite('council'), ' and the ', marked('minister', 'em'), ' ', cite('ghost'), '.'),
      readAlso('More on rivers', { title: 'Dredging', url: 'https://example.com/dredging', kicker: 'Analysis' }, { title: 'Latest', url: '' }),
      schema.node('figure', { src: 'https://example.com/a.jpg', alt: '' }, [schema.node('figcaption', null, [schema.text('Water in the square')])]),
    ],
    sources: [
      source('unused', { title: 'Never cited', outlet: 'Nobody' }),
      source('report', { title: 'Annual report', outlet: 'Agency', date: '2024', url: 'https://example.com/report' }),
      source('council', { title: 'Minutes', outlet: 'Council', date: '3 May 2024' }),
      source('note', { note: 'An explanatory note.' }),
    ],
  });
  const inspection = inspectDraft(draftOf(doc));

  it('takes headline and standfirst as plain text', () => {
    expect(inspection.headline).toBe('Flood defences fail');
    expect(inspection.standfirst).toBe('Three towns, one river');
  });

  it('numbers sources by first citation, counts citations, and puts uncited ones last in document order', () => {
    expect(inspection.sources.map((s) => [s.number, s.id, s.citations])).toEqual([
      [1, 'council', 2],
      [2, 'report', 2],
      [null, 'unused', 0],
      [null, 'note', 0],
    ]);
    expect(inspection.sources[1]).toEqual({
      number: 2,
      id: 'report',
      title: 'Annual report',
      outlet: 'Agency',
      date: '2024',
      url: 'https://example.com/report',
      citations: 2,
    });
  });

  it('lists "Read also" blocks in order, with the default title when a block has none', () => {
    expect(inspection.readAlso).toEqual([
      { title: 'Read also', items: [{ title: 'Earlier floods', url: 'https://example.com/earlier' }] },
      {
        title: 'More on rivers',
        items: [
          { title: 'Dredging', url: 'https://example.com/dredging' },
          { title: 'Latest', url: '' },
        ],
      },
    ]);
  });

  it('counts the words of the copy only (not sources or "Read also")', () => {
    // headline 3 + standfirst 4 + paragraph 7 + list 4 + paragraph 9 + caption 4; citations are not words
    expect(inspection.words).toBe(3 + 4 + 7 + 4 + 9 + 4);
  });

  it('reports problems with severity and message, in document order', () => {
    expect(inspection.problems).toEqual([
      { severity: 'error', message: expect.stringContaining('names source “ghost”') as string },
      { severity: 'error', message: '“Read also” item “Latest” in “Read also” block 2 of the body has no URL.' as string },
      { severity: 'warning', message: expect.stringContaining('has no alt text') as string },
      { severity: 'warning', message: expect.stringContaining('“Never cited” is not cited') as string },
      { severity: 'warning', message: expect.stringContaining('is not cited anywhere') as string },
    ]);
  });

  it('is plain data that survives JSON', () => {
    expect(JSON.parse(JSON.stringify(inspection))).toEqual(inspection);
  });

  it('handles an empty draft', () => {
    const empty = inspectDraft(draftOf(article({})));
    expect(empty).toEqual({
      headline: '',
      standfirst: '',
      words: 0,
      sources: [],
      readAlso: [],
      problems: [{ severity: 'error', message: 'The headline is empty.' }],
      review: { suggestions: [], threads: [] },
    });
  });
});
