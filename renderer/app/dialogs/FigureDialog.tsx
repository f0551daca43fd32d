/**
 * The figure dialog: an image (an https address, or a file chosen from disk and copied beside the
 * draft, which gives an `assets/…` path), alt text, caption and credit, inserted with `insertFigure`.
 */
import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
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
  /** Asks for an image file and copies it beside the draft: its `assets/…` src, or null when cancelled (throws with a message for the user). */
  readonly onChooseImage?: () => Promise<string | null>;
}

/** The figure dialog. */
export function FigureDialog({ onInsert, onClose, onChooseImage }: FigureDialogProps): ReactElement {
  const [fields, setFields] = useState<FigureFields>({ src: 'https://', alt: '', caption: '', credit: '' });
  const [tried, setTried] = useState(false);
  const [chooseProblem, setChooseProblem] = useState<string | null>(null);
  const choose = (): void => {
    if (!onChooseImage) return;
    setChooseProblem(null);
    onChooseImage().then(
      (src) => {
        if (src !== null) setFields((current) => ({ ...current, src }));
      },
      (error: unknown) => setChooseProblem(error instanceof Error ? error.message : String(error)),
    );
  };
  const ids = { src: useId(), alt: useId(), caption: useId(), credit: useId(), problem: useId(), altNote: useId() };
  const srcField = useRef<HTMLInputElement>(null);
  const problem = urlMessage(fields.src, 'image');
  const showProblem = problem !== null && (tried || (fields.src.trim() !== '' && fields.src.trim() !== 'https://'));
  const set = (key: keyof FigureFields) => (e: { target: { value: string } }) => setFields({ ...fields, [key]: e.target.value });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    if (problem === null) onInsert({ src: fields.src.trim(), alt: fields.alt.trim(), caption: fields.caption.trim(), credit: fields.credit.trim() });
    else srcField.current?.focus(); // to the field its message stands beside
  };

  return (
    <Dialog title="Insert figure" onClose={onClose} description="Link an image by its https address, or choose an image file: it is copied beside the draft.">
      <form className="cd-form" onSubmit={submit} noValidate>
        <label htmlFor={ids.src}>Image address (https) or file</label>
        <input ref={srcField} id={ids.src} type="url" value={fields.src} spellCheck={false} data-autofocus aria-invalid={showProblem} aria-describedby={showProblem ? ids.problem : undefined} onChange={set('src')} />
        {showProblem ? (
          <p id={ids.problem} className="cd-field-error" role="alert">
            {problem}
          </p>
        ) : null}
        {onChooseImage ? (
          <button type="button" onClick={choose}>
            Choose image…
          </button>
        ) : null}
        {chooseProblem !== null ? (
          <p className="cd-field-error" role="alert">
            {chooseProblem}
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
