/**
 * Short messages for the user ("Exported to story.html", an export that failed): shown in a
 * corner, announced by screen readers (politely, or at once for errors), each dismissable and
 * gone after a while.
 */
import { type ReactElement } from 'react';
import { Observable, useObservable } from './session/observable';

/** One message. */
export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly kind: 'info' | 'error';
}

const notices = new Observable<readonly Notice[]>([]);
let nextId = 1;

/** Removes notice `id`. */
export function dismissNotice(id: number): void {
  notices.set(notices.get().filter((n) => n.id !== id));
}

/** Shows `text` (errors stay until dismissed; other notices for 6 seconds). */
export function notify(text: string, kind: Notice['kind'] = 'info'): void {
  const id = nextId++;
  notices.set([...notices.get().slice(-3), { id, text, kind }]);
  if (kind === 'info') window.setTimeout(() => dismissNotice(id), 6000);
}

/** The notices, in two live regions (polite for information, assertive for errors). */
export function Notices(): ReactElement {
  const list = useObservable(notices);
  const render = (kind: Notice['kind']): ReactElement[] =>
    list
      .filter((n) => n.kind === kind)
      .map((n) => (
        <div key={n.id} className={`cd-notice cd-notice-${n.kind}`}>
          <span>{n.text}</span>
          <button type="button" className="cd-icon-button" aria-label="Dismiss message" onClick={() => dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ));
  return (
    <div className="cd-notices">
      <div role="status">{render('info')}</div>
      <div role="alert">{render('error')}</div>
    </div>
  );
}
