/**
 * A structural projection of a draft for the import tests: what the article says and how it is
 * built, without what is an artefact of storage. Kept: the headline, the standfirst and every
 * body block (type, attributes, text with its marks, citations), the sources' fields, "Read also"
 * blocks. Left out: metadata (timestamps, slug), source ids (a citation is projected as the
 * number of its source, by order of first citation), and, on request, a figure's image path.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { indexFootnotes } from '../../shared/footnotes';

/** Options of `projectDoc`. */
export interface ProjectOptions {
  /** Project a figure's `src` as `assets/…` or `https:…` only (default: exactly). */
  readonly srcKindOnly?: boolean;
  /** Fold white space runs to one space and trim text at block edges (default: exact text). */
  readonly foldSpace?: boolean;
}

/** The projection of a draft document. */
export interface Structure {
  readonly headline: string;
  readonly standfirst: string;
  /** One line per block; nested blocks indented by two spaces. */
  readonly body: readonly string[];
  /** Sources in number order (cited ones by first citation, then uncited ones): their fields. */
  readonly sources: readonly string[];
  /** Citation numbers in document order. */
  readonly citations: readonly number[];
}

/** The inline content of a textblock as JSON runs: `["ib@href", "text"]`, `{"cite": n}`, `"⏎"`. */
export function inlineRuns(node: PMNode, numberOf: (id: string) => number, fold = false): string {
  const runs: unknown[] = [];
  node.forEach((child) => {
    if (child.isText) {
      const key = child.marks.map((m) => (m.type.name === 'link' ? `@${String(m.attrs.href)}` : m.type.name === 'em' ? 'i' : 'b')).join('');
      const last = runs[runs.length - 1];
      if (Array.isArray(last) && last[0] === key) last[1] += child.text ?? '';
      else runs.push([key, child.text ?? '']);
    } else if (child.type.name === 'citation') runs.push({ cite: numberOf(child.attrs.source as string) });
    else if (child.type.name === 'hard_break') runs.push('⏎');
  });
  if (fold) {
    for (const run of runs) if (Array.isArray(run)) run[1] = (run[1] as string).replace(/\s+/gu, ' ');
    const first = runs[0];
    const last = runs[runs.length - 1];
    if (Array.isArray(first)) first[1] = (first[1] as string).trimStart();
    if (Array.isArray(last)) last[1] = (last[1] as string).trimEnd();
  }
  return JSON.stringify(runs.filter((run) => !Array.isArray(run) || run[1] !== ''));
}

/** Projects `doc` (see the module comment). */
export function projectDoc(doc: PMNode, options: ProjectOptions = {}): Structure {
  const index = indexFootnotes(doc);
  const numberOf = (id: string): number => index.numbers.get(id) ?? -1;
  const fold = options.foldSpace ?? false;
  const text = (value: string): string => (fold ? value.replace(/\s+/gu, ' ').trim() : value);
  const body: string[] = [];
  const block = (node: PMNode, depth: number): void => {
    const pad = '  '.repeat(depth);
    const name = node.type.name;
    switch (name) {
      case 'paragraph':
        body.push(`${pad}p ${inlineRuns(node, numberOf, fold)}`);
        return;
      case 'heading':
        body.push(`${pad}h${String(node.attrs.level)} ${inlineRuns(node, numberOf, fold)}`);
        return;
      case 'figure': {
        const src = node.attrs.src as string;
        const shown = options.srcKindOnly ? (src.startsWith('assets/') ? 'assets/…' : 'https:…') : src;
        body.push(`${pad}figure ${JSON.stringify([shown, text(node.attrs.alt as string), text(node.attrs.credit as string)])} ${inlineRuns(node.child(0), numberOf, fold)}`);
        return;
      }
      case 'read_also':
        body.push(`${pad}read_also ${JSON.stringify(text(node.attrs.title as string))}`);
        node.forEach((item) => body.push(`${pad}  item ${JSON.stringify([text(item.attrs.kicker as string), text(item.attrs.title as string), item.attrs.url])}`));
        return;
      case 'ordered_list':
        body.push(`${pad}ol:${String(node.attrs.start)}`);
        break;
      case 'bullet_list':
        body.push(`${pad}ul`);
        break;
      case 'list_item':
        body.push(`${pad}li`);
        break;
      case 'blockquote':
        body.push(`${pad}quote`);
        break;
      case 'horizontal_rule':
        body.push(`${pad}hr`);
        return;
      default:
        body.push(`${pad}?${name}`);
        return;
    }
    node.forEach((child) => block(child, depth + 1));
  };
  for (let i = 2; i < doc.childCount - 1; i++) block(doc.child(i), 0);
  const sources = index.sources.map((entry) => {
    const a = entry.node.attrs;
    return JSON.stringify({ title: text(a.title as string), outlet: text(a.outlet as string), date: text(a.date as string), url: a.url as string, note: text(a.note as string) });
  });
  return {
    headline: text(doc.child(0).textContent),
    standfirst: inlineRuns(doc.child(1), numberOf, fold),
    body,
    sources,
    citations: index.citations.map((c) => numberOf(c.source)),
  };
}
