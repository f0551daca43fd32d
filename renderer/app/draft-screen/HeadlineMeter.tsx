/**
 * The headline's length against the limit the user set (remembered on this machine), above the
 * canvas: "Headline 54 / 70", marked when over. Reads only the headline node per transaction.
 */
import { useId, useState, type ReactElement } from 'react';
import type { EditorState } from 'prosemirror-state';
import { headlineText } from '../../../shared/article';
import { headlineLimit, HEADLINE_LIMIT_RANGE, isHeadlineLimit } from '../preferences';
import { useEditorValue, type EditorStore } from '../session/editor-store';
import { useObservable } from '../session/observable';

/** Characters (code points) of the headline of `state`. */
export function headlineLength(state: EditorState): number {
  return Array.from(headlineText(state.doc)).length;
}

/** The headline meter with its limit field. */
export function HeadlineMeter({ store }: { readonly store: EditorStore }): ReactElement {
  const length = useEditorValue(store, headlineLength);
  const limit = useObservable(headlineLimit);
  const [text, setText] = useState(String(limit));
  const id = useId();
  const over = length > limit;
  return (
    <div className={`cd-headline-meter${over ? ' cd-over' : ''}`}>
      <span className="cd-meter-text">
        {over ? `Headline ${String(length)} / ${String(limit)} characters: ${String(length - limit)} over` : `Headline ${String(length)} / ${String(limit)} characters`}
      </span>
      <span className="cd-meter-bar" aria-hidden="true">
        <span className="cd-meter-fill" style={{ width: `${String(Math.min(100, (length / limit) * 100))}%` }} />
      </span>
      <label htmlFor={id} className="cd-meter-limit-label">
        Limit<span className="cd-visually-hidden"> of the headline, in characters</span>
      </label>
      <input
        id={id}
        className="cd-meter-limit"
        type="number"
        min={HEADLINE_LIMIT_RANGE.min}
        max={HEADLINE_LIMIT_RANGE.max}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (isHeadlineLimit(n)) headlineLimit.set(n);
        }}
        onBlur={() => setText(String(headlineLimit.get()))}
      />
    </div>
  );
}
