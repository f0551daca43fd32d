/**
 * fast-check arbitraries for articles as a newsroom writes them: words (with accents and
 * punctuation), bold, italic and web links, citations after a word, headings, lists, quotes,
 * figures with a picture in the assets folder, "Read also" blocks of web links, and sources
 * whose fields are plain and all cited. Where arbitrary-doc.ts probes escaping with hostile
 * text, these probe the structure a format that is not our own (Word) must carry.
 */
import fc from 'fast-check';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import type { Draft } from '../../../shared/draft/format';
import { newMeta } from '../../../shared/draft/meta';
import { schema } from '../../../shared/schema';

const WORDS = ['the', 'council', 'voted', 'Müller', 'ferry', 'café', 'rates', 'naïve', 'budget', 'Zoë', 'port', 'on', 'and', 'draft', 'twelve', 'signal'];

/** A phrase of 1–6 words (letters only: no punctuation that a source's parser or a reader folds). */
const arbWords: fc.Arbitrary<string> = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));

const arbHref = fc.constantFrom('https://example.com/story', 'https://news.example.org/a?b=1', 'https://example.net/c');

const arbMarks: fc.Arbitrary<Mark[]> = fc
  .record({ em: fc.boolean(), strong: fc.boolean(), link: fc.option(arbHref, { nil: undefined }) }, { requiredKeys: [] })
  .map(({ em, strong, link }) => {
    const marks: Mark[] = [];
    if (link !== undefined) marks.push(schema.mark('link', { href: link }));
    if (em === true) marks.push(schema.mark('em'));
    if (strong === true) marks.push(schema.mark('strong'));
    return marks;
  });

/** A paragraph's content: runs of words separated by plain spaces, citations right after a run. */
function arbInline(ids: readonly string[]): fc.Arbitrary<PMNode[]> {
  const run = fc.tuple(arbWords, arbMarks, ids.length ? fc.option(fc.constantFrom(...ids), { nil: undefined, freq: 3 }) : fc.constant(undefined));
  return fc.array(run, { minLength: 1, maxLength: 4 }).map((runs) => {
    const out: PMNode[] = [];
    runs.forEach(([words, marks, cite], i) => {
      if (i > 0) out.push(schema.text(' '));
      out.push(schema.text(words, marks));
      if (cite !== undefined) out.push(schema.node('citation', { source: cite }));
    });
    return out;
  });
}

function arbBlock(ids: readonly string[]): fc.Arbitrary<PMNode> {
  const paragraph = arbInline(ids).map((inline) => schema.node('paragraph', null, inline));
  const item = paragraph.map((p) => schema.node('list_item', null, [p]));
  const list = fc.tuple(fc.constantFrom('bullet_list', 'ordered_list'), fc.array(item, { minLength: 1, maxLength: 3 })).map(([kind, items]) => schema.node(kind, null, items));
  const plainLine = arbWords.map((words) => words.charAt(0).toUpperCase() + words.slice(1));
  return fc.oneof(
    { weight: 6, arbitrary: paragraph },
    fc.tuple(fc.constantFrom(2, 3), plainLine).map(([level, text]) => schema.node('heading', { level }, [schema.text(text)])),
    list,
    fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((ps) => schema.node('blockquote', null, ps)),
    fc.tuple(plainLine, fc.option(plainLine, { nil: '' })).map(([caption, credit]) =>
      schema.node('figure', { src: 'assets/story/photo.png', alt: caption, credit }, [schema.node('figcaption', null, [schema.text(caption)])]),
    ),
    fc.array(fc.tuple(plainLine, arbHref), { minLength: 1, maxLength: 3 }).map((items) =>
      schema.node('read_also', { title: '' }, items.map(([title, url]) => schema.node('read_also_item', { title, url, kicker: '' }))),
    ),
  );
}

/** A source with plain fields; titles are told apart by the id so that no two are the same work. */
function arbSource(id: string): fc.Arbitrary<PMNode> {
  return fc
    .record({
      title: arbWords,
      outlet: fc.constantFrom('Reuters', 'The Harbour Gazette', 'Council minutes', ''),
      date: fc.constantFrom('', '2023-05-04', '2026-11-28'),
      url: fc.constantFrom('', `https://example.com/${id}`),
      note: fc.constantFrom('', 'Page four'),
    })
    .map((fields) => schema.node('source', { id, ...fields, title: `${fields.title} ${id}` }));
}

/** A random article: headline, standfirst, 1–8 body blocks, 0–3 sources, each cited at least once. */
export const arbArticleDoc: fc.Arbitrary<PMNode> = fc
  .uniqueArray(fc.constantFrom('alpha', 'bravo', 'charlie', 'delta'), { maxLength: 3 })
  .chain((ids) => fc.tuple(fc.constant(ids), arbWords, arbWords, fc.array(arbBlock(ids), { minLength: 1, maxLength: 8 }), fc.tuple(...ids.map(arbSource))))
  .map(([ids, headline, standfirst, blocks, sources]) => {
    // Every source cited: those no block cites are cited at the end of a closing paragraph.
    const cited = new Set<string>();
    for (const block of blocks) block.descendants((node) => void (node.type.name === 'citation' && cited.add(node.attrs.source as string)));
    const uncited = ids.filter((id) => !cited.has(id));
    const closing = uncited.length ? [schema.node('paragraph', null, [schema.text('More'), ...uncited.map((id) => schema.node('citation', { source: id }))])] : [];
    return schema.node('doc', null, [
      schema.node('headline', null, [schema.text(headline)]),
      schema.node('standfirst', null, [schema.text(standfirst)]),
      ...blocks,
      ...closing,
      schema.node('sources', null, sources),
    ]);
  });

/** A random article draft (fixed metadata). */
export const arbArticleDraft: fc.Arbitrary<Draft> = arbArticleDoc.map((doc) => ({ meta: newMeta(new Date('2026-01-01T00:00:00Z')), doc }));
