import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { findProblems } from '../../shared/problems';
import { arbDraft } from './helpers/arbitrary-doc';

describe('random drafts (fast-check)', () => {
  it('survive save → load unchanged, and save again to the same bytes', () => {
    fc.assert(
      fc.property(arbDraft, (draft) => {
        const text = serializeDraft(draft);
        const loaded = parseDraft(text);
        expect(loaded.doc.eq(draft.doc)).toBe(true);
        expect(loaded.meta).toEqual(draft.meta);
        expect(serializeDraft(loaded)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('can always be checked, and every problem points into the document', () => {
    fc.assert(
      fc.property(arbDraft, (draft) => {
        for (const problem of findProblems(draft.doc)) {
          expect(problem.pos).toBeGreaterThanOrEqual(0);
          expect(problem.pos).toBeLessThan(draft.doc.content.size);
          expect(problem.message).not.toBe('');
        }
      }),
      { numRuns: 200 },
    );
  });
});
