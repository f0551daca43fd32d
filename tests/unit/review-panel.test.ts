// The review panel's logic without a browser: the cards in document order under the filter, the
// stops of next/previous, the suggestion at the cursor, where the cursor lands after a decision,
// and the review commands on an editor state (one transaction each, undoable, refused in Viewing
// mode), and the active thread's decoration.
import { undo } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewIndex } from '../../shared/review/model';
import { schema } from '../../shared/schema';

const mode = vi.hoisted(() => ({ current: 'editing' as 'editing' | 'suggesting' | 'viewing' }));
vi.mock(import('../../renderer/editor/review-mode'), async (importOriginal) => ({
  ...(await importOriginal()),
  reviewModeOf: () => mode.current,
}));

const { createEditorState } = await import('../../renderer/editor/create-editor');
const { reviewIndexOf } = await import('../../renderer/editor/review-actions');
const { DEFAULT_FILTER, landingAfter, reviewItems, reviewStops, stopFrom, suggestionAt } = await import('../../renderer/editor/review-list');
const { decideCurrent, decideOne, decideWhere, goToChange, reviewFocusOf, setReviewFocus } = await import('../../renderer/editor/review-commands');

const AT = '2026-11-30T10:00:00.000Z';
const text = (t: string, marks: unknown[] = []): Record<string, unknown> => ({ type: 'text', text: t, ...(marks.length ? { marks } : {}) });
const mark = (type: string, id: string, author: string): Record<string, unknown> => ({ type, attrs: { id, author, at: AT } });

function makeState(): EditorState {
  const doc = schema.nodeFromJSON({
    type: 'doc',
    attrs: {
      review: {
        authors: { ed: { name: 'Ed', initials: 'E' }, rita: { name: 'Rita', initials: 'R' } },
        threads: [
          { id: 'tb', quote: 'budget', messages: [{ author: 'rita', at: AT, text: 'Sure?' }] },
          { id: 'tgone', quote: 'gone', messages: [{ author: 'ed', at: AT, text: 'Where?' }] },
          { id: 'tdone', quote: 'x', messages: [{ author: 'ed', at: AT, text: 'ok' }], resolved: { by: 'ed', at: AT } },
          { id: 'twhy', quote: '', suggestion: 'sdel', messages: [{ author: 'rita', at: AT, text: 'Too much' }] },
        ],
      },
    },
    content: [
      { type: 'headline', content: [text('Head')] },
      { type: 'standfirst', content: [text('Stand')] },
      { type: 'paragraph', content: [text('Met on '), text('Tuesday', [mark('insertion', 'sins', 'ed')]), text(' and '), text('quickly ', [mark('deletion', 'sdel', 'rita')]), text('voted.')] },
      { type: 'paragraph', content: [text('The '), text('budget', [{ type: 'comment', attrs: { thread: 'tb' } }]), text(' rose by '), text('two', [mark('deletion', 'srep', 'ed')]), text('three', [mark('insertion', 'srep', 'ed')]), text('.')] },
      { type: 'sources', content: [] },
    ],
  });
  return createEditorState(doc);
}

function run(state: EditorState, command: (s: EditorState, d?: (tr: Transaction) => void) => boolean): { state: EditorState; trs: number; done: boolean } {
  let next = state;
  let trs = 0;
  const done = command(state, (tr) => {
    trs++;
    next = next.apply(tr);
  });
  return { state: next, trs, done };
}

const selected = (state: EditorState): string => state.doc.textBetween(state.selection.from, state.selection.to);
const at = (state: EditorState, word: string): number => {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text?.includes(word)) found = pos + (node.text.indexOf(word));
  });
  return found;
};

beforeEach(() => {
  mode.current = 'editing';
});

describe('the cards', () => {
  it('lists suggestions and threads in document order, threads about a suggestion on its card, detached last, resolved hidden', () => {
    const index = reviewIndexOf(makeState());
    const items = reviewItems(index, DEFAULT_FILTER);
    expect(items.map((i) => i.id)).toEqual(['sins', 'sdel', 'tb', 'srep', 'tgone']);
    const del = items[1];
    expect(del?.kind === 'suggestion' && del.threads.map((t) => t.thread.id)).toEqual(['twhy']);
  });

  it('filters suggestions, comments and resolved threads; with changes filtered out, a comment on a change is a card of its own', () => {
    const index = reviewIndexOf(makeState());
    expect(reviewItems(index, { suggestions: false, comments: true, resolved: false }).map((i) => i.id)).toEqual(['tb', 'tgone', 'twhy']);
    expect(reviewItems(index, { suggestions: true, comments: false, resolved: false }).map((i) => i.id)).toEqual(['sins', 'sdel', 'srep']);
    expect(reviewItems(index, { suggestions: false, comments: true, resolved: true }).map((i) => i.id)).toEqual(['tb', 'tgone', 'tdone', 'twhy']);
  });

  it('stops at suggestions and open anchored threads, wrapping around', () => {
    const stops = reviewStops(reviewIndexOf(makeState()));
    expect(stops.map((s) => s.id)).toEqual(['sins', 'sdel', 'tb', 'srep']);
    expect(stopFrom(stops, 0, 1)?.id).toBe('sins');
    expect(stopFrom(stops, stops[3]!.from, 1)?.id).toBe('sins');
    expect(stopFrom(stops, stops[1]!.from, -1)?.id).toBe('sins');
    expect(stopFrom(stops, 0, -1)?.id).toBe('srep');
    expect(stopFrom([], 0, 1)).toBeNull();
  });

  it('finds the suggestion at the cursor and where the cursor lands after a decision', () => {
    const state = makeState();
    const index: ReviewIndex = reviewIndexOf(state);
    expect(suggestionAt(index, at(state, 'Tuesday') + 2, at(state, 'Tuesday') + 2)?.id).toBe('sins');
    expect(suggestionAt(index, at(state, 'Met'), at(state, 'Met'))).toBeNull();
    expect(landingAfter(index, at(state, ' and '))?.id).toBe('sdel');
    expect(landingAfter(index, state.doc.content.size)?.id).toBe('sins');
  });
});

describe('the review commands', () => {
  it('accepts one suggestion in one transaction, lands on the next change, and one undo takes it back', () => {
    const start = makeState();
    const { state, trs, done } = run(start, decideOne('accept', 'sins'));
    expect(done).toBe(true);
    expect(trs).toBe(1);
    expect(reviewIndexOf(state).suggestions.map((s) => s.id)).toEqual(['sdel', 'srep']);
    expect(state.doc.textContent).toContain('Met on Tuesday and quickly voted.');
    expect(selected(state)).toBe('quickly ');
    const undone = run(state, undo).state;
    expect(undone.doc.eq(start.doc)).toBe(true);
  });

  it('rejects the suggestion at the cursor; all of one author; refuses in Viewing mode', () => {
    let state = makeState();
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, 'quickly') + 1)));
    const rejected = run(state, decideCurrent('reject')).state;
    // Rejecting a deletion keeps the text, unmarked.
    expect(rejected.doc.textContent).toContain('Met on Tuesday and quickly voted.');
    expect(reviewIndexOf(rejected).suggestions.map((s) => s.id)).toEqual(['sins', 'srep']);
    const byEd = run(makeState(), decideWhere('accept', (s) => s.author === 'ed'));
    expect(byEd.trs).toBe(1);
    expect(reviewIndexOf(byEd.state).suggestions.map((s) => s.id)).toEqual(['sdel']);
    expect(byEd.state.doc.textContent).toContain('rose by three.');
    mode.current = 'viewing';
    const refused = run(makeState(), decideOne('accept', 'sins'));
    expect(refused.done).toBe(false);
    expect(refused.trs).toBe(0);
    expect(run(makeState(), decideWhere('reject', () => true)).done).toBe(false);
  });

  it('goes to the next and previous change, selecting it', () => {
    let state = makeState();
    state = run(state, goToChange(1)).state;
    expect(selected(state)).toBe('Tuesday');
    state = run(state, goToChange(1)).state;
    expect(selected(state)).toBe('quickly ');
    state = run(state, goToChange(1)).state;
    expect(selected(state)).toBe('budget');
    state = run(state, goToChange(-1)).state;
    expect(selected(state)).toBe('quickly ');
  });

  it('shows the thread under the cursor or of the focused card as active; a card selection is remembered until the next move', () => {
    let state = makeState();
    expect(reviewFocusOf(state)?.activeThread).toBeNull();
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, 'budget') + 2)));
    expect(reviewFocusOf(state)?.activeThread).toBe('tb');
    expect(reviewFocusOf(state)?.decorations.find().length).toBe(1);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, 'Met'))));
    expect(reviewFocusOf(state)?.activeThread).toBeNull();
    state = state.apply(setReviewFocus(state.tr, { thread: 'tb', returnTo: 'tb' }));
    expect(reviewFocusOf(state)?.activeThread).toBe('tb');
    expect(reviewFocusOf(state)?.returnTo).toBe('tb');
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, 'Met') + 1)));
    expect(reviewFocusOf(state)?.returnTo).toBeNull();
  });
});

describe('the panel’s sentences', async () => {
  const { quoteOf, summaryOf, threadAbout } = await import('../../renderer/app/review/review-text');
  const thread = (extra: Record<string, unknown>): Parameters<typeof threadAbout>[0] =>
    ({ thread: { id: 't', quote: 'the  old\nsentence', messages: [{ author: 'ed', at: AT, text: 'x' }], ...extra }, from: null, to: null, detached: true }) as Parameters<typeof threadAbout>[0];

  it('says what a card is about: detached with its quote, a decided change, a place', () => {
    expect(threadAbout(thread({}))).toBe('Detached: was about “the old sentence”');
    expect(threadAbout(thread({ quote: '' }))).toBe('Detached: was about text since deleted');
    expect(threadAbout(thread({ quote: '', suggestion: 's1' }))).toBe('About a change since decided');
    expect(threadAbout({ ...thread({}), from: 3, to: 9, detached: false })).toBe('Comment on “the old sentence”');
    expect(quoteOf('x'.repeat(100))).toHaveLength(80);
  });

  it('counts the changes and the open threads', () => {
    const index = reviewIndexOf(makeState());
    expect(summaryOf(index)).toBe('3 changes · 3 threads');
    expect(summaryOf({ suggestions: [], threads: [], authors: {} })).toBe('No changes or comments to review.');
  });
});
