/**
 * Suggesting mode's engine: turns a transaction made by an ordinary editing command into one that
 * records the same change as suggestions (see model.ts for what they are in the document).
 *
 * The engine compares the command's document with the one it started from, region by region
 * (suggest-regions.ts), so that several steps in one transaction (a paste with marks, input
 * rules, overlapping mark steps) are recorded as the one change they make: a change of content
 * (suggest-replace.ts) or of formatting and fields (suggest-format.ts). It looks only at the
 * neighbourhood of each change, never walks the document.
 */
import { isHistoryTransaction } from 'prosemirror-history';
import { AllSelection, NodeSelection, Selection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { Slice } from 'prosemirror-model';
import { AddMarkStep, DocAttrStep, RemoveMarkStep, ReplaceStep, type Step } from 'prosemirror-transform';
import { ensureAuthor } from './authors';
import { newReviewId, type Reviewer } from './model';
import { isSuggestion, markNamed, type Stamp } from './suggest-marks';
import { recordFormat } from './suggest-format';
import { changedRegions, sameShape, type Region } from './suggest-regions';
import { afterStruck, recordReplace, type Recorded } from './suggest-replace';
import { recordedFaithfully } from './suggest-verify';

/** Whether `step` changes no content: review data, or a comment mark. */
function outsideContent(step: Step): boolean {
  if (step instanceof DocAttrStep) return true;
  return (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type.name === 'comment';
}

/** The stamp of this transaction: a new suggestion, or the reviewer's own pending one it continues. */
function stampFor(state: EditorState, regions: readonly Region[], reviewer: Reviewer, now: Date): Stamp {
  const fresh = { id: newReviewId('s'), author: reviewer.id, at: now.toISOString() };
  const only = regions.length === 1 ? regions[0] : undefined;
  if (!only) return fresh;
  const doc = state.doc;
  const own = (node: ReturnType<typeof doc.nodeAt>, name: string): Stamp | null => {
    const mark = node?.isInline ? markNamed(node.marks, name) : undefined;
    return mark && mark.attrs.author === reviewer.id ? (mark.attrs as Stamp) : null;
  };
  const at = doc.resolve(afterStruck(doc, only.ta));
  const inserting = only.tb > only.fb;
  if (inserting) return own(at.nodeBefore, 'insertion') ?? own(at.nodeAfter, 'insertion') ?? fresh;
  if (only.ta > only.fa) return own(doc.resolve(only.fa).nodeBefore, 'deletion') ?? own(doc.resolve(only.ta).nodeAfter, 'deletion') ?? fresh;
  return fresh;
}

// The meta that marks a transaction as this engine's recording.
const RECORDED = 'copydesk-recorded-suggestion';

/** Whether `tr` is a recording made by `suggestTransaction` (its marks are meant: nothing cleans them up). */
export function isRecordedSuggestion(tr: Transaction): boolean {
  return tr.getMeta(RECORDED) === true;
}

/**
 * The transaction that records `tr` (made on `state` by an ordinary command) as suggestions by
 * `reviewer` at `now`, or null when `tr` holds a change that cannot be recorded (the command is
 * then refused, and disabled, in Suggesting mode). A transaction that changes no content (a
 * selection, a comment, review data) and an undo or redo come back as they are.
 */
export function suggestTransaction(state: EditorState, tr: Transaction, reviewer: Reviewer, now: Date): Transaction | null {
  try {
    return record(state, tr, reviewer, now);
  } catch {
    // A step that does not fit (a RangeError, a TransformError): refused rather than half recorded.
    return null;
  }
}

function record(state: EditorState, tr: Transaction, reviewer: Reviewer, now: Date): Transaction | null {
  if (!tr.docChanged || isHistoryTransaction(tr) || tr.steps.every(outsideContent)) return tr;
  if (tr.before !== state.doc) return null;
  const regions = changedRegions(tr);
  if (!regions) return null;
  const a = state.doc;
  const b = tr.doc;
  const out = state.tr;
  const stamp = stampFor(state, regions, reviewer, now);
  const recorded = new Map<Region, Recorded>();
  const isNew = insertedBy(tr);
  for (let i = regions.length - 1; i >= 0; i--) {
    const region = regions[i] as Region;
    if (region.fa === region.ta && region.fb === region.tb) continue;
    const before = a.slice(region.fa, region.ta);
    const after = stepSlice(tr, region) ?? b.slice(region.fb, region.tb);
    if (region.ta - region.fa === region.tb - region.fb && sameShape(before, after)) {
      if (!recordFormat(out, a, b, region, stamp)) return null;
      continue;
    }
    const result = recordReplace(out, a, region.fa, region.ta, after, region.fb, isNew, stamp);
    if (!result) return null;
    // Changes to blocks are checked on their neighbourhood (only when alone: the block indices
    // of the three documents then line up).
    const blocks = after.openStart > 0 || after.openEnd > 0 || !a.resolve(region.fa).sameParent(a.resolve(region.ta)) || !after.content.firstChild?.isInline;
    if (blocks && regions.length === 1 && !recordedFaithfully(a, b, out.doc, region.fa, region.ta)) return null;
    recorded.set(region, result);
  }
  for (const step of tr.steps) if (step instanceof DocAttrStep) out.setDocAttribute(step.attr, step.value);
  if (out.docChanged && regions.some((r) => r.fa !== r.ta || r.fb !== r.tb)) ensureAuthor(out, reviewer);
  out.setSelection(mapSelection(state, tr, out, regions, recorded));
  copyRest(state, tr, out);
  return out.setMeta(RECORDED, true);
}

/** Whether a range of the command's document lies in content its steps inserted. */
function insertedBy(tr: Transaction): (from: number, to: number) => boolean {
  let ranges: { from: number; to: number }[] | null = null;
  return (from, to) => {
    ranges ??= tr.steps.flatMap((step, i) => {
      if (!(step instanceof ReplaceStep) || step.slice.size === 0) return [];
      const later = tr.mapping.slice(i + 1);
      return [{ from: later.map(step.from, 1), to: later.map(step.from + step.slice.size, -1) }];
    });
    return ranges.some((r) => r.from <= from && to <= r.to);
  };
}

/** The slice `region` of the command's document holds, from its one step when that is all it did (typing: no walk). */
function stepSlice(tr: Transaction, region: Region): Slice | null {
  const step = tr.steps.length === 1 ? tr.steps[0] : null;
  return step instanceof ReplaceStep && step.from === region.fb && step.from + step.slice.size === region.tb ? step.slice : null;
}

/** Where a position of the command's document lands in the recorded one. */
function positionMapper(state: EditorState, tr: Transaction, out: Transaction, regions: readonly Region[], recorded: ReadonlyMap<Region, Recorded>) {
  const back = tr.mapping.invert();
  const { selection } = state;
  return (pos: number, assoc: number): number => {
    for (const region of regions) {
      if (pos < region.fb) break;
      if (pos > region.tb) continue;
      const rec = recorded.get(region);
      if (!rec) break;
      const later = out.mapping.slice(rec.step);
      if (rec.insTo > rec.insFrom) {
        if (pos === region.tb) return later.map(rec.insTo, 1);
        return later.map(Math.min(rec.insTo, rec.insFrom + (pos - region.fb)), assoc);
      }
      // Backspace leaves the cursor before what it struck, Delete after it.
      const backspace = selection.empty && selection.head === region.ta && region.ta > region.fa;
      return backspace ? later.map(rec.delFrom, -1) : later.map(rec.delTo, 1);
    }
    return out.mapping.map(back.map(pos, assoc), assoc);
  };
}

function mapSelection(state: EditorState, tr: Transaction, out: Transaction, regions: readonly Region[], recorded: ReadonlyMap<Region, Recorded>): Selection {
  const toOut = positionMapper(state, tr, out, regions, recorded);
  // The command's selection; when it set none, the state's mapped through it (without resolving
  // positions in the command's document, which nothing else needs).
  const sel = tr.selectionSet ? tr.selection : state.selection;
  const map = tr.selectionSet ? toOut : (pos: number, assoc: number) => toOut(tr.mapping.map(pos, 1), assoc);
  const doc = out.doc;
  if (sel instanceof AllSelection) return new AllSelection(doc);
  if (sel instanceof NodeSelection) {
    const pos = map(sel.from, 1);
    const node = doc.nodeAt(pos);
    if (node && node.type === sel.node.type && NodeSelection.isSelectable(node)) return NodeSelection.create(doc, pos);
    return Selection.near(doc.resolve(pos));
  }
  const head = map(sel.head, sel.empty ? 1 : sel.head < sel.anchor ? -1 : 1);
  const anchor = sel.empty ? head : map(sel.anchor, sel.anchor < sel.head ? -1 : 1);
  return TextSelection.between(doc.resolve(anchor), doc.resolve(head));
}

/** Carries over what else the command's transaction says (metadata, stored marks, scrolling, time). */
function copyRest(state: EditorState, tr: Transaction, out: Transaction): void {
  // Input rules remember the transaction they made, to undo it: that one was not applied.
  const skip = new Set(state.plugins.filter((p) => (p.spec as { isInputRules?: boolean }).isInputRules).map((p) => (p as unknown as { key: string }).key));
  const meta = (tr as unknown as { meta: Record<string, unknown> }).meta;
  for (const [key, value] of Object.entries(meta)) if (!skip.has(key)) out.setMeta(key, value);
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks ? tr.storedMarks.filter((m) => !isSuggestion(m)) : null);
  if (tr.scrolledIntoView) out.scrollIntoView();
  out.setTime(tr.time);
}
