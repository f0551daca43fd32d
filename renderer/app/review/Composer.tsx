/**
 * A small form to write a comment or a reply: a labelled text area that has the focus when it
 * appears, Ctrl/Cmd+Enter or the button sends, Escape or Cancel closes it.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactElement } from 'react';

/** Properties of `Composer`. */
export interface ComposerProps {
  readonly label: string;
  readonly submit: string;
  /** Sends the text (trimmed, not empty); the form closes when it resolves. */
  readonly onSubmit: (text: string) => Promise<void> | void;
  readonly onCancel: () => void;
  /** Changes when the same composer is asked for again (it takes the focus again). */
  readonly seq?: number;
}

/** The comment and reply form. */
export function Composer({ label, submit, onSubmit, onCancel, seq }: ComposerProps): ReactElement {
  const [text, setText] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => area.current?.focus(), [seq]);
  const send = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    const value = text.trim();
    if (value === '') return;
    await onSubmit(value);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };
  return (
    <form className="cd-review-composer" onSubmit={(e) => void send(e)}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={area} rows={3} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} />
      <div className="cd-review-actions">
        <button type="submit" className="cd-button-primary" disabled={text.trim() === ''}>
          {submit}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
