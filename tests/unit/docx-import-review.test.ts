/**
 * Word import of review data (shared/import/docx): tracked changes become suggestions and comments
 * become threads, from real files (tests/fixtures/docx, tests/tools/make-docx-fixtures.sh):
 * review.docx (pandoc: an insertion and a deletion by two authors, a comment, a javascript: link)
 * and libreoffice-comments.docx (LibreOffice: comments, one resolved, one reply). Also: the HTML
 * intake policy applies to what mammoth makes (the javascript: link never reaches the draft).
 */
import { readFileSync } from 'node:fs';
import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { bodyBlocks } from '../../shared/article';
import { importDocx } from '../../shared/import/docx/index';
import { indexReview } from '../../shared/review/index';
import { decideSuggestions, finalDoc } from '../../shared/review/resolve';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/docx/${name}`, import.meta.url)));
const NOW = new Date('2026-01-02T03:04:05.000Z');

describe('pandoc: tracked changes and a comment', async () => {
  const { draft, report } = await importDocx(fixture('review.docx'), { fileName: 'review.docx', now: NOW });
  const index = indexReview(draft.doc);

  it('makes each tracked change a suggestion with its author and date', () => {
    expect(index.suggestions.map(({ author, at, kind, description }) => ({ author, at, kind, description }))).toEqual([
      { author: 'word-ana-garcia', at: '2026-01-02T10:00:00Z', kind: 'insertion', description: expect.stringContaining('approved') as unknown },
      { author: 'word-ben-okafor', at: '2026-01-03T11:30:00Z', kind: 'deletion', description: expect.stringContaining('passed') as unknown },
    ]);
    expect(index.authors).toEqual({ 'word-ana-garcia': { name: 'Ana García', initials: 'AG' }, 'word-ben-okafor': { name: 'Ben Okafor', initials: 'BO' } });
  });

  it('reads with every change accepted, or rejected, as Word would show it', () => {
    const first = (doc: typeof draft.doc): string => bodyBlocks(doc)[0]?.textContent ?? '';
    expect(first(finalDoc(draft.doc))).toBe('The council approved the budget on Tuesday.');
    const tr = new Transform(draft.doc);
    decideSuggestions(tr, 'reject');
    expect(first(tr.doc)).toBe('The council passed the budget on Tuesday.');
  });

  it('makes the comment a thread anchored on its range, with author and date', () => {
    expect(index.threads).toHaveLength(1);
    const entry = index.threads[0];
    expect(entry?.detached).toBe(false);
    expect(entry?.thread).toEqual({ id: 'docx-c0', quote: 'Nine members voted for it', messages: [{ author: 'word-ana-garcia', at: '2026-01-02T10:05:00Z', text: 'Check the vote count' }] });
    expect(draft.doc.textBetween(entry?.from ?? 0, entry?.to ?? 0)).toBe('Nine members voted for it');
  });

  it('keeps no marker characters, and says what it did', () => {
    expect(draft.doc.textContent).not.toMatch(/[\uE000\uE001]/u);
    expect(report.notes).toContain('2 tracked changes became suggestions, with their authors and dates.');
    expect(report.notes).toContain('1 Word comment became 1 review thread (replies as later messages).');
  });

  it('applies the HTML intake policy: a Word hyperlink to javascript: does not reach the draft', () => {
    const hrefs: string[] = [];
    draft.doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'link') hrefs.push(mark.attrs.href as string);
      return true;
    });
    expect(hrefs).toEqual(['https://council.example/agenda']);
    expect(JSON.stringify(draft.doc.toJSON())).not.toMatch(/javascript/iu);
    expect(bodyBlocks(draft.doc)[2]?.textContent).toBe('Read the minutes or the agenda.');
    expect(report.dropped).toContain('The link to “javascript:alert(1)” on “minutes” (a scheme Copydesk does not keep; the text is kept).');
  });
});

describe('LibreOffice: a comment with a reply, and a resolved comment', async () => {
  const { draft, report } = await importDocx(fixture('libreoffice-comments.docx'), { fileName: 'libreoffice-comments.docx', now: NOW });
  const index = indexReview(draft.doc);

  it('makes the reply the thread\'s second message, and the resolved comment a resolved thread', () => {
    expect(index.threads.map((entry) => entry.thread)).toEqual([
      {
        id: 'docx-c0',
        quote: 'old bridge',
        messages: [
          { author: 'word-ana-garcia', at: '2026-01-02T10:00:00Z', text: 'Which bridge?' },
          { author: 'word-ben-okafor', at: '2026-01-02T11:00:00Z', text: 'The one on Mill Street.' },
        ],
      },
      {
        id: 'docx-c2',
        quote: 'will be diverted',
        messages: [{ author: 'word-ben-okafor', at: '2026-01-02T12:00:00Z', text: 'Add the detour.' }],
        resolved: { by: 'word-ben-okafor', at: '2026-01-02T12:00:00Z' },
      },
    ]);
    expect(index.threads.every((entry) => !entry.detached)).toBe(true);
    expect(index.suggestions).toEqual([]);
    expect(report.notes).toContain('3 Word comments became 2 review threads (replies as later messages).');
  });
});
