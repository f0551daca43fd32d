/**
 * The figure dialog: an image address, alt text, caption and credit, inserted with
 * `insertFigure`. Images come from https addresses: the API has no channel yet to copy a file
 * picked from disk beside the draft (see the shell's report), so the dialog says so.
 */
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { Dialog } from './Dialog';
import { urlMessage } from './url-messages';

/** The figure's fields. */
export interface FigureFields {
  readonly src: string;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
}

/** Properties of `FigureDialog`. */
export interface FigureDialogProps {
  readonly onInsert: (fields: FigureFields) => void;
  readonly onClose: () => void;
}

/** The figure dialog. */
export function FigureDialog({ onInsert, onClose }: FigureDialogProps): ReactElement {
  const [fields, setFields] = useState<FigureFields>({ src: 'https://', alt: '', caption: '', credit: '' });
  const [tried, setTried] = useState(false);
  const ids = { src: useId(), alt: useId(), caption: useId(), credit: useId(), problem: useId(), altNote: useId() };
  const problem = urlMessage(fields.src, 'image');
  const showProblem = problem !== null && (tried || (fields.src.trim() !== '' && fields.src.trim() !== 'https://'));
  const set = (key: keyof FigureFields) => (e: { target: { value: string } }) => setFields({ ...fields, [key]: e.target.value });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    if (problem === null) onInsert({ src: fields.src.trim(), alt: fields.alt.trim(), caption: fields.caption.trim(), credit: fields.credit.trim() });
  };

  return (
    <Dialog title="Insert figure" onClose={onClose} description="Images are linked by their https address. Copying an image file from disk beside the draft is not available yet.">
      <form className="cd-form" onSubmit={submit} noValidate>
        <label htmlFor={ids.src}>Image address (https)</label>
        <input id={ids.src} type="url" value={fields.src} spellCheck={false} data-autofocus aria-invalid={showProblem} aria-describedby={showProblem ? ids.problem : undefined} onChange={set('src')} />
        {showProblem ? (
          <p id={ids.problem} className="cd-field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <label htmlFor={ids.alt}>Alt text</label>
        <input id={ids.alt} type="text" value={fields.alt} aria-describedby={ids.altNote} onChange={set('alt')} />
        <p id={ids.altNote} className="cd-hint">
          What the image shows, for readers who cannot see it.
        </p>
        <label htmlFor={ids.caption}>Caption</label>
        <input id={ids.caption} type="text" value={fields.caption} onChange={set('caption')} />
        <label htmlFor={ids.credit}>Credit</label>
        <input id={ids.credit} type="text" value={fields.credit} onChange={set('credit')} />
        <div className="cd-dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="cd-button-primary">
            Insert figure
          </button>
        </div>
      </form>
    </Dialog>
  );
}
