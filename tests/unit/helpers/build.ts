/**
 * Small builders for test documents, so that a test reads like the article it describes:
 * `article({ headline: 'H', body: [p('Text ', cite('a'))], sources: [source('a', { title: 'T' })] })`.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/schema';
import type { Draft } from '../../../shared/draft/format';
import { newMeta } from '../../../shared/draft/meta';

type Inline = PMNode | string;

function inlines(content: Inline[]): PMNode[] {
  return content.filter((c) => c !== '').map((c) => (typeof c === 'string' ? schema.text(c) : c));
}

/** A paragraph of text and inline nodes. */
export function p(...content: Inline[]): PMNode {
  return schema.node('paragraph', null, inlines(content));
}

/** A heading of level 2–4. */
export function h(level: 2 | 3 | 4, ...content: Inline[]): PMNode {
  return schema.node('heading', { level }, inlines(content));
}

/** A citation of source `id`. */
export function cite(id: string): PMNode {
  return schema.node('citation', { source: id });
}

/** Text with marks, e.g. `marked('bold', 'strong')` or `marked('x', ['link', { href }])`. */
export function marked(text: string, ...marks: (string | [string, Record<string, unknown>])[]): PMNode {
  return schema.text(text, marks.map((m) => (typeof m === 'string' ? schema.mark(m) : schema.mark(m[0], m[1]))));
}

/** A source with the given fields. */
export function source(id: string, fields: Partial<Record<'title' | 'outlet' | 'date' | 'url' | 'note', string>> = {}): PMNode {
  return schema.node('source', { id, ...fields });
}

/** A list of paragraphs (each item one paragraph of text). */
export function list(kind: 'bullet_list' | 'ordered_list', ...items: (string | PMNode)[]): PMNode {
  return schema.node(kind, null, items.map((item) => schema.node('list_item', null, [typeof item === 'string' ? p(item) : item])));
}

/** A "Read also" block. */
export function readAlso(title: string, ...items: { title: string; url: string; kicker?: string }[]): PMNode {
  return schema.node('read_also', { title }, items.map((item) => schema.node('read_also_item', { kicker: '', ...item })));
}

/** A whole article document. */
export function article(parts: { headline?: string; standfirst?: string; body?: PMNode[]; sources?: PMNode[] }): PMNode {
  const text = (s: string | undefined): PMNode[] => (s ? [schema.text(s)] : []);
  return schema.node('doc', null, [
    schema.node('headline', null, text(parts.headline)),
    schema.node('standfirst', null, text(parts.standfirst)),
    ...(parts.body?.length ? parts.body : [p()]),
    schema.node('sources', null, parts.sources ?? []),
  ]);
}

/** A draft holding `doc`, with fixed metadata. */
export function draftOf(doc: PMNode): Draft {
  return { meta: newMeta(new Date('2026-01-02T03:04:05.000Z')), doc };
}
