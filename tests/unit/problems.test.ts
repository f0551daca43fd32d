import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema';
import { assetSources, findProblems, hasErrors } from '../../shared/problems';
import { article, cite, h, marked, p, readAlso, source } from './helpers/build';

describe('findProblems', () => {
  it('finds nothing wrong in a clean article', () => {
    const doc = article({ headline: 'Clean', body: [p('Text ', cite('a'))], sources: [source('a', { title: 'T', url: 'https://e.com' })] });
    expect(findProblems(doc)).toEqual([]);
  });

  it('reports each kind of problem with where it is', () => {
    const doc = article({
      headline: '  ',
      body: [
        h(2, 'Background'),
        p('First paragraph cites ', cite('ghost')),
        p('Second has a ', marked('bad link', ['link', { href: 'https://exa mple.com' }])),
        schema.node('figure', { src: 'https://cdn.example.com/p.jpg', alt: '' }, [schema.node('figcaption')]),
        readAlso('', { title: '', url: 'https://example.com/x' }, { title: 'Latest', url: '' }, { title: 'Bad', url: 'https://' }),
      ],
      sources: [
        source('uncited', { title: 'Never cited' }),
        source('empty'),
        source('noTitle', { outlet: 'Reuters' }),
        source('badUrl', { title: 'T', url: 'http://' }),
        source('noteOnly', { note: 'An explanatory footnote.' }),
        source('noteOnly'),
      ],
    });
    const problems = findProblems(doc);
    const byCode = (code: string) => problems.filter((x) => x.code === code);
    expect(byCode('empty-headline')[0]?.where).toBe('the headline');
    expect(byCode('missing-source')[0]?.message).toBe('A citation in paragraph 1 of the body (“First paragraph cites”) names source “ghost”, which is not in the sources.');
    expect(byCode('malformed-url').map((x) => x.where)).toEqual([
      'paragraph 2 of the body (“Second has a bad link”)',
      'item 3 of “Read also” block 1 of the body',
      'uncited source “T”',
    ]);
    expect(byCode('image-no-alt')[0]?.severity).toBe('warning');
    expect(byCode('read-also-untitled')[0]?.where).toBe('item 1 of “Read also” block 1 of the body');
    expect(byCode('read-also-untitled')[0]?.message).toBe('“Read also” item 1 in “Read also” block 1 of the body has no title.');
    expect(byCode('read-also-no-url')[0]?.message).toBe('“Read also” item “Latest” in “Read also” block 1 of the body has no URL.');
    expect(byCode('malformed-url')[1]?.message).toBe('“Read also” item “Bad” in “Read also” block 1 of the body has a malformed URL: https://');
    expect(byCode('uncited-source').length).toBe(6);
    expect(byCode('empty-source').map((x) => x.pos)).toHaveLength(2);
    expect(byCode('untitled-source')[0]?.message).toContain('has no title');
    expect(byCode('duplicate-source-id')).toHaveLength(1);
    for (const problem of problems) {
      expect(doc.nodeAt(problem.pos) ?? problem.pos === 0).toBeTruthy();
      expect(problem.message.length).toBeGreaterThan(10);
    }
    expect(hasErrors(problems)).toBe(true);
  });

  it('does not count a plain explanatory footnote (note only) as untitled', () => {
    const doc = article({ headline: 'H', body: [p(cite('n'))], sources: [source('n', { note: 'Figures are rounded.' })] });
    expect(findProblems(doc)).toEqual([]);
  });

  it('treats uncited sources as warnings only', () => {
    const doc = article({ headline: 'H', sources: [source('a', { title: 'T' })] });
    const problems = findProblems(doc);
    expect(problems.map((x) => [x.code, x.severity])).toEqual([['uncited-source', 'warning']]);
    expect(hasErrors(problems)).toBe(false);
  });
});

describe('the field that fixes each problem', () => {
  it('names the item, source or figure field, or none for the node itself', () => {
    const doc = article({
      headline: '',
      body: [
        p('Cites ', cite('ghost'), ' and ', marked('a link', ['link', { href: 'https://exa mple.com' }])),
        schema.node('figure', { src: 'https://cdn.example.com/p.jpg', alt: '' }, [schema.node('figcaption')]),
        readAlso('', { title: '', url: 'https://example.com/x' }, { title: 'Latest', url: '' }),
      ],
      sources: [source('noTitle', { outlet: 'Reuters' }), source('badUrl', { title: 'T', url: 'http://' }), source('uncited', { title: 'U' })],
    });
    const fields = findProblems(doc).map((x) => `${x.code}:${String(x.field)}`);
    expect(fields).toEqual([
      'empty-headline:null',
      'missing-source:null',
      'malformed-url:null',
      'image-no-alt:alt',
      'read-also-untitled:title',
      'read-also-no-url:url',
      'uncited-source:null',
      'untitled-source:title',
      'uncited-source:null',
      'malformed-url:url',
      'uncited-source:null',
    ]);
  });
});

describe('figures whose image file is missing', () => {
  const figure = (src: string, alt: string, caption = '') => schema.node('figure', { src, alt }, [schema.node('figcaption', null, caption ? [schema.text(caption)] : [])]);
  const doc = article({
    headline: 'Photos',
    body: [
      p('Text.'),
      figure('assets/story/gone.png', 'Boats at dawn', 'The harbour'),
      figure('https://cdn.example.com/p.jpg', 'Remote'),
      figure('assets/story/kept.png', 'Kept'),
      figure('assets/story/gone.png', ''),
    ],
  });

  it('lists the assets/ paths to look for, each once, never an https image', () => {
    expect(assetSources(doc)).toEqual(['assets/story/gone.png', 'assets/story/kept.png']);
  });

  it('are errors, with a sentence naming the photo and the missing path, only for the paths the caller found missing', () => {
    expect(findProblems(doc).filter((x) => x.code === 'image-missing')).toEqual([]);
    const missing = findProblems(doc, undefined, new Set(['assets/story/gone.png'])).filter((x) => x.code === 'image-missing');
    expect(missing.map((x) => [x.severity, x.message])).toEqual([
      ['error', 'The photo “Boats at dawn” in figure 1 of the body (“The harbour”) is missing: assets/story/gone.png was not found.'],
      ['error', 'The photo in figure 4 of the body is missing: assets/story/gone.png was not found.'],
    ]);
    for (const problem of missing) expect(doc.nodeAt(problem.pos)?.type.name).toBe('figure');
    expect(hasErrors(missing)).toBe(true);
  });
});
