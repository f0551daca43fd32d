/**
 * Four Markdown readers (three programs) for the export's tests, each reduced to one comparable
 * shape (a "reading"), plus the reading a draft should give.
 *
 * - markdown-it 15 with markdown-it-footnote (HTML enabled, so that escaped text that slipped
 *   through would show up as `html_inline`/`html_block` tokens), read from its token stream;
 * - cmark-gfm (`/usr/bin/cmark-gfm`, with the footnotes, table, strikethrough and autolink
 *   extensions): structure from its XML output, footnote labels from its HTML output (the XML
 *   writer prints footnote nodes as `<unknown>`);
 * - pandoc, as GFM (`-f gfm`) and as pandoc's own Markdown (`-f markdown`, what `pandoc story.md`
 *   reads), from its JSON AST, each footnote a `Note` inline holding the note.
 *
 * A reading lists blocks as indented lines (`p […]`, `ul`, `  li`, `ol:3`, `quote`, `hr`, `h2 […]`)
 * where inline content is a JSON array of runs: `["ib@https://x", "text"]` is text in em (`i`),
 * strong (`b`) and a link; `{"cite": "1"}`, `"⏎"` (hard break), `{"img": …}`, and `{"bad": type}`
 * for anything the export never means to produce (soft breaks, code, HTML, strikethrough…).
 * Emphasis on whitespace is ignored (the export moves it outside the delimiters on purpose).
 */
import { spawnSync } from 'node:child_process';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { BlockList, chars, PLAIN, plainText, runsOf, type Reading, type Seg, type Style } from './md-runs';

export { expectedReading, expectedSourceRuns, pandocHref, type ExpectOptions } from './md-expected';
export type { Reading } from './md-runs';

// ---------------------------------------------------------------------------------------------
// markdown-it

/** The markdown-it instance the tests read with: default preset, raw HTML on, footnotes. */
export const markdownIt = new MarkdownIt({ html: true }).use(footnote);

/** markdown-it's reading of `md`, with its tokens and the kinds of token it produced. */
export function readWithMarkdownIt(md: string): Reading & { tokens: Token[]; tokenTypes: Set<string>; defRuns: string[] } {
  const tokens = markdownIt.parse(md, {});
  const out = new BlockList();
  const refs: string[] = [];
  const defs: { label: string; text: string }[] = [];
  const defRuns: string[] = [];
  const tokenTypes = new Set<string>();
  let depth = 0;
  let pending: string | null = null;
  let inDef: { label: string; segs: Seg[] } | null = null;
  const inlineSegs = (children: readonly Token[]): Seg[] => {
    const segs: Seg[] = [];
    const style: Style = { ...PLAIN };
    for (const t of children) {
      tokenTypes.add(t.type);
      if (t.type === 'text') segs.push(...chars(t.content, style));
      else if (t.type === 'em_open' || t.type === 'em_close') style.i = t.type === 'em_open';
      else if (t.type === 'strong_open' || t.type === 'strong_close') style.b = t.type === 'strong_open';
      else if (t.type === 'link_open') style.link = String(t.attrGet('href') ?? '');
      else if (t.type === 'link_close') style.link = null;
      else if (t.type === 'hardbreak') segs.push({ t: 'break' });
      else if (t.type === 'footnote_ref') {
        const label = String((t.meta as { label?: string }).label);
        refs.push(label);
        segs.push({ t: 'cite', label });
      } else if (t.type === 'image') {
        const alt = (t.children ?? []).map((c) => (c.type === 'text' ? c.content : '')).join('');
        segs.push({ t: 'img', alt, src: String(t.attrGet('src') ?? ''), title: String(t.attrGet('title') ?? '') });
      } else segs.push({ t: 'bad', type: t.type });
    }
    return segs;
  };
  for (const token of tokens) {
    tokenTypes.add(token.type);
    switch (token.type) {
      case 'heading_open':
      case 'paragraph_open':
        pending = token.type === 'paragraph_open' ? 'p' : token.tag;
        break;
      case 'inline': {
        const segs = inlineSegs(token.children ?? []);
        if (inDef) inDef.segs.push(...segs);
        else out.line(depth, `${pending ?? '?'} ${runsOf(segs)}`);
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
      case 'list_item_open':
      case 'blockquote_open':
        if (!inDef) {
          const names: Record<string, string> = { bullet_list_open: 'ul', ordered_list_open: `ol:${String(token.attrGet('start') ?? '1')}`, list_item_open: 'li', blockquote_open: 'quote' };
          out.line(depth, names[token.type] ?? '?');
          depth++;
        }
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'blockquote_close':
        if (!inDef) depth--;
        break;
      case 'hr':
        out.line(depth, 'hr');
        break;
      case 'footnote_open':
        inDef = { label: String((token.meta as { label?: string }).label), segs: [] };
        break;
      case 'footnote_close':
        if (inDef) {
          defs.push({ label: inDef.label, text: plainText(inDef.segs) });
          defRuns.push(runsOf(inDef.segs));
        }
        inDef = null;
        break;
      case 'heading_close':
      case 'paragraph_close':
      case 'footnote_block_open':
      case 'footnote_block_close':
      case 'footnote_anchor':
        break;
      default:
        out.line(depth, `bad ${token.type}`);
    }
  }
  // Footnote references inside definitions are not citations of the body.
  return { blocks: out.lines, refs, defs, tokens, tokenTypes, defRuns };
}

// ---------------------------------------------------------------------------------------------
// External programs

/** Runs `command` with `input` on stdin; fails with a clear message when it is not installed. */
export function run(command: string, args: readonly string[], input: string): string {
  const result = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT'
        ? `${command} is not installed (or not on PATH): the Markdown export tests need it. Install it (Debian: apt-get install ${command}); CI installs it.`
        : `${command} could not run: ${result.error.message}`,
    );
  }
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${String(result.status)}: ${result.stderr}`);
  return result.stdout;
}

const CMARK_ARGS = ['-e', 'footnotes', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink'];

/** Decodes the character references that cmark-gfm's XML and HTML writers produce. */
function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-f]+);/giu, (_m, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[name] !== undefined) return named[name];
    return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10));
  });
}

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const tag = /<\?[^>]*\?>|<!DOCTYPE[^>]*>|<(\/?)(<unknown>|[a-z_]+)((?:\s+[a-z_:]+="[^"]*")*)\s*(\/?)>|([^<]+)/gu;
  for (const m of xml.matchAll(tag)) {
    const top = stack[stack.length - 1] as XmlNode;
    if (m[5] !== undefined) {
      if (top.name === 'text') top.text += decodeXml(m[5]);
      continue;
    }
    if (m[2] === undefined) continue;
    if (m[1] === '/') {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([a-z_:]+)="([^"]*)"/gu)) attrs[a[1] ?? ''] = decodeXml(a[2] ?? '');
    const node: XmlNode = { name: m[2], attrs, children: [], text: '' };
    top.children.push(node);
    if (m[4] !== '/') stack.push(node);
  }
  return root;
}

/** cmark-gfm's reading of `md`, and its HTML. */
export function readWithCmark(md: string): Reading & { html: string; defRuns: string[] } {
  const html = run('cmark-gfm', [...CMARK_ARGS, '--to', 'html'], md);
  const xml = run('cmark-gfm', [...CMARK_ARGS, '--to', 'xml'], md);
  const refs = [...html.matchAll(/<sup class="footnote-ref"><a href="#fn-([^"]*)" id="fnref-[^"]*" data-footnote-ref>/gu)].map((m) => decodeXml(m[1] ?? ''));
  const section = /<section class="footnotes" data-footnotes>([\s\S]*)<\/section>/u.exec(html)?.[1] ?? '';
  const defs = [...section.matchAll(/<li id="fn-([^"]*)">([\s\S]*?)<\/li>/gu)].map((m) => ({
    label: decodeXml(m[1] ?? ''),
    text: decodeXml(
      (m[2] ?? '')
        .replace(/<a href="#fnref-[^"]*" class="footnote-backref"[\s\S]*?<\/a>/gu, '')
        .replace(/<[^>]*>/gu, '')
        .trim(),
    ),
  }));
  const out = new BlockList();
  const defRuns: string[] = [];
  let refIndex = 0;
  const inlineSegs = (nodes: readonly XmlNode[], style: Style, segs: Seg[]): Seg[] => {
    for (const node of nodes) {
      if (node.name === 'text') segs.push(...chars(node.text, style));
      else if (node.name === 'emph') inlineSegs(node.children, { ...style, i: true }, segs);
      else if (node.name === 'strong') inlineSegs(node.children, { ...style, b: true }, segs);
      else if (node.name === 'link') inlineSegs(node.children, { ...style, link: node.attrs.destination ?? '' }, segs);
      else if (node.name === 'linebreak') segs.push({ t: 'break' });
      else if (node.name === 'image') {
        const alt = plainText(inlineSegs(node.children, PLAIN, []));
        segs.push({ t: 'img', alt, src: node.attrs.destination ?? '', title: node.attrs.title ?? '' });
      } else if (node.name === '<unknown>') segs.push({ t: 'cite', label: refs[refIndex++] ?? '?' });
      else segs.push({ t: 'bad', type: node.name });
    }
    return segs;
  };
  let defIndex = 0;
  const block = (node: XmlNode, depth: number): void => {
    const name = node.name;
    if (name === 'paragraph') out.line(depth, `p ${runsOf(inlineSegs(node.children, PLAIN, []), false, true)}`);
    else if (name === 'heading') out.line(depth, `h${node.attrs.level ?? '?'} ${runsOf(inlineSegs(node.children, PLAIN, []), false, true)}`);
    else if (name === 'list' || name === 'item' || name === 'block_quote') {
      out.line(depth, name === 'item' ? 'li' : name === 'block_quote' ? 'quote' : node.attrs.type === 'ordered' ? `ol:${node.attrs.start ?? '1'}` : 'ul');
      for (const child of node.children) block(child, depth + 1);
    } else if (name === 'thematic_break') out.line(depth, 'hr');
    else if (name === '<unknown>') {
      // A footnote definition: its paragraphs, in the order of the HTML's definitions.
      const segs = node.children.flatMap((p) => inlineSegs(p.children, PLAIN, []));
      defRuns.push(runsOf(segs, false, true));
      defIndex++;
    } else out.line(depth, `bad ${name}`);
  };
  const documentNode = parseXml(xml).children.find((n) => n.name === 'document');
  for (const child of documentNode?.children ?? []) block(child, 0);
  if (defIndex !== defs.length) throw new Error(`cmark-gfm: ${String(defIndex)} definitions in XML but ${String(defs.length)} in HTML`);
  return { blocks: out.lines, refs, defs, html, defRuns };
}

// ---------------------------------------------------------------------------------------------
// pandoc

interface PandocElement {
  t: string;
  c?: unknown;
}

/** pandoc's attributes: identifier, classes, key-value pairs. */
type PandocAttr = [string, string[], [string, string][]];

/** The pandoc readers the tests use: GitHub-flavoured Markdown and pandoc's own (`pandoc story.md`). */
export type PandocFormat = 'gfm' | 'markdown';

function hasAttributes([id, classes, pairs]: PandocAttr, withId = true): boolean {
  return (withId && id !== '') || classes.length > 0 || pairs.length > 0;
}

/**
 * pandoc's reading of `md` (`-f gfm` by default, or `-f markdown`): blocks, the text of each note
 * in document order, and the AST's element types. Attributes on a heading (other than the
 * identifier pandoc makes up), a link or an image, and list styles other than decimal numbers,
 * show as `bad`; so does every element the export never means to produce (`Span`, `Cite`,
 * `Math`, `DefinitionList`…). A `Quoted` (`-f markdown`'s smart quotes, which takes curly quotes
 * in the text for a quotation) reads as its text between the curly quotes pandoc shows it with:
 * the same characters as the draft's, or a difference the comparison sees. An image alone in a paragraph (`-f markdown`'s implicit
 * figure) has the `fig:` pandoc adds to its title taken off.
 */
export function readWithPandoc(md: string, format: PandocFormat = 'gfm'): { blocks: string[]; notes: string[]; types: Set<string> } {
  const ast = JSON.parse(run('pandoc', ['-f', format, '-t', 'json'], md)) as { blocks: PandocElement[] };
  const out = new BlockList();
  const notes: string[] = [];
  const types = new Set<string>();
  const inlineSegs = (elements: readonly PandocElement[], style: Style, segs: Seg[], inNote: boolean): Seg[] => {
    for (const el of elements) {
      types.add(el.t);
      if (el.t === 'Str') segs.push(...chars(el.c as string, style));
      else if (el.t === 'Space') segs.push(...chars(' ', style));
      else if (el.t === 'Quoted') {
        // pandoc -f markdown's smart quotes: a quotation in curly quotes in the draft, shown with them.
        const [kind, content] = el.c as [{ t: string }, PandocElement[]];
        const [open, close] = kind.t === 'SingleQuote' ? ['\u2018', '\u2019'] : ['\u201c', '\u201d'];
        segs.push(...chars(open, style));
        inlineSegs(content, style, segs, inNote);
        segs.push(...chars(close, style));
      } else if (el.t === 'Emph') inlineSegs(el.c as PandocElement[], { ...style, i: true }, segs, inNote);
      else if (el.t === 'Strong') inlineSegs(el.c as PandocElement[], { ...style, b: true }, segs, inNote);
      else if (el.t === 'Link') {
        const [attr, content, [url]] = el.c as [PandocAttr, PandocElement[], [string, string]];
        if (hasAttributes(attr)) segs.push({ t: 'bad', type: 'link attributes' });
        inlineSegs(content, { ...style, link: url }, segs, inNote);
      } else if (el.t === 'LineBreak') segs.push({ t: 'break' });
      else if (el.t === 'Image') {
        const [attr, content, [src, title]] = el.c as [PandocAttr, PandocElement[], [string, string]];
        if (hasAttributes(attr)) segs.push({ t: 'bad', type: 'image attributes' });
        const figure = format === 'markdown' && elements.length === 1 && title.startsWith('fig:');
        segs.push({ t: 'img', alt: plainText(inlineSegs(content, PLAIN, [], inNote)).replace(/\s+/gu, ' '), src, title: figure ? title.slice(4) : title });
      } else if (el.t === 'Note') {
        const blocks = el.c as PandocElement[];
        const text = blocks.map((b) => plainText(inlineSegs((b.c as PandocElement[] | undefined) ?? [], PLAIN, [], true))).join(' ');
        const label = text.replace(/\s+/gu, ' ').trim();
        if (!inNote) notes.push(label);
        segs.push({ t: 'cite', label });
      } else segs.push({ t: 'bad', type: el.t });
    }
    return segs;
  };
  const block = (el: PandocElement, depth: number): void => {
    types.add(el.t);
    if (el.t === 'Para' || el.t === 'Plain') out.line(depth, `p ${runsOf(inlineSegs(el.c as PandocElement[], PLAIN, [], false), true)}`);
    else if (el.t === 'Header') {
      const [level, attr, content] = el.c as [number, PandocAttr, PandocElement[]];
      out.line(depth, `h${String(level)}${hasAttributes(attr, false) ? ' bad attributes' : ''} ${runsOf(inlineSegs(content, PLAIN, [], false), true)}`);
    } else if (el.t === 'BulletList' || el.t === 'OrderedList') {
      const items = el.t === 'BulletList' ? (el.c as PandocElement[][]) : (el.c as [[number], PandocElement[][]])[1];
      if (el.t === 'BulletList') out.line(depth, 'ul');
      else {
        const [start, style] = (el.c as [[number, { t: string }]])[0];
        out.line(depth, `ol:${String(start)}${style.t === 'Decimal' || style.t === 'DefaultStyle' ? '' : ` bad ${style.t}`}`);
      }
      for (const item of items) {
        out.line(depth + 1, 'li');
        for (const child of item) block(child, depth + 2);
      }
    } else if (el.t === 'BlockQuote') {
      out.line(depth, 'quote');
      for (const child of el.c as PandocElement[]) block(child, depth + 1);
    } else if (el.t === 'HorizontalRule') out.line(depth, 'hr');
    else out.line(depth, `bad ${el.t}`);
  };
  for (const el of ast.blocks) block(el, 0);
  return { blocks: out.lines, notes, types };
}
