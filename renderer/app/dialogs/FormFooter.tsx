/** The end of a dialog's form: the field's error (announced), then Cancel and the submit button. */
import type { ReactElement } from 'react';

/** Properties of `FormFooter`. */
export interface FormFooterProps {
  /** The id the field's `aria-describedby` names for its error. */
  readonly errorId: string;
  /** The error shown, or null. */
  readonly error: string | null;
  /** The submit button's label. */
  readonly submit: string;
  /** The submit button is disabled (a problem, or the form is busy). */
  readonly disabled: boolean;
  readonly onCancel: () => void;
}

/** The error line and the actions of a dialog's form. */
export function FormFooter({ errorId, error, submit, disabled, onCancel }: FormFooterProps): ReactElement {
  return (
    <>
      {error !== null ? (
        <p id={errorId} className="cd-field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="cd-dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="cd-button-primary" disabled={disabled}>
          {submit}
        </button>
      </div>
    </>
  );
}
