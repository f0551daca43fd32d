/**
 * The article schema: what a Copydesk document may contain.
 *
 * Shape (see README.md, "The article model"): `headline standfirst block+ sources`. The headline
 * and standfirst belong to the document because editors change them like any other text. Sources
 * live in a section at the end of the document so that undo, copy and paste, history and saving
 * treat them like any other content; citations are inline atoms that name a source by id, and
 * their numbers are derived (order of first citation), never stored.
 *
 * Every URL attribute is validated by the schema itself, so a document holding a
 * `javascript:` link cannot even be constructed, whether it comes from a file, a paste or code.
 */
import { Schema, type AttributeSpec, type DOMOutputSpec, type NodeSpec, type MarkSpec } from 'prosemirror-model';
import { BLOCK_REVIEW_MARKS, REVIEW_MARK_SPECS, TEXT_REVIEW_MARKS, validateReviewData } from './review/model';
import { isStorableUrl, type UrlContext } from './url';

/** A source id: letters, digits, `-` and `_`, 1–64 characters. */
export const SOURCE_ID = /^[A-Za-z0-9_-]{1,64}$/u;

function stringAttr(defaultValue = ''): AttributeSpec {
  return {
    default: defaultValue,
    validate(value: unknown) {
      if (typeof value !== 'string') throw new RangeError(`expected a string, got ${typeof value}`);
    },
  };
}

function urlAttr(context: UrlContext, required = false): AttributeSpec {
  return {
    ...(required ? {} : { default: '' }),
    validate(value: unknown) {
      if (typeof value !== 'string') throw new RangeError(`expected a URL string, got ${typeof value}`);
      if (!isStorableUrl(value, context)) throw new RangeError(`refused ${context} URL ${JSON.stringify(value.slice(0, 80))}`);
    },
  };
}

const sourceIdAttr: AttributeSpec = {
  validate(value: unknown) {
    if (typeof value !== 'string' || !SOURCE_ID.test(value)) {
      throw new RangeError(`invalid source id ${JSON.stringify(value)}`);
    }
  },
};

const nodes: Record<string, NodeSpec> = {
  doc: {
    content: 'headline standfirst block+ sources',
    // Blocks carry review marks as node marks (a block suggested for insertion or deletion).
    marks: BLOCK_REVIEW_MARKS,
    // Review threads and the table of their authors (shared/review/model.ts); null: none yet.
    attrs: { review: { default: null, validate: validateReviewData } },
  },

  headline: {
    content: 'text*',
    marks: TEXT_REVIEW_MARKS,
    defining: true,
    parseDOM: [{ tag: 'h1' }],
    toDOM: () => ['h1', { class: 'cd-headline' }, 0],
  },

  standfirst: {
    content: 'text*',
    marks: `em strong ${TEXT_REVIEW_MARKS}`,
    defining: true,
    parseDOM: [{ tag: 'p.standfirst' }],
    toDOM: () => ['p', { class: 'cd-standfirst' }, 0],
  },

  paragraph: {
    group: 'block prose',
    content: 'inline*',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  },

  heading: {
    group: 'block prose',
    content: 'inline*',
    defining: true,
    attrs: {
      level: {
        default: 2,
        validate(value: unknown) {
          if (value !== 2 && value !== 3 && value !== 4) throw new RangeError(`heading level must be 2, 3 or 4, got ${String(value)}`);
        },
      },
    },
    parseDOM: [
      { tag: 'h2', attrs: { level: 2 } },
      { tag: 'h3', attrs: { level: 3 } },
      { tag: 'h4', attrs: { level: 4 } },
      { tag: 'h5', attrs: { level: 4 } },
      { tag: 'h6', attrs: { level: 4 } },
    ],
    toDOM: (node) => [`h${String(node.attrs.level)}`, 0],
  },

  blockquote: {
    group: 'block prose',
    content: '(paragraph | bullet_list | ordered_list)+',
    marks: BLOCK_REVIEW_MARKS,
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0],
  },

  bullet_list: {
    group: 'block prose',
    content: 'list_item+',
    marks: BLOCK_REVIEW_MARKS,
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0],
  },

  ordered_list: {
    group: 'block prose',
    content: 'list_item+',
    marks: BLOCK_REVIEW_MARKS,
    attrs: {
      start: {
        default: 1,
        validate(value: unknown) {
          if (!Number.isSafeInteger(value) || (value as number) < 0) throw new RangeError(`list start must be a whole number ≥ 0`);
        },
      },
    },
    parseDOM: [
      {
        tag: 'ol',
        getAttrs: (dom) => {
          const start = Number.parseInt((dom as { getAttribute(name: string): string | null }).getAttribute('start') ?? '1', 10);
          return { start: Number.isSafeInteger(start) && start >= 0 ? start : 1 };
        },
      },
    ],
    toDOM: (node) => (node.attrs.start === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs.start) }, 0]),
  },

  list_item: {
    content: 'paragraph (paragraph | bullet_list | ordered_list)*',
    marks: BLOCK_REVIEW_MARKS,
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0],
  },

  figure: {
    group: 'block',
    content: 'figcaption',
    isolating: true,
    draggable: true,
    attrs: { src: urlAttr('image', true), alt: stringAttr(), credit: stringAttr() },
    toDOM: (node): DOMOutputSpec => [
      'figure',
      { 'data-credit': node.attrs.credit as string },
      ['img', { src: node.attrs.src as string, alt: node.attrs.alt as string }],
      ['div', 0],
    ],
  },

  figcaption: {
    content: 'text*',
    marks: `em strong ${TEXT_REVIEW_MARKS}`,
    // The editor's figure view holds it in a plain wrapper: this is the one figcaption.
    toDOM: () => ['figcaption', { class: 'cd-figure-caption' }, 0],
  },

  horizontal_rule: {
    group: 'block',
    parseDOM: [{ tag: 'hr' }],
    toDOM: () => ['hr'],
  },

  read_also: {
    group: 'block',
    content: 'read_also_item+',
    marks: BLOCK_REVIEW_MARKS,
    isolating: true,
    attrs: { title: stringAttr() },
    toDOM: () => ['aside', { class: 'cd-read-also' }, 0],
  },

  read_also_item: {
    atom: true,
    attrs: { title: stringAttr(), url: urlAttr('readAlso'), kicker: stringAttr() },
    toDOM: (node) => ['div', { class: 'cd-read-also-item' }, node.attrs.title as string],
  },

  sources: {
    content: 'source*',
    marks: BLOCK_REVIEW_MARKS,
    isolating: true,
    toDOM: () => ['section', { class: 'cd-sources' }, 0],
  },

  source: {
    atom: true,
    attrs: {
      id: sourceIdAttr,
      title: stringAttr(),
      outlet: stringAttr(),
      date: stringAttr(),
      url: urlAttr('source'),
      note: stringAttr(),
    },
    toDOM: (node) => ['div', { class: 'cd-source', 'data-source-id': node.attrs.id as string }, node.attrs.title as string],
  },

  citation: {
    group: 'inline',
    inline: true,
    atom: true,
    selectable: true,
    draggable: true,
    attrs: { source: sourceIdAttr },
    parseDOM: [
      {
        tag: 'cite-ref[data-source]',
        getAttrs: (dom) => {
          const id = (dom as { getAttribute(name: string): string | null }).getAttribute('data-source') ?? '';
          return SOURCE_ID.test(id) ? { source: id } : false;
        },
      },
    ],
    toDOM: (node) => ['cite-ref', { 'data-source': node.attrs.source as string }],
  },

  text: { group: 'inline' },

  hard_break: {
    group: 'inline',
    inline: true,
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },
};

const marks: Record<string, MarkSpec> = {
  link: {
    attrs: { href: urlAttr('link', true) },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom) => {
          const href = (dom as { getAttribute(name: string): string | null }).getAttribute('href') ?? '';
          return isStorableUrl(href, 'link') && href !== '' ? { href } : false;
        },
      },
    ],
    toDOM: (mark) => ['a', { href: mark.attrs.href as string, rel: 'noopener noreferrer' }, 0],
  },
  em: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
    toDOM: () => ['em', 0],
  },
  strong: {
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight=bold' }, { style: 'font-weight=700' }],
    toDOM: () => ['strong', 0],
  },
  // After the formatting marks, so that a link stays the outermost mark.
  ...REVIEW_MARK_SPECS,
};

/** The one schema every Copydesk document is built on. */
export const schema = new Schema({ nodes, marks });
