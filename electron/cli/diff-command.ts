/**
 * `copydesk diff <old.copydesk> <new.copydesk> [--json]`: the comparison of two drafts by the
 * compare engine (shared/compare/compare.ts), told as the app's compare view tells it
 * (shared/compare/report.ts), for a pipeline or a git hook.
 *
 * Exit status as diff(1): 0 when the drafts read the same, 1 when they differ; a draft that
 * cannot be read is 2 (errors.ts `DIFF_EXIT`; main.ts maps the `InputError`). Loaded only for
 * `diff`, so that the other commands do not pay for the engine.
 */
import { compareDocs } from '../../shared/compare/compare';
import { comparisonJson, comparisonLines } from '../../shared/compare/report';
import { loadDraft, type Output } from './commands';
import { DIFF_EXIT } from './errors';
import { terminalSafe, terminalSafeJson } from './terminal-text';

/** `copydesk diff` (see the module comment). */
export async function runDiff(options: { old: string; new: string; json: boolean }, out: Output): Promise<number> {
  // One after the other, so that a bad old draft is the error reported when both are bad.
  const older = await loadDraft(options.old);
  const newer = await loadDraft(options.new);
  const comparison = compareDocs(older.doc, newer.doc);
  // Descriptions quote the drafts: every line is made safe for a terminal.
  out.write(options.json ? `${terminalSafeJson(comparisonJson(comparison))}\n` : `${comparisonLines(comparison).map(terminalSafe).join('\n')}\n`);
  return comparison.summary.total === 0 ? DIFF_EXIT.same : DIFF_EXIT.differ;
}
