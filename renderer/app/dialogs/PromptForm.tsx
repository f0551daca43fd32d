/**
 * The form inside a one-line question (`Ask.prompt`): the field, its check as the user types,
 * and the error of applying the answer (the dialog stays open so the user can correct it).
 */
import { FormFooter } from './FormFooter';
import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { messageOf } from '../api';
import type { PromptOptions } from './dialog-host';

/** Properties of `PromptForm`. */
export interface PromptFormProps {
  readonly options: PromptOptions;
  readonly onDone: (value: string | null) => void;
}

/** A labelled field with Cancel and a submit button. */
export function PromptForm({ options, onDone }: PromptFormProps): ReactElement {
  const [text, setText] = useState(options.initial ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const errorId = useId();
  const field = useRef<HTMLInputElement>(null);
  const problem = options.check?.(text) ?? null;
  const shown = error ?? (text.trim() === '' ? null : problem);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (problem !== null || busy) {
      setError(problem);
      if (problem !== null) field.current?.focus();
      return;
    }
    if (!options.apply) {
      onDone(text);
      return;
    }
    setBusy(true);
    try {
      const failure = await options.apply(text);
      if (failure === null) onDone(text);
      else {
        setError(failure);
        field.current?.focus();
      }
    } catch (e) {
      setError(messageOf(e));
      field.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="cd-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={fieldId}>{options.label}</label>
      <input
        ref={field}
        id={fieldId}
        type="text"
        value={text}
        data-autofocus
        aria-invalid={shown !== null}
        aria-describedby={shown !== null ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onFocus={(e) => e.target.select()}
      />
      <FormFooter errorId={errorId} error={shown} submit={options.submit} disabled={busy || problem !== null} onCancel={() => onDone(null)} />
    </form>
  );
}
