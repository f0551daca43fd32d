/**
 * The question File > Export asks first when the draft holds suggestions or comments (the native
 * save dialog cannot hold a checkbox): "Include suggestions and comments", unchecked by default
 * (an export is clean unless asked). Shown through `ask.form`; answers the checkbox's state, or
 * null when cancelled.
 */
import { useState, type ReactElement } from 'react';

/** The form: why it asks, the checkbox, Cancel and Export…. */
export function ExportReviewForm({ onDone }: { readonly onDone: (review: boolean | null) => void }): ReactElement {
  const [review, setReview] = useState(false);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onDone(review);
      }}
    >
      <p>This draft has suggestions or comments. By default the export reads as if every suggestion were accepted, with no comment.</p>
      <label className="cd-dialog-option">
        <input type="checkbox" checked={review} onChange={(event) => setReview(event.target.checked)} data-autofocus />
        Include suggestions and comments
      </label>
      <div className="cd-dialog-actions">
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="cd-button-primary">
          Export…
        </button>
      </div>
    </form>
  );
}
