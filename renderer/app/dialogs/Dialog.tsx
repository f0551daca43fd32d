/**
 * A real modal dialog: the native `<dialog>` opened with `showModal()`, so the rest of the page
 * is inert and screen readers hear a dialog. Focus goes to the element marked `data-autofocus`
 * (or the first field), Tab and Shift+Tab stay inside, Escape calls `onClose`, and focus returns
 * to where it was when the dialog goes away.
 */
import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

const restorers = new WeakMap<Element, () => void>();

/**
 * How to give the focus back to `element` after a dialog (e.g. the editor: ProseMirror must also
 * put the DOM selection back where its state says; a plain `focus()` may leave it elsewhere).
 */
export function setFocusRestorer(element: Element, restore: (() => void) | null): void {
  if (restore) restorers.set(element, restore);
  else restorers.delete(element);
}

/** The focusable elements inside `root`, in order. */
export function focusableIn(root: Element): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest('[hidden]') && el.getClientRects().length > 0);
}

/** Properties of `Dialog`. */
export interface DialogProps {
  /** The dialog's title (its accessible name). */
  readonly title: string;
  /** Escape, or the close button. */
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** An extra class (size, placement). */
  readonly className?: string;
  /** Where to show it (viewport coordinates), e.g. at the cursor; centred when absent. */
  readonly at?: { readonly top: number; readonly left: number };
  /** A sentence under the title, read out as the dialog's description. */
  readonly description?: string;
  /** `alertdialog` for a question that needs an answer. */
  readonly role?: 'dialog' | 'alertdialog';
}

/** A modal dialog (see the module comment). */
export function Dialog({ title, onClose, children, className, at, description, role }: DialogProps): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? focusableIn(dialog)[0];
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (!before?.isConnected) return;
      const restore = restorers.get(before);
      if (restore) restore();
      else before.focus({ preventScroll: true });
    };
  }, []);

  // Keep a dialog placed at the cursor inside the window.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog || !at) return;
    const rect = dialog.getBoundingClientRect();
    const left = Math.max(8, Math.min(at.left, window.innerWidth - rect.width - 8));
    const top = at.top + rect.height > window.innerHeight - 8 ? Math.max(8, at.top - rect.height - 32) : at.top;
    dialog.style.left = `${String(left)}px`;
    dialog.style.top = `${String(top)}px`;
  }, [at]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>): void => {
    if (event.key !== 'Tab' || !ref.current) return;
    const items = focusableIn(ref.current);
    if (items.length === 0) return;
    const first = items[0] as HTMLElement;
    const last = items[items.length - 1] as HTMLElement;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`cd-dialog${at ? ' cd-dialog-at' : ''}${className ? ` ${className}` : ''}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      style={at ? { top: at.top, left: at.left } : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        closeRef.current();
      }}
      onKeyDown={onKeyDown}
    >
      <div className="cd-dialog-head">
        <h2 id={titleId} className="cd-dialog-title">
          {title}
        </h2>
        <button type="button" className="cd-icon-button" aria-label="Close" title="Close (Esc)" onClick={() => closeRef.current()}>
          ×
        </button>
      </div>
      {description ? (
        <p id={descriptionId} className="cd-dialog-description">
          {description}
        </p>
      ) : null}
      {children}
    </dialog>
  );
}
