/**
 * The Details panel: the draft's metadata beside the document — slug (following the headline
 * until set by hand; "From headline" makes it follow again), section, tags and authors
 * (comma-separated); the review status is changed in the app bar (DraftHeader) — checked
 * against the draft format's rules before they are kept (a value the format refuses is shown with the reason,
 * never saved), plus when the draft was created and last updated. Under them, the preferences of
 * this computer that concern the open article ("Render the whole article at once").
 */
import { useEffect, useId, useState, type ReactElement } from 'react';
import { slugify, type DraftMeta } from '../../../shared/draft/meta';
import type { DocumentSession } from '../session/document-session';
import { useObservable } from '../session/observable';
import { formatWhen } from '../status-labels';
import { RenderAllSwitch } from './RenderAllSwitch';

const SLUG = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/u;
const MAX_TEXT = 200;
const MAX_ITEMS = 100;

/** Why `slug` is not acceptable, or null. */
export function slugProblem(slug: string): string | null {
  if (slug.length > MAX_TEXT) return `A slug has at most ${String(MAX_TEXT)} characters.`;
  return SLUG.test(slug) ? null : 'Use lower-case letters and digits, with single hyphens between words (e.g. “city-budget-vote”).';
}

/** The items of a comma-separated list, trimmed, without empties. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function listProblem(items: readonly string[], what: string): string | null {
  if (items.length > MAX_ITEMS) return `At most ${String(MAX_ITEMS)} ${what}.`;
  return items.some((s) => s.length > MAX_TEXT) ? `Each of the ${what} has at most ${String(MAX_TEXT)} characters.` : null;
}

/** Why the comma-separated `text` is not an acceptable list of authors, or null. */
export function authorsProblem(text: string): string | null {
  return listProblem(splitList(text), 'authors');
}

/** A text field committed on blur or Enter when `check` accepts it. */
function MetaField(props: { label: string; value: string; hint?: string; check: (text: string) => string | null; onCommit: (text: string) => void; children?: ReactElement }): ReactElement {
  const { label, value, hint, check, onCommit, children } = props;
  const [text, setText] = useState(value);
  const id = useId();
  const messageId = useId();
  const hintId = useId();
  useEffect(() => setText(value), [value]);
  const problem = check(text);
  const commit = (): void => {
    if (problem === null && text !== value) onCommit(text);
  };
  const described = [hint ? hintId : '', problem !== null ? messageId : ''].filter(Boolean).join(' ');
  return (
    <div className="cd-field">
      <label htmlFor={id}>{label}</label>
      <div className="cd-field-with-button">
        <input
          id={id}
          type="text"
          value={text}
          aria-invalid={problem !== null ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        {children}
      </div>
      {hint ? (
        <p id={hintId} className="cd-hint">
          {hint}
        </p>
      ) : null}
      {problem !== null ? (
        <p id={messageId} className="cd-field-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** Properties of `MetadataPanel`. */
export interface MetadataPanelProps {
  readonly session: DocumentSession;
  /** The headline's text now (for "From headline"). */
  readonly headline: () => string;
}

/** The Details panel. */
export function MetadataPanel({ session, headline }: MetadataPanelProps): ReactElement {
  const meta = useObservable(session.meta);
  const set = (patch: Partial<DraftMeta>): void => session.setMeta(patch);
  return (
    <div className="cd-panel-body cd-meta-panel">
      <MetaField
        label="Slug"
        hint={meta.slugLocked === true ? 'Set by hand.' : 'Follows the headline until you change it.'}
        value={meta.slug}
        check={slugProblem}
        onCommit={(slug) => set({ slug, slugLocked: true })}
      >
        <button type="button" onClick={() => set({ slug: slugify(headline()), slugLocked: false })} title="Make the slug from the headline, and let it follow the headline again">
          From headline
        </button>
      </MetaField>
      <MetaField label="Section" value={meta.section} check={(t) => (t.length > MAX_TEXT ? `At most ${String(MAX_TEXT)} characters.` : null)} onCommit={(section) => set({ section: section.trim() })} />
      <MetaField label="Tags" hint="Separated by commas." value={meta.tags.join(', ')} check={(t) => listProblem(splitList(t), 'tags')} onCommit={(t) => set({ tags: splitList(t) })} />
      <MetaField label="Authors" hint="Separated by commas." value={meta.authors.join(', ')} check={authorsProblem} onCommit={(t) => set({ authors: splitList(t) })} />
      <dl className="cd-meta-dates">
        <dt>Created</dt>
        <dd>
          <time dateTime={meta.created}>{formatWhen(meta.created)}</time>
        </dd>
        <dt>Last updated</dt>
        <dd>
          <time dateTime={meta.updated}>{formatWhen(meta.updated)}</time>
        </dd>
      </dl>
      <RenderAllSwitch />
    </div>
  );
}
