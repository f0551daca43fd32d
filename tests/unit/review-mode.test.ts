/**
 * The review modes on an editor state alone (renderer/editor/review-mode.ts), applied as the view
 * applies them (`applyInMode`): Editing applies; Viewing refuses text changes but lets comment
 * marks and the threads through; Suggesting hands text changes to the engine, refuses what it
 * refuses (the document unchanged), lets undo, redo, review data and decisions through, and adds
 * the reviewer to the draft's author table with the first suggestion. `commandAllowed` and the
 * toolbar's state follow the same rule.
 */
import { redo, undo } from 'prosemirror-history';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { reviewDataOf } from '../../shared/review/authors';
import type { Reviewer, ReviewData } from '../../shared/review/model';
import { schema } from '../../shared/schema';
import { toggleStrong } from '../../renderer/editor/commands';
import { createEditorState } from '../../renderer/editor/create-editor';
import {
  applyInMode,
  asReviewDecision,
  commandAllowed,
  reviewerOf,
  reviewModeKey,
  reviewModeOf,
  setReviewMode,
  type DispatchOptions,
} from '../../renderer/editor/review-mode';
import { toolbarState } from '../../renderer/app/draft-screen/toolbar-state';
import { article, p } from './helpers/build';

const ana: Reviewer = { id: 'a1anaana', name: 'Ana García', initials: 'AG' };
const ben: Reviewer = { id: 'a2benben', name: 'Ben Okafor', initials: 'BO' };

// An engine that refuses everything, and one that "records" a change as it is (enough to see what the mode does around it).
const refuses: DispatchOptions = { suggest: () => null };
const records: DispatchOptions = { suggest: (_state, tr) => tr };
// An engine that must not be asked.
const untouched: DispatchOptions = {
  suggest: () => {
    throw new Error('the engine was asked');
  },
};

function fresh(): EditorState {
  return createEditorState(article({ headline: 'Headline', body: [p('Three people died.'), p('Second paragraph.')] }));
}

// Runs a command as the view would, in the state's mode; returns the new state and whether it was refused.
function run(state: EditorState, command: Command, options: DispatchOptions = {}): { state: EditorState; refused: string | null } {
  let result = { state, refused: null as string | null };
  command(state, (tr) => {
    const applied = applyInMode(result.state, tr, options);
    result = { state: applied.state, refused: applied.outcome.ok ? null : applied.outcome.reason };
  });
  return result;
}

function inMode(state: EditorState, mode: 'editing' | 'suggesting' | 'viewing', reviewer: Reviewer | null = ana): EditorState {
  const out = run(state, setReviewMode(mode, reviewer));
  expect(reviewModeOf(out.state)).toBe(mode);
  return out.state;
}

const firstParagraph = (s: EditorState): { from: number; to: number } => {
  let range = { from: 0, to: 0 };
  s.doc.descendants((node, pos) => {
    if (range.to === 0 && node.type.name === 'paragraph') range = { from: pos + 1, to: pos + 1 + node.content.size };
    return range.to === 0;
  });
  return range;
};

const typeText = (text: string): Command => (s, dispatch) => {
  dispatch?.(s.tr.insertText(text, firstParagraph(s).from));
  return true;
};
const comment = (thread: string): Command => (s, dispatch) => {
  const { from, to } = firstParagraph(s);
  dispatch?.(s.tr.addMark(from, to, schema.marks.comment!.create({ thread })));
  return true;
};
const uncomment = (thread: string): Command => (s, dispatch) => {
  const { from, to } = firstParagraph(s);
  dispatch?.(s.tr.removeMark(from, to, schema.marks.comment!.create({ thread })));
  return true;
};
const thread = (id: string, author: Reviewer): ReviewData['threads'][number] => ({ id, quote: 'Three people died.', messages: [{ author: author.id, at: '2026-12-02T10:00:00Z', text: 'Source?' }] });
const openThread = (id: string, author: Reviewer): Command => (s, dispatch) => {
  const data = reviewDataOf(s.doc);
  dispatch?.(s.tr.setDocAttribute('review', { ...data, threads: [...data.threads, thread(id, author)] }));
  return true;
};
const both = (id: string): Command => (s, dispatch) => {
  let tr: Transaction = s.tr.insertText('X', firstParagraph(s).from);
  tr = tr.addMark(firstParagraph(s).from, firstParagraph(s).to, schema.marks.comment!.create({ thread: id }));
  dispatch?.(tr);
  return true;
};

describe('the mode and the reviewer', () => {
  it('starts in Editing with no reviewer; a meta sets both, outside the undo history', () => {
    const s = fresh();
    expect(reviewModeOf(s)).toBe('editing');
    expect(reviewerOf(s)).toBeNull();
    const suggesting = inMode(s, 'suggesting', ana);
    expect(reviewerOf(suggesting)).toBe(ana);
    expect(undo(suggesting)).toBe(false);
    // The reviewer stays when only the mode is given.
    const viewing = run(suggesting, setReviewMode('viewing')).state;
    expect(reviewModeOf(viewing)).toBe('viewing');
    expect(reviewerOf(viewing)).toBe(ana);
  });

  it('refuses Suggesting without a reviewer', () => {
    const s = fresh();
    expect(setReviewMode('suggesting', null)(s)).toBe(false);
    expect(setReviewMode('suggesting')(s)).toBe(false);
    expect(setReviewMode('viewing')(s)).toBe(true);
  });

  it('is read-only in Viewing only', () => {
    const spec = reviewModeKey.get(fresh())!.spec;
    const editable = spec.props!.editable!;
    expect(editable.call(reviewModeKey.get(fresh())!, fresh())).toBe(true);
    expect(editable.call(reviewModeKey.get(fresh())!, inMode(fresh(), 'suggesting'))).toBe(true);
    expect(editable.call(reviewModeKey.get(fresh())!, inMode(fresh(), 'viewing'))).toBe(false);
  });

  it('starts a state in the mode it is given (a reloaded draft keeps it)', () => {
    const s = createEditorState(fresh().doc, { review: { mode: 'viewing', reviewer: ben } });
    expect(reviewModeOf(s)).toBe('viewing');
    expect(reviewerOf(s)).toBe(ben);
  });
});

describe('Editing', () => {
  it('applies text changes as they are, without the engine', () => {
    const out = run(fresh(), typeText('Sadly, '), untouched);
    expect(out.refused).toBeNull();
    expect(out.state.doc.textContent).toContain('Sadly, Three people died.');
    expect(reviewDataOf(out.state.doc).authors).toEqual({});
  });
});

describe('Viewing', () => {
  it('refuses text changes and leaves the document as it was', () => {
    const s = inMode(fresh(), 'viewing');
    const out = run(s, typeText('Sadly, '), untouched);
    expect(out.refused).toBe('viewing');
    expect(out.state.doc.eq(s.doc)).toBe(true);
    expect(run(s, toggleStrong, untouched).refused).toBe(null); // nothing selected: only a stored mark, no change
    const selected = s.apply(s.tr.setSelection(TextSelection.create(s.doc, firstParagraph(s).from, firstParagraph(s).to)));
    const bold = run(selected, toggleStrong, untouched);
    expect(bold.refused).toBe('viewing');
    expect(bold.state.doc.eq(s.doc)).toBe(true);
  });

  it('lets a reader comment and reply: comment marks and the threads pass', () => {
    let s = inMode(fresh(), 'viewing', ben);
    let out = run(s, openThread('t1', ben), untouched);
    expect(out.refused).toBeNull();
    s = out.state;
    out = run(s, comment('t1'), untouched);
    expect(out.refused).toBeNull();
    s = out.state;
    expect(reviewDataOf(s.doc).threads.map((t) => t.id)).toEqual(['t1']);
    let marked = false;
    s.doc.descendants((node) => {
      if (node.marks.some((m) => m.type.name === 'comment' && m.attrs.thread === 't1')) marked = true;
    });
    expect(marked).toBe(true);
    // A reply is review data too; removing a comment mark also passes.
    expect(run(s, openThread('t2', ben), untouched).refused).toBeNull();
    expect(run(s, uncomment('t1'), untouched).refused).toBeNull();
    // Undoing a comment is a comment change: it passes.
    const undone = run(s, undo, untouched);
    expect(undone.refused).toBeNull();
    expect(undone.state.doc.eq(s.doc)).toBe(false);
  });

  it('refuses a transaction that mixes a comment with a text change', () => {
    const s = inMode(fresh(), 'viewing');
    const out = run(s, both('t1'), untouched);
    expect(out.refused).toBe('viewing');
    expect(out.state.doc.eq(s.doc)).toBe(true);
  });

  it('refuses to undo a text change made before switching to Viewing', () => {
    const edited = run(fresh(), typeText('Sadly, ')).state;
    const s = inMode(edited, 'viewing');
    const out = run(s, undo, untouched);
    expect(out.refused).toBe('viewing');
    expect(out.state.doc.textContent).toContain('Sadly, ');
  });

  it('refuses decisions on suggestions (accept, reject)', () => {
    const s = inMode(fresh(), 'viewing');
    const decide: Command = (state, dispatch) => {
      dispatch?.(asReviewDecision(state.tr.insertText('X', firstParagraph(state).from)));
      return true;
    };
    expect(run(s, decide, untouched).refused).toBe('viewing');
  });
});

describe('Suggesting', () => {
  it('refuses what the engine refuses, and leaves the document unchanged', () => {
    const s = inMode(fresh(), 'suggesting');
    const out = run(s, typeText('Sadly, '), refuses);
    expect(out.refused).toBe('unrecordable');
    expect(out.state).toBe(s);
  });

  it('hands the engine the state, the transaction, the reviewer and the time', () => {
    const s = inMode(fresh(), 'suggesting', ben);
    const now = new Date('2026-12-02T12:00:00Z');
    const seen: unknown[] = [];
    run(s, typeText('X'), {
      now,
      suggest: (state, tr, reviewer, at) => {
        seen.push(state === s, tr.docChanged, reviewer, at);
        return null;
      },
    });
    expect(seen).toEqual([true, true, ben, now]);
  });

  it('applies what the engine records, and adds the reviewer to the author table in the same transaction', () => {
    const s = inMode(fresh(), 'suggesting', ana);
    const out = run(s, typeText('Sadly, '), records);
    expect(out.refused).toBeNull();
    expect(out.state.doc.textContent).toContain('Sadly, ');
    expect(reviewDataOf(out.state.doc).authors).toEqual({ [ana.id]: { name: 'Ana García', initials: 'AG' } });
    // One undo takes back the suggestion and the table's entry together.
    const undone = run(out.state, undo).state;
    expect(undone.doc.eq(s.doc)).toBe(true);
    // A second author joins the table; the first stays.
    const second = run(inMode(out.state, 'suggesting', ben), typeText('Reportedly, '), records).state;
    expect(Object.keys(reviewDataOf(second.doc).authors).sort()).toEqual([ana.id, ben.id].sort());
  });

  it('updates the table when the reviewer’s name changed', () => {
    const first = run(inMode(fresh(), 'suggesting', ana), typeText('A'), records).state;
    const renamed = { ...ana, name: 'Ana García Ruiz', initials: 'AGR' };
    const second = run(inMode(first, 'suggesting', renamed), typeText('B'), records).state;
    expect(reviewDataOf(second.doc).authors[ana.id]).toEqual({ name: 'Ana García Ruiz', initials: 'AGR' });
  });

  it('lets undo and redo through untouched', () => {
    const edited = run(fresh(), typeText('Sadly, ')).state;
    const s = inMode(edited, 'suggesting');
    const undone = run(s, undo, untouched);
    expect(undone.refused).toBeNull();
    expect(undone.state.doc.textContent).not.toContain('Sadly, ');
    const redone = run(undone.state, redo, untouched);
    expect(redone.refused).toBeNull();
    expect(redone.state.doc.textContent).toContain('Sadly, ');
  });

  it('lets comments, threads and decisions through without the engine', () => {
    const s = inMode(fresh(), 'suggesting');
    expect(run(s, openThread('t1', ana), untouched).refused).toBeNull();
    expect(run(s, comment('t1'), untouched).refused).toBeNull();
    const decide: Command = (state, dispatch) => {
      dispatch?.(asReviewDecision(state.tr.insertText('X', firstParagraph(state).from)));
      return true;
    };
    const decided = run(s, decide, untouched);
    expect(decided.refused).toBeNull();
    expect(decided.state.doc.textContent).toContain('XThree');
  });

  it('lets a selection change through without the engine', () => {
    const s = inMode(fresh(), 'suggesting');
    const move: Command = (state, dispatch) => {
      dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, firstParagraph(state).from + 2)));
      return true;
    };
    const out = run(s, move, untouched);
    expect(out.refused).toBeNull();
    expect(out.state.selection.from).toBe(firstParagraph(s).from + 2);
  });

  it('refuses text changes when the state has no reviewer', () => {
    const s = createEditorState(fresh().doc, { review: { mode: 'suggesting', reviewer: null } });
    expect(run(s, typeText('X'), untouched).refused).toBe('no-reviewer');
  });
});

describe('commands offered in each mode', () => {
  const selectFirst = (s: EditorState): EditorState => s.apply(s.tr.setSelection(TextSelection.create(s.doc, firstParagraph(s).from, firstParagraph(s).to)));

  it('asks the mode: a command that could not be recorded is not offered', () => {
    const editing = selectFirst(fresh());
    expect(commandAllowed(editing, toggleStrong, untouched)).toBe(true);
    const suggesting = selectFirst(inMode(fresh(), 'suggesting'));
    expect(commandAllowed(suggesting, toggleStrong, refuses)).toBe(false);
    expect(commandAllowed(suggesting, toggleStrong, records)).toBe(true);
    const viewing = selectFirst(inMode(fresh(), 'viewing'));
    expect(commandAllowed(viewing, toggleStrong, untouched)).toBe(false);
    expect(commandAllowed(viewing, comment('t1'), untouched)).toBe(true);
    // A command that does not apply is not offered in any mode.
    expect(commandAllowed(suggesting, () => false, records)).toBe(false);
  });

  it('disables the toolbar’s text commands in Viewing, and keeps them in Editing', () => {
    const editing = toolbarState(selectFirst(fresh()));
    expect([editing.canStrong, editing.canEm, editing.canBlock, editing.canQuote, editing.canCite, editing.canInsertBlock]).toEqual([true, true, true, true, true, true]);
    const viewing = toolbarState(selectFirst(inMode(run(fresh(), typeText('X')).state, 'viewing')));
    expect(viewing).toMatchObject({ canStrong: false, canEm: false, canBlock: false, canBullet: false, canOrdered: false, canQuote: false, canCite: false, canLink: false, canInsertBlock: false, undo: false });
  });
});

describe('Editing next to pending suggestions (the plugin’s cleanup)', () => {
  const stamp = { id: 's1', author: ben.id, at: '2026-12-02T10:00:00Z' };
  const struck = () =>
    createEditorState(article({ body: [schema.node('paragraph', null, [schema.text('Three '), schema.text('people', [schema.mark('deletion', stamp)]), schema.text(' died')])] }));
  const marksOf = (state: EditorState, word: string): string[] => {
    let names: string[] = [];
    state.doc.descendants((node) => {
      if (node.isText && node.text?.includes(word)) names = node.marks.map((m) => m.type.name);
    });
    return names;
  };

  it('takes the deletion mark off text typed inside a struck run, in one step of history', () => {
    let state = struck();
    let inside = -1;
    state.doc.descendants((node, pos) => {
      if (node.isText && node.text === 'people') inside = pos + 3;
    });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inside)));
    state = state.apply(state.tr.insertText('XYZ'));
    expect(marksOf(state, 'XYZ')).toEqual([]);
    expect(marksOf(state, 'peo')).toEqual(['deletion']);
    // One undo takes the typing back, and the struck word is whole and struck again.
    let undone: EditorState = state;
    undo(state, (tr) => (undone = state.apply(tr)));
    expect(undone.doc.eq(struck().doc)).toBe(true);
  });

  it('brings a struck word really deleted in Editing back with its mark on undo', () => {
    const state = struck();
    let deletedPos = -1;
    state.doc.descendants((node, pos) => {
      if (node.isText && node.text === 'people') deletedPos = pos;
    });
    // In Editing, really deleting the struck word and undoing brings it back with its mark.
    const gone = state.apply(state.tr.delete(deletedPos, deletedPos + 6));
    let back: EditorState = gone;
    undo(gone, (tr) => (back = gone.apply(tr)));
    expect(marksOf(back, 'people')).toEqual(['deletion']);
  });
});
