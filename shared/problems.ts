/**
 * The draft's problems: what a reporter must fix before the article can go out.
 *
 * Each problem has a severity (an error blocks publishing; a warning is worth a look), a stable
 * code for tools, a message that names where it is, and the position in the document. The
 * checks themselves live in problem-checks.ts, where the editor also runs them block by block.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { indexFootnotes, type FootnoteIndex } from './footnotes';
import { checkBlock, checkSources, isAssetSrc, placeEntry, type Problem } from './problem-checks';
import { describePosition, sourcesSection } from './article';

export type { Problem, ProblemCode, ProblemField, Severity } from './problem-checks';
export { imageNotFound, isAssetSrc } from './problem-checks';

const NONE: ReadonlySet<string> = new Set();

/**
 * Checks a document and returns its problems, in document order. `missingAssets`: the figures'
 * `assets/…` paths whose files are missing (this module sees no files: the caller looks, for the
 * paths `assetSources` lists); each is an error.
 */
export function findProblems(doc: PMNode, index: FootnoteIndex = indexFootnotes(doc), missingAssets: ReadonlySet<string> = NONE): Problem[] {
  const problems: Problem[] = [];
  const { node: sourcesNode, pos: sourcesPos } = sourcesSection(doc);
  const context = { hasSource: (id: string) => index.byId.has(id), missingAssets };
  doc.forEach((block, blockPos) => {
    if (block === sourcesNode) return;
    for (const entry of checkBlock(block).entries) {
      const problem = placeEntry(entry, blockPos + entry.rel, () => describePosition(doc, blockPos), context);
      if (problem) problems.push(problem);
    }
  });
  const tally = {
    sources: index.sources
      .map((entry) => ({ id: entry.id, node: entry.node, offset: entry.pos - sourcesPos - 1 }))
      .sort((a, b) => a.offset - b.offset),
    counts: new Map(index.sources.map((entry) => [entry.id, entry.citations] as const)),
    numberOf: (id: string) => index.byId.get(id)?.number ?? null,
  };
  for (const { offset, ...problem } of checkSources(tally)) problems.push({ ...problem, pos: sourcesPos + 1 + offset });
  return problems;
}

/** The `assets/…` paths of the document's figures, each once, in document order. */
export function assetSources(doc: PMNode): string[] {
  const found = new Set<string>();
  doc.descendants((node) => {
    if (node.type.name === 'figure' && isAssetSrc(node.attrs.src as string)) found.add(node.attrs.src as string);
    return node.isBlock && !node.isTextblock;
  });
  return [...found];
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
