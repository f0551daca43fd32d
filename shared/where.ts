/**
 * Human names for places in a document ("paragraph 3 of the body, “In a significant…”"), so that
 * problems and errors say where they are in words a reporter recognises.
 */
import type { Node as PMNode } from 'prosemirror-model';

const LABELS: Record<string, string> = {
  headline: 'the headline',
  standfirst: 'the standfirst',
  paragraph: 'paragraph',
  heading: 'heading',
  blockquote: 'quote',
  bullet_list: 'bulleted list',
  ordered_list: 'numbered list',
  figure: 'figure',
  horizontal_rule: 'rule',
  read_also: '“Read also” block',
  sources: 'the sources',
};

/** A short quotation of a node's text, for naming it. */
export function snippet(node: PMNode, max = 32): string {
  const text = node.textBetween(0, node.content.size, ' ', ' ').replace(/\s+/gu, ' ').trim();
  if (text === '') return '';
  return `“${text.length > max ? `${text.slice(0, max).trimEnd()}…` : text}”`;
}

/**
 * Names the top-level block that holds `pos`: "paragraph 3 of the body (“In a significant…”)".
 * Body blocks are counted per kind, from 1, as a reader would count them.
 */
export function describePosition(doc: PMNode, pos: number): string {
  const index = doc.resolve(Math.min(pos, doc.content.size)).index(0);
  const block = doc.child(Math.min(index, doc.childCount - 1));
  const name = block.type.name;
  if (name === 'headline' || name === 'standfirst' || name === 'sources') return LABELS[name] ?? name;
  let nth = 0;
  for (let i = 0; i <= index && i < doc.childCount; i++) if (doc.child(i).type === block.type) nth++;
  const text = snippet(block);
  return `${LABELS[name] ?? name} ${String(nth)} of the body${text ? ` (${text})` : ''}`;
}
