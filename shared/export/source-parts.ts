/**
 * How a source reads in an export, shared by the HTML and Markdown writers so that both say the
 * same thing: `“Title,” Outlet, Date. URL Note` (the seed article's style), with each part
 * omitted when empty. A source with only a note is a plain explanatory footnote.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { isExportableUrl } from '../url';

/** One piece of a source's text; writers style each kind (title quoted, URL as a link…). */
export interface SourcePart {
  readonly kind: 'title' | 'outlet' | 'date' | 'url' | 'note' | 'punct';
  readonly text: string;
}

/** The parts of a source's text in reading order, punctuation included. */
export function sourceParts(source: PMNode): SourcePart[] {
  const field = (name: string): string => ((source.attrs[name] as string | undefined) ?? '').replace(/\s+/gu, ' ').trim();
  const title = field('title');
  const outlet = field('outlet');
  const date = field('date');
  const url = field('url');
  const note = field('note');
  const parts: SourcePart[] = [];
  const rest = [outlet && { kind: 'outlet' as const, text: outlet }, date && { kind: 'date' as const, text: date }].filter(
    (part): part is { kind: 'outlet' | 'date'; text: string } => Boolean(part),
  );
  if (title) {
    parts.push({ kind: 'punct', text: '“' }, { kind: 'title', text: title }, { kind: 'punct', text: rest.length ? ',”' : '.”' });
  }
  rest.forEach((part, i) => {
    if (parts.length) parts.push({ kind: 'punct', text: ' ' });
    parts.push(part, { kind: 'punct', text: i < rest.length - 1 ? ',' : '.' });
  });
  if (url && isExportableUrl(url, 'source')) {
    if (parts.length) parts.push({ kind: 'punct', text: ' ' });
    parts.push({ kind: 'url', text: url });
  }
  if (note) {
    if (parts.length) parts.push({ kind: 'punct', text: ' ' });
    parts.push({ kind: 'note', text: note });
  }
  return parts;
}

/** The plain text of a source, as readers of an export see it. */
export function sourceText(source: PMNode): string {
  return sourceParts(source)
    .map((part) => part.text)
    .join('');
}
