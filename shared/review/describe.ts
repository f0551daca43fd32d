/**
 * What one suggestion does, said for a person ("Deleted: “…”", "Changed source: Reuters → CFR",
 * "Formatted: bold"), from what the review index gathered of its marks in one walk of the
 * document (`SuggestionParts`). The review panel, `copydesk inspect` and the exports show it.
 */
import type { SuggestionKind } from './model';

/** How many characters of text a description quotes, about. */
export const DESCRIBED_QUOTE = 60;

/** Formatting as a list of `{ type, attrs? }` (format_change's `before`, or the text's marks now). */
export type Formatting = readonly { readonly type: string; readonly attrs?: Readonly<Record<string, unknown>> }[];

/** A node-level suggestion mark (a whole block, an atom, or an attribute change). */
export interface NodePart {
  readonly mark: 'insertion' | 'deletion' | 'attr_change' | 'split' | 'join';
  /** The node's type name. */
  readonly type: string;
  /** Its attributes now (a citation's `source`, a source's `id`). */
  readonly attrs: Readonly<Record<string, unknown>>;
  /** attr_change: the values it had. */
  readonly before?: Readonly<Record<string, unknown>>;
}

/** What the index gathered of one suggestion's marks. */
export interface SuggestionParts {
  /** Inserted and deleted text, in document order, each cut a little beyond `DESCRIBED_QUOTE`. */
  inserted: string;
  deleted: string;
  /** The first node-level marks (blocks, atoms, attribute changes), in document order. */
  readonly nodes: NodePart[];
  /** The first format_change: what the text had, and what it has now. */
  format: { readonly before: Formatting; readonly after: Formatting } | null;
}

/** The characters of text a suggestion's parts keep (enough to cut a quote with "…"). */
export const KEPT_TEXT = DESCRIBED_QUOTE + 2;

const BLOCK_LABELS: Readonly<Record<string, string>> = {
  paragraph: 'paragraph',
  heading: 'heading',
  blockquote: 'quote',
  bullet_list: 'bulleted list',
  ordered_list: 'numbered list',
  list_item: 'list item',
  figure: 'figure',
  figcaption: 'caption',
  horizontal_rule: 'rule',
  read_also: '“Read also” block',
  read_also_item: '“Read also” item',
  citation: 'citation',
  source: 'source',
  sources: 'sources',
  headline: 'headline',
  standfirst: 'standfirst',
};

const FORMAT_LABELS: Readonly<Record<string, string>> = { strong: 'bold', em: 'italic', link: 'link' };

/** A node type named for a person: "paragraph", "“Read also” item" (the type's name when it has no label). */
export const label = (type: string): string => BLOCK_LABELS[type] ?? type;

/** `text` in quotes, whitespace collapsed, cut to about `DESCRIBED_QUOTE` characters with "…". */
export function quote(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return `“${flat.length > DESCRIBED_QUOTE ? `${flat.slice(0, DESCRIBED_QUOTE - 1).trimEnd()}…` : flat}”`;
}

/** Names a source for a person: its outlet, else its title, else its id. */
export type SourceNamer = (id: string) => string;

function describeAttrChange(part: NodePart, sourceName: SourceNamer): string {
  const keys = Object.keys(part.before ?? {});
  if (part.type === 'citation' && keys.includes('source')) {
    return `Changed source: ${sourceName(String(part.before?.source))} → ${sourceName(String(part.attrs.source))}`;
  }
  if (part.type === 'source') return `Changed source fields: ${keys.join(', ')}`;
  return `Changed ${label(part.type)}: ${keys.join(', ')}`;
}

function describeNode(part: NodePart, sourceName: SourceNamer): string {
  switch (part.mark) {
    case 'attr_change':
      return describeAttrChange(part, sourceName);
    case 'split':
      return `New ${label(part.type)}`;
    case 'join':
      return `Joined ${label(part.type)}s`;
    case 'insertion':
    case 'deletion': {
      const verb = part.mark === 'insertion' ? 'Inserted' : 'Deleted';
      if (part.type === 'citation') return `${verb} citation: ${sourceName(String(part.attrs.source))}`;
      if (part.type === 'source') return `${part.mark === 'insertion' ? 'Added' : 'Deleted'} source: ${sourceName(String(part.attrs.id))}`;
      return `${verb} ${label(part.type)}`;
    }
  }
}

const same = (a: Formatting[number], b: Formatting[number]): boolean => a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {});

function describeFormat(before: Formatting, after: Formatting): string {
  const added = after.filter((mark) => !before.some((other) => same(mark, other)));
  const removed = before.filter((mark) => !after.some((other) => same(mark, other)));
  const phrases: string[] = [];
  const linkAdded = added.some((mark) => mark.type === 'link');
  const linkRemoved = removed.some((mark) => mark.type === 'link');
  if (linkAdded) phrases.push(linkRemoved ? 'Changed link' : 'Added link');
  else if (linkRemoved) phrases.push('Removed link');
  const names = (marks: Formatting): string[] => marks.filter((mark) => mark.type !== 'link').map((mark) => FORMAT_LABELS[mark.type] ?? mark.type);
  if (names(added).length > 0) phrases.unshift(`Formatted: ${names(added).join(', ')}`);
  if (names(removed).length > 0) phrases.push(`Removed: ${names(removed).join(', ')}`);
  return phrases.length > 0 ? phrases.map((phrase, i) => (i === 0 ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1))).join('; ') : 'Formatting changed';
}

/**
 * What a suggestion is and how a person would say it. Text comes first (an insertion and a
 * deletion sharing the id read "Replaced: “old” → “new”"), then whole nodes and attributes, then
 * formatting, then a split or a join alone.
 */
export function describeSuggestion(parts: SuggestionParts, sourceName: SourceNamer): { kind: SuggestionKind; description: string } {
  const hasInsertion = parts.inserted !== '' || parts.nodes.some((part) => part.mark === 'insertion');
  const hasDeletion = parts.deleted !== '' || parts.nodes.some((part) => part.mark === 'deletion');
  if (parts.inserted !== '' && parts.deleted !== '') return { kind: 'replacement', description: `Replaced: ${quote(parts.deleted)} → ${quote(parts.inserted)}` };
  const kind: SuggestionKind = hasInsertion && hasDeletion ? 'replacement' : hasInsertion ? 'insertion' : hasDeletion ? 'deletion' : kindOfRest(parts);
  if (parts.inserted !== '') return { kind, description: `Inserted: ${quote(parts.inserted)}` };
  if (parts.deleted !== '') return { kind, description: `Deleted: ${quote(parts.deleted)}` };
  // Whole nodes and attributes before a split or join that came with them.
  const node = parts.nodes.find((part) => part.mark !== 'split' && part.mark !== 'join');
  if (node) return { kind, description: describeNode(node, sourceName) };
  if (parts.format) return { kind, description: describeFormat(parts.format.before, parts.format.after) };
  const first = parts.nodes[0];
  return { kind, description: first ? describeNode(first, sourceName) : 'Changed' };
}

function kindOfRest(parts: SuggestionParts): SuggestionKind {
  if (parts.nodes.some((part) => part.mark === 'attr_change')) return 'attributes';
  if (parts.format) return 'format';
  if (parts.nodes.some((part) => part.mark === 'split')) return 'split';
  if (parts.nodes.some((part) => part.mark === 'join')) return 'join';
  return 'attributes';
}
