/**
 * Plain-text import, for text copied from a news page or a wire service, like the seed article.
 *
 * The text is cut into blocks at blank lines, and each block is recognised in this order:
 * - **page chrome**: a block that is one line such as "Skip to content", "Share" or
 *   "Advertisement" is left out and listed in `report.dropped`, so the user sees it (it is not
 *   article text, and keeping it would print it in every export);
 * - **headline**: the first block, when it is one line of at most 200 characters without a
 *   citation (a line that cites is body text: a headline cannot hold citations);
 * - **repeated headline**: a later one-line block equal to the headline (pages repeat the title
 *   above the body) is left out and listed in `report.dropped`;
 * - **caption**: one line written twice (two identical lines, in one block or in two blocks in a
 *   row: pages put a photo's caption both as its alt text and under it) becomes a figure whose
 *   alt text and caption are that line. Text has no picture, so the figure's image is a path in
 *   the draft's own `assets/` folder named after the caption (`assets/<caption-slug>.jpg`): the
 *   place where the picture goes, never an invented web address. The file does not exist until
 *   the reporter adds it, and `report.notes` says so;
 * - **byline**: a one-line block "By Jane Doe", "By Jane Doe and John Roe"… between the headline
 *   and the body gives the draft's authors (byline.ts; an agency after the names is listed as
 *   left out); any other "By …" line is text;
 * - **standfirst**: the first paragraph after the headline (figures and chrome may stand
 *   between), when it has no citation marker and at most 500 characters;
 * - **references**: a block starting with `[n]` holds references `[n] "Title," Outlet, Year`,
 *   several on one line or one per line; a "References", "Sources" or "Notes" line followed by a
 *   numbered list is one too. They become the draft's sources (fields read by source-text.ts);
 * - **"Read also"**: a block starting with "Read also:", "Related", "More on this"… Its items are
 *   the rest of that line, the block's other lines, or else the lines of the next block (and of
 *   the blocks after it that are indented like it). An item's URL is an http(s) address written
 *   in it; an item without one keeps an empty URL (the draft's check reports it);
 * - **lists**: lines starting `1.` / `1)` (indented or not) make an ordered list, `-`, `*` or `•`
 *   a bulleted one; a numbered item alone in its block continues the list just before it when
 *   its number follows on;
 * - **paragraphs**: anything else. A block's lines are joined with spaces (hard-wrapped text),
 *   unless a line is longer than 100 characters: then every line is a paragraph of its own
 *   (text copied from a browser often has single line breaks between paragraphs).
 * Citation markers `[1]`, `[1][2]`, `[1, 2]`, `[1–3]` in paragraphs and list items become
 * citations of the references with those numbers.
 */
import { DraftBuilder } from './builder';
import { hasMarkers, inlineWithMarkers } from './citations-text';
import { clip } from './fit';
import { foldTitle, isChromeLine, isReadAlsoTitle, isReferencesTitle } from './phrases';
import { placeholderImage } from './placeholder';
import { parseSourceText, piecesFromText } from './source-text';
import type { ImportBlock, ImportReadAlsoItem } from './tree';
import type { ImportOptions, ImportResult } from './types';
import { classifyUrl } from '../url';

interface TextBlock {
  /** The block's lines, as written (indentation kept). */
  readonly lines: readonly string[];
}

const ORDERED_ITEM = /^\s*(\d{1,3})[.)]\s+(.*)$/u;
const BULLET_ITEM = /^\s*[-*•–]\s+(.*)$/u;
const REFERENCE_START = /^\s*\[\d{1,3}\]\s*\S/u;
const REFERENCE_MARK = /(?:^|\s)\[(\d{1,3})\]\s*/gu;
const LONG_LINE = 100;

function splitBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let lines: string[] = [];
  for (const line of text.replace(/^\ufeff/u, '').split(/\r\n?|\n/u)) {
    if (line.trim() === '') {
      if (lines.length) blocks.push({ lines });
      lines = [];
    } else {
      lines.push(line.replace(/\s+$/u, ''));
    }
  }
  if (lines.length) blocks.push({ lines });
  return blocks;
}

/** The one line of a one-line block, trimmed; null otherwise. */
function single(block: TextBlock | undefined): string | null {
  return block?.lines.length === 1 ? (block.lines[0] ?? '').trim() : null;
}

/** References `[n] text` in a block, or null when the block is not a reference list. */
function references(block: TextBlock): { n: string; text: string }[] | null {
  if (!REFERENCE_START.test(block.lines[0] ?? '')) return null;
  const text = block.lines.join('\n');
  const marks = [...text.matchAll(REFERENCE_MARK)];
  return marks.map((mark, i) => {
    const end = marks[i + 1]?.index ?? text.length;
    return { n: String(Number(mark[1])), text: text.slice(mark.index + mark[0].length, end).replace(/\s+/gu, ' ').trim() };
  });
}

/** A list in a block: every line an item or the continuation of one. */
function listItems(block: TextBlock, pattern: RegExp): { first: string; items: string[] } | null {
  const first = pattern.exec(block.lines[0] ?? '');
  if (!first) return null;
  const items: string[] = [];
  for (const line of block.lines) {
    const match = pattern.exec(line);
    if (match) items.push((match[pattern === ORDERED_ITEM ? 2 : 1] ?? '').trim());
    else items[items.length - 1] = `${items[items.length - 1] ?? ''} ${line.trim()}`;
  }
  return { first: first[1] ?? '', items };
}

/** A "Read also" item from a line: its http(s) address, if any, and the rest as its title. */
function readAlsoItem(line: string): ImportReadAlsoItem {
  const text = line.replace(BULLET_ITEM, '$1').replace(ORDERED_ITEM, '$2').trim();
  const pieces = piecesFromText(text);
  const link = pieces.find((piece) => piece.href !== undefined && classifyUrl(piece.href, 'readAlso') === 'ok');
  const title = pieces
    .filter((piece) => piece !== link && !/^[\s.,;:\-–—|()<>]*$/u.test(piece.text))
    .map((piece) => piece.text)
    .join(' ')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s\-–—:|(<]+|[\s\-–—:|(<>)]+$/gu, '')
    .trim();
  return { title, url: link?.href ?? '', kicker: '' };
}

/** Imports plain text (see the module comment). */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  const builder = new DraftBuilder();
  const blocks = splitBlocks(text);
  const keyOf = (n: string): string => `ref:${n}`;
  const inline = (line: string): ImportBlock => ({ type: 'paragraph', content: inlineWithMarkers(line, keyOf) });
  let headlineDone = false;
  let standfirstDone = false;
  let images = new Set<string>();
  // The ordered list a lone numbered item may continue, and the number it expects next.
  const lists: { open: { items: ImportBlock[][]; next: number } | null } = { open: null };

  const declareReferences = (entries: readonly { n: string; text: string }[]): void => {
    for (const entry of entries) builder.source(keyOf(entry.n), `Reference [${entry.n}]`, parseSourceText(entry.text));
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as TextBlock;
    const line = single(block);
    const continues = lists.open;
    lists.open = null;
    if (line !== null && isChromeLine(line)) {
      builder.dropped.push(`Page chrome: “${clip(line)}”.`);
      continue;
    }
    if (!headlineDone) {
      headlineDone = true;
      if (line !== null && line.length <= 200 && !REFERENCE_START.test(line) && !ORDERED_ITEM.test(line) && !BULLET_ITEM.test(line) && !hasMarkers(line)) {
        builder.headline = line;
        continue;
      }
      builder.notes.push('The text does not start with a one-line headline (without citations), so the headline is empty.');
    }
    if (line !== null && builder.headline !== '' && foldTitle(line) === foldTitle(builder.headline)) {
      builder.dropped.push(`The headline repeated as page chrome: “${clip(line)}”.`);
      continue;
    }
    // A byline under the headline, before the body (the standfirst may stand between).
    if (line !== null && builder.headline !== '' && builder.blocks.every((b) => b.type === 'figure') && builder.byline(line)) continue;
    // A caption written twice, in one block or in two blocks in a row.
    const twice = block.lines.length === 2 && block.lines[0]?.trim() === block.lines[1]?.trim() ? (block.lines[0] ?? '').trim() : line !== null && single(blocks[i + 1]) === line ? line : null;
    if (twice !== null && twice.length <= 300 && !hasMarkers(twice)) {
      if (block.lines.length === 1) i++;
      const src = placeholderImage(twice, images);
      images = new Set([...images, src]);
      builder.block({ type: 'figure', src, alt: twice, credit: '', caption: [{ kind: 'text', text: twice, marks: [] }] });
      builder.notes.push(`The line “${clip(twice)}” appears twice (a photo's alt text and caption): it became a figure with that caption and alt text. The text has no picture: add it as ${src} or change the figure.`);
      continue;
    }
    const firstLine = (block.lines[0] ?? '').trim();
    const colon = firstLine.indexOf(':');
    const readAlsoHead = isReadAlsoTitle(firstLine) ? firstLine : colon > 0 && isReadAlsoTitle(firstLine.slice(0, colon)) ? firstLine.slice(0, colon) : null;
    if (readAlsoHead !== null) {
      const lines = [firstLine.slice(readAlsoHead.length).replace(/^\s*:\s*/u, ''), ...block.lines.slice(1)].filter((l) => l.trim() !== '');
      if (lines.length === 0) {
        const indent = /^\s*/u.exec(blocks[i + 1]?.lines[0] ?? '')?.[0].length ?? 0;
        for (let j = i + 1; j < blocks.length; j++) {
          const next = blocks[j] as TextBlock;
          if (j > i + 1 && (indent === 0 || (/^\s*/u.exec(next.lines[0] ?? '')?.[0].length ?? 0) !== indent)) break;
          lines.push(...next.lines);
          i = j;
        }
      }
      const title = foldTitle(readAlsoHead) === 'read also' ? '' : readAlsoHead.replace(/\s*:$/u, '').trim();
      const items = lines.map(readAlsoItem).filter((item) => item.title !== '' || item.url !== '');
      if (items.length) {
        builder.block({ type: 'read_also', title, items });
        continue;
      }
    }
    if (line !== null && isReferencesTitle(line)) {
      const next = blocks[i + 1];
      const numbered = next ? listItems(next, ORDERED_ITEM) : null;
      const bracketed = next ? references(next) : null;
      if (numbered || bracketed) {
        builder.dropped.push(`The heading “${clip(line)}” above the references (the draft's sources section takes their place).`);
        if (bracketed) declareReferences(bracketed);
        else if (numbered) declareReferences(numbered.items.map((item, k) => ({ n: String(Number(numbered.first) + k), text: item })));
        i++;
        continue;
      }
    }
    const refs = references(block);
    if (refs) {
      declareReferences(refs);
      continue;
    }
    const ordered = listItems(block, ORDERED_ITEM);
    if (ordered) {
      const start = Number(ordered.first);
      const items = ordered.items.map((item) => [inline(item)]);
      if (continues && start === continues.next) {
        continues.items.push(...items);
        lists.open = { items: continues.items, next: continues.next + items.length };
      } else {
        builder.block({ type: 'ordered_list', start, items });
        lists.open = { items, next: start + items.length };
      }
      continue;
    }
    const bullets = listItems(block, BULLET_ITEM);
    if (bullets) {
      builder.block({ type: 'bullet_list', items: bullets.items.map((item) => [inline(item)]) });
      continue;
    }
    const paragraphs = block.lines.some((l) => l.trim().length > LONG_LINE) ? block.lines.map((l) => l.trim()) : [block.lines.map((l) => l.trim()).join(' ')];
    for (const paragraph of paragraphs) {
      if (!standfirstDone && builder.blocks.every((b) => b.type === 'figure') && builder.headline !== '' && paragraph.length <= 500 && !hasMarkers(paragraph)) {
        builder.standfirst = [{ kind: 'text', text: paragraph, marks: [] }];
        standfirstDone = true;
        continue;
      }
      standfirstDone = true;
      builder.block(inline(paragraph));
    }
  }
  return builder.finish(options.now ?? new Date(), (key) => `The marker [${key.slice(4)}]`);
}
