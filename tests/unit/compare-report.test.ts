/**
 * The one rendering of a comparison (shared/compare/report.ts), on hand-made comparisons: the
 * summary line, the places, the coarse and pending notes, and the JSON shape.
 */
import { describe, expect, it } from 'vitest';
import { changePlace, COMPARE_KINDS, comparisonJson, comparisonLines, pendingNote, summaryLine } from '../../shared/compare/report';
import type { CompareChange, CompareChangeKind, Comparison } from '../../shared/compare/types';
import { article, p } from './helpers/build';

const change = (kind: CompareChangeKind, description: string, old: number | null, now: number | null, deleted = '', inserted = ''): CompareChange => ({
  kind,
  description,
  block: { old, new: now },
  from: 0,
  to: 0,
  deleted,
  inserted,
});

function comparisonOf(changes: CompareChange[], extra: Partial<Pick<Comparison, 'coarse' | 'pending'>> = {}): Comparison {
  const byKind: Partial<Record<CompareChangeKind, number>> = {};
  for (const c of changes) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
  return { doc: article({ headline: 'H', body: [p('Text.')] }), changes, summary: { total: changes.length, byKind }, coarse: [], pending: { old: 0, new: 0 }, ...extra };
}

const seven = comparisonOf([
  change('text', 'Replaced “Safety” → “Security”', 1, 1, 'Safety', 'Security'),
  change('block-moved', 'Moved paragraph', 3, 9),
  change('text', 'Inserted “, on Monday,”', 4, 4, '', ', on Monday,'),
  change('format', 'Bold: “NATO’s Article 5”', 6, 6),
  change('citation', '[1] → [2]: Reuters → CFR', 8, 8),
  change('text', 'Deleted “, especially after the Alaska summit”', 10, 10, ', especially after the Alaska summit', ''),
  change('text', 'Deleted paragraph', 13, null, 'Russia and Ukraine had negotiations.', ''),
]);

describe('summaryLine', () => {
  it('counts by kind in the order of the kinds, and says "No changes"', () => {
    expect(summaryLine(seven.summary)).toBe('7 changes: 4 text, 1 citation, 1 format, 1 block moved');
    expect(summaryLine({ total: 0, byKind: {} })).toBe('No changes');
    expect(summaryLine({ total: 1, byKind: { source: 1 } })).toBe('1 change: 1 source');
    expect(summaryLine({ total: 7, byKind: { 'block-moved': 2, split: 1, join: 2, 'read-also': 2 } })).toBe('7 changes: 2 blocks moved, 1 paragraph split, 2 paragraph joins, 2 “Read also”');
  });

  it('has a wording for every kind', () => {
    for (const kind of COMPARE_KINDS) expect(summaryLine({ total: 2, byKind: { [kind]: 2 } })).toMatch(/^2 changes: 2 \S/u);
    expect(COMPARE_KINDS).toHaveLength(12);
  });
});

describe('changePlace', () => {
  it('is the block in the new version, "was" a block only in the old, old → new for a move', () => {
    expect(changePlace({ kind: 'text', block: { old: 4, new: 5 } })).toBe('¶5');
    expect(changePlace({ kind: 'block-removed', block: { old: 5, new: null } })).toBe('was ¶5');
    expect(changePlace({ kind: 'block-added', block: { old: null, new: 7 } })).toBe('¶7');
    expect(changePlace({ kind: 'block-moved', block: { old: 3, new: 9 } })).toBe('¶3 → ¶9');
    expect(changePlace({ kind: 'block-moved', block: { old: 3, new: 3 } })).toBe('¶3');
  });
});

describe('comparisonLines', () => {
  it('gives the summary, then one aligned line per change', () => {
    expect(comparisonLines(seven)).toEqual([
      '7 changes: 4 text, 1 citation, 1 format, 1 block moved',
      '¶1       Replaced “Safety” → “Security”',
      '¶3 → ¶9  Moved paragraph',
      '¶4       Inserted “, on Monday,”',
      '¶6       Bold: “NATO’s Article 5”',
      '¶8       [1] → [2]: Reuters → CFR',
      '¶10      Deleted “, especially after the Alaska summit”',
      'was ¶13  Deleted paragraph',
    ]);
  });

  it('says "No changes" alone, and adds the coarse blocks and the pending suggestions', () => {
    expect(comparisonLines(comparisonOf([]))).toEqual(['No changes']);
    const lines = comparisonLines(
      comparisonOf([change('text', 'Replaced paragraph', 12, 12, 'a', 'b')], {
        coarse: [{ block: 12, reason: 'paragraph 12 is too long to compare word by word; shown as replaced' }],
        pending: { old: 2, new: 0 },
      }),
    );
    expect(lines).toEqual([
      '1 change: 1 text',
      '¶12  Replaced paragraph',
      'Compared whole: paragraph 12 is too long to compare word by word; shown as replaced',
      'Pending suggestions are compared as accepted: 2 in the old version, none in the new.',
    ]);
    expect(pendingNote({ old: 0, new: 0 })).toBeNull();
  });
});

describe('comparisonJson', () => {
  it('has the documented shape and key order, without document positions', () => {
    const json = comparisonJson({ ...seven, summary: { total: 7, byKind: { format: 1, text: 4, 'block-moved': 1, citation: 1, join: 0 } } });
    expect(Object.keys(json)).toEqual(['summary', 'changes', 'coarse', 'pending']);
    expect(json.summary).toEqual({ total: 7, byKind: { text: 4, citation: 1, format: 1, 'block-moved': 1 }, line: '7 changes: 4 text, 1 citation, 1 format, 1 block moved' });
    expect(Object.keys(json.summary.byKind)).toEqual(['text', 'citation', 'format', 'block-moved']);
    expect(json.changes[0]).toEqual({ kind: 'text', place: '¶1', description: 'Replaced “Safety” → “Security”', block: { old: 1, new: 1 }, deleted: 'Safety', inserted: 'Security' });
    expect(Object.keys(json.changes[0] ?? {})).toEqual(['kind', 'place', 'description', 'block', 'deleted', 'inserted']);
    expect(json.changes[6]).toMatchObject({ place: 'was ¶13', block: { old: 13, new: null } });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.pending).toEqual({ old: 0, new: 0 });
  });
});
