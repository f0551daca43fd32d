/**
 * What the toolbar shows for an editor state: which marks and blocks are active and which
 * commands apply. Everything here reads the selection and its ancestors only (cheap on every
 * transaction, whatever the document's size). Block insertions (figure, "Read also") are always
 * offered in Editing: their commands find a place near the cursor and build a whole transaction to say so.
 *
 * In Suggesting and Viewing a command is offered only when the review mode lets it through
 * (`commandAllowed`: its transaction is recorded as a suggestion, or changes review data only);
 * a command that could not be recorded is disabled, never applied unrecorded.
 */
import { redo, redoDepth, undo, undoDepth } from 'prosemirror-history';
import type { MarkType } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';
import { partOf } from '../../../shared/article';
import { schema } from '../../../shared/schema';
import { insertReadAlso, setParagraph, toggleBlockquote, toggleEm, toggleHeading, toggleList, toggleStrong } from '../../editor/commands';
import { typographyOn } from '../../editor/input-rules';
import { commandAllowed, reviewModeOf } from '../../editor/review-mode';

/** The block type menu's values. */
export type BlockChoice = 'paragraph' | 'h2' | 'h3' | 'h4' | 'headline' | 'standfirst' | 'caption' | 'other';

/** The toolbar's view of a state (compared field by field between transactions). */
export interface ToolbarState {
  readonly strong: boolean;
  readonly em: boolean;
  readonly link: boolean;
  readonly block: BlockChoice;
  readonly canBlock: boolean;
  readonly bulletList: boolean;
  readonly orderedList: boolean;
  readonly quote: boolean;
  readonly canStrong: boolean;
  readonly canEm: boolean;
  readonly canBullet: boolean;
  readonly canOrdered: boolean;
  readonly canQuote: boolean;
  readonly canCite: boolean;
  readonly canLink: boolean;
  /** Figure and "Read also" insertions (always in Editing). */
  readonly canInsertBlock: boolean;
  readonly undo: boolean;
  readonly redo: boolean;
  readonly typography: boolean;
}

function markActive(state: EditorState, type: MarkType): boolean {
  const { from, to, empty, $from } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** True when a citation may be inserted at the selection. */
export function canCiteAt(state: EditorState): boolean {
  if (reviewModeOf(state) === 'viewing') return false;
  const { $from, $to } = state.selection;
  const type = schema.nodes.citation!;
  return $from.sameParent($to) && $from.parent.inlineContent && $from.parent.canReplaceWith($from.index(), $to.index(), type);
}

/** The toolbar's view of `state`. */
export function toolbarState(state: EditorState): ToolbarState {
  const { $from } = state.selection;
  const parent = $from.parent;
  let block: BlockChoice = 'other';
  if (parent.type === schema.nodes.paragraph) block = 'paragraph';
  else if (parent.type === schema.nodes.heading) block = `h${String(parent.attrs.level)}` as BlockChoice;
  else if (parent.type === schema.nodes.headline) block = 'headline';
  else if (parent.type === schema.nodes.standfirst) block = 'standfirst';
  else if (parent.type === schema.nodes.figcaption) block = 'caption';
  let bulletList = false;
  let orderedList = false;
  let quote = false;
  for (let d = $from.depth; d > 0; d--) {
    const name = $from.node(d).type.name;
    if (name === 'bullet_list' && !orderedList) bulletList = true;
    if (name === 'ordered_list' && !bulletList) orderedList = true;
    if (name === 'blockquote') quote = true;
  }
  const top = $from.depth >= 1 ? partOf($from.node(1)) : null;
  const editing = reviewModeOf(state) === 'editing';
  // In Viewing no formatting is offered, not even a stored mark for the next words typed.
  const viewing = reviewModeOf(state) === 'viewing';
  const can = (command: Command): boolean => !viewing && commandAllowed(state, command);
  const inTop = top === 'headline' || top === 'standfirst';
  return {
    strong: markActive(state, schema.marks.strong!),
    em: markActive(state, schema.marks.em!),
    link: markActive(state, schema.marks.link!),
    block,
    canBlock: !inTop && (can(setParagraph) || can(toggleHeading(2))),
    bulletList,
    orderedList,
    quote,
    canStrong: can(toggleStrong),
    canEm: can(toggleEm),
    canBullet: !inTop && can(toggleList('bullet_list')),
    canOrdered: !inTop && can(toggleList('ordered_list')),
    canQuote: !inTop && can(toggleBlockquote),
    canCite: canCiteAt(state),
    canLink: parent.inlineContent && parent.type.allowsMarkType(schema.marks.link!) && (editing || (!viewing && canLinkInMode(state))),
    canInsertBlock: editing || can(insertReadAlso()),
    undo: undoDepth(state) > 0 && (editing || can(undo)),
    redo: redoDepth(state) > 0 && (editing || can(redo)),
    typography: typographyOn(state),
  };
}

// Whether a link could be set on the selection now (a stand-in address; the dialog asks the real one).
function canLinkInMode(state: EditorState): boolean {
  const { from, to, empty } = state.selection;
  const link = schema.marks.link!.create({ href: 'https://example.com/' });
  if (empty) return commandAllowed(state, (s, dispatch) => {
    dispatch?.(s.tr.insert(from, schema.text('link', [link])));
    return true;
  });
  return commandAllowed(state, (s, dispatch) => {
    dispatch?.(s.tr.addMark(from, to, link));
    return true;
  });
}

/** Field-by-field equality of two toolbar states. */
export function sameToolbarState(a: ToolbarState, b: ToolbarState): boolean {
  for (const key of Object.keys(a) as (keyof ToolbarState)[]) if (a[key] !== b[key]) return false;
  return true;
}
