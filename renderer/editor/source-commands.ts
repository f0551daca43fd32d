/**
 * Commands on citations and sources. Each is one transaction, so one undo step: citing a new
 * source inserts the citation and the source together, and undo takes both back.
 *
 * Removing a source: `removeSource(id)` removes only a source that nothing cites (the "uncited"
 * flag's one-click remove); with `{ withCitations: true }` it also removes every citation of it
 * (for a Sources panel "delete source and its citations", after the reporter confirms). A cited
 * source is never removed silently, since its citations would be left pointing at nothing.
 *
 * Citing with a citation selected retargets that citation: one `setNodeAttribute(pos, 'source',
 * id)` step, which Suggesting mode records as one change of source (not a deletion and an
 * insertion), and which keeps the citation's marks (its comments) where they are.
 */
import { NodeSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { sourceInsertPos } from '../../shared/article';
import { EDITABLE_SOURCE_FIELDS, type EditableSourceFields } from '../../shared/sources/fields';
import { sourceIdFromTitle } from '../../shared/sources/ids';
import { isStorableUrl } from '../../shared/url';
import { footnotesOf } from './footnote-plugin';

/** The fields a reporter edits on a source (its id is fixed once made). */
export type SourceEdit = Partial<EditableSourceFields>;

/** True when the cursor is where an inline citation may stand (not the headline, not a node). */
function canCite(state: Parameters<Command>[0]): boolean {
  const { $from, $to } = state.selection;
  const type = state.schema.nodes.citation;
  return !!type && $from.sameParent($to) && $from.parent.canReplaceWith($from.index(), $to.index(), type);
}

/** `tr` with a citation of `id` at the selection: the selected citation retargeted, or a new one. */
function cite(state: EditorState, tr: Transaction, id: string): Transaction {
  const selection = state.selection;
  if (selection instanceof NodeSelection && selection.node.type.name === 'citation') {
    return selection.node.attrs.source === id ? tr : tr.setNodeAttribute(selection.from, 'source', id);
  }
  return tr.replaceSelectionWith(state.schema.nodes.citation!.create({ source: id }), false);
}

/** Inserts a citation of the existing source `sourceId` at the cursor (replacing any selection; a selected citation is retargeted). */
export function insertCitation(sourceId: string): Command {
  return (state, dispatch) => {
    if (!footnotesOf(state).byId.has(sourceId) || !canCite(state)) return false;
    dispatch?.(cite(state, state.tr, sourceId).scrollIntoView());
    return true;
  };
}

/** A fresh id for a new source titled `title` (from its note when it has no title) in `state`. */
export function newSourceId(state: Parameters<Command>[0], title: string): string {
  const byId = footnotesOf(state).byId;
  return sourceIdFromTitle(title, (id) => byId.has(id));
}

function cleanEdit(edit: SourceEdit): SourceEdit | null {
  const out: Record<string, string> = {};
  for (const field of EDITABLE_SOURCE_FIELDS) {
    const value = edit[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') return null;
    out[field] = value;
  }
  if (out.url !== undefined && !isStorableUrl(out.url, 'source')) return null;
  return out;
}

/**
 * Creates a source from `fields` (id made from the title, unique in the document) and cites it
 * at the cursor, in one transaction. Refuses (returns false) a source with neither title nor
 * note, a URL the source policy refuses, or a cursor where no citation may stand. `onCreated`
 * receives the new id when the command runs.
 */
export function createSourceAndCite(fields: SourceEdit, onCreated?: (id: string) => void): Command {
  return (state, dispatch) => {
    const edit = cleanEdit(fields);
    if (!edit || !canCite(state)) return false;
    const title = (edit.title ?? '').trim();
    const note = (edit.note ?? '').trim();
    if (title === '' && note === '') return false;
    if (!dispatch) return true;
    const id = newSourceId(state, title || note.slice(0, 40));
    const { schema } = state;
    const tr = cite(state, state.tr, id);
    tr.insert(sourceInsertPos(tr.doc), schema.node('source', { ...edit, id }));
    dispatch(tr.scrollIntoView());
    onCreated?.(id);
    return true;
  };
}

/** Changes fields of source `id`; refuses an unknown id or a URL the source policy refuses. */
export function updateSource(id: string, fields: SourceEdit): Command {
  return (state, dispatch) => {
    const footnotes = footnotesOf(state);
    const edit = cleanEdit(fields);
    const pos = footnotes.sourcePos(state.doc, id);
    const node = pos === null ? null : state.doc.nodeAt(pos);
    if (!edit || pos === null || !node) return false;
    const changed = Object.entries(edit).filter(([field, value]) => node.attrs[field] !== value);
    if (dispatch && changed.length > 0) {
      const tr = state.tr;
      for (const [field, value] of changed) tr.setNodeAttribute(pos, field, value);
      dispatch(tr);
    }
    return true;
  };
}

/** Removes source `id` (see the module comment for when); refuses a cited one unless asked. */
export function removeSource(id: string, options: { withCitations?: boolean } = {}): Command {
  return (state, dispatch) => {
    const footnotes = footnotesOf(state);
    const pos = footnotes.sourcePos(state.doc, id);
    if (pos === null) return false;
    const cited = (footnotes.counts.get(id) ?? 0) > 0;
    if (cited && !options.withCitations) return false;
    if (dispatch) {
      const tr = state.tr.delete(pos, pos + 1);
      if (cited) {
        const citations = footnotes.citations().filter((c) => c.source === id);
        for (let i = citations.length - 1; i >= 0; i--) tr.delete(citations[i]!.pos, citations[i]!.pos + 1);
      }
      dispatch(tr);
    }
    return true;
  };
}
