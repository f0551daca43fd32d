/**
 * How the sources section reads in the canvas: a read-only reference list at the end of the
 * article ("Sources", then each source as `[n] Title — Outlet, Date`, or flagged "uncited").
 * Decision: the Sources panel (React shell) is where sources are edited, in number order, with
 * their counts and problems; the canvas only shows them, so that the caret never lands inside
 * a source's fields and typing cannot half-edit one. Activating a source here (click, or Enter
 * on it) asks the shell to show it in the panel (`onActivateSource`). Numbers and flags redraw
 * through the same registry as citations.
 *
 * Order: the list shows the sources in number order (order of first citation, as the Sources
 * panel and the exports), uncited ones after them in document order, while the document keeps
 * them in the file's order. The list is a flex column and each entry's CSS `order` is its number
 * (uncited: after every number), set when the entry redraws; the footnote plugin redraws only the
 * entries whose number changed, so a renumbering costs what it costs the citations, and no
 * transaction reorders the file behind the reporter's back (a draft opened with its sources in
 * another order would otherwise be changed, and marked unsaved, by merely being opened).
 *
 * Clicks in the section outside an entry (the "Sources" heading, the gaps) put the cursor at the
 * end of the last body block: the heading is not content, and a caret left in it went nowhere.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import { registryFor, type NumberedView } from './citation-registry';
import { sourceTooltip } from './citation-view';
import { el } from './dom';
import { sourceElementId } from './source-ids';
import { footnoteKey } from './footnote-plugin';
import type { EditorHooks } from './hooks';
import { cursorAtTextEnd } from './text-end';

/** The node view of the sources section: a heading the caret cannot enter, then the list. */
export class SourcesView implements NodeView {
  /** The section. */
  readonly dom: HTMLElement;
  /** Where the sources go. */
  readonly contentDOM: HTMLElement;

  constructor(_node: PMNode, view: EditorView) {
    const document = view.dom.ownerDocument;
    this.contentDOM = el(document, 'ol', { class: 'cd-sources-list' });
    // The entries' `order` (SourceView.refresh) sorts them by number; set here, not in the
    // stylesheet, because the order is what the list says, not how it looks.
    this.contentDOM.style.display = 'flex';
    this.contentDOM.style.flexDirection = 'column';
    // No accessible name, so not a landmark: the shell's Sources panel is the "Sources" region.
    this.dom = el(document, 'section', { class: 'cd-sources' }, [
      el(document, 'h2', { class: 'cd-sources-heading', contenteditable: 'false' }, ['Sources']),
      this.contentDOM,
    ]);
    this.dom.addEventListener('mousedown', (event) => {
      if (event.button !== 0 || inEntry(event)) return;
      event.preventDefault();
      cursorAtTextEnd(view.state, view.dispatch);
      view.focus();
    });
  }

  /** A press outside the entries is this view's (see the module comment); ProseMirror handles the entries. */
  stopEvent(event: Event): boolean {
    return event.type === 'mousedown' && !inEntry(event);
  }

  /** Mutations in the heading are not content. */
  ignoreMutation(mutation: { target: Node }): boolean {
    return !this.contentDOM.contains(mutation.target);
  }
}

/** The CSS `order` of uncited entries: after every number a document can hold. */
const UNCITED_ORDER = 1_000_000_000;

function inEntry(event: Event): boolean {
  const target = event.target;
  return target instanceof Element && target.closest('.cd-source') !== null;
}

/** The node view of one source (see the module comment). */
export class SourceView implements NodeView, NumberedView {
  /** The entry. */
  readonly dom: HTMLElement;
  private id: string;

  constructor(
    private node: PMNode,
    private readonly view: EditorView,
    private readonly hooks: EditorHooks,
  ) {
    this.id = node.attrs.id as string;
    this.dom = el(view.dom.ownerDocument, 'li', { class: 'cd-source', contenteditable: 'false', id: sourceElementId(this.id), 'data-source-id': this.id });
    this.dom.addEventListener('click', () => this.hooks.onActivateSource?.(this.id, this.view));
    registryFor(view).add(this.id, this);
    this.refresh();
  }

  /** Redraws number, text and the uncited flag. */
  refresh(): void {
    const footnotes = footnoteKey.getState(this.view.state);
    const n = footnotes?.numberOf(this.id) ?? null;
    const text = `${n === null ? 'Uncited' : `[${String(n)}]`} ${sourceTooltip(this.node.attrs)}`;
    if (this.dom.textContent !== text) this.dom.textContent = text;
    this.dom.classList.toggle('cd-source-uncited', n === null);
    this.dom.style.order = String(n ?? UNCITED_ORDER);
  }

  /** Takes the source's new fields in place. */
  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    const id = node.attrs.id as string;
    if (id !== this.id) {
      registryFor(this.view).remove(this.id, this);
      this.id = id;
      this.dom.id = sourceElementId(id);
      registryFor(this.view).add(id, this);
    }
    this.node = node;
    this.refresh();
    return true;
  }

  /** Selected (keyboard): Enter goes through the keymap; the shell may show it meanwhile. */
  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
  }

  /** No longer selected. */
  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode');
  }

  /** The entry's text is the view's doing. */
  ignoreMutation(): boolean {
    return true;
  }

  /** Leaves the registry. */
  destroy(): void {
    registryFor(this.view).remove(this.id, this);
  }
}
