/** What a draft's Markdown export should read as, in the shape the readers give (md-readers.ts). */
import type { Node as PMNode } from 'prosemirror-model';
import { indexFootnotes } from '../../../shared/footnotes';
import { isExportableUrl } from '../../../shared/url';
import { sourceParts, sourceText } from '../../../shared/sources/style';
import { BlockList, chars, PLAIN, runsOf, type Reading, type Seg, type Style } from './md-runs';

/** Options of `expectedReading`. */
export interface ExpectOptions {
  /** How the reader rewrites link destinations (markdown-it percent-encodes them). */
  readonly href?: (url: string) => string;
  /** pandoc: whitespace runs fold to one space, and a note is known by its text, not its label. */
  readonly pandoc?: boolean;
  /** cmark-gfm: links whose text is their `mailto:` address count as text (see `unlinkEmails`). */
  readonly cmark?: boolean;
  /**
   * pandoc's own Markdown (`-f markdown`): bullet lists next to each other are one list, as that
   * reader has no way to keep them apart but raw HTML or an added paragraph.
   */
  readonly mergeBulletLists?: boolean;
  /** The byline the export writes under the headline (`bylineText` of the draft's authors). */
  readonly byline?: string;
}

/**
 * A URL as pandoc's own Markdown reader stores it: white space and `<>|"{}[]^\`` percent-encoded
 * (UTF-8), like its `escapeURI`.
 */
export function pandocHref(url: string): string {
  return url.replace(/[\s<>|"{}[\]^`]/gu, (c) => Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

/** `lines` with each `ul` that follows a sibling `ul` removed, so its items join that list. */
function mergeBulletLists(lines: readonly string[]): string[] {
  const out: string[] = [];
  const indent = (line: string): number => line.length - line.trimStart().length;
  for (const line of lines) {
    if (line.trimStart() === 'ul') {
      const depth = indent(line);
      let k = out.length - 1;
      while (k >= 0 && indent(out[k] as string) > depth) k--;
      if (k >= 0 && out[k] === line) continue;
    }
    out.push(line);
  }
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The reading `doc` must give: the meaning of the Markdown export, independent of its syntax. */
export function expectedReading(doc: PMNode, options: ExpectOptions = {}): Reading {
  const href = options.href ?? ((url: string) => url);
  const index = indexFootnotes(doc);
  const labelOf = (id: string): string | null => {
    const entry = index.byId.get(id);
    if (!entry) return null;
    return options.pandoc ? sourceText(entry.node) : String(index.numbers.get(id));
  };
  const styleOf = (node: PMNode, withLink = true): Style => {
    const style: Style = { i: false, b: false, link: null };
    for (const mark of node.marks) {
      if (mark.type.name === 'em') style.i = true;
      if (mark.type.name === 'strong') style.b = true;
      const url = mark.attrs.href as string | undefined;
      if (withLink && mark.type.name === 'link' && url !== undefined && isExportableUrl(url, 'link')) style.link = href(url);
    }
    return style;
  };
  const inline = (node: PMNode, heading = false): Seg[] => {
    const segs: Seg[] = [];
    node.forEach((child) => {
      if (child.isText) segs.push(...chars((child.text ?? '').replace(/\r\n?|\n/gu, ' '), styleOf(child)));
      else if (child.type.name === 'hard_break') segs.push(heading ? { t: 'char', c: ' ', ...PLAIN } : { t: 'break' });
      else if (child.type.name === 'citation') {
        const label = labelOf(child.attrs.source as string);
        segs.push(...(label === null ? chars('[?]', styleOf(child, false)) : [{ t: 'cite' as const, label }]));
      }
    });
    let from = 0;
    let to = segs.length;
    while (from < to && segs[from]?.t === 'break') from++;
    while (to > from && segs[to - 1]?.t === 'break') to--;
    return segs.slice(from, to);
  };
  const blank = (node: PMNode): boolean => inline(node).length === 0;
  const out = new BlockList();
  const collapse = options.pandoc ?? false;
  const emails = options.cmark ?? false;
  const runs = (segs: readonly Seg[], fold: boolean): string => runsOf(segs, fold, emails);
  const block = (node: PMNode, depth: number): void => {
    const name = node.type.name;
    if (name === 'paragraph' || name === 'standfirst') {
      if (!blank(node)) out.line(depth, `p ${runs(inline(node), collapse)}`);
    } else if (name === 'heading' || name === 'headline') {
      out.line(depth, `h${name === 'headline' ? 1 : String(node.attrs.level)} ${runs(inline(node, true), collapse)}`);
    } else if (name === 'blockquote' || name === 'list_item') {
      out.line(depth, name === 'blockquote' ? 'quote' : 'li');
      node.forEach((child) => block(child, depth + 1));
    } else if (name === 'bullet_list' || name === 'ordered_list') {
      out.line(depth, name === 'bullet_list' ? 'ul' : `ol:${String(node.attrs.start)}`);
      node.forEach((child) => block(child, depth + 1));
    } else if (name === 'horizontal_rule') {
      out.line(depth, 'hr');
    } else if (name === 'figure') {
      const src = node.attrs.src as string;
      const caption = node.firstChild ? inline(node.firstChild) : [];
      const segs: Seg[] = [];
      if (isExportableUrl(src, 'image')) {
        segs.push({ t: 'img', alt: oneLine(node.attrs.alt as string), src: href(src), title: oneLine(node.attrs.credit as string) });
        if (caption.length) segs.push({ t: 'break' });
      }
      segs.push(...caption);
      if (segs.length) out.line(depth, `p ${runs(segs, collapse)}`);
    } else if (name === 'read_also') {
      out.line(depth, `p ${runs(chars(oneLine(node.attrs.title as string) || 'Read also', { ...PLAIN, b: true }), collapse)}`);
      const items: string[] = [];
      node.forEach((item) => {
        const title = oneLine(item.attrs.title as string);
        const url = item.attrs.url as string;
        const kicker = oneLine(item.attrs.kicker as string);
        const linked = isExportableUrl(url, 'readAlso');
        const segs: Seg[] = [];
        if (kicker) segs.push(...chars(title || linked ? `${kicker}: ` : kicker, PLAIN));
        if (title || linked) segs.push(...chars(title || url, { ...PLAIN, link: linked ? href(url) : null }));
        if (segs.length) items.push(`p ${runs(segs, collapse)}`);
      });
      if (items.length) {
        out.line(depth, 'ul');
        for (const item of items) {
          out.line(depth + 1, 'li');
          out.line(depth + 2, item);
        }
      }
    }
  };
  doc.forEach((child) => {
    if (child.type.name !== 'sources') block(child, 0);
    if (child.type.name === 'headline' && options.byline) out.line(0, `p ${runs(chars(options.byline, PLAIN), collapse)}`);
  });
  const refs = index.citations.map((c) => labelOf(c.source)).filter((l): l is string => l !== null);
  const defs = index.sources
    .filter((s) => s.number !== null && index.byId.get(s.id) === s)
    .map((s) => ({ label: String(s.number), text: sourceText(s.node) }));
  return { blocks: options.mergeBulletLists ? mergeBulletLists(out.lines) : out.lines, refs, defs };
}

/** The inline runs a source's footnote definition should read as (URL as a link). */
export function expectedSourceRuns(source: PMNode, options: ExpectOptions = {}): string {
  const href = options.href ?? ((url: string) => url);
  const segs = sourceParts(source).flatMap((part) => chars(part.text, { ...PLAIN, link: part.kind === 'url' ? href(part.text) : null }));
  return runsOf(segs, options.pandoc ?? false, options.cmark ?? false);
}
