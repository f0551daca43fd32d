/**
 * The look of the Word export: its paragraph styles and its lists. Word's own style names are
 * used where Word has one (Title, Subtitle, Heading 2–4, Quote, Caption, List Paragraph), so that
 * readers that map styles to structure (pandoc, LibreOffice, Google Docs, Copydesk's own import)
 * see a headline, a standfirst, headings and quotes; the few the article needs besides (the
 * byline, a figure's credit, the "Read also" box) are named plainly.
 */
import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  LineRuleType,
  ShadingType,
  type ILevelsOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
  type NumberingDefinition,
} from 'docx';

/** The style ids the writer uses. */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  byline: 'Byline',
  caption: 'Caption',
  credit: 'Credit',
  quote: 'Quote',
  readAlsoTitle: 'ReadAlsoTitle',
  readAlsoItem: 'ReadAlsoItem',
  listParagraph: 'ListParagraph',
  hyperlink: 'Hyperlink',
} as const;

/** The text colour of links and the Read-also box's border (a dark blue). */
const ACCENT = '1F4E79';
/** The Read-also box: a thin border all round and a light shading, the same on each of its paragraphs so that Word draws one box. */
const BOX_BORDER = { style: BorderStyle.SINGLE, size: 6, color: ACCENT, space: 4 } as const;
const BOX = {
  border: { top: BOX_BORDER, bottom: BOX_BORDER, left: BOX_BORDER, right: BOX_BORDER },
  shading: { type: ShadingType.CLEAR, fill: 'EEF3F8', color: 'auto' },
} as const;
/** Indentation of one list level, in twips (a quarter inch per level), and of the box. */
export const LIST_INDENT = 360;
const BOX_INDENT = { left: LIST_INDENT * 2, hanging: LIST_INDENT } as const;

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: STYLE.subtitle,
    name: 'Subtitle',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size: 28, color: '404040' },
    paragraph: { spacing: { after: 240 } },
  },
  {
    id: STYLE.byline,
    name: 'Byline',
    basedOn: 'Normal',
    next: 'Normal',
    run: { italics: true, color: '404040' },
    paragraph: { spacing: { after: 240 } },
  },
  {
    id: STYLE.quote,
    name: 'Quote',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { italics: true, color: '404040' },
    paragraph: { indent: { left: 720, right: 720 } },
  },
  {
    id: STYLE.caption,
    name: 'caption',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { italics: true, size: 18, color: '404040' },
    paragraph: { spacing: { after: 240 } },
  },
  {
    id: STYLE.readAlsoTitle,
    name: 'Read Also Title',
    basedOn: 'Normal',
    next: STYLE.readAlsoItem,
    run: { bold: true, color: ACCENT },
    paragraph: { ...BOX, indent: { left: LIST_INDENT }, keepNext: true, spacing: { before: 240, after: 0 } },
  },
  {
    id: STYLE.readAlsoItem,
    name: 'Read Also Item',
    basedOn: 'Normal',
    next: STYLE.readAlsoItem,
    paragraph: { ...BOX, indent: BOX_INDENT, spacing: { after: 0 } },
  },
];

/** The document's styles: Word's defaults, tuned, and the article's own. */
export const DOCX_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: 'Georgia', size: 22 }, paragraph: { spacing: { after: 160, line: 276, lineRule: LineRuleType.AUTO } } },
    title: { run: { size: 48, bold: true, font: 'Georgia' }, paragraph: { spacing: { after: 120 } } },
    heading2: { run: { size: 30, bold: true, color: '000000', font: 'Georgia' }, paragraph: { spacing: { before: 320, after: 120 }, keepNext: true } },
    heading3: { run: { size: 26, bold: true, color: '000000', font: 'Georgia' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
    heading4: { run: { size: 22, bold: true, italics: true, color: '000000', font: 'Georgia' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
    hyperlink: { run: { color: ACCENT, underline: {} } },
    listParagraph: { paragraph: { spacing: { after: 80 } } },
  },
  paragraphStyles,
  // A figure's credit, after its caption: a style of its own, so that a reader (Copydesk's import) tells it from the caption.
  characterStyles: [{ id: STYLE.credit, name: 'Credit', run: { italics: false } }],
};

/** The reference of the bullet lists, of the ordered lists (by their start), and of the Read-also items. */
export const BULLETS = 'bullets';
const READ_ALSO = 'read-also';

const BULLET_SYMBOLS = ['•', '◦', '▪'] as const;
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;

function indent(level: number): { readonly left: number; readonly hanging: number } {
  return { left: LIST_INDENT * (level + 2), hanging: LIST_INDENT };
}

function levels(make: (level: number) => Omit<ILevelsOptions, 'level' | 'style' | 'alignment'>): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({ level, alignment: AlignmentType.LEFT, ...make(level), style: { paragraph: { indent: indent(level) } } }));
}

/** The numbering of an ordered list starting at `start` (a definition of its own per start, as Word numbers each list from its definition's start). */
export function orderedList(start: number): NumberingDefinition {
  return {
    reference: start === 1 ? 'ordered' : `ordered-${String(start)}`,
    levels: levels((level) => ({
      format: ORDERED_FORMATS[level % 3],
      text: `%${String(level + 1)}.`,
      start: level === 0 ? start : 1,
    })),
  };
}

/** The numbering definitions every export has: bullets, ordered lists from 1, and the Read-also items. */
export const DOCX_NUMBERING: readonly NumberingDefinition[] = [
  { reference: BULLETS, levels: levels((level) => ({ format: LevelFormat.BULLET, text: BULLET_SYMBOLS[level % 3] })) },
  orderedList(1),
  {
    reference: READ_ALSO,
    levels: levels(() => ({ format: LevelFormat.BULLET, text: '›' })).map((level) => (level.level === 0 ? { ...level, style: { paragraph: { indent: BOX_INDENT } } } : level)),
  },
];

/** The reference of the Read-also items' bullets. */
export const READ_ALSO_BULLETS = READ_ALSO;
