/**
 * The citation text style: how a source reads as text, `“Title,” Outlet, Date. URL Note` (the
 * seed article's style), each part omitted when empty; a source with only a note is a plain
 * explanatory footnote. One definition for both directions: the HTML and Markdown exporters
 * write it (`sourceParts`), and the importers read it back (shared/import/source-text.ts checks
 * that the fields it read, written in this style, say what the input said).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { isExportableUrl } from '../url';
import type { SourceFields } from './fields';

/** One piece of a source's text; writers style each kind (title quoted, URL as a link…). */
export interface SourcePart {
  readonly kind: 'title' | 'outlet' | 'date' | 'url' | 'note' | 'punct';
  readonly text: string;
}

/** The fields the style writes (a source's fields without its id). */
export type StyledFields = Omit<SourceFields, 'id'>;

/** Options of `styleParts`. */
export interface StyleOptions {
  /** Write the URL (when it is one an export may hold). Default true. */
  readonly url?: boolean;
}

/** The parts of a source's text in reading order, punctuation included, from its fields. */
export function styleParts(fields: StyledFields, options: StyleOptions = {}): SourcePart[] {
  const field = (name: keyof StyledFields): string => fields[name].replace(/\s+/gu, ' ').trim();
  const title = field('title');
  const outlet = field('outlet');
  const date = field('date');
  const url = options.url === false ? '' : field('url');
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

/** The text of `fields` in the style (see `styleParts`). */
export function styleText(fields: StyledFields, options: StyleOptions = {}): string {
  return styleParts(fields, options)
    .map((part) => part.text)
    .join('');
}

/** The field a `source` node's attribute gives (missing or not text: empty). */
function attrFields(source: PMNode): StyledFields {
  const text = (name: string): string => ((source.attrs[name] as string | undefined) ?? '');
  return { title: text('title'), outlet: text('outlet'), date: text('date'), url: text('url'), note: text('note') };
}

/** The parts of a `source` node's text in reading order, punctuation included. */
export function sourceParts(source: PMNode): SourcePart[] {
  return styleParts(attrFields(source));
}

/** The plain text of a `source` node, as readers of an export see it. */
export function sourceText(source: PMNode): string {
  return styleText(attrFields(source));
}
