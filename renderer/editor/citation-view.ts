/**
 * The node view of a citation: a superscript chip showing `[n]` (the source's number, derived)
 * or `[?]` when the source is missing. Screen readers hear "Citation n: <source title>" (an
 * `aria-label` on an `a` of role `doc-noteref` inside a `sup`); hovering shows the source in a tooltip; selecting it (click,
 * or the arrow keys) tells the shell to show its source (`onCitationFocus`); activating it
 * (Enter while selected, double-click, or Ctrl/Cmd+click) asks the shell to go to the source
 * (`onActivateCitation`). When numbers change, the footnote plugin redraws only the chips whose
 * number or source changed (`FootnoteViewRegistry`).
 *
 * A citation a suggestion deletes takes no number (footnote-state.ts): it shows its source's
 * number struck through when the source keeps one (another citation), or `[–]` when the source
 * would have none once the deletion is accepted.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import { hasDeletion } from '../../shared/review/accepted';
import { registryFor, type NumberedView } from './citation-registry';
import { sourceElementId } from './source-ids';
import { el } from './dom';
import { footnoteKey } from './footnote-plugin';
import type { EditorHooks } from './hooks';

/** The tooltip text for a source: `Title — Outlet, Date`. */
export function sourceTooltip(attrs: Readonly<Record<string, unknown>>): string {
  const part = (name: string): string => (typeof attrs[name] === 'string' ? (attrs[name] as string).trim() : '');
  const rest = [part('outlet'), part('date')].filter(Boolean).join(', ');
  const title = part('title') || part('note').slice(0, 80) || `(id ${part('id')})`;
  return rest ? `${title} — ${rest}` : title;
}

/** What a citation of `id` shows and says, from the editor's current footnote index; `deleted`: a suggestion deletes it. */
export function citationLabel(view: EditorView, id: string, deleted = false): { text: string; label: string; tooltip: string } {
  const footnotes = footnoteKey.getState(view.state);
  const info = footnotes?.byId.get(id);
  const n = footnotes?.numberOf(id);
  if (deleted) {
    const tip = info ? sourceTooltip(info.node.attrs) : `Missing source “${id}”`;
    if (!info || n === null || n === undefined) return { text: '[–]', label: 'Deleted citation (suggested)', tooltip: `Suggested for deletion: ${tip}` };
    return { text: `[${String(n)}]`, label: `Deleted citation ${String(n)} (suggested)`, tooltip: `Suggested for deletion: [${String(n)}] ${tip}` };
  }
  if (!info || n === null || n === undefined) {
    return { text: '[?]', label: `Citation of a missing source (id ${id})`, tooltip: `Missing source “${id}”: it is not in the sources.` };
  }
  const title = (info.node.attrs.title as string).trim() || sourceTooltip(info.node.attrs);
  return { text: `[${String(n)}]`, label: `Citation ${String(n)}: ${title}`, tooltip: `[${String(n)}] ${sourceTooltip(info.node.attrs)}` };
}

/** The citation node view (see the module comment). */
export class CitationView implements NodeView, NumberedView {
  /** The chip: a `sup` holding the `doc-noteref` that screen readers announce. */
  readonly dom: HTMLElement;
  private readonly ref: HTMLElement;
  private readonly text: Text;
  private id: string;
  private deleted: boolean;

  constructor(
    private node: PMNode,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
    private readonly hooks: EditorHooks,
  ) {
    const document = view.dom.ownerDocument;
    this.id = node.attrs.source as string;
    this.deleted = hasDeletion(node.marks);
    this.text = document.createTextNode('');
    // A real in-page link to the source's entry (what a note reference is), kept out of the Tab
    // order (an article may hold a thousand), and not followed on click: see activate().
    this.ref = el(document, 'a', { class: 'cd-cite-ref', role: 'doc-noteref', href: `#${sourceElementId(this.id)}`, tabindex: '-1' }, [this.text]);
    this.ref.addEventListener('click', (event) => event.preventDefault());
    this.dom = el(document, 'sup', { class: 'cd-cite', contenteditable: 'false', 'data-source': this.id }, [this.ref]);
    this.dom.addEventListener('dblclick', () => this.activate());
    this.dom.addEventListener('mousedown', (event) => {
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        this.activate();
      }
    });
    registryFor(view).add(this.id, this);
    this.refresh();
  }

  private activate(): void {
    const pos = this.getPos();
    if (pos !== undefined) this.hooks.onActivateCitation?.(this.id, pos, this.view);
  }

  /** Redraws number, accessible name and tooltip (touching the DOM only where they changed). */
  refresh(): void {
    const deleted = this.deleted || this.inDeletedBlock();
    const { text, label, tooltip } = citationLabel(this.view, this.id, deleted);
    if (this.text.data !== text) this.text.data = text;
    if (this.ref.getAttribute('aria-label') !== label) this.ref.setAttribute('aria-label', label);
    if (this.dom.title !== tooltip) this.dom.title = tooltip;
    this.dom.classList.toggle('cd-cite-missing', text === '[?]');
    this.dom.classList.toggle('cd-cite-deleted', deleted);
  }

  /** Whether a block around it is suggested for deletion. */
  private inDeletedBlock(): boolean {
    const pos = this.getPos();
    if (pos === undefined) return false;
    const $pos = this.view.state.doc.resolve(pos);
    for (let depth = $pos.depth; depth > 0; depth--) if (hasDeletion($pos.node(depth).marks)) return true;
    return false;
  }

  /** Takes a new citation node in place (re-registering if it now names another source). */
  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    const id = node.attrs.source as string;
    if (id !== this.id) {
      registryFor(this.view).remove(this.id, this);
      this.id = id;
      this.dom.dataset.source = id;
      this.ref.setAttribute('href', `#${sourceElementId(id)}`);
      registryFor(this.view).add(id, this);
      this.deleted = hasDeletion(node.marks);
      this.refresh();
    } else if (hasDeletion(node.marks) !== this.deleted) {
      this.deleted = !this.deleted;
      this.refresh();
    }
    this.node = node;
    return true;
  }

  /** Shown as selected; the shell shows the source. */
  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
    this.hooks.onCitationFocus?.(this.id, this.view);
  }

  /** No longer selected. */
  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode');
    this.hooks.onCitationFocus?.(null, this.view);
  }

  /** The chip's own text changes are the view's doing, not the user's. */
  ignoreMutation(): boolean {
    return true;
  }

  /** Leaves the registry. */
  destroy(): void {
    registryFor(this.view).remove(this.id, this);
  }
}
