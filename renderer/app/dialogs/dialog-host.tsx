/**
 * Questions the shell asks the user, as promises: `confirm` (a yes/no question with named
 * buttons), `prompt` (one line of text, checked as it is typed), `choose` (one of several
 * named actions) and `form` (a form of the caller's own). `DialogHost` renders the one open question; `useAsk()` gives the functions.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { PromptForm } from './PromptForm';

/** A yes/no question. */
export interface ConfirmOptions {
  readonly title: string;
  readonly message: string;
  /** The label of the button that says yes ("Move to trash"). */
  readonly confirm: string;
  /** The label of the button that says no (default "Cancel"). */
  readonly cancel?: string;
  /** The yes button is destructive (shown as such). */
  readonly danger?: boolean;
}

/** A one-line text question. */
export interface PromptOptions {
  readonly title: string;
  readonly label: string;
  readonly initial?: string;
  readonly submit: string;
  /** Why the text is not acceptable, or null. */
  readonly check?: (text: string) => string | null;
  /** Runs the answer (e.g. the rename); a string it returns is shown as an error and the dialog stays. */
  readonly apply?: (text: string) => Promise<string | null>;
}

/** One of several actions. */
export interface ChooseOptions<T extends string> {
  readonly title: string;
  readonly message: string;
  readonly choices: readonly { readonly value: T; readonly label: string; readonly danger?: boolean }[];
}

/** The question functions. */
export interface Ask {
  confirm(options: ConfirmOptions): Promise<boolean>;
  /** The text entered (after `apply` succeeded, if given), or null when cancelled. */
  prompt(options: PromptOptions): Promise<string | null>;
  /** The chosen value, or null when the dialog was dismissed. */
  choose<T extends string>(options: ChooseOptions<T>): Promise<T | null>;
  /** A dialog titled `title` holding a form of its own (`render`), which calls `done` with the answer (null: cancelled). */
  form<T>(title: string, render: (done: (value: T | null) => void) => ReactElement): Promise<T | null>;
}

const AskContext = createContext<Ask | null>(null);

/** The question functions of the nearest `DialogHost`. */
export function useAsk(): Ask {
  const ask = useContext(AskContext);
  if (!ask) throw new Error('useAsk() needs a <DialogHost> around it.');
  return ask;
}

/** Provides `useAsk()` to its children and shows the open question. */
export function DialogHost({ children }: { readonly children: ReactNode }): ReactElement {
  const [open, setOpen] = useState<ReactElement | null>(null);

  const show = useCallback(<T,>(render: (done: (value: T) => void) => ReactElement): Promise<T> => {
    return new Promise<T>((resolve) => {
      const done = (value: T): void => {
        setOpen(null);
        resolve(value);
      };
      setOpen(render(done));
    });
  }, []);

  const ask = useMemo<Ask>(
    () => ({
      confirm: (o) =>
        show<boolean>((done) => (
          <Dialog title={o.title} description={o.message} role="alertdialog" onClose={() => done(false)} className="cd-dialog-small">
            <div className="cd-dialog-actions">
              <button type="button" onClick={() => done(false)} data-autofocus>
                {o.cancel ?? 'Cancel'}
              </button>
              <button type="button" className={o.danger ? 'cd-button-danger' : 'cd-button-primary'} onClick={() => done(true)}>
                {o.confirm}
              </button>
            </div>
          </Dialog>
        )),
      prompt: (o) =>
        show<string | null>((done) => (
          <Dialog title={o.title} onClose={() => done(null)} className="cd-dialog-small">
            <PromptForm options={o} onDone={done} />
          </Dialog>
        )),
      choose: <T extends string>(o: ChooseOptions<T>) =>
        show<T | null>((done) => (
          <Dialog title={o.title} description={o.message} role="alertdialog" onClose={() => done(null)} className="cd-dialog-small">
            <div className="cd-dialog-actions cd-dialog-actions-stack">
              {o.choices.map((c, i) => (
                <button key={c.value} type="button" className={c.danger ? 'cd-button-danger' : i === 0 ? 'cd-button-primary' : undefined} onClick={() => done(c.value)} data-autofocus={i === 0 ? true : undefined}>
                  {c.label}
                </button>
              ))}
            </div>
          </Dialog>
        )),
      form: <T,>(title: string, render: (done: (value: T | null) => void) => ReactElement) =>
        show<T | null>((done) => (
          <Dialog title={title} onClose={() => done(null)} className="cd-dialog-small">
            {render(done)}
          </Dialog>
        )),
    }),
    [show],
  );

  return (
    <AskContext.Provider value={ask}>
      {children}
      {open}
    </AskContext.Provider>
  );
}
