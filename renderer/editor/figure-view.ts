/**
 * The node view of a figure: the image, its caption (editable text, ProseMirror's content), and
 * fields for the alt text and the credit. A field change is one transaction (committed when the
 * field loses focus or on Enter), so one undo step per edit rather than per key. An image
 * without alt text is marked, as the problems list reports it.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import { imageNotFound } from '../../shared/problems';
import { el, fromControl, setInputValue } from './dom';
import type { EditorHooks } from './hooks';

/** The figure node view (see the module comment). */
export class FigureView implements NodeView {
  /** The figure. */
  readonly dom: HTMLElement;
  /** The caption (ProseMirror edits its text). */
  readonly contentDOM: HTMLElement;
  private readonly img: HTMLImageElement;
  private readonly alt: HTMLInputElement;
  private readonly credit: HTMLInputElement;
  private readonly missing: HTMLElement;

  constructor(
    private node: PMNode,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
    private readonly hooks: EditorHooks,
  ) {
    const document = view.dom.ownerDocument;
    this.img = el(document, 'img', { class: 'cd-figure-image', draggable: 'false' });
    // The figcaption node renders itself inside (shared/schema.ts): a figcaption here would nest two.
    this.contentDOM = el(document, 'div', { class: 'cd-figure-caption-slot' });
    this.alt = el(document, 'input', { type: 'text', class: 'cd-figure-alt', 'aria-label': 'Alt text (describes the image for readers who cannot see it)', placeholder: 'Alt text' });
    this.credit = el(document, 'input', { type: 'text', class: 'cd-figure-credit', 'aria-label': 'Image credit', placeholder: 'Credit' });
    const controls = el(document, 'div', { class: 'cd-figure-fields', contenteditable: 'false', 'data-cd-controls': true }, [this.alt, this.credit]);
    // Shown instead of the browser's broken-image icon when the picture cannot be loaded (an
    // imported draft's placeholder file not yet in assets/, a file moved away, no network).
    this.missing = el(document, 'div', { class: 'cd-figure-missing', role: 'img', 'aria-label': 'Image not found', hidden: true });
    this.dom = el(document, 'figure', { class: 'cd-figure' }, [el(document, 'div', { contenteditable: 'false' }, [this.img, this.missing]), this.contentDOM, controls]);
    this.img.addEventListener('error', () => this.showMissing(true));
    this.img.addEventListener('load', () => this.showMissing(false));
    for (const [input, attr] of [[this.alt, 'alt'], [this.credit, 'credit']] as const) {
      input.addEventListener('change', () => this.commit(attr, input.value));
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') input.blur();
      });
    }
    this.draw();
  }

  private commit(attr: 'alt' | 'credit', value: string): void {
    const pos = this.getPos();
    if (pos === undefined || this.node.attrs[attr] === value) return;
    this.view.dispatch(this.view.state.tr.setNodeAttribute(pos, attr, value));
  }

  private showMissing(missing: boolean): void {
    const src = this.node.attrs.src as string;
    const changed = this.img.hidden !== missing;
    this.img.hidden = missing;
    this.missing.hidden = !missing;
    // The same words as the draft's problem for an assets/ file (shared/problem-checks.ts).
    this.missing.textContent = !missing ? '' : src.startsWith('assets/') ? `Missing: ${imageNotFound(src)}.` : `The image at ${src} could not be loaded.`;
    if (changed || missing) this.hooks.onImageStatus?.(src, !missing);
  }

  private draw(): void {
    const src = this.node.attrs.src as string;
    const shown = this.hooks.resolveImage ? this.hooks.resolveImage(src) : src;
    if (this.img.getAttribute('src') !== shown) this.img.setAttribute('src', shown);
    this.img.alt = this.node.attrs.alt as string;
    setInputValue(this.alt, this.node.attrs.alt as string);
    setInputValue(this.credit, this.node.attrs.credit as string);
    const noAlt = (this.node.attrs.alt as string).trim() === '';
    this.alt.classList.toggle('cd-field-problem', noAlt);
    this.alt.setAttribute('aria-invalid', String(noAlt));
  }

  /** Takes the figure's new attributes in place. */
  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.draw();
    return true;
  }

  /** Events in the fields belong to the fields, not to ProseMirror. */
  stopEvent(event: Event): boolean {
    return fromControl(event);
  }

  /** Only the caption's mutations are content. */
  ignoreMutation(mutation: { target: Node }): boolean {
    return !this.contentDOM.contains(mutation.target);
  }
}
