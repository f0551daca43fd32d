/**
 * The transaction that puts a merged document in place (renderer/app/session/merge-theirs.ts
 * `replaceDocTransaction`): for any two articles it turns the first into the second exactly (a
 * replace step over the part that differs, or of the whole content), attributes included, as one
 * step of undo; and who the other person's changes are by (`mergeAuthor`).
 */
import fc from 'fast-check';
import { undo } from 'prosemirror-history';
import type { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { createEditorState } from '../../renderer/editor/create-editor';
import { mergeAuthor, replaceDocTransaction, SOMEONE_ELSE_ID } from '../../renderer/app/session/merge-theirs';
import { arbDoc } from './helpers/arbitrary-doc';
import { article, p } from './helpers/build';

describe('replaceDocTransaction', () => {
  it('turns any article into any other, in one step of undo', () => {
    fc.assert(
      fc.property(arbDoc, arbDoc, (a, b) => {
        const state = createEditorState(a);
        const next = state.apply(replaceDocTransaction(state, b));
        expect(next.doc.eq(b)).toBe(true);
        let undone: EditorState = next;
        undo(next, (tr) => (undone = next.apply(tr)));
        if (!a.eq(b)) expect(undone.doc.eq(a)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('replaces only the part that differs', () => {
    const a = article({ headline: 'Storm batters coast', body: [p('One.'), p('Two.'), p('Three.')] });
    const b = article({ headline: 'Storm batters coast', body: [p('One.'), p('Two, then more.'), p('Three.')] });
    const state = createEditorState(a);
    const tr = replaceDocTransaction(state, b);
    expect(tr.steps).toHaveLength(1);
    // Before the change (the headline) and after it (the last paragraph, the sources), positions keep their text.
    expect(tr.mapping.map(3)).toBe(3);
    expect(tr.mapping.map(a.content.size - 3)).toBe(b.content.size - 3);
    expect(tr.doc.eq(b)).toBe(true);
  });
});

describe('mergeAuthor', () => {
  it('is whoever saved the file, or someone else', () => {
    expect(mergeAuthor({ id: 'ben-id', name: 'Ben Ortiz' })).toEqual({ id: 'ben-id', name: 'Ben Ortiz', initials: 'BO' });
    expect(mergeAuthor(undefined)).toEqual({ id: SOMEONE_ELSE_ID, name: 'Someone else', initials: 'SE' });
  });
});
