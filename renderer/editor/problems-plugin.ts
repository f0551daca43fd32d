/**
 * The draft's problems, kept up to date incrementally (the checks and messages of
 * `shared/problems.ts`; a property test checks that the list always equals `findProblems`).
 *
 * - Body checks run per top-level block (`checkBlock`), cached by node identity; a transaction
 *   re-checks only the blocks it replaced (`changedBlocks`), so typing checks one block.
 * - Citations of missing sources and the sources' own problems come from the footnote index
 *   (`FootnoteState`), and are recomputed only when that index changed (O(sources)).
 * - The counts (always on screen) are kept as numbers; the list itself, with positions and
 *   place names, is built only when asked for (`list()`, memoised per state), e.g. when the
 *   Problems panel is open.
 * - Figures whose `assets/…` file is missing are errors; which files are missing is known only to
 *   the main process, so the shell tells the plugin (`setMissingAssets`), and the counts follow.
 * The footnote plugin must come before this one in the plugin list.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Problem } from '../../shared/problems';
import { describePosition, sourcesSection } from '../../shared/article';
import { checkBlock, checkSources, missingImages, placeEntry, type BlockReport, type SourceProblem } from '../../shared/problem-checks';
import { changedBlocks } from './changed-range';
import { footnotesOf } from './footnote-plugin';
import type { FootnoteState } from './footnote-state';

interface Tally {
  readonly errors: number;
  readonly warnings: number;
}

/** Counts what the footnote index contributes: citations of missing sources, and source problems. */
function footnoteTally(footnotes: FootnoteState, sources: readonly SourceProblem[]): Tally {
  let errors = 0;
  for (const id of footnotes.missing) errors += footnotes.counts.get(id) ?? 0;
  let warnings = 0;
  for (const problem of sources) {
    if (problem.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

const reports = new WeakMap<PMNode, BlockReport>();

const NONE: BlockReport = { entries: [], errors: 0, warnings: 0 };
const NO_MISSING: ReadonlySet<string> = new Set();

function reportOf(block: PMNode, tally: { checked: number }): BlockReport {
  if (block.type.name === 'sources') return NONE; // its problems come from the footnote index
  let report = reports.get(block);
  if (!report) {
    report = checkBlock(block);
    reports.set(block, report);
    tally.checked++;
  }
  return report;
}

/** Problems of one editor state: counts at once, the list on demand. */
export class ProblemsState {
  private memo: Problem[] | null = null;
  /** Errors (block publishing). */
  readonly errors: number;
  /** Warnings (worth a look). */
  readonly warnings: number;

  constructor(
    private readonly doc: PMNode,
    private readonly footnotes: FootnoteState,
    /** Errors and warnings of the body checks (not counting citations of missing sources). */
    private readonly body: Tally,
    private readonly sources: readonly SourceProblem[],
    /** Errors and warnings derived from the footnote index (missing sources, source checks). */
    private readonly derived: Tally,
    /** Blocks checked by the last transaction (a test hook: typing checks one). */
    readonly checked: number,
    /** The figures' `assets/…` paths whose files are missing, as the shell last said. */
    readonly missingAssets: ReadonlySet<string> = NO_MISSING,
  ) {
    this.errors = body.errors + derived.errors;
    this.warnings = body.warnings + derived.warnings;
  }

  /** All problems. */
  get count(): number {
    return this.errors + this.warnings;
  }

  /** The problems, in the order and with the text of `findProblems`. O(blocks + blocks with problems × their index). */
  list(): Problem[] {
    if (this.memo) return this.memo;
    const { doc, footnotes } = this;
    const out: Problem[] = [];
    const tally = { checked: 0 };
    const context = { hasSource: (id: string) => footnotes.byId.has(id), missingAssets: this.missingAssets };
    doc.forEach((block, start) => {
      if (block.type.name === 'sources') return;
      const report = reportOf(block, tally);
      if (report.entries.length === 0) return;
      // The place name costs O(index of the block): made only for blocks with real problems.
      let placeName: string | null = null;
      const place = (): string => (placeName ??= describePosition(doc, start));
      for (const entry of report.entries) {
        const problem = placeEntry(entry, start + entry.rel, place, context);
        if (problem) out.push(problem);
      }
    });
    const sourcesStart = sourcesSection(doc).pos + 1;
    for (const { offset, ...problem } of this.sources) out.push({ ...problem, pos: sourcesStart + offset });
    this.memo = out;
    return out;
  }

  /** The state after a transaction from `before` to `doc`, given the new footnote index. */
  next(before: PMNode, tr: Transaction, footnotes: FootnoteState): ProblemsState {
    const told = tr.getMeta(problemsKey) as { missingAssets: ReadonlySet<string> } | undefined;
    const change = tr.docChanged ? changedBlocks(before, tr) : null;
    const same = footnotes.sameAs(this.footnotes);
    if (!change && same && !told) return this;
    const sources = same ? this.sources : checkSources(footnotes);
    const derived = same ? this.derived : footnoteTally(footnotes, sources);
    const tally = { checked: 0 };
    if (told) {
      // A new set of missing files: recount every block (their reports are cached, so no re-check).
      const fresh = ProblemsState.create(tr.doc, footnotes, told.missingAssets);
      return new ProblemsState(tr.doc, footnotes, fresh.body, sources, derived, fresh.checked, told.missingAssets);
    }
    const missing = this.missingAssets;
    let { errors, warnings } = this.body;
    if (change) {
      for (let i = change.first; i < change.oldEnd; i++) {
        const report = reportOf(before.child(i), tally);
        errors -= report.errors + missingImages(report, missing);
        warnings -= report.warnings;
      }
      for (let i = change.first; i < change.newEnd; i++) {
        const report = reportOf(tr.doc.child(i), tally);
        errors += report.errors + missingImages(report, missing);
        warnings += report.warnings;
      }
    }
    return new ProblemsState(tr.doc, footnotes, { errors, warnings }, sources, derived, tally.checked, missing);
  }

  /** Checks a whole document (on opening it). */
  static create(doc: PMNode, footnotes: FootnoteState, missingAssets: ReadonlySet<string> = NO_MISSING): ProblemsState {
    const tally = { checked: 0 };
    let errors = 0;
    let warnings = 0;
    doc.forEach((block) => {
      const report = reportOf(block, tally);
      errors += report.errors + missingImages(report, missingAssets);
      warnings += report.warnings;
    });
    const sources = checkSources(footnotes);
    return new ProblemsState(doc, footnotes, { errors, warnings }, sources, footnoteTally(footnotes, sources), tally.checked, missingAssets);
  }
}

/** The plugin's key; `problemsKey.getState(state)` is the `ProblemsState`. */
export const problemsKey = new PluginKey<ProblemsState>('copydesk-problems');

/** The problems of `state` (throws if the editor was built without the plugin). */
export function problemsOf(state: EditorState): ProblemsState {
  const value = problemsKey.getState(state);
  if (!value) throw new Error('the problems plugin is not installed in this editor state');
  return value;
}

/** A transaction that tells the problems which `assets/…` files are missing (no document change, no undo step). */
export function setMissingAssets(tr: Transaction, missingAssets: ReadonlySet<string>): Transaction {
  return tr.setMeta(problemsKey, { missingAssets }).setMeta('addToHistory', false);
}

/** True when `tr` told the problems which files are missing (the list changes though the document did not). */
export function toldMissingAssets(tr: Transaction): boolean {
  return tr.getMeta(problemsKey) !== undefined;
}

/** The problems plugin (see the module comment). */
export function problemsPlugin(): Plugin<ProblemsState> {
  return new Plugin<ProblemsState>({
    key: problemsKey,
    state: {
      init: (_config, state) => ProblemsState.create(state.doc, footnotesOf(state)),
      apply: (tr, value, oldState, newState) => value.next(oldState.doc, tr, footnotesOf(newState)),
    },
  });
}
