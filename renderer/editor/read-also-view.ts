/**
 * The node views of a "Read also" block and its items. The block shows a title field
 * (placeholder "Read also") and an "Add item" button above its items; each item shows fields
 * for its title, URL and optional kicker, and buttons to move it up or down and to remove it.
 * Field changes commit when the field loses focus (or on Enter): one transaction, one undo
 * step. A URL that is not a usable http(s) address is marked (`aria-invalid`, a message) while
 * the reporter types; a URL of a scheme the policy refuses (`javascript:`, `ftp:`…) is not stored
 * but stays in the field, marked, until the reporter corrects it (or empties the field).
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import { classifyUrl } from '../../shared/url';
import { DEFAULT_READ_ALSO_TITLE } from '../../shared/article';
import { addReadAlsoItem, moveReadAlsoItem, removeReadAlsoItem, setReadAlsoTitle, updateReadAlsoItem } from './read-also-commands';
import { el, fromControl, setInputValue } from './dom';

/** What the item's URL field says about `url` (empty when nothing is wrong). */
export function readAlsoUrlMessage(url: string): string {
  switch (classifyUrl(url, 'readAlso')) {
    case 'ok':
      return '';
    case 'empty':
      return 'Add the article’s URL.';
    case 'malformed':
      return 'This URL is malformed.';
    case 'unsafe':
      return 'Only http(s) addresses are allowed: correct this one to keep it in the article.';
  }
}

/** The "Read also" block view: title field, add button, and its items. */
export class ReadAlsoView implements NodeView {
  /** The block's element. */
  readonly dom: HTMLElement;
  /** Where the items go. */
  readonly contentDOM: HTMLElement;
  private readonly title: HTMLInputElement;

  constructor(
    private node: PMNode,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
  ) {
    const document = view.dom.ownerDocument;
    this.title = el(document, 'input', { type: 'text', class: 'cd-read-also-title', 'aria-label': '“Read also” block title', placeholder: DEFAULT_READ_ALSO_TITLE });
    const add = el(document, 'button', { type: 'button', class: 'cd-read-also-add' }, ['Add item']);
    this.contentDOM = el(document, 'ol', { class: 'cd-read-also-items' });
    // A group, not an `aside`: landmarks inside the editable would crowd the page's landmarks.
    this.dom = el(document, 'div', { class: 'cd-read-also', role: 'group', 'aria-label': '“Read also” block' }, [
      el(document, 'div', { class: 'cd-read-also-head', contenteditable: 'false', 'data-cd-controls': true }, [this.title, add]),
      this.contentDOM,
    ]);
    this.title.addEventListener('change', () => this.run((pos) => setReadAlsoTitle(pos, this.title.value)));
    this.title.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') this.title.blur();
    });
    add.addEventListener('click', () => this.run((pos) => addReadAlsoItem(pos)));
    setInputValue(this.title, node.attrs.title as string);
  }

  private run(command: (pos: number) => (state: EditorView['state'], dispatch: EditorView['dispatch']) => boolean): void {
    const pos = this.getPos();
    if (pos !== undefined) command(pos)(this.view.state, this.view.dispatch);
  }

  /** Takes the block's new title in place; relabels the items once ProseMirror has placed them. */
  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    const reordered = node.content !== this.node.content;
    this.node = node;
    setInputValue(this.title, node.attrs.title as string);
    // ProseMirror reuses an item's view when only its place changed, without telling it.
    if (reordered) queueMicrotask(() => Array.from(this.contentDOM.children).forEach((child) => itemViews.get(child)?.redraw()));
    return true;
  }

  /** Events in the fields and buttons belong to them. */
  stopEvent(event: Event): boolean {
    return fromControl(event);
  }

  /** Only the item list's mutations are content. */
  ignoreMutation(mutation: { target: Node }): boolean {
    return !this.contentDOM.contains(mutation.target);
  }
}

type ItemField = 'title' | 'url' | 'kicker';

const itemViews = new WeakMap<Element, ReadAlsoItemView>();

let messageIds = 0;

/** One item's view: fields, a URL check, and move/remove buttons. */
export class ReadAlsoItemView implements NodeView {
  /** The list item. */
  readonly dom: HTMLElement;
  private readonly fields: Record<ItemField, HTMLInputElement>;
  private readonly urlMessage: HTMLElement;
  private readonly buttons: { up: HTMLButtonElement; down: HTMLButtonElement; remove: HTMLButtonElement };
  /** A URL the document refused (a scheme it never holds), kept in the field until corrected. */
  private refusedUrl: string | null = null;

  constructor(
    private node: PMNode,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
  ) {
    const document = view.dom.ownerDocument;
    const input = (field: ItemField, placeholder: string): HTMLInputElement =>
      el(document, 'input', { type: field === 'url' ? 'url' : 'text', class: `cd-item-${field}`, placeholder });
    this.fields = { kicker: input('kicker', 'Kicker (optional)'), title: input('title', 'Title'), url: input('url', 'https://…') };
    this.urlMessage = el(document, 'span', { class: 'cd-item-url-message', 'aria-live': 'polite', id: `cd-item-url-message-${String(++messageIds)}` });
    const button = (cls: string, text: string): HTMLButtonElement => el(document, 'button', { type: 'button', class: cls }, [text]);
    this.buttons = { up: button('cd-item-up', '↑'), down: button('cd-item-down', '↓'), remove: button('cd-item-remove', '✕') };
    this.dom = el(document, 'li', { class: 'cd-read-also-item', contenteditable: 'false', 'data-cd-controls': true }, [
      this.fields.kicker,
      this.fields.title,
      this.fields.url,
      this.urlMessage,
      el(document, 'span', { class: 'cd-item-buttons' }, [this.buttons.up, this.buttons.down, this.buttons.remove]),
    ]);
    for (const field of ['title', 'url', 'kicker'] as const) {
      const element = this.fields[field];
      element.addEventListener('change', () => this.commit(field, element.value));
      element.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') element.blur();
      });
    }
    this.fields.url.addEventListener('input', () => this.markUrl(this.fields.url.value));
    this.buttons.up.addEventListener('click', () => this.move(-1));
    this.buttons.down.addEventListener('click', () => this.move(1));
    this.buttons.remove.addEventListener('click', () => this.act((block, index) => removeReadAlsoItem(block, index)));
    itemViews.set(this.dom, this);
    this.draw();
  }

  /** Redraws fields, labels and buttons (after a move). */
  redraw(): void {
    this.draw();
  }

  /** The block's position and this item's index, from the current document. */
  private where(): { block: number; index: number; count: number } | null {
    const pos = this.getPos();
    if (pos === undefined) return null;
    const $pos = this.view.state.doc.resolve(pos);
    return { block: $pos.before(), index: $pos.index(), count: $pos.parent.childCount };
  }

  private act(make: (block: number, index: number) => (state: EditorView['state'], dispatch: EditorView['dispatch']) => boolean): boolean {
    const at = this.where();
    return at ? make(at.block, at.index)(this.view.state, this.view.dispatch) : false;
  }

  private move(by: -1 | 1): void {
    this.act((block, index) => moveReadAlsoItem(block, index, index + by));
  }

  private commit(field: ItemField, value: string): void {
    if (field === 'url') this.refusedUrl = null;
    if (this.node.attrs[field] === value) {
      this.markUrl(value);
      return;
    }
    if (this.act((block, index) => updateReadAlsoItem(block, index, { [field]: value }))) return;
    // Refused: a URL stays in its field, marked, for the reporter to correct; other fields show the stored value again.
    if (field === 'url' && this.where()) {
      this.refusedUrl = value;
      this.markUrl(value);
    } else this.draw();
  }

  private markUrl(url: string): void {
    const message = readAlsoUrlMessage(url);
    this.urlMessage.textContent = message;
    const invalid = message !== '' && url.trim() !== '';
    this.fields.url.setAttribute('aria-invalid', String(invalid));
    if (message === '') this.fields.url.removeAttribute('aria-describedby');
    else this.fields.url.setAttribute('aria-describedby', this.urlMessage.id);
    this.fields.url.classList.toggle('cd-field-problem', message !== '');
  }

  private draw(): void {
    for (const field of ['title', 'url', 'kicker'] as const) {
      if (field === 'url' && this.refusedUrl !== null) continue;
      setInputValue(this.fields[field], this.node.attrs[field] as string);
    }
    this.markUrl(this.refusedUrl ?? (this.node.attrs.url as string));
    const at = this.where();
    const n = at ? at.index + 1 : 1;
    const label = (this.node.attrs.title as string).trim() || `item ${String(n)}`;
    this.fields.kicker.setAttribute('aria-label', `Kicker of “Read also” item ${String(n)}`);
    this.fields.title.setAttribute('aria-label', `Title of “Read also” item ${String(n)}`);
    this.fields.url.setAttribute('aria-label', `URL of “Read also” item ${String(n)}`);
    this.buttons.up.setAttribute('aria-label', `Move “${label}” up`);
    this.buttons.down.setAttribute('aria-label', `Move “${label}” down`);
    this.buttons.remove.setAttribute('aria-label', `Remove “${label}”`);
    this.buttons.up.disabled = !at || at.index === 0;
    this.buttons.down.disabled = !at || at.index === at.count - 1;
  }

  /** Takes the item's new fields in place (and its new place: labels and buttons follow). */
  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    if (node.attrs.url !== this.node.attrs.url) this.refusedUrl = null; // a new URL (undo, another edit) replaces a refused one
    this.node = node;
    this.draw();
    return true;
  }

  /** Events in the fields and buttons belong to them. */
  stopEvent(event: Event): boolean {
    return fromControl(event);
  }

  /** The item's DOM is its own. */
  ignoreMutation(): boolean {
    return true;
  }
}
