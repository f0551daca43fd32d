/**
 * The comparable shape of a Markdown reading (see md-readers.ts): inline segments reduced to JSON
 * runs, shared by the readers and by the expected reading of a draft (md-expected.ts).
 */
/** A reader's view of a Markdown document. */
export interface Reading {
  /** The blocks, one per line, nested ones indented (see the comment at the top). */
  readonly blocks: string[];
  /** Footnote references in document order: their labels (pandoc: the note's text). */
  readonly refs: string[];
  /** Footnote definitions in the reader's order: label and plain text. */
  readonly defs: { label: string; text: string }[];
}

/** One inline piece of a reading: a styled character, a footnote reference, a break, an image, or something unexpected. */
export type Seg =
  | { t: 'char'; c: string; i: boolean; b: boolean; link: string | null }
  | { t: 'cite'; label: string }
  | { t: 'break' }
  | { t: 'img'; alt: string; src: string; title: string }
  | { t: 'bad'; type: string };

/** The marks and link a character carries. */
export interface Style {
  i: boolean;
  b: boolean;
  link: string | null;
}

/** No marks, no link. */
export const PLAIN: Style = { i: false, b: false, link: null };

/** `text` as character segments in `style`. */
export function chars(text: string, style: Style): Seg[] {
  return Array.from(text, (c) => ({ t: 'char' as const, c, ...style }));
}

/**
 * cmark-gfm (like GitHub) turns e-mail-like text into `mailto:` links, and no escape prevents it
 * (its autolink extension works on the text after escapes and entities are resolved). Such links,
 * whose text is their address, are compared as plain text for cmark-gfm.
 */
export function unlinkEmails(segs: readonly Seg[]): Seg[] {
  const out = [...segs];
  for (let i = 0; i < out.length; ) {
    const seg = out[i];
    if (seg?.t !== 'char' || seg.link === null) {
      i++;
      continue;
    }
    let j = i;
    let text = '';
    for (let next = out[j]; next?.t === 'char' && next.link === seg.link; next = out[++j]) text += next.c;
    if (seg.link === `mailto:${text}`) for (let k = i; k < j; k++) out[k] = { ...(out[k] as Seg & { t: 'char' }), link: null };
    i = j;
  }
  return out;
}

/** Inline segments as a JSON array of runs; `collapse` folds whitespace runs to one space (pandoc). */
export function runsOf(segs: readonly Seg[], collapse = false, emails = false): string {
  if (emails) segs = unlinkEmails(segs);
  const out: unknown[] = [];
  let key: string | null = null;
  let text = '';
  const flush = (): void => {
    if (key !== null) out.push([key, text]);
    key = null;
    text = '';
  };
  for (const seg of segs) {
    if (seg.t !== 'char') {
      flush();
      if (seg.t === 'cite') out.push({ cite: seg.label });
      else if (seg.t === 'break') out.push('⏎');
      else if (seg.t === 'img') out.push({ img: [seg.alt, seg.src, seg.title] });
      else out.push({ bad: seg.type });
      continue;
    }
    const space = /\s/u.test(seg.c);
    const k = `${space ? '' : `${seg.i ? 'i' : ''}${seg.b ? 'b' : ''}`}${seg.link === null ? '' : `@${seg.link}`}`;
    if (k !== key) flush();
    key = k;
    const c = collapse && space ? ' ' : seg.c;
    if (!(collapse && c === ' ' && text.endsWith(' '))) text += c;
  }
  flush();
  return JSON.stringify(out);
}

/** The characters of `segs`, without styles. */
export function plainText(segs: readonly Seg[]): string {
  return segs.map((s) => (s.t === 'char' ? s.c : '')).join('');
}

/** Blocks of a reading, one indented line each. */
export class BlockList {
  readonly lines: string[] = [];
  line(depth: number, text: string): void {
    this.lines.push(`${'  '.repeat(depth)}${text}`);
  }
}

