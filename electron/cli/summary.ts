/**
 * The readable form of `copydesk inspect` (without `--json`): a short report a person can scan
 * in a terminal.
 */
import type { DraftMeta } from '../../shared/draft/meta';
import { readableTime } from '../../shared/export/review-notes';
import type { DraftInspection, InspectedReview, InspectedSource } from '../../shared/inspect';
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

const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;


/** The review lines: a summary, then each pending suggestion and each open thread. */
function reviewLines(review: InspectedReview): string[] {
  const open = review.threads.filter((thread) => !thread.resolved);
  const detached = open.filter((thread) => thread.detached).length;
  const resolved = review.threads.length - open.length;
  const lines = [
    `Review:     ${plural(review.suggestions.length, 'pending suggestion')}, ${plural(open.length, 'open thread')}${detached > 0 ? ` (${String(detached)} detached)` : ''}${resolved > 0 ? `, ${String(resolved)} resolved` : ''}`,
  ];
  for (const suggestion of review.suggestions) {
    lines.push(`  ${safe(suggestion.description)} — ${safe(suggestion.author)}, ${readableTime(suggestion.at)}, in ${safe(suggestion.place)}`);
  }
  for (const thread of open) {
    const where = thread.place === null ? 'detached' : `in ${safe(thread.place)}`;
    lines.push(`  Thread “${safe(thread.quote)}” (${where}): ${plural(thread.messages, 'message')}`);
  }
  return lines;
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
  lines.push(...reviewLines(inspection.review));
  return `${lines.join('\n')}\n`;
}
