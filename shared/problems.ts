/**
 * The draft's problems: what a reporter must fix before the article can go out.
 *
 * Each problem has a severity (an error blocks publishing; a warning is worth a look), a stable
 * code for tools, a message that names where it is, and the position in the document.
 */
import type { Node as PMNode, Mark } from 'prosemirror-model';
import { indexFootnotes, type FootnoteIndex } from './footnotes';
import { classifyUrl, type UrlContext } from './url';
import { describePosition } from './where';

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
  | 'image-no-alt';

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
}

/** Names a source for messages: `source [2] “Title”` or `uncited source “Title”`. */
function sourceName(number: number | null, node: PMNode): string {
  const title = (node.attrs.title as string).trim();
  const label = number === null ? 'uncited source' : `source [${String(number)}]`;
  return title ? `${label} “${title.length > 40 ? `${title.slice(0, 40)}…` : title}”` : `${label} (id ${node.attrs.id as string})`;
}

function urlProblem(url: string, context: UrlContext, what: string, where: string, pos: number): Problem | null {
  const verdict = classifyUrl(url, context);
  if (verdict === 'unsafe') {
    return { severity: 'error', code: 'unsafe-url', where, pos, message: `${what} in ${where} has a URL that is not allowed: ${url.slice(0, 80)}` };
  }
  if (verdict === 'malformed') {
    return { severity: 'error', code: 'malformed-url', where, pos, message: `${what} in ${where} has a malformed URL: ${url.slice(0, 80)}` };
  }
  return null;
}

/** Checks a document and returns its problems, in document order. */
export function findProblems(doc: PMNode, index: FootnoteIndex = indexFootnotes(doc)): Problem[] {
  const problems: Problem[] = [];
  const add = (problem: Problem | null): void => {
    if (problem) problems.push(problem);
  };

  const headline = doc.firstChild;
  if (headline && headline.textContent.trim() === '') {
    add({ severity: 'error', code: 'empty-headline', where: 'the headline', pos: 0, message: 'The headline is empty.' });
  }

  doc.descendants((node, pos) => {
    switch (node.type.name) {
      case 'citation': {
        const id = node.attrs.source as string;
        if (!index.byId.has(id)) {
          const where = describePosition(doc, pos);
          add({ severity: 'error', code: 'missing-source', where, pos, message: `A citation in ${where} names source “${id}”, which is not in the sources.` });
        }
        return false;
      }
      case 'text': {
        const link = node.marks.find((mark: Mark) => mark.type.name === 'link');
        if (link) add(urlProblem(link.attrs.href as string, 'link', `The link “${(node.text ?? '').slice(0, 30)}”`, describePosition(doc, pos), pos));
        return false;
      }
      case 'figure': {
        const where = describePosition(doc, pos);
        add(urlProblem(node.attrs.src as string, 'image', 'The image', where, pos));
        if ((node.attrs.alt as string).trim() === '') {
          add({ severity: 'warning', code: 'image-no-alt', where, pos, message: `The image in ${where} has no alt text for readers who cannot see it.` });
        }
        return true;
      }
      case 'read_also': {
        let item = 0;
        node.forEach((child, offset) => {
          item++;
          const itemPos = pos + 1 + offset;
          const where = `item ${String(item)} of ${describePosition(doc, pos)}`;
          const title = (child.attrs.title as string).trim();
          const url = child.attrs.url as string;
          if (title === '') add({ severity: 'error', code: 'read-also-untitled', where, pos: itemPos, message: `The “Read also” ${where} has no title.` });
          if (url.trim() === '') {
            add({ severity: 'error', code: 'read-also-no-url', where, pos: itemPos, message: `The “Read also” ${where}${title ? ` (“${title}”)` : ''} has no URL.` });
          } else {
            add(urlProblem(url, 'readAlso', 'The “Read also” item', where, itemPos));
          }
        });
        return false;
      }
      case 'sources':
        return false;
      default:
        return true;
    }
  });

  const seen = new Set<string>();
  for (const entry of [...index.sources].sort((a, b) => a.pos - b.pos)) {
    const { node, pos } = entry;
    const name = sourceName(entry.number, node);
    const where = name;
    if (seen.has(entry.id)) {
      add({ severity: 'error', code: 'duplicate-source-id', where, pos, message: `Two sources share the id “${entry.id}”; citations of it can only reach the first.` });
    }
    seen.add(entry.id);
    if (entry.citations === 0) {
      add({ severity: 'warning', code: 'uncited-source', where, pos, message: `The ${name} is not cited anywhere; cite it or remove it.` });
    }
    const title = (node.attrs.title as string).trim();
    const hasNote = (node.attrs.note as string).trim() !== '';
    const hasReference = ['outlet', 'date', 'url'].some((field) => (node.attrs[field] as string).trim() !== '');
    if (title === '' && !hasNote && !hasReference) {
      add({ severity: 'error', code: 'empty-source', where, pos, message: `The ${name} is empty: give it a title or a note.` });
    } else if (title === '' && hasReference) {
      add({ severity: 'error', code: 'untitled-source', where, pos, message: `The ${name} has no title.` });
    }
    add(urlProblem(node.attrs.url as string, 'source', 'The URL', where, pos));
  }
  return problems;
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
