/**
 * Draft format version 2 (review): a version 1 file loads and saves as version 2 with its document
 * unchanged; a version 2 file with review data round-trips byte for byte; the document check
 * refuses review marks that do not hold together, naming the place.
 */
import { draftRefusal } from './helpers/draft-refusal';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DRAFT_VERSION, parseDraft, serializeDraft } from '../../shared/draft/format';
import { reviewArticle } from '../tools/make-review-fixture';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const V1 = fixture('seed-article-v1.copydesk');
const SEED = fixture('seed-article.copydesk');
const REVIEW = fixture('review-article.copydesk');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests mutate raw draft JSON freely
type Raw = any;

const mutated = (text: string, change: (raw: Raw) => void): string => {
  const raw = JSON.parse(text) as Raw;
  change(raw);
  return JSON.stringify(raw);
};

/** The first text node of the doc's child `index` whose marks include `type`. */
const markedText = (raw: Raw, index: number, type: string): Raw =>
  (raw.doc.content[index].content as Raw[]).find((node) => (node.marks as Raw[] | undefined)?.some((mark) => mark.type === type));

describe('draft format version 2', () => {
  it('is the version written', () => {
    expect(DRAFT_VERSION).toBe(2);
    expect(JSON.parse(SEED)).toMatchObject({ version: 2 });
  });

  it('loads a version 1 file with its document unchanged and saves it as version 2', () => {
    expect(JSON.parse(V1)).toMatchObject({ version: 1 });
    const old = parseDraft(V1);
    const current = parseDraft(SEED);
    expect(old.doc.eq(current.doc)).toBe(true);
    expect(old.meta).toEqual(current.meta);
    expect(old.doc.attrs.review).toBeNull();
    // The only difference between the two files is the version.
    expect(serializeDraft(old)).toBe(SEED);
    expect(V1.replace('"version": 1,', '"version": 2,')).toBe(SEED);
  });

  it('loads a version 2 file with review data and writes it back byte for byte', () => {
    const draft = parseDraft(REVIEW);
    expect(serializeDraft(draft)).toBe(REVIEW);
    const review = draft.doc.attrs.review as { authors: Record<string, unknown>; threads: { id: string }[] };
    expect(Object.keys(review.authors)).toEqual(['a-editor', 'a-reporter']);
    expect(review.threads.map((thread) => thread.id)).toEqual(['t-visit', 't-territory', 't-gone']);
  });

  it('is the fixture its script makes (tests/tools/make-review-fixture.ts)', () => {
    expect(reviewArticle(SEED)).toBe(REVIEW);
  });

  it('refuses a version 1 file whose migration result is not a draft, as before', () => {
    expect(draftRefusal(mutated(V1, (raw) => delete raw.meta)).kind).toBe('invalid-metadata');
  });
});

describe('review in the document check', () => {
  it('checks the review data', () => {
    const error = draftRefusal(mutated(REVIEW, (raw) => (raw.doc.attrs.review.threads[0].messages = [])));
    expect(error.kind).toBe('invalid-document');
    expect(error.message).toContain('invalid review data at threads.0.messages');
  });

  it('refuses a thread id held twice', () => {
    const error = draftRefusal(mutated(REVIEW, (raw) => (raw.doc.attrs.review.threads[1].id = 't-visit')));
    expect(error.message).toBe('The draft\'s review data holds thread "t-visit" twice.');
  });

  it('refuses a comment whose thread is not in the review data, naming where it is', () => {
    const error = draftRefusal(mutated(REVIEW, (raw) => raw.doc.attrs.review.threads.shift()));
    expect(error.kind).toBe('invalid-document');
    expect(error.message).toBe('The draft\'s document has a comment in the standfirst whose thread "t-visit" is not in the draft\'s review data.');
    const inBody = draftRefusal(mutated(REVIEW, (raw) => (raw.doc.attrs.review.threads[1].id = 't-other')));
    expect(inBody.message).toContain('a comment in paragraph 7 of the body (“The meeting in Washington is cru…”) whose thread "t-territory"');
  });

  it('refuses a comment in a draft without review data', () => {
    const error = draftRefusal(mutated(REVIEW, (raw) => delete raw.doc.attrs));
    expect(error.message).toContain('whose thread "t-visit" is not in the draft\'s review data');
  });

  it.each(['id', 'author', 'at'])('refuses a suggestion mark without its %s, naming where it is', (key) => {
    const error = draftRefusal(
      mutated(REVIEW, (raw) => {
        delete markedText(raw, 0, 'insertion').marks[0].attrs[key];
      }),
    );
    expect(error.kind).toBe('invalid-document');
    expect(error.message).toContain(`at document › the headline › text 3: suggestion mark insertion has no ${key} (every suggestion carries its id, author and time)`);
  });

  it('refuses a suggestion stamped with a time that is no time', () => {
    const error = draftRefusal(
      mutated(REVIEW, (raw) => {
        markedText(raw, 0, 'insertion').marks[0].attrs.at = '2026-99-99T99:99Z';
      }),
    );
    expect(error.kind).toBe('invalid-document');
    expect(error.message).toContain('2026-99-99T99:99Z');
  });

  it('refuses a block suggestion mark without its stamp', () => {
    const error = draftRefusal(
      mutated(REVIEW, (raw) => {
        const paragraph = (raw.doc.content as Raw[]).find((node) => node.marks !== undefined);
        paragraph.marks[0].attrs = {};
      }),
    );
    expect(error.message).toContain('suggestion mark deletion has no id, author, at');
  });

  it('keeps a thread with no comment mark left (detached) and an author missing from the table', () => {
    const text = mutated(REVIEW, (raw) => delete raw.doc.attrs.review.authors['a-reporter']);
    expect(() => parseDraft(text)).not.toThrow();
  });
});
