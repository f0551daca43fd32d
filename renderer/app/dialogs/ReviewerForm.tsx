/**
 * The form that asks who is reviewing: a name and initials, prefilled (from the operating system's
 * user name the first time), the initials following the name until they are edited by hand.
 * Checked as typed with the same validators as the main process (shared/ipc/fields.ts).
 */
import { FormFooter } from './FormFooter';
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { reviewerInitialsSchema, reviewerNameSchema } from '../../../shared/ipc/fields';
import { initialsOf } from '../../../shared/review/reviewer-name';
import { messageOf } from '../api';

/** A name and initials. */
export interface ReviewerName {
  readonly name: string;
  readonly initials: string;
}

/** Properties of `ReviewerForm`. */
export interface ReviewerFormProps {
  readonly initial: ReviewerName;
  /** Why the first use asks (shown above the fields), if it does. */
  readonly intro?: string;
  /** Stores the answer; a string it returns is shown as an error and the form stays. */
  readonly apply: (answer: ReviewerName) => Promise<string | null>;
  readonly onDone: (answer: ReviewerName | null) => void;
}

function problemOf(schema: typeof reviewerNameSchema, text: string): string | null {
  const result = schema.safeParse(text);
  if (result.success) return null;
  const message = result.error.issues[0]?.message ?? 'not valid';
  return message.charAt(0).toUpperCase() + message.slice(1) + '.';
}

/** The name and initials fields, Cancel and Save. */
export function ReviewerForm({ initial, intro, apply, onDone }: ReviewerFormProps): ReactElement {
  const [name, setName] = useState(initial.name);
  const [initials, setInitials] = useState(initial.initials);
  const [ownInitials, setOwnInitials] = useState(initial.initials !== '' && initial.initials !== initialsOf(initial.name).slice(0, 4));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const initialsId = useId();
  const introId = useId();
  const errorId = useId();
  const nameProblem = problemOf(reviewerNameSchema, name);
  const initialsProblem = problemOf(reviewerInitialsSchema, initials);
  const shown = error ?? nameProblem ?? initialsProblem;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (nameProblem !== null || initialsProblem !== null || busy) return;
    setBusy(true);
    const answer = { name: name.trim(), initials: initials.trim() };
    try {
      const failure = await apply(answer);
      if (failure === null) onDone(answer);
      else setError(failure);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="cd-form" onSubmit={(e) => void submit(e)} noValidate aria-describedby={intro ? introId : undefined}>
      {intro ? (
        <p id={introId} className="cd-form-intro">
          {intro}
        </p>
      ) : null}
      <label htmlFor={nameId}>Your name in review</label>
      <input
        id={nameId}
        type="text"
        value={name}
        autoComplete="name"
        data-autofocus
        aria-invalid={nameProblem !== null}
        aria-describedby={shown !== null ? errorId : undefined}
        onChange={(e) => {
          setName(e.target.value);
          if (!ownInitials) setInitials(initialsOf(e.target.value).slice(0, 4));
          setError(null);
        }}
        onFocus={(e) => e.target.select()}
      />
      <label htmlFor={initialsId}>Initials</label>
      <input
        id={initialsId}
        type="text"
        value={initials}
        className="cd-initials-field"
        aria-invalid={initialsProblem !== null}
        onChange={(e) => {
          setInitials(e.target.value);
          setOwnInitials(true);
          setError(null);
        }}
      />
      <FormFooter errorId={errorId} error={shown} submit={'Save'} disabled={busy || nameProblem !== null || initialsProblem !== null} onCancel={() => onDone(null)} />
    </form>
  );
}
