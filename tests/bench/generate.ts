/**
 * Deterministic news-shaped articles for benchmarks and tests (issue 6).
 *
 * `generateArticle({ words, sources, seed })` builds a Copydesk draft of exactly `words` counted
 * words (shared/words.ts: headline, standfirst and body) and `sources` sources, each cited 1–3
 * times at random places in the body, so that footnote numbers follow no simple pattern.
 * The body reads like a long news story: paragraphs of 40–80 words in sentences of 8–20, a
 * heading (h2, sometimes h3) every 3–6 paragraphs, links, bold and italic runs, now and then a
 * quote or a bullet list, and a "Read also" block of 1–3 items every 15–25 paragraphs.
 * The same spec and seed always give the same document (a seeded mulberry32 PRNG, no clock).
 *
 * `SIZES` holds issue 6's S, L and XL. The last paragraph may be shorter than 40 words so that
 * the total is exact.
 *
 * `generateReviewArticle` adds review to an article (issue 12): pending suggestions of several
 * kinds by three authors and comment threads, the doc's review data filled (`REVIEW_XL`).
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import type { Draft } from '../../shared/draft/format';
import type { ReviewData, Thread } from '../../shared/review/model';
import { schema } from '../../shared/schema';
import { countWords } from '../../shared/words';

/** What to generate. */
export interface ArticleSpec {
  /** Counted words of the article (headline, standfirst and body). */
  readonly words: number;
  /** Number of sources; each is cited 1–3 times. */
  readonly sources: number;
  /** PRNG seed (default 6). */
  readonly seed?: number;
}

/** Issue 6's document sizes. */
export const SIZES = {
  S: { words: 1_000, sources: 5 },
  L: { words: 10_000, sources: 50 },
  XL: { words: 100_000, sources: 500 },
} as const satisfies Record<string, ArticleSpec>;

/** A size name of `SIZES`. */
export type SizeName = keyof typeof SIZES;

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the council said on monday that its budget would rise by four percent next year after months of talks with unions ' +
  'and residents who had opposed plan in public meetings across city officials confirmed report found schools hospitals ' +
  'transport housing police water energy prices inflation minister government opposition party election vote parliament ' +
  'court ruling judge appeal company shares investors market analysts expected growth slowed quarter figures showed ' +
  'workers strike pay deal agreement negotiations sources familiar matter spokesperson declined comment statement ' +
  'weekend thousands protesters gathered outside building demanding changes climate flooding storm damage roads closed ' +
  'emergency services responded early morning hours according witnesses local newspaper interview earlier this week ' +
  'data published ministry suggests number rose sharply since last summer while critics argue measures came too late ' +
  'experts warned however recovery remains fragile uncertain region neighbouring countries border trade exports ' +
  'farmers harvest drought rain shortage supplies fuel tax reform debate lawmakers draft bill amendment committee'
).split(' ');

const OUTLETS = ['The Daily Ledger', 'Metro Herald', 'Northern Post', 'Civic Review', 'Harbour Times', 'Statistics Office', 'Reuters', 'Regional Gazette'];
const KICKERS = ['Analysis', 'Explainer', 'Live', 'Opinion', ''];

/** Picks from an array with the PRNG. */
function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** An integer in [min, max]. */
function between(next: () => number, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}

/** `n` words as sentences of 8–20 words (capitalised, ending with a full stop). */
function sentences(next: () => number, n: number): string[] {
  const out: string[] = [];
  let left = 0;
  for (let i = 0; i < n; i++) {
    let word = pick(next, WORDS);
    if (left === 0) {
      left = between(next, 8, 20);
      word = word.charAt(0).toUpperCase() + word.slice(1);
    }
    left--;
    if (left === 0 || i === n - 1) {
      word += '.';
      left = 0;
    } else if (next() < 0.06) word += ',';
    out.push(word);
  }
  return out;
}

/** A text node, or nothing for an empty string. */
function text(value: string, marks: readonly Mark[] = []): PMNode[] {
  return value ? [schema.text(value, marks)] : [];
}

/** One paragraph's words turned into inline content: a link, bold and italic runs, citations. */
function inlineContent(next: () => number, words: readonly string[], citations: readonly string[], linkId: () => number): PMNode[] {
  // Decorations as [start, end) word ranges that do not overlap; citations after a word ending with '.'.
  type Run = { start: number; end: number; marks: Mark[] };
  const runs: Run[] = [];
  const taken = new Array<boolean>(words.length).fill(false);
  const tryRun = (length: number, marks: Mark[]): void => {
    const start = between(next, 0, Math.max(0, words.length - length - 1));
    const end = Math.min(words.length, start + length);
    for (let i = start; i < end; i++) if (taken[i]) return;
    for (let i = start; i < end; i++) taken[i] = true;
    runs.push({ start, end, marks });
  };
  if (next() < 0.45) tryRun(between(next, 2, 5), [schema.mark('link', { href: `https://example.com/news/${String(linkId())}` })]);
  if (next() < 0.35) tryRun(between(next, 1, 3), [schema.mark('strong')]);
  if (next() < 0.3) tryRun(between(next, 1, 4), [schema.mark('em')]);
  runs.sort((a, b) => a.start - b.start);

  // Citation spots: after sentence ends (or after the last word), chosen at random.
  const ends = words.flatMap((w, i) => (w.endsWith('.') && !taken[i] ? [i] : []));
  const citeAfter = new Map<number, string[]>();
  for (const id of citations) {
    const at = ends.length ? pick(next, ends) : words.length - 1;
    citeAfter.set(at, [...(citeAfter.get(at) ?? []), id]);
  }

  const out: PMNode[] = [];
  let plain: string[] = [];
  const flush = (): void => {
    out.push(...text(plain.join('')));
    plain = [];
  };
  let run = 0;
  for (let i = 0; i < words.length; i++) {
    const current = runs[run];
    const space = i < words.length - 1 ? ' ' : '';
    if (current && i === current.start) {
      flush();
      // Punctuation and the following space stay outside the mark, as a reporter would select it.
      const inside = words.slice(current.start, current.end).join(' ').replace(/[.,]$/u, '');
      out.push(...text(inside, current.marks));
      plain.push(words[current.end - 1]?.match(/[.,]$/u)?.[0] ?? '');
      i = current.end - 1;
      run++;
    } else plain.push(words[i] as string);
    const cites = citeAfter.get(i);
    if (cites) {
      flush();
      for (const id of cites) out.push(schema.node('citation', { source: id }));
    }
    plain.push(i < words.length - 1 ? space : '');
  }
  flush();
  return out;
}

/** A source's attributes. */
function sourceAttrs(next: () => number, id: string, n: number): Record<string, string> {
  const month = String(between(next, 1, 12)).padStart(2, '0');
  const day = String(between(next, 1, 28)).padStart(2, '0');
  const title = sentences(next, between(next, 3, 8)).join(' ').replace(/\.$/u, '');
  return {
    id,
    title,
    outlet: pick(next, OUTLETS),
    date: `2024-${month}-${day}`,
    url: `https://example.org/source/${String(n)}`,
    note: next() < 0.2 ? 'Interview by phone.' : '',
  };
}

/** A news-shaped draft (see the module comment). Throws `RangeError` for impossible specs. */
export function generateArticle(spec: ArticleSpec): Draft {
  const { words, sources } = spec;
  if (!Number.isSafeInteger(words) || words < 20) throw new RangeError(`words must be a whole number ≥ 20, got ${String(words)}`);
  if (!Number.isSafeInteger(sources) || sources < 0 || sources > 99_999) throw new RangeError(`sources must be a whole number in 0–99999, got ${String(sources)}`);
  const next = seededRandom(spec.seed ?? 6);
  const ids = Array.from({ length: sources }, (_, i) => `src-${String(i + 1).padStart(3, '0')}`);

  const headline = `Budget talks stretch into a ${String(words)}-word night as the council counts the cost`;
  const standfirst = 'Officials, unions and residents spent months on a plan that now faces its final vote.';
  let counted = countWords(headline) + countWords(standfirst);

  // First the body's shape: which blocks, and the words of each paragraph.
  type Planned = { kind: 'paragraph' | 'heading' | 'quote' | 'list'; words: string[]; level?: number } | { kind: 'read_also' };
  const plan: Planned[] = [];
  let sinceHeading = 0;
  let headingEvery = between(next, 3, 6);
  let sinceReadAlso = 0;
  let readAlsoEvery = between(next, 15, 25);
  const take = (n: number): string[] => {
    const list = sentences(next, Math.min(n, words - counted));
    counted += list.length;
    return list;
  };
  while (counted < words) {
    if (sinceHeading >= headingEvery && words - counted > 60) {
      const heading = sentences(next, between(next, 4, 8)).map((w) => w.replace(/[.,]$/u, ''));
      counted += heading.length;
      plan.push({ kind: 'heading', words: heading, level: next() < 0.8 ? 2 : 3 });
      sinceHeading = 0;
      headingEvery = between(next, 3, 6);
      continue;
    }
    if (sinceReadAlso >= readAlsoEvery) {
      plan.push({ kind: 'read_also' });
      sinceReadAlso = 0;
      readAlsoEvery = between(next, 15, 25);
    }
    const roll = next();
    const kind = roll < 0.05 ? 'quote' : roll < 0.08 ? 'list' : 'paragraph';
    plan.push({ kind, words: take(between(next, 40, 80)) });
    sinceHeading++;
    sinceReadAlso++;
  }

  // Then the citations: each source 1–3 times, spread over random paragraphs.
  const prose = plan.flatMap((block, i) => (block.kind === 'paragraph' || block.kind === 'quote' ? [i] : []));
  const citesOf = new Map<number, string[]>();
  for (const id of ids) {
    for (let k = between(next, 1, 3); k > 0; k--) {
      const at = pick(next, prose);
      citesOf.set(at, [...(citesOf.get(at) ?? []), id]);
    }
  }

  let links = 0;
  const linkId = (): number => ++links;
  let readAlsoCount = 0;
  const blocks = plan.map((block, i): PMNode => {
    if (block.kind === 'read_also') {
      readAlsoCount++;
      const items = Array.from({ length: between(next, 1, 3) }, (_, j) =>
        schema.node('read_also_item', {
          title: sentences(next, between(next, 5, 10)).join(' ').replace(/\.$/u, ''),
          url: `https://example.com/related/${String(readAlsoCount)}-${String(j + 1)}`,
          kicker: pick(next, KICKERS),
        }),
      );
      return schema.node('read_also', { title: next() < 0.5 ? 'Read also' : '' }, items);
    }
    if (block.kind === 'heading') return schema.node('heading', { level: block.level ?? 2 }, text(block.words.join(' ')));
    const inline = inlineContent(next, block.words, citesOf.get(i) ?? [], linkId);
    if (block.kind === 'quote') return schema.node('blockquote', null, [schema.node('paragraph', null, inline)]);
    if (block.kind === 'list') {
      // The paragraph's words as 2–4 bullet points (a list of findings).
      const parts = between(next, 2, 4);
      const size = Math.ceil(block.words.length / parts);
      const items: PMNode[] = [];
      for (let p = 0; p < block.words.length; p += size) {
        items.push(schema.node('list_item', null, [schema.node('paragraph', null, text(block.words.slice(p, p + size).join(' ')))]));
      }
      return schema.node('bullet_list', null, items);
    }
    return schema.node('paragraph', null, inline);
  });

  const doc = schema.node('doc', null, [
    schema.node('headline', null, text(headline)),
    schema.node('standfirst', null, text(standfirst)),
    ...blocks,
    schema.node('sources', null, ids.map((id, i) => schema.node('source', sourceAttrs(next, id, i + 1)))),
  ]);
  doc.check();
  const stamp = '2024-06-01T08:00:00.000Z';
  return {
    meta: { slug: `bench-${String(words)}`, section: 'Politics', tags: ['budget', 'council'], authors: ['Bench Reporter'], status: 'draft', created: stamp, updated: stamp },
    doc,
  };
}

/** What `generateReviewArticle` adds to an article. */
export interface ReviewArticleSpec extends ArticleSpec {
  /** Pending suggestions (insertions, deletions, replacements, format changes, a few citation retargets). */
  readonly suggestions: number;
  /** Comment threads, each anchored by a comment mark. */
  readonly threads: number;
}

/** Issue 12's review draft: the XL article with 1,000 suggestions and 200 threads. */
export const REVIEW_XL = { ...SIZES.XL, suggestions: 1_000, threads: 200 } as const satisfies ReviewArticleSpec;

/** The reviewers of a generated review draft (ids of the author table). */
export const REVIEW_AUTHORS = {
  'rev-ana': { name: 'Ana Lopes', initials: 'AL' },
  'rev-ben': { name: 'Ben Okafor', initials: 'BO' },
  'rev-cleo': { name: 'Cleo Marsh', initials: 'CM' },
} as const;

/** How many of a review draft's suggestions retarget a citation (the rest are text and format changes). */
const RETARGETS = 20;

const COMMENTS = ['Can we source this?', 'Check the figure with the desk.', 'Too long, cut?', 'Who said this?', 'Legal should see this line.', 'Clearer wording please.'];

/**
 * `generateArticle(spec)` with review in it: `spec.suggestions` pending suggestions by the three
 * `REVIEW_AUTHORS` (about 35 % insertions, 25 % deletions, 25 % replacements, 15 % format
 * changes, and up to 20 citations moved to another source) and `spec.threads` comment threads
 * (1–3 messages, about one in five resolved), each on its own run of plain text, and the doc's
 * `review` attribute filled. Seeded like `generateArticle`: the same spec gives the same draft
 * (ids `s0001…`, `t0001…`, times from a fixed clock). Throws `RangeError` when the article has
 * too few plain text runs for them.
 */
export function generateReviewArticle(spec: ReviewArticleSpec): Draft {
  const base = generateArticle(spec);
  const next = seededRandom((spec.seed ?? 6) + 12);
  const doc = base.doc;
  const authors = Object.keys(REVIEW_AUTHORS);
  const clock = Date.parse('2024-06-02T09:00:00.000Z');
  const time = (n: number): string => new Date(clock + n * 60_000).toISOString();

  // Plain text runs (no marks) of 6 words or more in body paragraphs, and every citation.
  const runs: { pos: number; text: string }[] = [];
  const citations: { pos: number; source: string }[] = [];
  doc.forEach((block, offset, index) => {
    if (index < 2 || block.type.name !== 'paragraph') return;
    block.forEach((child, childOffset) => {
      const pos = offset + 1 + childOffset;
      if (child.isText && child.marks.length === 0 && (child.text ?? '').split(' ').length >= 6) runs.push({ pos, text: child.text ?? '' });
      else if (child.type.name === 'citation') citations.push({ pos, source: child.attrs.source as string });
    });
  });
  const retargets = Math.min(RETARGETS, citations.length, spec.suggestions);
  const needed = spec.suggestions - retargets + spec.threads;
  if (runs.length < needed) throw new RangeError(`the article has ${String(runs.length)} plain text runs; ${String(needed)} are needed`);
  // A seeded shuffle; the first `needed` runs get one change each.
  for (let i = runs.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [runs[i], runs[j]] = [runs[j] as (typeof runs)[number], runs[i] as (typeof runs)[number]];
  }

  type Change = { pos: number; apply: (tr: Transform) => void };
  const changes: Change[] = [];
  let suggestionNo = 0;
  const stamp = (): { id: string; author: string; at: string } => {
    suggestionNo++;
    return { id: `s${String(suggestionNo).padStart(4, '0')}`, author: pick(next, authors), at: time(suggestionNo) };
  };
  // Words of a run: [start, end) character offsets.
  const wordsOf = (value: string): [number, number][] => Array.from(value.matchAll(/\S+/gu), (m) => [m.index, m.index + m[0].length]);

  for (let i = 0; i < spec.suggestions - retargets; i++) {
    const { pos, text: value } = runs[i] as (typeof runs)[number];
    const words = wordsOf(value);
    const w = between(next, 0, words.length - 4);
    const count = between(next, 1, 3);
    const [start] = words[w] as [number, number];
    const [, end] = words[w + count - 1] as [number, number];
    const s = stamp();
    const roll = next();
    if (roll < 0.35) {
      const inserted = ` ${sentences(next, between(next, 1, 4)).join(' ').replace(/[.,]$/u, '').toLowerCase()}`;
      changes.push({ pos: pos + end, apply: (tr) => void tr.insert(pos + end, schema.text(inserted, [schema.mark('insertion', s)])) });
    } else if (roll < 0.6) {
      // The words and the space after them, so that accepting leaves one space.
      changes.push({ pos: pos + start, apply: (tr) => void tr.addMark(pos + start, pos + end + 1, schema.mark('deletion', s)) });
    } else if (roll < 0.85) {
      const inserted = sentences(next, count).join(' ').replace(/[.,]$/u, '').toLowerCase();
      changes.push({
        pos: pos + start,
        apply: (tr) => {
          tr.insert(pos + end, schema.text(inserted, [schema.mark('insertion', s)]));
          tr.addMark(pos + start, pos + end, schema.mark('deletion', s));
        },
      });
    } else {
      const format = next() < 0.6 ? schema.mark('strong') : schema.mark('em');
      changes.push({
        pos: pos + start,
        apply: (tr) => {
          tr.addMark(pos + start, pos + end, format);
          tr.addMark(pos + start, pos + end, schema.mark('format_change', { ...s, before: [] }));
        },
      });
    }
  }
  // Citations moved to another source (attr_change remembers the old one).
  const ids = Array.from({ length: spec.sources }, (_, i) => `src-${String(i + 1).padStart(3, '0')}`);
  for (let i = 0; i < retargets; i++) {
    const { pos, source } = citations[Math.floor(((i + next()) * citations.length) / retargets)] as (typeof citations)[number];
    let other = pick(next, ids);
    if (other === source) other = ids[(ids.indexOf(other) + 1) % ids.length] as string;
    const s = stamp();
    changes.push({
      pos,
      apply: (tr) => {
        tr.setNodeAttribute(pos, 'source', other);
        tr.addNodeMark(pos, schema.mark('attr_change', { ...s, before: { source } }));
      },
    });
  }
  // Threads on runs of their own.
  const threads: Thread[] = [];
  for (let i = 0; i < spec.threads; i++) {
    const { pos, text: value } = runs[spec.suggestions - retargets + i] as (typeof runs)[number];
    const words = wordsOf(value);
    const w = between(next, 0, words.length - 6);
    const [start] = words[w] as [number, number];
    const [, end] = words[w + between(next, 2, 5) - 1] as [number, number];
    const id = `t${String(i + 1).padStart(4, '0')}`;
    const messages = Array.from({ length: between(next, 1, 3) }, (_, m) => ({ author: pick(next, authors), at: time(2_000 + i * 5 + m), text: pick(next, COMMENTS) }));
    threads.push({ id, quote: value.slice(start, end), messages, ...(next() < 0.2 ? { resolved: { by: pick(next, authors), at: time(3_000 + i) } } : {}) });
    changes.push({ pos: pos + start, apply: (tr) => void tr.addMark(pos + start, pos + end, schema.mark('comment', { thread: id })) });
  }

  // From the end backwards: each change stays inside its run, so no earlier position moves.
  const tr = new Transform(doc);
  for (const change of changes.sort((a, b) => b.pos - a.pos)) change.apply(tr);
  tr.setDocAttribute('review', { authors: { ...REVIEW_AUTHORS }, threads } satisfies ReviewData);
  tr.doc.check();
  return { meta: base.meta, doc: tr.doc };
}
