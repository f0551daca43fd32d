/**
 * A test article holding every kind of suggestion (inserted, deleted and replaced text, a
 * replaced word in the headline, changed formatting, a citation inserted, deleted and retargeted,
 * whole blocks and a list item inserted and deleted, a paragraph split and a paragraph joined,
 * a changed figure credit, an inserted "Read also" item, a source's changed title) and comment threads (open, resolved, overlapping, detached), with the
 * text it reads as once every suggestion is accepted.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/schema';
import type { ReviewData } from '../../../shared/review/model';
import { cite, source } from './build';

const AT = '2026-12-02T10:00:00Z';
const ANA = 'ana';
const BEN = 'ben';

/** A suggestion mark `name` of suggestion `id` by `author`. */
export function sugg(name: 'insertion' | 'deletion' | 'format_change' | 'attr_change' | 'split' | 'join', id: string, author = ANA, extra: Record<string, unknown> = {}): Mark {
  return schema.mark(name, { id, author, at: AT, ...extra });
}

/** A comment mark of thread `thread`. */
export function comment(thread: string): Mark {
  return schema.mark('comment', { thread });
}

/** Text with marks. */
export function t(text: string, ...marks: Mark[]): PMNode {
  return schema.text(text, marks);
}

const review: ReviewData = {
  authors: { [ANA]: { name: 'Ana Ruiz', initials: 'AR' }, [BEN]: { name: 'Ben Ode', initials: 'BO' } },
  threads: [
    { id: 'th1', quote: 'Three people', messages: [{ author: ANA, at: AT, text: 'Which source says three?' }, { author: BEN, at: '2026-12-02T11:30:00Z', text: 'Reuters, <confirmed>.' }] },
    { id: 'th2', quote: 'died', messages: [{ author: BEN, at: AT, text: 'Resolved & done' }], resolved: { by: ANA, at: '2026-12-02T12:00:00Z' } },
    { id: 'th3', quote: 'a sentence that was deleted', messages: [{ author: ANA, at: AT, text: 'Why cut this?' }] },
  ],
};

/** The article under review. */
export function reviewArticle(): PMNode {
  const strongNow = schema.mark('strong');
  return schema.node('doc', { review }, [
    schema.node('headline', null, [t('Storm '), t('hits', sugg('deletion', 'h1')), t('batters', sugg('insertion', 'h1')), t(' coast')]),
    schema.node('standfirst', null, [t('A '), t('very ', sugg('deletion', 's1', BEN)), t('long night.')]),
    schema.node('paragraph', null, [
      t('Three people', comment('th1')),
      t(' ', comment('th1')),
      t('died', comment('th1'), comment('th2')),
      t(' in the ', comment('th2')),
      t('small ', sugg('insertion', 's2')),
      t('town', strongNow, sugg('format_change', 's3', ANA, { before: [] })),
      t(', officials '),
      t('said', sugg('deletion', 's4', BEN)),
      t('confirmed', sugg('insertion', 's4', BEN)),
      t('.'),
      cite('reuters'),
      cite('ap').mark([sugg('deletion', 's5')]),
      cite('cfr').mark([sugg('attr_change', 's6', BEN, { before: { source: 'reuters' } })]),
    ]),
    schema.node('paragraph', null, [t('A sentence that was deleted. '), cite('ap')], [sugg('deletion', 's7')]),
    schema.node('paragraph', null, [t('A new paragraph.')], [sugg('insertion', 's8', BEN)]),
    schema.node('paragraph', null, [t('Split here')], [sugg('split', 's9')]),
    schema.node('paragraph', null, [t(' and joined.')], [sugg('join', 's10')]),
    schema.node('bullet_list', null, [
      schema.node('list_item', null, [schema.node('paragraph', null, [t('Kept item')])]),
      schema.node('list_item', null, [schema.node('paragraph', null, [t('Dropped item')])], [sugg('deletion', 's11')]),
    ]),
    schema.node('figure', { src: 'https://example.com/storm.jpg', alt: 'Storm', credit: 'AFP' }, [schema.node('figcaption', null, [t('The coast.')])], [sugg('attr_change', 's12', ANA, { before: { credit: 'Reuters' } })]),
    schema.node('read_also', { title: 'Read also' }, [
      schema.node('read_also_item', { title: 'Earlier storms', url: 'https://example.com/earlier', kicker: '' }),
      schema.node('read_also_item', { title: 'Flood maps', url: 'https://example.com/maps', kicker: '' }, undefined, [sugg('insertion', 's13', BEN)]),
    ]),
    schema.node('sources', null, [
      source('reuters', { title: 'Reuters report' }),
      source('ap', { title: 'AP wire' }),
      source('cfr', { title: 'CFR brief' }).mark([sugg('attr_change', 's14', BEN, { before: { title: 'CFR note' } })]),
    ]),
  ]);
}

/** The body paragraphs' text once every suggestion is accepted. */
export const ACCEPTED_HEADLINE = 'Storm batters coast';
export const ACCEPTED_STANDFIRST = 'A long night.';
export const ACCEPTED_FIRST = 'Three people died in the small town, officials confirmed.';
