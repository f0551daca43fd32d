/**
 * The review modes (shared/review/model.ts `REVIEW_MODES`) as an editor plugin: its state holds
 * the mode and who is reviewing, set by a transaction's meta (`setReviewMode`).
 *
 * - Editing: transactions apply as they are, but for text typed inside a pending suggestion,
 *   which comes out plain (`editingCleanup`, in the same step of history).
 * - Suggesting: a transaction that changes the text is handed to the engine
 *   (`suggestTransaction`), which records it as suggestions; when it cannot, the transaction is
 *   refused and the document stays as it was. Undo and redo pass untouched, and so do
 *   transactions that change only review data (comment marks, the threads) and the review
 *   panel's decisions (`asReviewDecision`).
 * - Viewing: the text is read-only (`editable` false), but comment marks and the doc's review
 *   data still change, so that a reader can comment and reply.
 * - A read-only draft (someone else has it open: read-only.ts) shows Viewing and refuses every
 *   change, comments included; its mode stays Viewing until it is no longer read-only.
 *
 * `dispatchInMode` is that rule on a state alone (the view's dispatch calls it; tests call it as
 * the view would). `commandAllowed` asks it whether a command may run now, for enabling buttons.
 */
import { isHistoryTransaction } from 'prosemirror-history';
import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, DocAttrStep, RemoveMarkStep, type Step } from 'prosemirror-transform';
import type { EditorView } from 'prosemirror-view';
import { ensureAuthor } from '../../shared/review/authors';
import { editingCleanup } from '../../shared/review/editing';
import type { Reviewer, ReviewMode } from '../../shared/review/model';
import { isRecordedSuggestion, suggestTransaction } from '../../shared/review/suggest';
import { isAppChange, isReadOnly } from './read-only';

/** The plugin's state: the mode, and who is reviewing (null until the user gave a name). */
export interface ReviewModeState {
  readonly mode: ReviewMode;
  readonly reviewer: Reviewer | null;
}

/** The plugin's key. */
export const reviewModeKey = new PluginKey<ReviewModeState>('copydesk-review-mode');

// The meta that marks a transaction as a decision on suggestions (accept, reject).
const DECISION_META = 'copydesk-review-decision';

/** The review mode plugin, starting in `initial` (default: Editing, no reviewer). */
export function reviewModePlugin(initial: Partial<ReviewModeState> = {}): Plugin<ReviewModeState> {
  return new Plugin<ReviewModeState>({
    key: reviewModeKey,
    state: {
      init: () => ({ mode: initial.mode ?? 'editing', reviewer: initial.reviewer ?? null }),
      apply: (tr, value) => (tr.getMeta(reviewModeKey) as ReviewModeState | undefined) ?? value,
    },
    // The form controls of node views (a figure's alt text, a "Read also" item's fields and
    // buttons) are read-only in Viewing too.
    view: (view) => {
      lockControls(view, controlsLocked(view.state));
      return {
        update: (next, before) => {
          const locked = controlsLocked(next.state);
          if (locked !== controlsLocked(before)) lockControls(next, locked);
        },
      };
    },
    // Editing next to pending suggestions: what the person types inside a struck run or another's
    // pending insertion comes out plain (`editingCleanup`). Undo, redo, the engine's recordings,
    // review decisions and drags, which bring or move marks on purpose, are left as they are.
    appendTransaction: (transactions, _before, state) => {
      if (reviewModeOf(state) !== 'editing') return null;
      const typed = transactions.filter(
        (tr) => tr.docChanged && !isHistoryTransaction(tr) && !isRecordedSuggestion(tr) && tr.getMeta(DECISION_META) !== true && tr.getMeta('uiEvent') !== 'drop',
      );
      return typed.length ? editingCleanup(typed, state) : null;
    },
    props: {
      editable: (state) => reviewModeOf(state) !== 'viewing',
      // Screen readers say the text is read-only; the mode is a class for the stylesheet.
      attributes: (state): Record<string, string> => {
        const mode = reviewModeOf(state);
        return mode === 'viewing' ? { 'aria-readonly': 'true', class: 'cd-viewing' } : mode === 'suggesting' ? { class: 'cd-suggesting' } : {};
      },
    },
  });
}

// The node views' controls are locked in Viewing and in a read-only draft.
function controlsLocked(state: EditorState): boolean {
  return reviewModeOf(state) === 'viewing' || isReadOnly(state);
}

// Makes the node views' inputs read-only and their buttons disabled (`locked`), or gives back what
// this locked (and only that: a button disabled for its own reason stays so).
function lockControls(view: EditorView, locked: boolean): void {
  for (const control of Array.from(view.dom.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement>('input, textarea, button'))) {
    const isButton = control instanceof HTMLButtonElement;
    if (locked) {
      const already = isButton ? control.disabled : (control as HTMLInputElement).readOnly;
      if (already) continue;
      control.dataset.cdLocked = '';
      if (isButton) control.disabled = true;
      else (control as HTMLInputElement).readOnly = true;
    } else if (control.dataset.cdLocked !== undefined) {
      delete control.dataset.cdLocked;
      if (isButton) control.disabled = false;
      else (control as HTMLInputElement).readOnly = false;
    }
  }
}

/** The mode and reviewer of `state` (Editing and no reviewer for a state without the plugin). */
export function reviewModeStateOf(state: EditorState): ReviewModeState {
  return reviewModeKey.getState(state) ?? { mode: 'editing', reviewer: null };
}

/** The mode of `state`. */
export function reviewModeOf(state: EditorState): ReviewMode {
  return reviewModeStateOf(state).mode;
}

/** Who is reviewing in `state`, or null. */
export function reviewerOf(state: EditorState): Reviewer | null {
  return reviewModeStateOf(state).reviewer;
}

/**
 * Sets the mode (and the reviewer, when given; the current one otherwise). Suggesting needs a
 * reviewer: without one the command does not apply (the shell asks for a name first).
 */
export function setReviewMode(mode: ReviewMode, reviewer?: Reviewer | null): Command {
  return (state, dispatch) => {
    const next: ReviewModeState = { mode, reviewer: reviewer === undefined ? reviewerOf(state) : reviewer };
    if (mode === 'suggesting' && next.reviewer === null) return false;
    if (mode !== 'viewing' && isReadOnly(state)) return false;
    dispatch?.(state.tr.setMeta(reviewModeKey, next).setMeta('addToHistory', false));
    return true;
  };
}

/**
 * Marks `tr` as a decision on suggestions (accepting or rejecting them, review panel): it then
 * applies as it is in Suggesting mode, instead of being recorded as a suggestion. Returns `tr`.
 */
export function asReviewDecision(tr: Transaction): Transaction {
  return tr.setMeta(DECISION_META, true);
}

// A step that changes review data only: a comment mark added or removed, the doc's review attribute.
function isReviewDataStep(step: Step): boolean {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return step.mark.type.name === 'comment';
  return step instanceof DocAttrStep && step.attr === 'review';
}

/** True when every step of `tr` changes review data only (comments, threads, the author table). */
export function changesReviewDataOnly(tr: Transaction): boolean {
  return tr.steps.every(isReviewDataStep);
}

/** Why a transaction was refused. */
export type RefusalReason = 'viewing' | 'unrecordable' | 'no-reviewer' | 'read-only';

/** What `dispatchInMode` decided: the transaction to apply, or a refusal with a sentence for the user. */
export type ModeOutcome = { readonly ok: true; readonly tr: Transaction } | { readonly ok: false; readonly reason: RefusalReason; readonly message: string };

/** What the user is told, per reason. */
export const REFUSAL_MESSAGES: Readonly<Record<RefusalReason, string>> = {
  viewing: 'Viewing: the text cannot be changed here. Switch to Editing or Suggesting to change it.',
  unrecordable: 'Suggesting: this change cannot be recorded as a suggestion, so it was not made.',
  'no-reviewer': 'Suggesting needs your name in review first.',
  'read-only': 'Read-only: someone else has this draft open, so nothing can be changed here (comments neither). Take over to edit it.',
};

/** Options of `dispatchInMode`. */
export interface DispatchOptions {
  /** The time suggestions are stamped with (default: now). */
  readonly now?: Date;
  /** The engine (default `suggestTransaction`; tests give stand-ins). */
  readonly suggest?: typeof suggestTransaction;
}

function refuse(reason: RefusalReason): ModeOutcome {
  return { ok: false, reason, message: REFUSAL_MESSAGES[reason] };
}

/**
 * What applying `tr` (made on `state` by a command, an input or a paste) does in `state`'s mode:
 * the transaction to apply (`tr` itself, or the engine's recording of it) or a refusal. Pure: it
 * builds transactions and applies nothing. In Suggesting mode the first suggestion also adds the
 * reviewer to the draft's author table, in the same transaction.
 * A change the app makes for the user (`asAppChange`, read-only.ts) passes as it is; a read-only
 * draft refuses every other change.
 */
export function dispatchInMode(state: EditorState, tr: Transaction, options: DispatchOptions = {}): ModeOutcome {
  if (!tr.docChanged || isAppChange(tr)) return { ok: true, tr };
  if (isReadOnly(state)) return refuse('read-only');
  const { mode, reviewer } = reviewModeStateOf(state);
  if (mode === 'editing' || changesReviewDataOnly(tr)) return { ok: true, tr };
  if (mode === 'viewing') return refuse('viewing');
  if (isHistoryTransaction(tr) || tr.getMeta(DECISION_META) === true) return { ok: true, tr };
  if (reviewer === null) return refuse('no-reviewer');
  const recorded = (options.suggest ?? suggestTransaction)(state, tr, reviewer, options.now ?? new Date());
  if (recorded === null) return refuse('unrecordable');
  if (recorded.docChanged && !changesReviewDataOnly(recorded)) ensureAuthor(recorded, reviewer);
  return { ok: true, tr: recorded };
}

/** `dispatchInMode`, then the new state (unchanged when refused), as the view would end up. */
export function applyInMode(state: EditorState, tr: Transaction, options: DispatchOptions = {}): { readonly state: EditorState; readonly outcome: ModeOutcome } {
  const outcome = dispatchInMode(state, tr, options);
  return { state: outcome.ok ? state.apply(outcome.tr) : state, outcome };
}

/**
 * Whether `command` may run on `state` in its mode (to enable a button or a menu item): in Editing
 * whether it applies; otherwise it is run with a dispatch that only keeps its transaction, which
 * must pass `dispatchInMode`. Give pure commands only (no dialog, no view).
 */
export function commandAllowed(state: EditorState, command: Command, options: DispatchOptions = {}): boolean {
  if (reviewModeOf(state) === 'editing') return command(state);
  const made: { tr?: Transaction } = {};
  const applies = command(state, (tr) => {
    made.tr ??= tr;
  });
  if (!applies) return false;
  return made.tr === undefined || dispatchInMode(state, made.tr, options).ok;
}
