/**
 * The seed article as a draft (tests/fixtures/seed-article.copydesk) against the seed text itself.
 *
 * The expected paragraphs, citation markers, sources, key points and "Read also" items are read
 * from the seed at test time, so that the fixture is compared with what the seed says rather
 * than with a second hand-typed copy of it. See tests/fixtures/README.md for the decisions.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { slugify } from '../../shared/draft/meta';
import { indexFootnotes } from '../../shared/footnotes';
import { findProblems } from '../../shared/problems';
import { classifyUrl } from '../../shared/url';

const FIXTURE = fileURLToPath(new URL('../fixtures/seed-article.copydesk', import.meta.url));
const SEED_COPY = fileURLToPath(new URL('../fixtures/seed-article.txt', import.meta.url));
/** The seed as the project received it; absent outside the original workspace (e.g. CI). */
const SEED_ORIGINAL = '/work/shared/fixtures/seed-article.txt';

const HEADLINE = 'Upcoming Safety Assurances for the Washington Meeting';
const STANDFIRST =
  "Trump recently met with Putin, but currently, he is hosting the President of Ukraine, Zelensky. Zelensky's visit carries a significant objective.";
const CAPTION = 'Upcoming Security Assurances for Washington Meeting';
const SOURCE_IDS = ['reuters-2023', 'cfr-2023'];

/** One body paragraph of the seed: its text without `[n]` markers, and each marker's place in it. */
interface SeedParagraph {
  readonly text: string;
  readonly markers: readonly { readonly n: number; readonly offset: number }[];
}

/** What the seed holds, taken apart by its blank-line-separated blocks. */
interface Seed {
  readonly chrome: readonly string[];
  readonly headline: string;
  readonly standfirst: string;
  readonly captionLines: readonly string[];
  readonly paragraphs: readonly SeedParagraph[];
  readonly references: readonly { readonly n: number; readonly title: string; readonly outlet: string; readonly date: string }[];
  readonly keyPoints: readonly { readonly n: number; readonly text: string }[];
  readonly readAlsoHeading: string;
  readonly readAlsoItems: readonly string[];
}

function splitMarkers(paragraph: string): SeedParagraph {
  const markers: { n: number; offset: number }[] = [];
  let text = '';
  let last = 0;
  for (const match of paragraph.matchAll(/\[(\d+)\]/gu)) {
    text += paragraph.slice(last, match.index);
    markers.push({ n: Number(match[1]), offset: text.length });
    last = match.index + match[0].length;
  }
  return { text: text + paragraph.slice(last), markers };
}

function readSeed(text: string): Seed {
  const blocks = text.split(/\n[ \t]*\n/u).map((block) => block.trim()).filter((block) => block !== '');
  const fail = (what: string): never => {
    throw new Error(`The seed does not have the expected shape: ${what}.`);
  };
  const [skip, headline, standfirst, caption] = blocks;
  if (skip === undefined || headline === undefined || standfirst === undefined || caption === undefined) return fail('fewer than four blocks');
  const repeated = blocks.indexOf(headline, 2);
  const referencesAt = blocks.findIndex((block) => /^\[1\] "/u.test(block));
  const readAlsoAt = blocks.findIndex((block) => /^Read also:?$/u.test(block));
  if (repeated < 0) fail('no repeated headline before the body');
  if (referencesAt < repeated) fail('no reference list after the body');
  if (readAlsoAt < referencesAt) fail('no "Read also" heading after the references');
  const references = [...(blocks[referencesAt] ?? '').matchAll(/\[(\d+)\] "([^"]*?),?" ([^,]+), (\d{4})/gu)].map((m) => ({
    n: Number(m[1]),
    title: m[2] ?? '',
    outlet: m[3] ?? '',
    date: m[4] ?? '',
  }));
  const keyPoints = blocks
    .slice(referencesAt + 1, readAlsoAt)
    .flatMap((block) => block.split('\n'))
    .map((line) => /^\s*(\d+)\.\s+(.*)$/u.exec(line) ?? fail(`a key-point line that is not numbered: ${line}`))
    .map((m) => ({ n: Number(m[1]), text: m[2] ?? '' }));
  return {
    chrome: [skip, blocks[repeated] ?? ''],
    headline,
    standfirst,
    captionLines: caption.split('\n'),
    paragraphs: blocks.slice(repeated + 1, referencesAt).map(splitMarkers),
    references,
    keyPoints,
    readAlsoHeading: blocks[readAlsoAt] ?? '',
    readAlsoItems: blocks.slice(readAlsoAt + 1),
  };
}

/** A paragraph's text and where its citations sit, counted in characters of that text. */
function paragraphParts(paragraph: PMNode): { text: string; citations: { source: string; offset: number }[]; others: string[] } {
  let text = '';
  const citations: { source: string; offset: number }[] = [];
  const others: string[] = [];
  paragraph.forEach((child) => {
    if (child.isText && child.marks.length === 0) text += child.text ?? '';
    else if (child.type.name === 'citation') citations.push({ source: child.attrs.source as string, offset: text.length });
    else others.push(child.type.name + (child.marks.length ? ` with marks ${child.marks.map((m) => m.type.name).join(',')}` : ''));
  });
  return { text, citations, others };
}

const fileBytes = await readFile(FIXTURE);
const fileText = fileBytes.toString('utf8');
const seedText = await readFile(SEED_COPY, 'utf8');
const seed = readSeed(seedText);
const draft = parseDraft(fileText);
const { doc } = draft;
const topLevel: PMNode[] = [];
doc.forEach((node) => topLevel.push(node));
const bodyParagraphs = topLevel.filter((node) => node.type.name === 'paragraph');
const sourceOf = (n: number): string => SOURCE_IDS[n - 1] ?? `no source for [${String(n)}]`;

describe('the seed text the fixture is checked against', () => {
  it.skipIf(!existsSync(SEED_ORIGINAL))(
    `tests/fixtures/seed-article.txt is byte-identical to ${SEED_ORIGINAL} (skipped where that file does not exist, e.g. on CI)`,
    async () => {
      expect((await readFile(SEED_COPY)).equals(await readFile(SEED_ORIGINAL))).toBe(true);
    },
  );

  it('has the parts the fixture is built from', () => {
    expect(seed.chrome).toEqual(['Skip to content', HEADLINE]);
    expect(seed.paragraphs).toHaveLength(11);
    expect(seed.references.map((r) => r.n)).toEqual([1, 2]);
    expect(seed.keyPoints.map((k) => k.n)).toEqual([1, 2]);
    expect(seed.readAlsoHeading).toBe('Read also:');
    expect(seed.readAlsoItems).toEqual(['Latest']);
  });
});

describe('tests/fixtures/seed-article.copydesk', () => {
  it('is in canonical form: serializeDraft(parseDraft(file)) gives the file byte for byte', () => {
    expect(Buffer.from(serializeDraft(draft), 'utf8').equals(fileBytes)).toBe(true);
  });

  it('has the agreed metadata', () => {
    expect(draft.meta).toEqual({
      slug: slugify(HEADLINE),
      section: 'World',
      tags: ['Ukraine', 'Russia', 'NATO', 'security guarantees'],
      authors: [],
      status: 'draft',
      created: '2025-08-17T09:00:00.000Z',
      updated: '2025-08-17T09:00:00.000Z',
    });
    expect(draft.meta.slug).toBe('upcoming-safety-assurances-for-the-washington-meeting');
  });

  it('has the shape headline, standfirst, figure, 11 paragraphs, key points, "Read also", sources', () => {
    expect(topLevel.map((node) => node.type.name)).toEqual([
      'headline',
      'standfirst',
      'figure',
      ...Array<string>(11).fill('paragraph'),
      'ordered_list',
      'read_also',
      'sources',
    ]);
  });

  it('has the seed headline and standfirst', () => {
    expect(topLevel[0]?.textContent).toBe(HEADLINE);
    expect(topLevel[1]?.textContent).toBe(STANDFIRST);
    expect(seed.headline).toBe(HEADLINE);
    expect(seed.standfirst).toBe(STANDFIRST);
  });

  it('holds the photo caption once, as a figure with an assets/ image, alt text and no credit', () => {
    expect(seed.captionLines).toEqual([CAPTION, CAPTION]);
    const figure = topLevel[2];
    expect(figure?.attrs).toEqual({ src: 'assets/washington-meeting.jpg', alt: CAPTION, credit: '' });
    expect(classifyUrl(figure?.attrs.src as string, 'image')).toBe('ok');
    expect(figure?.childCount).toBe(1);
    expect(figure?.firstChild?.type.name).toBe('figcaption');
    expect(figure?.firstChild?.textContent).toBe(CAPTION);
    expect(figure?.firstChild?.firstChild?.marks).toEqual([]);
  });

  it('leaves out the page chrome: "Skip to content" and the repeated headline', () => {
    const allText = doc.textBetween(0, doc.content.size, '\n', '\n');
    expect(allText).not.toContain('Skip to content');
    expect(allText.split(HEADLINE)).toHaveLength(2);
  });

  it('has each body paragraph of the seed verbatim, with citations where the [n] markers were', () => {
    expect(bodyParagraphs).toHaveLength(seed.paragraphs.length);
    bodyParagraphs.forEach((paragraph, i) => {
      const expected = seed.paragraphs[i];
      const actual = paragraphParts(paragraph);
      expect(actual.others, `paragraph ${String(i + 1)} holds only unmarked text and citations`).toEqual([]);
      expect(actual.text, `paragraph ${String(i + 1)}`).toBe(expected?.text);
      expect(actual.citations, `citations of paragraph ${String(i + 1)}`).toEqual(
        expected?.markers.map((m) => ({ source: sourceOf(m.n), offset: m.offset })),
      );
    });
  });

  it('cites in the order of the seed markers: [1] six times, [2] five times', () => {
    const markers = seed.paragraphs.flatMap((p) => p.markers.map((m) => m.n));
    expect(markers.filter((n) => n === 1)).toHaveLength(6);
    expect(markers.filter((n) => n === 2)).toHaveLength(5);
    const index = indexFootnotes(doc);
    expect(index.citations.map((c) => c.source)).toEqual(markers.map(sourceOf));
    expect(index.citations).toHaveLength(11);
    expect(index.sources.map((s) => [s.number, s.id, s.citations])).toEqual([
      [1, 'reuters-2023', 6],
      [2, 'cfr-2023', 5],
    ]);
  });

  it('has the two sources of the reference list, without URLs or notes', () => {
    const sources = topLevel.at(-1);
    const attrs: Record<string, unknown>[] = [];
    sources?.forEach((node) => attrs.push(node.attrs));
    expect(attrs).toEqual([
      { id: 'reuters-2023', title: 'U.S. and allies explore collective defense guarantees for Ukraine', outlet: 'Reuters', date: '2023', url: '', note: '' },
      { id: 'cfr-2023', title: 'Security Guarantees for Ukraine: What You Need to Know', outlet: 'Council on Foreign Relations', date: '2023', url: '', note: '' },
    ]);
    expect(attrs.map((a) => ({ title: a.title, outlet: a.outlet, date: a.date }))).toEqual(
      seed.references.map((r) => ({ title: r.title, outlet: r.outlet, date: r.date })),
    );
  });

  it('has the key points as a numbered list starting at 1, each item one paragraph of seed text', () => {
    const list = topLevel.find((node) => node.type.name === 'ordered_list');
    expect(list?.attrs.start).toBe(1);
    const items: { types: string[]; text: string; others: string[] }[] = [];
    list?.forEach((item) => {
      const types: string[] = [];
      item.forEach((child) => types.push(child.type.name));
      const parts = item.firstChild ? paragraphParts(item.firstChild) : { text: '', citations: [], others: ['nothing'] };
      items.push({ types, text: parts.text, others: [...parts.others, ...parts.citations.map((c) => `citation ${c.source}`)] });
    });
    expect(items).toEqual(seed.keyPoints.map((k) => ({ types: ['paragraph'], text: k.text, others: [] })));
  });

  it('has the "Read also" block with its default title and the item "Latest" without a URL', () => {
    const block = topLevel.find((node) => node.type.name === 'read_also');
    expect(block?.attrs).toEqual({ title: '' });
    const items: Record<string, unknown>[] = [];
    block?.forEach((item) => items.push(item.attrs));
    expect(items).toEqual([{ title: 'Latest', url: '', kicker: '' }]);
    expect(items.map((item) => item.title)).toEqual(seed.readAlsoItems);
  });

  it('has exactly one problem: the "Read also" item "Latest" has no URL', () => {
    const problems = findProblems(doc);
    expect(problems.map(({ severity, code, where }) => ({ severity, code, where }))).toEqual([
      { severity: 'error', code: 'read-also-no-url', where: 'item 1 of “Read also” block 1 of the body' },
    ]);
    const [problem] = problems;
    expect(problem?.message).toContain('“Latest”');
    const node = doc.nodeAt(problem?.pos ?? -1);
    expect(node?.type.name).toBe('read_also_item');
    expect(node?.attrs.title).toBe('Latest');
  });
});
