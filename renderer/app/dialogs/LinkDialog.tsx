/**
 * The link dialog (Ctrl/Cmd+K or the toolbar): the URL, checked against the link policy as it is
 * typed (http(s), mailto, in-page anchors only), applied with `setLink`; "Remove link" when the
 * cursor is in one.
 */
import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { Dialog } from './Dialog';
import type { Box } from './place-popover';
import { urlMessage } from './url-messages';

/** Properties of `LinkDialog`. */
export interface LinkDialogProps {
  /** The link being edited, or null for a new one. */
  readonly current: string | null;
  readonly onApply: (href: string) => void;
  readonly onRemove: () => void;
  readonly onClose: () => void;
  /** What to open next to (the caret's box); centred when absent. */
  readonly anchor?: Box | undefined;
}

/** The link dialog. */
export function LinkDialog({ current, onApply, onRemove, onClose, anchor }: LinkDialogProps): ReactElement {
  const [href, setHref] = useState(current ?? 'https://');
  const [tried, setTried] = useState(false);
  const fieldId = useId();
  const messageId = useId();
  const field = useRef<HTMLInputElement>(null);
  const problem = urlMessage(href, 'link');
  const show = problem !== null && (tried || (href.trim() !== '' && href.trim() !== 'https://'));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    if (problem === null) onApply(href.trim());
    else field.current?.focus(); // to the field its message stands beside
  };

  return (
    <Dialog title={current ? 'Edit link' : 'Add link'} onClose={onClose} anchor={anchor} className="cd-dialog-small">
      <form className="cd-form" onSubmit={submit} noValidate>
        <label htmlFor={fieldId}>Address</label>
        <input
          ref={field}
          id={fieldId}
          type="url"
          value={href}
          data-autofocus
          spellCheck={false}
          aria-invalid={show}
          aria-describedby={show ? messageId : undefined}
          onChange={(e) => setHref(e.target.value)}
          onFocus={(e) => e.target.select()}
        />
        {show ? (
          <p id={messageId} className="cd-field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="cd-dialog-actions">
          {current ? (
            <button type="button" className="cd-button-quiet-danger cd-push-left" onClick={onRemove}>
              Remove link
            </button>
          ) : null}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="cd-button-primary">
            Apply
          </button>
        </div>
      </form>
    </Dialog>
  );
}
