/**
 * A real modal dialog: the native `<dialog>` opened with `showModal()`, so the rest of the page
 * is inert and screen readers hear a dialog. Focus goes to the element marked `data-autofocus`
 * (or the first field), Tab and Shift+Tab stay inside, Escape calls `onClose`, and focus returns
 * to where it was when the dialog goes away. With an `anchor` it opens next to it (place-popover.ts),
 * without one in the middle of the window; either way it stays inside the window, and what does
 * not fit scrolls inside it with its action buttons kept in view (app.css).
 */
import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import { usePopoverPlacement, type Anchor } from './place-popover';

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

/** Focuses `element` again after a dialog or a menu, through its restorer if it has one. */
export function giveFocusBack(element: HTMLElement): void {
  const restore = restorers.get(element);
  if (restore) restore();
  else element.focus({ preventScroll: true });
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
  /** What to open next to (the caret's box, a button); centred in the window when absent. */
  readonly anchor?: Anchor | undefined;
  /** A sentence under the title, read out as the dialog's description. */
  readonly description?: string;
  /** `alertdialog` for a question that needs an answer. */
  readonly role?: 'dialog' | 'alertdialog';
}

/** A modal dialog (see the module comment). */
export function Dialog({ title, onClose, children, className, anchor, description, role }: DialogProps): ReactElement {
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
      if (before?.isConnected) giveFocusBack(before);
    };
  }, []);

  usePopoverPlacement(ref, anchor);

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
      className={`cd-dialog${anchor ? ' cd-dialog-at' : ''}${className ? ` ${className}` : ''}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
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
