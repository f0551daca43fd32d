/**
 * The library's status helpers (renderer/app/library): counts per status and the filter, who has a
 * draft open, and the short "since" time of a status and the approval dialog's wording.
 */
import { describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../shared/ipc/channels';
import { countByStatus, withStatus } from '../../renderer/app/library/by-status';
import { blockersText, formatSince, holderText, sinceText } from '../../renderer/app/status-labels';

const summary = (name: string, status: DraftSummary['status']): DraftSummary => ({ name, headline: name, status, updated: '2026-12-02T10:00:00.000Z', words: 1, bytes: 1 });
const DRAFTS = [summary('a', 'draft'), summary('b', 'ready-for-edit'), summary('c', 'ready-for-edit'), summary('d', 'revise'), summary('e', null)];

describe('the library by status', () => {
  it('counts each status, every status present, an unreadable file in none', () => {
    expect(countByStatus(DRAFTS)).toEqual({ draft: 1, 'ready-for-edit': 2, revise: 1, edited: 0, approved: 0 });
    expect(countByStatus([])).toEqual({ draft: 0, 'ready-for-edit': 0, revise: 0, edited: 0, approved: 0 });
  });

  it('filters by one status, or none', () => {
    expect(withStatus(DRAFTS, 'ready-for-edit').map((d) => d.name)).toEqual(['b', 'c']);
    expect(withStatus(DRAFTS, 'approved')).toEqual([]);
    expect(withStatus(DRAFTS, null)).toBe(DRAFTS);
  });

  it('says who has a draft open, and "you" for this installation', () => {
    const holder = { id: 'ben', name: 'Ben Ortiz', machine: 'ben-mac', since: '2026-12-02T10:00:00.000Z', refreshed: '2026-12-02T10:00:30.000Z' };
    expect(holderText(holder, 'ana')).toBe('Open by Ben Ortiz on ben-mac');
    expect(holderText(holder, null)).toBe('Open by Ben Ortiz on ben-mac');
    expect(holderText(holder, 'ben')).toBe('Open by you');
  });
});

describe('since when', () => {
  const now = new Date(2026, 11, 2, 16, 30);
  it('is a time today, a day and time this year, a date before', () => {
    const today = formatSince(new Date(2026, 11, 2, 14, 2).toISOString(), now);
    expect(today).toMatch(/14|2:02/u);
    expect(today).not.toMatch(/Dec|2026/u);
    const earlier = formatSince(new Date(2026, 10, 28, 9, 5).toISOString(), now);
    expect(earlier).toMatch(/28/u);
    expect(earlier).not.toMatch(/2026/u);
    expect(formatSince(new Date(2025, 7, 17, 9, 0).toISOString(), now)).toMatch(/2025/u);
    expect(formatSince('not a date', now)).toBe('not a date');
  });

  it('names who set the status', () => {
    expect(sinceText({ by: { id: 'ana', name: 'Ana Garcia' }, at: new Date(2026, 11, 2, 14, 2).toISOString() }, now)).toMatch(/^since .+, Ana Garcia$/u);
  });
});

describe('what blocks approval, in words', () => {
  it('counts suggestions and threads, singular and plural', () => {
    expect(blockersText({ suggestions: 1, threads: 0 })).toBe('1 suggestion is pending');
    expect(blockersText({ suggestions: 3, threads: 2 })).toBe('3 suggestions are pending and 2 comment threads are open');
    expect(blockersText({ suggestions: 0, threads: 1 })).toBe('1 comment thread is open');
  });
});
