/**
 * The source of the citation at the cursor, shown under it (above it when there is no room):
 * a card for sighted users only (the citation's own label already names the source).
 */
import { useRef, type ReactElement } from 'react';
import { usePopoverPlacement, type Box } from '../dialogs/place-popover';

/** Properties of `CiteCard`. */
export interface CiteCardProps {
  /** The source as one line (`sourceTooltip`). */
  readonly text: string;
  /** The caret's box. */
  readonly anchor: Box;
}

/** The citation's source card. */
export function CiteCard({ text, anchor }: CiteCardProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  usePopoverPlacement(ref, anchor);
  return (
    <div ref={ref} className="cd-cite-card" aria-hidden="true">
      {text}
      <span className="cd-cite-card-hint">Enter: go to the source</span>
    </div>
  );
}
