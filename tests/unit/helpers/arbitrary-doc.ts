/**
 * fast-check arbitraries for Copydesk documents: random articles built from the schema, with
 * text that is hostile on purpose (markup, Markdown syntax, entities, control characters), so
 * property tests probe escaping as well as structure.
 */
import fc from 'fast-check';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/schema';
import type { Draft } from '../../../shared/draft/format';
import { newMeta } from '../../../shared/draft/meta';

/** A marker that must never appear as markup in an export: it stands for an injected element. */
export const INJECTED_TAG = 'x-inject';

const PIECES = [
  `<${INJECTED_TAG}>`, `</${INJECTED_TAG}>`, `<${INJECTED_TAG} onclick="alert(1)">`, '<script>alert(1)</script>',
  '"', "'", '&', '&amp;', '&lt;', '&#60;', '*', '**', '_', '__', '`', '``', '[', ']', '(', ')', '[^1]', '^[note]', '\\',
  '#', '## ', '- ', '+ ', '1. ', '1) ', '> ', '|', '~~', '~', '!', '![x](y)', '[a](javascript:alert(1))', '<https://x.y>',
  '---', '===', '\n', '\t', '  ', ' ', 'word', 'Wörter', '—', '“quoted”', '😀', '\u00a0', '{', '}', '$', '%',
];

/** Text (1–40 pieces of words and hostile fragments). */
export const arbText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) }), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''));

const arbUrl = fc.constantFrom('https://example.com/a?b=1&c=<2>', 'http://example.org/"q"', '#anchor', 'https://exa mple.com', 'https://', '');
const arbLinkUrl = fc.constantFrom('https://example.com/a?b=1&c=<2>', 'mailto:desk@example.com', '#sources', 'https://exa mple.com', 'http://x.y/(paren)');

function arbMarks(): fc.Arbitrary<Mark[]> {
  return fc.record({ em: fc.boolean(), strong: fc.boolean(), link: fc.option(arbLinkUrl, { nil: undefined }) }).map(({ em, strong, link }) => {
    const marks: Mark[] = [];
    if (link !== undefined) marks.push(schema.mark('link', { href: link }));
    if (em) marks.push(schema.mark('em'));
    if (strong) marks.push(schema.mark('strong'));
    return marks;
  });
}

function arbInline(ids: readonly string[]): fc.Arbitrary<PMNode> {
  const options: fc.Arbitrary<PMNode>[] = [
    fc.tuple(arbText, arbMarks()).map(([text, marks]) => schema.text(text, marks)),
    fc.constant(schema.node('hard_break')),
  ];
  if (ids.length) options.push(fc.constantFrom(...ids, 'missing-source').map((id) => schema.node('citation', { source: id })));
  return fc.oneof({ weight: 4, arbitrary: options[0] as fc.Arbitrary<PMNode> }, ...options.slice(1));
}

function arbParagraph(ids: readonly string[]): fc.Arbitrary<PMNode> {
  return fc.array(arbInline(ids), { maxLength: 6 }).map((inlines) => schema.node('paragraph', null, inlines));
}

function arbBlock(ids: readonly string[]): fc.Arbitrary<PMNode> {
  const paragraph = arbParagraph(ids);
  const item = fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((ps) => schema.node('list_item', null, ps));
  const list = fc.tuple(fc.constantFrom('bullet_list', 'ordered_list'), fc.array(item, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 12 }))
    .map(([kind, items, start]) => schema.node(kind, kind === 'ordered_list' ? { start } : null, items));
  const nestedItem = fc.tuple(paragraph, list).map(([first, inner]) => schema.node('list_item', null, [first, inner]));
  const nestedList = fc.array(fc.oneof(item, nestedItem), { minLength: 1, maxLength: 3 }).map((items) => schema.node('bullet_list', null, items));
  const plainText = fc.option(arbText, { nil: undefined });
  return fc.oneof(
    { weight: 6, arbitrary: paragraph },
    fc.tuple(fc.constantFrom(2, 3, 4), fc.array(arbInline(ids), { maxLength: 3 })).map(([level, inl]) => schema.node('heading', { level }, inl)),
    list,
    nestedList,
    fc.array(fc.oneof(paragraph, list), { minLength: 1, maxLength: 2 }).map((blocks) => schema.node('blockquote', null, blocks)),
    fc.constant(schema.node('horizontal_rule')),
    fc.tuple(fc.constantFrom('https://cdn.example.com/p.jpg', 'assets/photo one.jpg'.replace(' ', '-')), plainText, plainText, plainText).map(([src, alt, credit, caption]) =>
      schema.node('figure', { src, alt: alt ?? '', credit: credit ?? '' }, [schema.node('figcaption', null, caption ? [schema.text(caption)] : [])]),
    ),
    fc.tuple(plainText, fc.array(fc.record({ title: fc.oneof(arbText, fc.constant('')), url: arbUrl, kicker: fc.oneof(arbText, fc.constant('')) }), { minLength: 1, maxLength: 3 }))
      .map(([title, items]) => schema.node('read_also', { title: title ?? '' }, items.map((attrs) => schema.node('read_also_item', attrs)))),
  );
}

/** A random article document: headline, standfirst, 1–8 body blocks, 0–4 sources (some cited). */
export const arbDoc: fc.Arbitrary<PMNode> = fc
  .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/u), { maxLength: 4 })
  .chain((ids) =>
    fc.tuple(
      fc.option(arbText, { nil: undefined }),
      fc.option(arbText, { nil: undefined }),
      fc.array(arbBlock(ids), { minLength: 1, maxLength: 8 }),
      fc.tuple(...ids.map((id) => fc.record({ title: arbText, outlet: fc.oneof(arbText, fc.constant('')), date: fc.constantFrom('', '2023', '2026-11-28'), url: arbUrl, note: fc.oneof(arbText, fc.constant('')) }).map((f) => schema.node('source', { id, ...f })))),
    ),
  )
  .map(([headline, standfirst, blocks, sources]) =>
    schema.node('doc', null, [
      schema.node('headline', null, headline ? [schema.text(headline)] : []),
      schema.node('standfirst', null, standfirst ? [schema.text(standfirst)] : []),
      ...blocks,
      schema.node('sources', null, sources),
    ]),
  );

/** A random draft (random document, fixed metadata). */
export const arbDraft: fc.Arbitrary<Draft> = arbDoc.map((doc) => ({ meta: newMeta(new Date('2026-01-01T00:00:00Z')), doc }));

/** `doc`'s content under a bare doc node (its attributes, such as the review data, left aside). */
export function contentOf(doc: PMNode): PMNode {
  return schema.node('doc', null, doc.content);
}

/** Whether `doc` is valid for the schema (random edits may break it: such cases are skipped). */
export function isValidDoc(doc: PMNode): boolean {
  try {
    doc.check();
    return true;
  } catch {
    return false;
  }
}
