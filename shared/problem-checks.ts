/**
 * The checks behind a draft's problems, split so that they can run one top-level block at a time
 * (body checks) or from a footnote index alone (source checks). `findProblems` (problems.ts)
 * runs them over a whole document; the editor runs them incrementally, only on the blocks an
 * edit touched. Messages that name a place take it as an argument, because a block's place
 * ("paragraph 3 of the body") changes when blocks are inserted before it while its problems do not.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { acceptedText, hasDeletion } from './review/accepted';
import { classifyUrl, type UrlContext } from './url';

/** How bad a problem is. */
export type Severity = 'error' | 'warning';

/** Stable identifiers of the kinds of problem. */
export type ProblemCode =
  | 'empty-headline'
  | 'missing-source'
  | 'uncited-source'
  | 'untitled-source'
  | 'empty-source'
  | 'duplicate-source-id'
  | 'unsafe-url'
  | 'malformed-url'
  | 'read-also-untitled'
  | 'read-also-no-url'
  | 'image-no-alt'
  | 'image-missing';

/**
 * The field of the node at a problem's position that fixes it: a "Read also" item's or a
 * source's title or URL, a figure's alt text. Null: the node itself (the text of the headline,
 * a link or a citation, a figure as a whole).
 */
export type ProblemField = 'title' | 'url' | 'alt';

/** One thing wrong with a draft. */
export interface Problem {
  readonly severity: Severity;
  readonly code: ProblemCode;
  /** A sentence that says what is wrong and where. */
  readonly message: string;
  /** The place in words ("paragraph 3 of the body (…)", "source [2] “…”"). */
  readonly where: string;
  /** Document position of the node concerned. */
  readonly pos: number;
  /** The field of that node that fixes it (null: the node itself). */
  readonly field: ProblemField | null;
}

/** A problem found in a block, before its place is known. */
export interface BlockProblem {
  readonly kind: 'problem';
  /** Position relative to the block's start. */
  readonly rel: number;
  readonly severity: Severity;
  readonly code: ProblemCode;
  /** For a "Read also" item, its number in the block (the place reads "item 2 of …"). */
  readonly item: number | null;
  readonly field: ProblemField | null;
  /** The message, given the block's place ("“Read also” block 1 of the body"). */
  readonly message: (place: string) => string;
}

/** A citation in a block: a problem only while its source is missing. */
export interface BlockCitation {
  readonly kind: 'citation';
  readonly rel: number;
  readonly id: string;
}

/** A figure whose image is a file in assets/: a problem only while that file is missing. */
export interface BlockImage {
  readonly kind: 'image';
  readonly rel: number;
  /** The `assets/…` path. */
  readonly src: string;
  readonly alt: string;
}

/** What one top-level block contributes to the problems, in document order. */
export interface BlockReport {
  readonly entries: readonly (BlockProblem | BlockCitation | BlockImage)[];
  readonly errors: number;
  readonly warnings: number;
}

function urlCheck(url: string, context: UrlContext, what: string, rel: number, item: number | null, field: ProblemField | null): BlockProblem | null {
  const verdict = classifyUrl(url, context);
  const shown = url.slice(0, 80);
  if (verdict === 'unsafe') {
    return { kind: 'problem', rel, item, field, severity: 'error', code: 'unsafe-url', message: (where) => `${what} in ${where} has a URL that is not allowed: ${shown}` };
  }
  if (verdict === 'malformed') {
    return { kind: 'problem', rel, item, field, severity: 'error', code: 'malformed-url', message: (where) => `${what} in ${where} has a malformed URL: ${shown}` };
  }
  return null;
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

/** Names a "Read also" item in messages: `“Read also” item “Latest”`, or by its number when untitled. */
function itemName(title: string, item: number): string {
  return title ? `“Read also” item “${clip(title, 40)}”` : `“Read also” item ${String(item)}`;
}

/** Why an `assets/…` image does not show: `assets/x.png was not found` (the canvas says the same). */
export function imageNotFound(src: string): string {
  return `${src} was not found`;
}

/** The message of a figure whose `assets/…` file is missing. */
export function missingImageMessage(src: string, alt: string, place: string): string {
  const name = alt.trim() === '' ? 'The photo' : `The photo “${clip(alt.trim(), 40)}”`;
  return `${name} in ${place} is missing: ${imageNotFound(src)}.`;
}

/** True when a figure's `src` names a file in the draft's assets/ folder (rather than an https URL). */
export function isAssetSrc(src: string): boolean {
  return src.startsWith('assets/') && classifyUrl(src, 'image') === 'ok';
}

/** Checks one top-level block (the headline, the standfirst or a body block). */
export function checkBlock(block: PMNode): BlockReport {
  const entries: (BlockProblem | BlockCitation | BlockImage)[] = [];
  const add = (entry: BlockProblem | null): void => {
    if (entry) entries.push(entry);
  };
  if (hasDeletion(block.marks)) return { entries, errors: 0, warnings: 0 };
  if (block.type.name === 'headline' && acceptedText(block).trim() === '') {
    add({ kind: 'problem', rel: 0, item: null, field: null, severity: 'error', code: 'empty-headline', message: () => 'The headline is empty.' });
  }
  const visit = (node: PMNode, rel: number): boolean => {
    // What a suggestion deletes is not checked: the text as it would read once accepted is.
    if (node.marks.length && hasDeletion(node.marks)) return false;
    switch (node.type.name) {
      case 'citation':
        entries.push({ kind: 'citation', rel, id: node.attrs.source as string });
        return false;
      case 'text': {
        const link = node.marks.find((mark: Mark) => mark.type.name === 'link');
        if (link) add(urlCheck(link.attrs.href as string, 'link', `The link “${(node.text ?? '').slice(0, 30)}”`, rel, null, null));
        return false;
      }
      case 'figure': {
        const src = node.attrs.src as string;
        add(urlCheck(src, 'image', 'The image', rel, null, null));
        if (isAssetSrc(src)) entries.push({ kind: 'image', rel, src, alt: node.attrs.alt as string });
        if ((node.attrs.alt as string).trim() === '') {
          add({ kind: 'problem', rel, item: null, field: 'alt', severity: 'warning', code: 'image-no-alt', message: (where) => `The image in ${where} has no alt text for readers who cannot see it.` });
        }
        return true;
      }
      case 'read_also': {
        let item = 0;
        node.forEach((child, offset) => {
          item++;
          const itemRel = rel + 1 + offset;
          const title = (child.attrs.title as string).trim();
          const url = child.attrs.url as string;
          const name = itemName(title, item);
          if (title === '') add({ kind: 'problem', rel: itemRel, item, field: 'title', severity: 'error', code: 'read-also-untitled', message: (place) => `${name} in ${place} has no title.` });
          if (url.trim() === '') {
            add({ kind: 'problem', rel: itemRel, item, field: 'url', severity: 'error', code: 'read-also-no-url', message: (place) => `${name} in ${place} has no URL.` });
          } else {
            add(urlCheck(url, 'readAlso', name, itemRel, item, 'url'));
          }
        });
        return false;
      }
      case 'sources':
        return false;
      default:
        return true;
    }
  };
  if (visit(block, 0)) block.descendants((node, pos) => visit(node, pos + 1));
  let errors = 0;
  let warnings = 0;
  for (const entry of entries) {
    if (entry.kind === 'problem') {
      if (entry.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { entries, errors, warnings };
}

/** What placing a block's entries needs to know beyond the block. */
export interface PlaceContext {
  /** True when the sources hold `id`. */
  hasSource(id: string): boolean;
  /** The `assets/…` paths that were not found (supplied by whoever can look at the files). */
  readonly missingAssets: ReadonlySet<string>;
}

/**
 * The problem of one block entry at document position `pos`, `place` naming its block; null for a
 * citation whose source exists or an image whose file is there. The one place that writes where a
 * block's problems are, for `findProblems` and the editor alike.
 */
export function placeEntry(entry: BlockReport['entries'][number], pos: number, place: () => string, context: PlaceContext): Problem | null {
  switch (entry.kind) {
    case 'citation':
      return context.hasSource(entry.id) ? null : { severity: 'error', code: 'missing-source', where: place(), pos, field: null, message: missingSourceMessage(entry.id, place()) };
    case 'image':
      return context.missingAssets.has(entry.src) ? { severity: 'error', code: 'image-missing', where: place(), pos, field: null, message: missingImageMessage(entry.src, entry.alt, place()) } : null;
    case 'problem':
      return { severity: entry.severity, code: entry.code, where: entry.item === null ? place() : `item ${String(entry.item)} of ${place()}`, pos, field: entry.field, message: entry.message(place()) };
  }
}

/** How many of a block's images are files in `missing` (each is an error). */
export function missingImages(report: BlockReport, missing: ReadonlySet<string>): number {
  if (missing.size === 0) return 0;
  let count = 0;
  for (const entry of report.entries) if (entry.kind === 'image' && missing.has(entry.src)) count++;
  return count;
}

/** A problem of the sources, placed relative to the sources section's content. */
export interface SourceProblem extends Omit<Problem, 'pos'> {
  /** Offset of the source inside the sources section. */
  readonly offset: number;
}

/** Names a source for messages: `source [2] “Title”` or `uncited source “Title”`. */
export function sourceName(number: number | null, node: PMNode): string {
  const title = (node.attrs.title as string).trim();
  const label = number === null ? 'uncited source' : `source [${String(number)}]`;
  return title ? `${label} “${title.length > 40 ? `${title.slice(0, 40)}…` : title}”` : `${label} (id ${node.attrs.id as string})`;
}

// A source's URL verdict depends on the node alone; renumbering re-checks sources, so it is kept.
const sourceUrlChecks = new WeakMap<PMNode, BlockProblem | null>();

function sourceUrlCheck(node: PMNode): BlockProblem | null {
  let check = sourceUrlChecks.get(node);
  if (check === undefined) {
    check = urlCheck(node.attrs.url as string, 'source', 'The URL', 0, null, 'url');
    sourceUrlChecks.set(node, check);
  }
  return check;
}

/** What the source checks need of a footnote index: the sources in document order, numbers and counts. */
export interface SourceTally {
  /** Sources in document order, with their offset inside the sources section. */
  readonly sources: Iterable<{ readonly id: string; readonly node: PMNode; readonly offset: number }>;
  /** Citations per source id. */
  readonly counts: ReadonlyMap<string, number>;
  /** The number of a source id, or null when nothing cites it. */
  numberOf(id: string): number | null;
}

/** The message of a citation whose source is missing. */
export function missingSourceMessage(id: string, where: string): string {
  return `A citation in ${where} names source “${id}”, which is not in the sources.`;
}

/** The problems of the sources (duplicate ids, uncited, empty, untitled, bad URL), in document order. */
export function checkSources(footnotes: SourceTally): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const seen = new Set<string>();
  for (const entry of footnotes.sources) {
    const { node, offset } = entry;
    if (hasDeletion(node.marks)) continue;
    const where = sourceName(footnotes.numberOf(entry.id), node);
    const add = (severity: Severity, code: ProblemCode, field: ProblemField | null, message: string): void => {
      problems.push({ severity, code, where, offset, field, message });
    };
    if (seen.has(entry.id)) add('error', 'duplicate-source-id', null, `Two sources share the id “${entry.id}”; citations of it can only reach the first.`);
    seen.add(entry.id);
    if ((footnotes.counts.get(entry.id) ?? 0) === 0) add('warning', 'uncited-source', null, `The ${where} is not cited anywhere; cite it or remove it.`);
    const title = (node.attrs.title as string).trim();
    const hasNote = (node.attrs.note as string).trim() !== '';
    const hasReference = ['outlet', 'date', 'url'].some((field) => (node.attrs[field] as string).trim() !== '');
    if (title === '' && !hasNote && !hasReference) add('error', 'empty-source', 'title', `The ${where} is empty: give it a title or a note.`);
    else if (title === '' && hasReference) add('error', 'untitled-source', 'title', `The ${where} has no title.`);
    const url = sourceUrlCheck(node);
    if (url) add(url.severity, url.code, url.field, url.message(where));
  }
  return problems;
}
