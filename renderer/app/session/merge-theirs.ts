/**
 * "Merge their version": the other person's changes to the draft (from the version this window
 * last opened or saved, `base`, to the version on disk, `theirs`) put over the current text as
 * suggestions by them (shared/compare/merge.ts `mergeTheirs`), as one transaction: one step of
 * undo, applied as it is in every mode (a review decision: Suggesting does not record it again;
 * an app change: it passes a draft turned read-only after its lock was lost). Their name joins
 * the draft's review authors.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { ReplaceStep } from 'prosemirror-transform';
import { mergeTheirs } from '../../../shared/compare/merge';
import type { DeskPerson } from '../../../shared/draft/meta';
import { ensureAuthor } from '../../../shared/review/authors';
import type { Reviewer } from '../../../shared/review/model';
import { initialsOf } from '../../../shared/review/reviewer-name';
import { asAppChange } from '../../editor/read-only';
import { asReviewDecision } from '../../editor/review-mode';

/** The author id given to changes from a file that does not say who saved it. */
export const SOMEONE_ELSE_ID = 'someone-else';

/** Who the other person's changes are by: whoever saved the file on disk (`meta.savedBy`), or "Someone else". */
export function mergeAuthor(savedBy: DeskPerson | undefined): Reviewer {
  const name = savedBy?.name ?? 'Someone else';
  return { id: savedBy?.id ?? SOMEONE_ELSE_ID, name, initials: initialsOf(name) || '?' };
}

const sameAttr = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The transaction that turns `state`'s document into `doc`: one replace step over the part that
 * differs (so the cursor elsewhere keeps its place), or of the whole content when that step does
 * not fit; then the document's attributes that differ (the review data).
 */
export function replaceDocTransaction(state: EditorState, doc: PMNode): Transaction {
  const tr = state.tr;
  const from = state.doc.content.findDiffStart(doc.content);
  if (from !== null) {
    const ends = state.doc.content.findDiffEnd(doc.content);
    let endA = ends?.a ?? state.doc.content.size;
    let endB = ends?.b ?? doc.content.size;
    const overlap = from - Math.min(endA, endB);
    if (overlap > 0) {
      endA += overlap;
      endB += overlap;
    }
    const step = new ReplaceStep(from, endA, doc.slice(from, endB));
    const applied = step.apply(tr.doc);
    if (applied.doc && applied.doc.content.eq(doc.content)) tr.step(step);
    else tr.replaceWith(0, tr.doc.content.size, doc.content);
  }
  for (const [key, value] of Object.entries(doc.attrs)) {
    if (!sameAttr(tr.doc.attrs[key], value)) tr.setDocAttribute(key, value);
  }
  return tr;
}

/** What merging gave: the transaction to dispatch and how many of their changes it holds. */
export interface MergedTransaction {
  readonly tr: Transaction;
  readonly changes: number;
  readonly author: Reviewer;
}

/**
 * Their changes (`base` → `theirs`, saved by `savedBy`) as suggestions over `state`'s document, as
 * one transaction to dispatch (see the module comment). `at`: the suggestions' time.
 */
export function mergeTransaction(state: EditorState, base: PMNode, theirs: PMNode, savedBy: DeskPerson | undefined, at: Date): MergedTransaction {
  const author = mergeAuthor(savedBy);
  const merged = mergeTheirs({ base, mine: state.doc, theirs, author, at });
  const tr = replaceDocTransaction(state, merged.doc);
  if (merged.changes > 0) ensureAuthor(tr, author);
  return { tr: asReviewDecision(asAppChange(tr)), changes: merged.changes, author };
}
