/**
 * Collects what an importer recognised (headline, standfirst, body blocks, sources by key,
 * dropped parts, notes) and assembles the draft once everything is known.
 *
 * Sources:
 * - each source is declared under a key `kind:name` made from how the input names it (`label:1`
 *   for a footnote label, `ref:2` for a reference number…); citations name keys, so a citation
 *   may come before its definition;
 * - ids are made from the outlet and year ("reuters-2023"), else the title, else "note", and
 *   made unique (shared/sources/ids.ts);
 * - sources that are the same (same URL, or same title and outlet: shared/sources/identity.ts)
 *   are merged into the first, through the same plan a paste uses (shared/sources/merge.ts), and the
 *   merge is noted. Sources with neither URL nor title (plain notes) are never merged: two
 *   footnotes reading "Ibid." are two notes;
 * - a citation of a key that is never defined gets an empty source with id `missing-<key>`,
 *   which `findProblems` reports as an empty source (an error), so the gap cannot go unseen;
 * - a key defined twice keeps the first definition for its citations and the second as an
 *   uncited source, so nothing is lost (`findProblems` warns that it is uncited).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { buildArticle } from '../article';
import type { SourceFields } from '../sources/fields';
import { idBaseFromTitle, uniqueSourceId } from '../sources/ids';
import { planSourceMerge } from '../sources/merge';
import type { Draft } from '../draft/format';
import { newMeta, slugify } from '../draft/meta';
import { schema } from '../schema';
import { EMPHASIS_ONLY, NodeFitter } from './fit';
import { parseByline } from './byline';
import { clip } from './fit';
import type { ParsedSource } from './source-text';
import type { ImportBlock, ImportInline } from './tree';
import type { ImportResult } from './types';

interface Declared {
  readonly key: string;
  /** How the input names the source, for messages ("footnote [^2]", "reference [1]"). */
  readonly label: string;
  readonly fields: ParsedSource;
  /** A name for the id when the fields give none (a footnote's label). */
  readonly hint: string;
}

const EMPTY: ParsedSource = { title: '', outlet: '', date: '', url: '', note: '' };

/** True for a source that only a URL or a title can identify: plain notes are never merged ("Ibid." twice is two notes). */
function isIdentifiable(fields: ParsedSource): boolean {
  return fields.url.trim() !== '' || fields.title.trim() !== '';
}

/** The base of a source's id: outlet and year, else title, else the hint, else "note". */
function idBase(fields: ParsedSource, hint: string): string {
  const year = /\d{4}/u.exec(fields.date)?.[0] ?? '';
  if (fields.outlet.trim() !== '') return idBaseFromTitle(`${fields.outlet} ${year}`);
  if (fields.title.trim() !== '') return idBaseFromTitle(fields.title);
  return /[a-z]/iu.test(hint) ? idBaseFromTitle(hint) : 'note';
}

/** The draft being imported (see the module comment). */
export class DraftBuilder {
  /** The headline's text. */
  headline = '';
  /** The standfirst's content (emphasis only; citations are not allowed there). */
  standfirst: ImportInline[] = [];
  /** The authors a byline named (byline.ts), for `meta.authors`. */
  authors: string[] = [];
  /** Body blocks, in order. */
  readonly blocks: ImportBlock[] = [];
  /** What the input held that the draft does not (see ImportReport). */
  readonly dropped: string[] = [];
  /** Decisions worth knowing about. */
  readonly notes: string[] = [];
  private readonly declared: Declared[] = [];
  private readonly keys = new Set<string>();
  private duplicates = 0;

  /**
   * Takes `text` as the byline when it is one (byline.ts) and none was found before: its names
   * become the authors, and an agency after them is listed as left out. Returns whether it was.
   */
  byline(text: string, needsBy = true): boolean {
    if (this.authors.length > 0) return false;
    const byline = parseByline(text, needsBy);
    if (byline === null) return false;
    this.authors = [...byline.authors];
    if (byline.agency) this.dropped.push(`The agency “${clip(byline.agency)}” in the byline (Authors lists people).`);
    return true;
  }

  /** True when a source is declared under `key`. */
  has(key: string): boolean {
    return this.keys.has(key);
  }

  /**
   * Declares the source `key`, called `label` in messages; `hint` names its id when its fields
   * give none (see the module comment for a key declared twice).
   */
  source(key: string, label: string, fields: ParsedSource, hint = ''): void {
    if (this.keys.has(key)) {
      this.duplicates++;
      this.notes.push(`${label} is defined twice: the first definition is the one cited; the second is kept as an uncited source.`);
      this.declared.push({ key: `\u0000duplicate-${String(this.duplicates)}`, label, fields, hint });
      return;
    }
    this.keys.add(key);
    this.declared.push({ key, label, fields, hint });
  }

  /** Adds a body block. */
  block(block: ImportBlock): void {
    this.blocks.push(block);
  }

  /** Assembles the draft. `missingLabel` says how a key that is cited but not defined is called. */
  finish(now: Date, missingLabel: (key: string) => string = (key) => `[${key}]`): ImportResult {
    // Keys cited, in order of first citation (body only: the headline and standfirst hold none).
    const cited: string[] = [];
    const seen = new Set<string>();
    const visitInline = (content: readonly ImportInline[]): void => {
      for (const piece of content) {
        if (piece.kind === 'cite' && !seen.has(piece.key)) {
          seen.add(piece.key);
          cited.push(piece.key);
        }
      }
    };
    const visit = (block: ImportBlock): void => {
      if (block.type === 'paragraph' || block.type === 'heading') visitInline(block.content);
      else if (block.type === 'figure') visitInline(block.caption);
      else if (block.type === 'blockquote') block.content.forEach(visit);
      else if (block.type === 'bullet_list' || block.type === 'ordered_list') block.items.forEach((item) => item.forEach(visit));
    };
    this.blocks.forEach(visit);

    // Ids for every declared source, then merges of the same source defined twice.
    const taken = new Set<string>();
    const idOf = new Map<string, string>();
    const withIds: SourceFields[] = [];
    const unmerged: SourceFields[] = [];
    for (const entry of this.declared) {
      const id = uniqueSourceId(idBase(entry.fields, entry.hint), (candidate) => taken.has(candidate));
      taken.add(id);
      idOf.set(entry.key, id);
      (isIdentifiable(entry.fields) ? withIds : unmerged).push({ id, ...entry.fields });
    }
    const plan = planSourceMerge(withIds, []);
    for (const [from, to] of plan.rename) {
      const a = this.declared.find((entry) => idOf.get(entry.key) === from);
      const b = this.declared.find((entry) => idOf.get(entry.key) === to);
      if (a && b) this.notes.push(`${a.label} and ${b.label} are the same source; they were merged into one.`);
    }
    const finalId = (id: string): string => plan.rename.get(id) ?? id;
    const sources: SourceFields[] = [...plan.add];
    // Plain notes and empty definitions are never merged (see isIdentifiable).
    for (const source of unmerged) sources.push(source);
    for (const key of cited) {
      if (idOf.has(key)) continue;
      const id = uniqueSourceId(`missing-${idBaseFromTitle(key.slice(key.indexOf(':') + 1))}`, (candidate) => taken.has(candidate));
      taken.add(id);
      idOf.set(key, id);
      sources.push({ id, ...EMPTY });
      this.notes.push(`${missingLabel(key)} is cited but never defined: it points at an empty source (id ${id}) to fill in; the draft's check reports it.`);
    }
    const order = new Map(this.declared.map((entry, i) => [idOf.get(entry.key) ?? '', i] as const));
    sources.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));

    const fitter = new NodeFitter((key) => finalId(idOf.get(key) ?? 'source'), this.dropped);
    const body: PMNode[] = [];
    for (const block of this.blocks) {
      const node = fitter.block(block);
      if (node) body.push(node);
    }
    if (body.length === 0) body.push(schema.node('paragraph'));
    const headline = this.headline.replace(/\r\n?|\n/gu, ' ');
    const doc = buildArticle({
      headline: headline ? [schema.text(headline)] : [],
      standfirst: fitter.inline(this.standfirst, EMPHASIS_ONLY),
      body,
      sources: sources.map((source) => schema.node('source', source)),
    });
    doc.check();
    const draft: Draft = { meta: { ...newMeta(now), slug: slugify(headline), authors: this.authors.slice(0, 100).map((name) => name.slice(0, 200)) }, doc };
    let citations = 0;
    let readAlsoItems = 0;
    doc.descendants((node) => {
      if (node.type.name === 'citation') citations++;
      else if (node.type.name === 'read_also') readAlsoItems += node.childCount;
      return node.type.name !== 'sources';
    });
    return { draft, report: { sources: sources.length, citations, readAlsoItems, authors: draft.meta.authors, dropped: this.dropped, notes: this.notes } };
  }
}

