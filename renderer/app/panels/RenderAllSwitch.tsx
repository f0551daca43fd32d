/**
 * The switch of the preference "Render the whole article at once" (preferences.ts,
 * `renderWholeArticle`), shown in the Details panel under "On this computer": for a screen reader
 * that the system does not report to Copydesk. When the system does report one, the article is
 * rendered whole anyway (use-render-all.ts), and the hint says so.
 */
import { useId, type ReactElement } from 'react';
import { renderWholeArticle } from '../preferences';
import { useObservable } from '../session/observable';
import { useAssistiveTechnology } from '../use-render-all';
import './RenderAllSwitch.css';

/** The preference's checkbox, with what it costs. */
export function RenderAllSwitch(): ReactElement {
  const on = useObservable(renderWholeArticle);
  const assistive = useAssistiveTechnology();
  const id = useId();
  const hintId = useId();
  return (
    <fieldset className="cd-machine-prefs">
      <legend>On this computer</legend>
      <div className="cd-check">
        <input id={id} type="checkbox" checked={on} aria-describedby={hintId} onChange={(e) => renderWholeArticle.set(e.target.checked)} />
        <label htmlFor={id}>Render the whole article at once</label>
      </div>
      <p id={hintId} className="cd-hint">
        For screen readers: the whole text is there without scrolling to it. Very long articles open more slowly and use more memory.
        {assistive ? ' A screen reader is on, so Copydesk does this already.' : ''}
      </p>
    </fieldset>
  );
}
