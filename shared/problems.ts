/**
 * The draft's problems: what a reporter must fix before the article can go out.
 *
 * Each problem has a severity (an error blocks publishing; a warning is worth a look), a stable
 * code for tools, a message that names where it is, and the position in the document. The
 * checks themselves live in problem-checks.ts, where the editor also runs them block by block.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { indexFootnotes, type FootnoteIndex } from './footnotes';
import { checkBlock, checkSources, missingSourceMessage, type Problem } from './problem-checks';
import { describePosition } from './where';

export type { Problem, ProblemCode, Severity } from './problem-checks';

/** Checks a document and returns its problems, in document order. */
export function findProblems(doc: PMNode, index: FootnoteIndex = indexFootnotes(doc)): Problem[] {
  const problems: Problem[] = [];
  const sourcesNode = doc.lastChild;
  let sourcesPos = 0;
  doc.forEach((block, blockPos) => {
    if (block === sourcesNode) {
      sourcesPos = blockPos;
      return;
    }
    for (const entry of checkBlock(block).entries) {
      const pos = blockPos + entry.rel;
      if (entry.kind === 'citation') {
        if (index.byId.has(entry.id)) continue;
        const where = describePosition(doc, pos);
        problems.push({ severity: 'error', code: 'missing-source', where, pos, message: missingSourceMessage(entry.id, where) });
        continue;
      }
      const place = describePosition(doc, pos);
      const where = entry.item === null ? place : `item ${String(entry.item)} of ${place}`;
      problems.push({ severity: entry.severity, code: entry.code, where, pos, message: entry.message(where) });
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

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
