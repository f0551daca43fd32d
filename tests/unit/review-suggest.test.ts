/**
 * Suggesting mode's engine, case by case, with the editor's own commands: each "Build on" defect
 * of issue 12 and each command of §2–§5, recorded by `suggestTransaction` and then accepted,
 * rejected and undone.
 */
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { undo } from 'prosemirror-history';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { EditorState, NodeSelection, TextSelection, type Command } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { createEditorState } from '../../renderer/editor/create-editor';
import {
  createSourceAndCite,
  insertCitation,
  addReadAlsoItem,
  insertFigure,
  insertReadAlso,
  removeReadAlsoItem,
  setLink,
  setReadAlsoTitle,
  toggleBlockquote,
  toggleEm,
  toggleHeading,
  toggleStrong,
  updateReadAlsoItem,
  updateSource,
} from '../../renderer/editor/commands';
import { editorBindings } from '../../renderer/editor/keymap';
import { editingCleanup } from '../../shared/review/editing';
import { decideSuggestions } from '../../shared/review/resolve';
import { suggestTransaction } from '../../shared/review/suggest';
import { schema } from '../../shared/schema';
import { article, cite, list, p, readAlso, source } from './helpers/build';
import { accepted, ANN, at, BOB, posOf, rejected, runs, Suggesting } from './helpers/suggesting';

const enter = chainCommands(editorBindings(false).Enter as Command, baseKeymap.Enter as Command);

/** The document without review data (the author table), to compare content. */
function content(doc: PMNode): PMNode {
  return doc.type.create({ ...doc.attrs, review: null }, doc.content, doc.marks);
}

/** Every suggestion mark in `doc`, as `[name, id, author]`. */
function suggestionMarks(doc: PMNode): { name: string; mark: Mark }[] {
  const out: { name: string; mark: Mark }[] = [];
  doc.descendants((node) => {
    for (const mark of node.marks) if (['insertion', 'deletion', 'format_change', 'attr_change', 'split', 'join'].includes(mark.type.name)) out.push({ name: mark.type.name, mark });
    return true;
  });
  return out;
}

function ids(doc: PMNode): Set<string> {
  return new Set(suggestionMarks(doc).map((s) => s.mark.attrs.id as string));
}

function session(doc: PMNode, reviewer = ANN): Suggesting {
  return new Suggesting(createEditorState(doc), reviewer, at(1));
}

const body = (doc: PMNode): string[] => {
  const out: string[] = [];
  doc.forEach((n) => {
    if (!['headline', 'standfirst', 'sources'].includes(n.type.name)) out.push(n.textContent);
  });
  return out;
};

describe('the defects of prosemirror-suggest-changes', () => {
  it('records the author and the time of every suggestion', () => {
    const s = session(article({ body: [p('Three people died')] }));
    s.select(posOf(s.doc, 'died')).type('all ');
    const marks = suggestionMarks(s.doc);
    expect(marks).toHaveLength(1);
    expect(marks[0]?.mark.attrs).toMatchObject({ author: 'ann', at: at(1).toISOString() });
    expect((s.doc.attrs.review as { authors: Record<string, unknown> }).authors.ann).toEqual({ name: 'Ann Editor', initials: 'AE' });
  });

  it('records bold as one format change, not a deletion and an insertion', () => {
    const doc = article({ body: [p('Three people died')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'people'), posOf(s.doc, 'people', 6));
    expect(s.run(toggleStrong)).toBe(true);
    const marks = suggestionMarks(s.doc);
    expect(marks.map((m) => m.name)).toEqual(['format_change']);
    expect(marks[0]?.mark.attrs.before).toEqual([]);
    expect(s.doc.textContent).toBe('Three people died');
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
    expect(accepted(s.doc).rangeHasMark(posOf(s.doc, 'people'), posOf(s.doc, 'people', 6), schema.marks.strong!)).toBe(true);
    // Unbolding it again drops the suggestion.
    s.select(posOf(s.doc, 'people'), posOf(s.doc, 'people', 6));
    s.run(toggleStrong);
    expect(suggestionMarks(s.doc)).toHaveLength(0);
  });

  it('joins paragraphs (Backspace at a paragraph start) with a join mark and no invisible character', () => {
    const doc = article({ body: [p('One'), p('Two')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'Two'));
    expect(s.backspace()).toBe(true);
    expect(runs(s.doc)).toEqual(['One', '^joinTwo']);
    expect(s.doc.textContent).not.toMatch(/\u200b|\u200c|\u200d|\u2060|\ufeff/u);
    expect(body(accepted(s.doc))).toEqual(['OneTwo']);
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
    // The cursor went to the end of "One": the next Backspace strikes the "e".
    expect(s.state.selection.head).toBe(posOf(s.doc, 'One', 3));
    s.backspace();
    expect(runs(s.doc)).toEqual(['On{del:e}', '^joinTwo']);
  });

  it('records two overlapping mark steps of one transaction without corrupting the text', () => {
    const doc = article({ body: [p('Three people died')] });
    const s = session(doc);
    const from = posOf(s.doc, 'Three');
    const tr = s.state.tr.addMark(from, from + 12, schema.marks.strong!.create()).addMark(from + 6, from + 17, schema.marks.em!.create());
    tr.removeMark(from + 2, from + 8, schema.marks.strong!);
    expect(s.apply(tr)).toBe(true);
    expect(s.doc.textContent).toBe('Three people died');
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
    expect(body(rejected(s.doc))).toEqual(['Three people died']);
    expect(accepted(s.doc).eq(content(tr.doc)) || content(accepted(s.doc)).eq(content(tr.doc))).toBe(true);
  });

  it("does not absorb a second author's typing into the first author's pending insertion", () => {
    const s = session(article({ body: [p('Three died')] }));
    s.select(posOf(s.doc, 'died')).type('men ');
    s.as(BOB, at(2)).type('all ');
    const marks = suggestionMarks(s.doc).filter((m) => m.name === 'insertion');
    expect(marks.map((m) => m.mark.attrs.author)).toEqual(['ann', 'bob']);
    expect(new Set(marks.map((m) => m.mark.attrs.id)).size).toBe(2);
    // Bob's suggestion alone can be rejected.
    const tr = s.state.tr;
    decideSuggestions(tr, 'reject', (stamp) => stamp.author === 'bob');
    expect(body(tr.doc)).toEqual(['Three men died']);
  });
});

describe('typing and deleting', () => {
  it("extends one's own pending insertion (same id, first time kept)", () => {
    const s = session(article({ body: [p('Three died')] }));
    s.select(posOf(s.doc, 'died')).type('m');
    s.now = at(5);
    s.type('e');
    s.type('n ');
    const marks = suggestionMarks(s.doc);
    expect(new Set(marks.map((m) => m.mark.attrs.id)).size).toBe(1);
    expect(marks[0]?.mark.attrs.at).toBe(at(1).toISOString());
    expect(runs(s.doc)).toEqual(['Three {ins:men }died']);
    expect(s.state.selection.head).toBe(posOf(s.doc, 'died'));
  });

  it('strikes base text, removes pending text, leaves struck text with its first author', () => {
    const doc = article({ body: [p('Three people died')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'people'), posOf(s.doc, 'people', 6));
    s.delete();
    s.select(posOf(s.doc, 'died')).type('new ');
    s.as(BOB, at(3)).select(posOf(s.doc, 'Three', 3), posOf(s.doc, 'died', 2));
    s.delete();
    expect(runs(s.doc)).toEqual(['Thr{del:ee }{del:people}{del: di}ed']);
    const deletions = suggestionMarks(s.doc).filter((m) => m.name === 'deletion');
    expect(deletions.map((m) => m.mark.attrs.author)).toEqual(['bob', 'ann', 'bob']);
    expect(body(accepted(s.doc))).toEqual(['Thred']);
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
  });

  it('puts the cursor before the struck character after Backspace, after it after Delete', () => {
    const s = session(article({ body: [p('abcd')] }));
    s.select(posOf(s.doc, 'c'));
    s.backspace();
    expect(s.state.selection.head).toBe(posOf(s.doc, 'b'));
    s.backspace();
    expect(runs(s.doc)).toEqual(['{del:ab}cd']);
    expect(s.state.selection.head).toBe(posOf(s.doc, 'a'));
    s.select(posOf(s.doc, 'c'));
    s.delete();
    expect(s.state.selection.head).toBe(posOf(s.doc, 'd'));
    s.delete();
    // Deleting next to one's own deletion extends it.
    expect(runs(s.doc)).toEqual(['{del:abcd}']);
    expect(ids(s.doc).size).toBe(1);
    expect(s.state.selection.head).toBe(posOf(s.doc, 'd', 1));
  });

  it("does not absorb typing at a paragraph's start into another author's insertion there", () => {
    const s = session(article({ body: [p('died')] }));
    s.select(posOf(s.doc, 'died')).type('Three ');
    s.as(BOB, at(2)).select(posOf(s.doc, 'Three ')).type('All ');
    expect(runs(s.doc)).toEqual(['{ins:All }{ins:Three }died']);
    expect(suggestionMarks(s.doc).map((m) => m.mark.attrs.author)).toEqual(['bob', 'ann']);
  });

  it('moves the cursor over struck text on Backspace without striking anything else', () => {
    const s = session(article({ body: [p('abcd')] }));
    s.select(posOf(s.doc, 'c'));
    s.backspace();
    s.select(posOf(s.doc, 'c'));
    const before = s.doc;
    s.backspace();
    expect(s.doc.eq(before)).toBe(true);
    expect(s.state.selection.head).toBe(posOf(s.doc, 'b'));
  });

  it('places typing after a struck run, never inside it, and never struck', () => {
    const s = session(article({ body: [p('Three people died')] }));
    s.select(posOf(s.doc, 'people'), posOf(s.doc, 'people', 6));
    s.delete();
    s.select(posOf(s.doc, 'people', 3)).type('men');
    expect(runs(s.doc)).toEqual(['Three {del:people}{ins:men} died']);
    expect(s.state.selection.head).toBe(posOf(s.doc, ' died'));
  });

  it('records pasting over a selection as one replacement (Atypon #44)', () => {
    const doc = article({ body: [p('Three people died')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'people'), posOf(s.doc, 'people', 6));
    const slice = article({ body: [p('men and women')] }).slice(posOf(article({ body: [p('men and women')] }), 'men'), posOf(article({ body: [p('men and women')] }), 'women', 5));
    expect(s.apply(s.state.tr.replaceSelection(slice))).toBe(true);
    expect(runs(s.doc)).toEqual(['Three {del:people}{ins:men and women} died']);
    expect(ids(s.doc).size).toBe(1);
    expect(body(accepted(s.doc))).toEqual(['Three men and women died']);
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
  });

  it('two authors alternating in one paragraph each keep their own suggestions', () => {
    const doc = article({ body: [p('The mayor said on Monday')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'mayor')).type('new ');
    s.as(BOB, at(2)).select(posOf(s.doc, 'said')).type('firmly ');
    s.as(ANN, at(3)).select(posOf(s.doc, 'Monday', 6)).type(' night');
    s.as(BOB, at(4)).select(posOf(s.doc, 'on '), posOf(s.doc, 'on ', 3));
    s.delete();
    const byAuthor = (author: string) => suggestionMarks(s.doc).filter((m) => m.mark.attrs.author === author).map((m) => m.name);
    expect(byAuthor('ann')).toEqual(['insertion', 'insertion']);
    expect(byAuthor('bob')).toEqual(['insertion', 'deletion']);
    const onlyAnn = s.state.tr;
    decideSuggestions(onlyAnn, 'accept', (st) => st.author === 'ann');
    decideSuggestions(onlyAnn, 'reject', (st) => st.author === 'bob');
    expect(body(onlyAnn.doc)).toEqual(['The new mayor said on Monday night']);
    expect(body(accepted(s.doc))).toEqual(['The new mayor firmly said Monday night']);
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
  });
});

describe('blocks', () => {
  it('records Enter as a split; rejecting joins back', () => {
    const doc = article({ body: [p('One two')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'two'));
    expect(s.run(enter)).toBe(true);
    expect(runs(s.doc)).toEqual(['One ', '^splittwo']);
    expect(s.state.selection.head).toBe(posOf(s.doc, 'two'));
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
    expect(body(accepted(s.doc))).toEqual(['One ', 'two']);
    // Backspace at the new block's start really joins it (the boundary was pending).
    s.backspace();
    expect(content(s.doc).eq(doc)).toBe(true);
  });

  it('really joins a new paragraph back, its typed text staying a suggestion', () => {
    const doc = article({ body: [p('One')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'One', 3));
    s.run(enter);
    s.type('Two');
    expect(runs(s.doc)).toEqual(['One', '^split{ins:Two}']);
    s.select(posOf(s.doc, 'Two'));
    s.backspace();
    expect(runs(s.doc)).toEqual(['One{ins:Two}']);
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
  });

  it('records a deletion across paragraphs', () => {
    const doc = article({ body: [p('One'), p('Two'), p('Three')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'ne'), posOf(s.doc, 'hree'));
    expect(s.backspace()).toBe(true);
    expect(runs(s.doc)).toEqual(['O{del:ne}', '^deletionTwo', '^join{del:T}hree']);
    expect(body(accepted(s.doc))).toEqual(['Ohree']);
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
  });

  it('records a deletion across list items', () => {
    const doc = article({ body: [list('bullet_list', 'First item', 'Second item', 'Third item')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'item'), posOf(s.doc, 'Third'));
    expect(s.backspace()).toBe(true);
    const editing = createEditorState(doc);
    let plain = editing;
    plain = plain.apply(plain.tr.delete(posOf(doc, 'item'), posOf(doc, 'Third')));
    expect(content(accepted(s.doc)).eq(plain.doc)).toBe(true);
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
    expect(runs(s.doc)).toEqual(['First {del:item}', 'Second item', '^joinThird item']);
    const items: string[] = [];
    s.doc.descendants((n) => {
      if (n.type.name === 'list_item') items.push(n.marks.map((m) => m.type.name).join());
      return true;
    });
    expect(items).toEqual(['', 'deletion', '']);
  });

  it("records Backspace at a list item's start (the item joins the one before)", () => {
    const doc = article({ body: [list('bullet_list', 'Item a', 'Item b')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'Item b'));
    expect(s.backspace()).toBe(true);
    const editing = createEditorState(doc);
    let plain = editing.apply(editing.tr.setSelection(TextSelection.create(editing.doc, posOf(doc, 'Item b'))));
    baseKeymap.Backspace!(plain, (tr) => (plain = plain.apply(tr)));
    expect(content(accepted(s.doc)).eq(plain.doc)).toBe(true);
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
    // after Enter in a list item too
    const t = session(doc);
    t.select(posOf(t.doc, 'Item b', 4));
    expect(t.run(enter)).toBe(true);
    t.select(posOf(t.doc, 'b'));
    expect(t.backspace()).toBe(true);
    expect(content(rejected(t.doc)).eq(doc)).toBe(true);
  });

  it('records Delete at the end of the text of a paragraph (joining the next)', () => {
    const doc = article({ body: [p('One'), p('Two')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'One', 3));
    expect(s.delete()).toBe(true);
    expect(runs(s.doc)).toEqual(['One', '^joinTwo']);
    expect(s.state.selection.head).toBe(posOf(s.doc, 'Two'));
    expect(body(accepted(s.doc))).toEqual(['OneTwo']);
  });

  it('records a whole block inserted and deleted', () => {
    const doc = article({ body: [p('One'), p('Two')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'One', 3));
    expect(s.run(insertFigure('https://cdn.example.com/p.jpg', 'Alt', 'Caption', 'AP'))).toBe(true);
    const figure = suggestionMarks(s.doc);
    expect(figure.map((m) => m.name)).toEqual(['insertion']);
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
    // delete the paragraph "Two" as a node
    let pos = -1;
    s.doc.forEach((n, offset) => {
      if (n.textContent === 'Two') pos = offset;
    });
    s.state = s.state.apply(s.state.tr.setSelection(NodeSelection.create(s.doc, pos)));
    expect(s.delete()).toBe(true);
    expect(runs(s.doc).at(-1)).toBe('^deletionTwo');
    expect(body(accepted(s.doc))).toEqual(['One', 'Caption']);
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
  });

  it('refuses what it cannot record: wrapping in a quote, changing a block type', () => {
    const s = session(article({ body: [p('One')] }));
    s.select(posOf(s.doc, 'One'));
    const before = s.doc;
    expect(s.run(toggleBlockquote)).toBe(false);
    expect(s.run(toggleHeading(2))).toBe(false);
    expect(s.doc).toBe(before);
    expect(s.refused).toBe(2);
  });

  it('passes through what changes no content: selections, comments, review data', () => {
    const s = session(article({ body: [p('One')] }));
    const comment = s.state.tr.addMark(posOf(s.doc, 'One'), posOf(s.doc, 'One', 3), schema.marks.comment!.create({ thread: 't1' }));
    expect(suggestTransaction(s.state, comment, ANN, at())).toBe(comment);
    const data = s.state.tr.setDocAttribute('review', { authors: {}, threads: [] });
    expect(suggestTransaction(s.state, data, ANN, at())).toBe(data);
  });
});

describe('citations and sources', () => {
  const withSources = () => article({ body: [p('Said ', cite('reuters'), ' today')], sources: [source('reuters', { title: 'Reuters' }), source('cfr', { title: 'CFR' })] });

  it('records a citation inserted and deleted', () => {
    const doc = withSources();
    const s = session(doc);
    s.select(posOf(s.doc, ' today', 6));
    expect(s.run(insertCitation('cfr'))).toBe(true);
    expect(runs(s.doc)).toEqual(['Said [citation] today{ins:[citation]}']);
    const citePos = posOf(s.doc, 'Said ', 5);
    s.state = s.state.apply(s.state.tr.setSelection(NodeSelection.create(s.doc, citePos)));
    expect(s.backspace()).toBe(true);
    expect(runs(s.doc)).toEqual(['Said {del:[citation]} today{ins:[citation]}']);
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
  });

  it('records retargeting a citation as one attribute change (setNodeAttribute and replacing the node alike)', () => {
    const doc = withSources();
    for (const how of ['attribute', 'replace'] as const) {
      const s = session(doc);
      const citePos = posOf(s.doc, 'Said ', 5);
      if (how === 'attribute') s.apply(s.state.tr.setNodeAttribute(citePos, 'source', 'cfr'));
      else {
        s.state = s.state.apply(s.state.tr.setSelection(NodeSelection.create(s.doc, citePos)));
        expect(s.run(insertCitation('cfr'))).toBe(true);
      }
      const marks = suggestionMarks(s.doc);
      expect(marks.map((m) => m.name)).toEqual(['attr_change']);
      expect(marks[0]?.mark.attrs.before).toEqual({ source: 'reuters' });
      expect(s.doc.nodeAt(citePos)?.attrs.source).toBe('cfr');
      expect(content(rejected(s.doc)).eq(doc)).toBe(true);
    }
  });

  it('rejecting the citation of a new source removes that source (Atypon PR #46)', () => {
    const doc = withSources();
    const s = session(doc);
    s.select(posOf(s.doc, ' today', 6));
    expect(s.run(createSourceAndCite({ title: 'New note' }))).toBe(true);
    expect(ids(s.doc).size).toBe(1);
    const [id] = [...ids(s.doc)];
    const tr = s.state.tr;
    decideSuggestions(tr, 'reject', (st) => st.id === id);
    expect(content(tr.doc).eq(doc)).toBe(true);
  });

  it("records a source's fields as an attribute change (earliest values kept, dropped when back)", () => {
    const doc = withSources();
    const s = session(doc);
    expect(s.run(updateSource('cfr', { title: 'Council', outlet: 'CFR.org' }))).toBe(true);
    s.as(BOB, at(2));
    expect(s.run(updateSource('cfr', { title: 'Council on Foreign Relations' }))).toBe(true);
    const marks = suggestionMarks(s.doc);
    expect(marks.map((m) => m.name)).toEqual(['attr_change']);
    expect(marks[0]?.mark.attrs.before).toEqual({ title: 'CFR', outlet: '' });
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
    s.run(updateSource('cfr', { title: 'CFR', outlet: '' }));
    expect(suggestionMarks(s.doc)).toHaveLength(0);
  });
});

describe('"Read also" and figures', () => {
  const doc = () => article({ body: [p('One'), readAlso('More', { title: 'A', url: 'https://a.example/' }, { title: 'B', url: 'https://b.example/' }), p('Two')] });
  const blockPos = (d: PMNode) => {
    let pos = -1;
    d.forEach((n, offset) => {
      if (n.type.name === 'read_also') pos = offset;
    });
    return pos;
  };

  it("records a block's title and an item's fields", () => {
    const start = doc();
    const s = session(start);
    expect(s.run(setReadAlsoTitle(blockPos(s.doc), 'Read more'))).toBe(true);
    expect(s.run(updateReadAlsoItem(blockPos(s.doc), 1, { title: 'Bee', kicker: 'New' }))).toBe(true);
    const marks = suggestionMarks(s.doc);
    expect(marks.map((m) => [m.name, m.mark.attrs.before])).toEqual([
      ['attr_change', { title: 'More' }],
      ['attr_change', { title: 'B', kicker: '' }],
    ]);
    expect(content(rejected(s.doc)).eq(start)).toBe(true);
  });

  it('records an item removed, and the whole block removed with its last item', () => {
    const start = doc();
    const s = session(start);
    expect(s.run(removeReadAlsoItem(blockPos(s.doc), 0))).toBe(true);
    expect(suggestionMarks(s.doc).map((m) => m.name)).toEqual(['deletion']);
    expect(content(rejected(s.doc)).eq(start)).toBe(true);
    const acc = accepted(s.doc);
    expect(acc.child(3).childCount).toBe(1);
  });

  it('records a "Read also" block inserted, and its fields set while pending without an attribute change', () => {
    const start = article({ body: [p('One'), p('Two')] });
    const s = session(start);
    s.select(posOf(s.doc, 'One', 3));
    expect(s.run(insertReadAlso('More'))).toBe(true);
    expect(s.run(updateReadAlsoItem(blockPos(s.doc), 0, { title: 'Story', url: 'https://a.example/' }))).toBe(true);
    expect(s.run(addReadAlsoItem(blockPos(s.doc), { title: 'Other', url: 'https://b.example/' }))).toBe(true);
    expect(suggestionMarks(s.doc).map((m) => m.name)).toEqual(['insertion']);
    expect(content(rejected(s.doc)).eq(start)).toBe(true);
    expect(accepted(s.doc).child(3).childCount).toBe(2);
  });

  it("records a figure's fields", () => {
    const start = article({ body: [p('One'), schema.node('figure', { src: 'https://cdn.example.com/p.jpg', alt: 'Old', credit: 'AP' }, [schema.node('figcaption', null, [schema.text('Cap')])])] });
    const s = session(start);
    let pos = -1;
    s.doc.forEach((n, offset) => {
      if (n.type.name === 'figure') pos = offset;
    });
    expect(s.apply(s.state.tr.setNodeAttribute(pos, 'alt', 'New alt').setNodeAttribute(pos, 'credit', 'Reuters'))).toBe(true);
    expect(suggestionMarks(s.doc)[0]?.mark.attrs.before).toEqual({ alt: 'Old', credit: 'AP' });
    expect(content(rejected(s.doc)).eq(start)).toBe(true);
    s.select(posOf(s.doc, 'Cap', 3)).type('tion');
    expect(body(accepted(s.doc))).toEqual(['One', 'Caption']);
  });
});

describe('formatting', () => {
  it('formats pending inserted text without a format change, and leaves struck text alone', () => {
    const s = session(article({ body: [p('Three people died')] }));
    s.select(posOf(s.doc, 'died')).type('all ');
    s.select(posOf(s.doc, 'people'), posOf(s.doc, 'people', 6));
    s.delete();
    s.select(posOf(s.doc, 'Three'), posOf(s.doc, 'died', 4));
    expect(s.run(toggleEm)).toBe(true);
    expect(runs(s.doc)).toEqual(['{for:Three }{del:people}{for: }{ins:all }{for:died}']);
    let struckEm = false;
    s.doc.descendants((n) => {
      if (n.isText && n.text === 'people') struckEm = n.marks.some((m) => m.type.name === 'em');
      return true;
    });
    expect(struckEm).toBe(false);
  });

  it('records a link as a format change', () => {
    const doc = article({ body: [p('See the report')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'report'), posOf(s.doc, 'report', 6));
    expect(s.run(setLink('https://example.com/report'))).toBe(true);
    expect(suggestionMarks(s.doc).map((m) => m.name)).toEqual(['format_change']);
    expect(content(rejected(s.doc)).eq(doc)).toBe(true);
  });
});

describe('deciding and undoing', () => {
  it('accept then undo, and reject then undo, restore exactly (CKEditor #19916)', () => {
    const doc = article({ body: [p('Three people died'), p('Two')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'people'), posOf(s.doc, 'people', 6)).type('men');
    s.select(posOf(s.doc, 'Two'));
    s.backspace();
    s.select(posOf(s.doc, 'Three'), posOf(s.doc, 'Three', 5));
    s.run(toggleStrong);
    const pending = s.state;
    for (const decision of ['accept', 'reject'] as const) {
      const tr = pending.tr;
      decideSuggestions(tr, decision);
      const decided = pending.apply(tr);
      expect(suggestionMarks(decided.doc)).toHaveLength(0);
      let back = decided;
      undo(decided, (t) => (back = decided.apply(t)));
      expect(back.doc.eq(pending.doc)).toBe(true);
    }
  });

  it('undoes a suggestion as one step', () => {
    const doc = article({ body: [p('Three people died')] });
    const s = session(doc);
    s.select(posOf(s.doc, 'people'), posOf(s.doc, 'people', 6)).type('men');
    undo(s.state, (t) => s.apply(t));
    expect(content(s.doc).eq(doc)).toBe(true);
  });
});

describe('Editing mode next to suggestions', () => {
  it('typing inside struck text or a pending insertion gives plain text (the mode plugin runs the cleanup in Editing mode)', () => {
    const s = session(article({ body: [p('Three people died')] }));
    s.select(posOf(s.doc, 'people'), posOf(s.doc, 'people', 6));
    s.delete();
    s.select(posOf(s.doc, 'died')).type('all ');
    let state = s.state;
    for (const at of [posOf(state.doc, 'people', 3), posOf(state.doc, 'all ', 2)]) {
      // Without the plugin the typed X takes the run's mark, which the cleanup takes off.
      const bare = EditorState.create({ doc: state.doc });
      const typed = bare.tr.insertText('X', at);
      expect(editingCleanup([typed], bare.apply(typed))).not.toBeNull();
      state = state.apply(state.tr.insertText('X', at));
    }
    expect(runs(state.doc)).toEqual(['Three {del:peo}X{del:ple} {ins:a}X{ins:ll }died']);
    expect(editingCleanup([state.tr.insertText('Y', posOf(state.doc, 'Three'))], state)).toBeNull();
  });
});
