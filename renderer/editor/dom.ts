/**
 * A tiny element builder for the node views (no framework inside the editable: node views are
 * plain DOM, created and updated by ProseMirror).
 */

/** Attribute values; `false`, `null` and `undefined` leave the attribute out. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Creates `<tag>` in `document` with `attrs` and `children` (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(document: Document, tag: K, attrs: Attrs = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

/** Sets an input's value unless the user is typing in it (so a redraw never moves their caret). */
export function setInputValue(input: HTMLInputElement, value: string): void {
  if (input.value !== value && input.ownerDocument.activeElement !== input) input.value = value;
}

/** True when `event` happened inside one of the view's own form controls. */
export function fromControl(event: Event): boolean {
  const target = event.target as Element | null;
  return !!target?.closest?.('input, button, select, textarea, label, [data-cd-controls]');
}
