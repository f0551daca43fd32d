/**
 * The readable form of `copydesk inspect` (without `--json`): a short report a person can scan
 * in a terminal.
 */
import type { DraftMeta } from '../../shared/draft/meta';
import type { DraftInspection, InspectedSource } from '../../shared/inspect';
import { readingMinutes } from '../../shared/words';
import { terminalSafe as safe } from './terminal-text';

// Every value from the draft is printed through `safe` (terminal-text.ts).
const orDash = (text: string): string => (text.trim() === '' ? '—' : safe(text));

function sourceLine(source: InspectedSource): string {
  const label = source.number === null ? '[–]' : `[${String(source.number)}]`;
  const title = source.title.trim() === '' ? `(untitled, id ${safe(source.id)})` : `“${safe(source.title)}”`;
  const details = safe([source.outlet, source.date].filter((part) => part.trim() !== '').join(', '));
  const cited = source.citations === 0 ? 'not cited' : `cited ${source.citations === 1 ? 'once' : `${String(source.citations)} times`}`;
  return `  ${label} ${title}${details ? ` — ${details}` : ''} (${cited})${source.url ? `\n      ${safe(source.url)}` : ''}`;
}

/** Formats an inspection for people; `problemSummary` is the check command's summary phrase. */
export function formatInspection(inspection: DraftInspection, meta: DraftMeta, problemSummary: string): string {
  const cited = inspection.sources.filter((source) => source.number !== null).length;
  const lines = [
    `Headline:   ${orDash(inspection.headline)}`,
    `Standfirst: ${orDash(inspection.standfirst)}`,
    `Status:     ${meta.status}${meta.slug ? `, slug ${safe(meta.slug)}` : ''}`,
    `Words:      ${String(inspection.words)} (about ${String(readingMinutes(inspection.words))} min to read)`,
    `Sources:    ${String(inspection.sources.length)} (${String(cited)} cited)`,
    ...inspection.sources.map(sourceLine),
    `Read also:  ${String(inspection.readAlso.length)} block${inspection.readAlso.length === 1 ? '' : 's'}`,
  ];
  for (const block of inspection.readAlso) {
    lines.push(`  ${safe(block.title)}:`);
    for (const item of block.items) lines.push(`    - ${orDash(item.title)}${item.url ? ` <${safe(item.url)}>` : ' (no URL)'}`);
  }
  lines.push(`Problems:   ${problemSummary}`);
  for (const problem of inspection.problems) lines.push(`  ${problem.severity}: ${safe(problem.message)}`);
  return `${lines.join('\n')}\n`;
}
