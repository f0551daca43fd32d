/**
 * Suggesting mode for unit tests, without the mode plugin: every transaction goes through
 * `suggestTransaction` before it is applied, as the plugin does.
 */
import { baseKeymap } from 'prosemirror-commands';
import type { Node as PMNode } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { Reviewer } from '../../../shared/review/model';
import { decideAll } from '../../../shared/review/resolve';
import { suggestTransaction } from '../../../shared/review/suggest';

/** Two reviewers. */
export const ANN: Reviewer = { id: 'ann', name: 'Ann Editor', initials: 'AE' };
export const BOB: Reviewer = { id: 'bob', name: 'Bob Reporter', initials: 'BR' };

/** A fixed clock: minute `n` of the test day. */
export function at(n = 0): Date {
  return new Date(Date.UTC(2026, 11, 2, 10, n, 0));
}

/** A session of one reviewer on a state: applies transactions and commands as suggestions. */
export class Suggesting {
  refused = 0;
  constructor(public state: EditorState, public reviewer: Reviewer = ANN, public now: Date = at()) {}

  /** Applies `tr` as suggestions (or counts a refusal); returns whether it was recorded. */
  apply(tr: Transaction): boolean {
    const out = suggestTransaction(this.state, tr, this.reviewer, this.now);
    if (!out) {
      this.refused++;
      return false;
    }
    this.state = this.state.apply(out);
    return true;
  }

  /** Runs an editor command; returns whether it ran and was recorded. */
  run(command: Command): boolean {
    let ok = true;
    const ran = command(this.state, (tr) => {
      ok = this.apply(tr);
    });
    return ran && ok;
  }

  /** Puts the cursor (or a selection) at document positions. */
  select(anchor: number, head = anchor): this {
    this.state = this.state.apply(this.state.tr.setSelection(TextSelection.create(this.state.doc, anchor, head)));
    return this;
  }

  /** Types `text` at the selection, as the view does. */
  type(text: string): boolean {
    const { from, to } = this.state.selection;
    return this.apply(this.state.tr.insertText(text, from, to));
  }

  /** Backspace as the browser does it in text (the base keymap's at a block's start or over a selection). */
  backspace(): boolean {
    const { empty, $head } = this.state.selection;
    if (!empty || $head.parentOffset === 0) return this.run(baseKeymap.Backspace as Command);
    return this.apply(this.state.tr.delete($head.pos - 1, $head.pos));
  }

  /** Delete as the browser does it in text. */
  delete(): boolean {
    const { empty, $head } = this.state.selection;
    if (!empty || $head.parentOffset === $head.parent.content.size) return this.run(baseKeymap.Delete as Command);
    return this.apply(this.state.tr.delete($head.pos, $head.pos + 1));
  }

  as(reviewer: Reviewer, now: Date = this.now): this {
    this.reviewer = reviewer;
    this.now = now;
    return this;
  }

  get doc(): PMNode {
    return this.state.doc;
  }
}

/** The document with every suggestion accepted, or rejected. */
export const accepted = (doc: PMNode): PMNode => decideAll(doc, 'accept');
export const rejected = (doc: PMNode): PMNode => decideAll(doc, 'reject');

/** The position of the first occurrence of `text` in `doc` (+ `offset`), or throws. */
export function posOf(doc: PMNode, text: string, offset = 0): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText) {
      const i = (node.text ?? '').indexOf(text);
      if (i >= 0) found = pos + i + offset;
    }
    return true;
  });
  if (found < 0) throw new Error(`no ${JSON.stringify(text)} in the document`);
  return found;
}

/** The body's textblocks as `[text, marks…]` strings, each text run with its suggestion marks. */
export function runs(doc: PMNode): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock || node.type.name === 'headline' || node.type.name === 'standfirst') return true;
    const blockMarks = node.marks.map((m) => `^${m.type.name}`).join('');
    let line = blockMarks;
    node.forEach((child) => {
      const tags = child.marks.filter((m) => ['insertion', 'deletion', 'format_change'].includes(m.type.name)).map((m) => m.type.name.slice(0, 3));
      const text = child.isText ? (child.text ?? '') : `[${child.type.name}]`;
      line += tags.length ? `{${tags.join('+')}:${text}}` : text;
    });
    out.push(line);
    return false;
  });
  return out;
}
