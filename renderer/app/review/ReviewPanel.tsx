/**
 * The Review panel: every pending suggestion and thread of the draft in document order (cards),
 * with who and when, what changed, the threads' messages; accept or reject one, all, or all of
 * one author; comment, reply, resolve and reopen; a filter (suggestions, comments, resolved).
 * A card's summary goes to its place in the text (Escape there comes back to the card); the
 * review shortcuts of shared/commands.ts work here too, on the focused card. The list is the
 * review index, rebuilt when the writer pauses and at once after a review action.
 */
import { keydownHandler } from 'prosemirror-keymap';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactElement } from 'react';
import { ariaKeys, commandKeys, tooltipKeys, type CommandId } from '../../../shared/commands';
import { authorName } from '../../../shared/review/authors';
import { acceptedTextBetween } from '../../../shared/review/accepted';
import { authorColour, type ReviewAuthor, type Reviewer, type ThreadEntry } from '../../../shared/review/model';
import { reviewIndexOf, threadOps } from '../../editor/review-actions';
import { reviewModeOf } from '../../editor/review-mode';
import { useReviewer } from '../reviewer';
import { DEFAULT_FILTER, itemRange, reviewItems, suggestionAt, type ReviewFilter, type ReviewItem } from '../../editor/review-list';
import { centreSelection, decideOne, decideWhere, rangeSelection, reviewFocusOf, reviewNow, setReviewFocus } from '../../editor/review-commands';
import { MAC } from '../../editor/platform';
import { scrollWithin } from '../../editor/scroll-within';
import type { PanelProps } from '../panels/panel-registry';
import { useEditorValue, type EditorStore } from '../session/editor-store';
import { Composer } from './Composer';
import { quoteOf, summaryOf, threadAbout } from './review-text';
import { useReviewIndex } from './use-review-index';
import './ReviewPanel.css';

/** What can be revealed in the Review panel: the comment composer for a range, or a card. */
export type ReviewTarget = { readonly kind: 'compose'; readonly from: number; readonly to: number } | { readonly kind: 'card'; readonly id: string };

const timeFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

function Byline({ authors, author, at }: { authors: Readonly<Record<string, ReviewAuthor>>; author: string; at: string }): ReactElement {
  const known = authors[author];
  return (
    <span className="cd-review-byline">
      <span className={`cd-author-chip cd-author-${String(authorColour(author))}`} aria-hidden="true">
        {known?.initials ?? '?'}
      </span>
      <span className="cd-review-author">{authorName(authors, author)}</span>
      <time dateTime={at}>{timeFormat.format(new Date(at))}</time>
    </span>
  );
}

/** Runs `make` on a new transaction of the view (marked for the panel to update at once). */
function applyTr(store: EditorStore, make: (tr: Transaction, state: EditorState) => void): void {
  const view = store.view;
  if (!view) return;
  const tr = reviewNow(view.state.tr);
  make(tr, view.state);
  view.dispatch(tr);
}

/** The focused card's id, from the element that has the focus. */
function focusedCard(root: HTMLElement | null): string | null {
  const active = document.activeElement;
  if (!root || !(active instanceof HTMLElement) || !root.contains(active)) return null;
  return active.closest<HTMLElement>('[data-card]')?.dataset.card ?? null;
}

function focusCard(root: HTMLElement | null, id: string): boolean {
  const go = root?.querySelector<HTMLElement>(`[data-card="${CSS.escape(id)}"] .cd-review-go`);
  go?.focus();
  return go !== null && go !== undefined;
}

/** The Review panel. */
export function ReviewPanel({ context, request }: PanelProps<ReviewTarget>): ReactElement {
  const { store } = context.session;
  const { requireReviewer } = useReviewer();
  const index = useReviewIndex(store);
  const viewing = useEditorValue(store, (state) => reviewModeOf(state) === 'viewing');
  const [filter, setFilter] = useState<ReviewFilter>(DEFAULT_FILTER);
  const items = useMemo(() => reviewItems(index, filter), [index, filter]);
  const root = useRef<HTMLDivElement>(null);
  // An open form: a new comment on a range (kept mapped through edits), on a suggestion, or a reply.
  const [compose, setCompose] = useState<{ from: number; to: number; seq: number } | null>(null);
  const [open, setOpen] = useState<{ kind: 'reply' | 'suggestion'; id: string } | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  // After a decision, the focus goes to the card now at this position in the list.
  const focusAfter = useRef<number | null>(null);

  const composing = compose !== null;
  useEffect(() => {
    if (!composing) return;
    return store.listen((_state, tr) => {
      if (tr?.docChanged) setCompose((c) => (c ? { ...c, from: tr.mapping.map(c.from, 1), to: Math.max(tr.mapping.map(c.from, 1), tr.mapping.map(c.to, -1)) } : c));
    });
  }, [store, composing]);

  useEffect(() => {
    if (!request) return;
    const target = request.target;
    if (target.kind === 'compose') setCompose({ from: target.from, to: target.to, seq: request.seq });
    else if (!focusCard(root.current, target.id)) {
      // Filtered out: show everything, then focus it.
      setFilter({ suggestions: true, comments: true, resolved: true });
      requestAnimationFrame(() => focusCard(root.current, target.id));
    }
  }, [request]);

  useEffect(() => {
    const at = focusAfter.current;
    if (at === null) return;
    focusAfter.current = null;
    const next = items[Math.min(at, items.length - 1)];
    if (next) focusCard(root.current, next.id);
    else root.current?.querySelector<HTMLElement>('.cd-review-summary')?.focus();
  }, [items]);

  const go = useCallback(
    (item: ReviewItem, focusText: boolean): void => {
      const view = store.view;
      if (!view) return;
      // Positions from the live document, not the list (which may be a pause behind).
      const fresh = reviewItems(reviewIndexOf(view.state), { suggestions: true, comments: true, resolved: true }).find((i) => i.id === item.id);
      const range = fresh ? itemRange(fresh) : null;
      if (!range) return;
      if (focusText) view.focus();
      const tr = view.state.tr.setSelection(rangeSelection(view.state.doc, range.from, range.to));
      view.dispatch(setReviewFocus(tr, { returnTo: item.id }));
      centreSelection(view);
    },
    [store],
  );

  const decide = (decision: 'accept' | 'reject', id: string): void => {
    const position = items.findIndex((i) => i.id === id);
    if (store.run(decideOne(decision, id), false)) focusAfter.current = Math.max(0, position);
  };

  const withReviewer = async (act: (who: Reviewer) => void): Promise<void> => {
    const who = await requireReviewer();
    if (who) act(who);
  };

  const addComment = async (text: string): Promise<void> => {
    const range = compose;
    if (!range) return;
    // Cancelling the name dialog keeps the composer and its text.
    await withReviewer((who) => {
      applyTr(store, (tr) => void threadOps.add(tr, range.from, range.to, who, text, new Date()));
      setCompose(null);
      store.view?.focus();
    });
  };

  const onCardFocus = (item: ReviewItem): void => {
    const focus = item.kind === 'thread' ? { thread: item.id, suggestion: null } : { suggestion: item.id, thread: item.threads[0]?.thread.id ?? null };
    const now = reviewFocusOf(store.getState());
    if (now?.thread === focus.thread && now.suggestion === focus.suggestion) return;
    applyTr(store, (tr) => void setReviewFocus(tr, focus));
  };
  const onPanelBlur = (event: FocusEvent<HTMLDivElement>): void => {
    const next = event.relatedTarget;
    if (next instanceof Node && event.currentTarget.contains(next) && next instanceof HTMLElement && next.closest('[data-card]')) return;
    const now = reviewFocusOf(store.getState());
    if (now?.thread === null && now.suggestion === null) return;
    applyTr(store, (tr) => void setReviewFocus(tr, { thread: null, suggestion: null }));
  };

  // The review shortcuts, on the focused card (the table's keys: shared/commands.ts).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const view = store.view;
    if (!view || event.target instanceof HTMLTextAreaElement) return;
    const current = focusedCard(root.current);
    const position = current === null ? -1 : items.findIndex((i) => i.id === current);
    const step =
      (dir: 1 | -1): Command =>
      () => {
        if (items.length === 0) return false;
        const next = items[position === -1 ? (dir === 1 ? 0 : items.length - 1) : (position + dir + items.length) % items.length] as ReviewItem;
        focusCard(root.current, next.id);
        go(next, false);
        return true;
      };
    const onSuggestion =
      (act: (id: string) => void): Command =>
      () => {
        const item = items[position];
        if (item?.kind !== 'suggestion') return false;
        act(item.id);
        return true;
      };
    const bindings: Partial<Record<CommandId, Command>> = {
      'review-next': step(1),
      'review-previous': step(-1),
      'review-accept': onSuggestion((id) => decide('accept', id)),
      'review-reject': onSuggestion((id) => decide('reject', id)),
      'review-comment': () => {
        const item = items[position];
        if (item?.kind === 'suggestion') setOpen({ kind: 'suggestion', id: item.id });
        else if (item?.kind === 'thread') setOpen({ kind: 'reply', id: item.id });
        else setCompose({ from: view.state.selection.from, to: view.state.selection.to, seq: Date.now() });
        return true;
      },
    };
    const keys: Record<string, Command> = {};
    for (const [id, cmd] of Object.entries(bindings) as [CommandId, Command][]) for (const key of commandKeys(id, MAC)) keys[key] = cmd;
    if (keydownHandler(keys)(view, event.nativeEvent)) event.preventDefault();
  };

  const authorsWithChanges = useMemo(() => [...new Set(index.suggestions.map((s) => s.author))], [index]);
  const bulk = (decision: 'accept' | 'reject', author?: string): void => {
    setBulkOpen(false);
    if (store.run(decideWhere(decision, (s) => author === undefined || s.author === author), false)) focusAfter.current = 0;
  };

  // The card of the change or thread the cursor is in, marked and kept in view.
  const current = useEditorValue(store, (state) => {
    const focus = reviewFocusOf(state);
    return focus?.suggestion ?? focus?.thread ?? suggestionAt(index, state.selection.from, state.selection.to)?.id ?? focus?.activeThread ?? null;
  });
  useEffect(() => {
    if (current === null || root.current?.contains(document.activeElement)) return;
    const card = root.current?.querySelector(`[data-card="${CSS.escape(current)}"]`);
    if (card) scrollWithin(card, 'nearest');
  }, [current]);

  const counts = summaryOf(index);
  const hint = `${keyText('review-next')}, ${keyText('review-previous')}: next, previous · ${keyText('review-accept')}: accept · ${keyText('review-reject')}: reject · ${keyText('review-comment')}: comment`;

  return (
    <div className="cd-panel-body cd-review-panel" ref={root} onKeyDown={onKeyDown} onBlur={onPanelBlur}>
      <div className="cd-review-head-row">
        <p className="cd-panel-summary cd-review-summary" tabIndex={-1}>
          {counts}
        </p>
        <div
          className="cd-review-bulk"
          onBlur={(e) => {
            if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setBulkOpen(false);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Escape' || !bulkOpen) return;
            e.stopPropagation();
            setBulkOpen(false);
            e.currentTarget.querySelector('button')?.focus();
          }}
        >
          <button type="button" aria-expanded={bulkOpen} aria-controls="cd-review-bulk-list" disabled={viewing || index.suggestions.length === 0} onClick={() => setBulkOpen(!bulkOpen)}>
            All changes…
          </button>
          {bulkOpen ? (
            <ul id="cd-review-bulk-list" className="cd-review-bulk-list">
              <li><button type="button" onClick={() => bulk('accept')}>Accept all</button></li>
              <li><button type="button" onClick={() => bulk('reject')}>Reject all</button></li>
              {authorsWithChanges.length > 1
                ? authorsWithChanges.flatMap((a) => [
                    <li key={`a-${a}`}><button type="button" onClick={() => bulk('accept', a)}>Accept all by {authorName(index.authors, a)}</button></li>,
                    <li key={`r-${a}`}><button type="button" onClick={() => bulk('reject', a)}>Reject all by {authorName(index.authors, a)}</button></li>,
                  ])
                : null}
            </ul>
          ) : null}
        </div>
      </div>
      {compose ? (
        <div className="cd-review-new">
          <p className="cd-review-quote">{quoteLabel(store.getState(), compose.from, compose.to)}</p>
          <Composer label="New comment" submit="Comment" seq={compose.seq} onSubmit={addComment} onCancel={() => {
            setCompose(null);
            store.view?.focus();
          }} />
        </div>
      ) : null}
      <div className="cd-review-tools">
        <fieldset className="cd-review-filter">
          <legend className="cd-visually-hidden">Show</legend>
          {(['suggestions', 'comments', 'resolved'] as const).map((key) => (
            <label key={key}>
              <input type="checkbox" checked={filter[key]} onChange={(e) => setFilter({ ...filter, [key]: e.target.checked })} />
              {key === 'suggestions' ? 'Changes' : key === 'comments' ? 'Comments' : 'Resolved'}
            </label>
          ))}
        </fieldset>
      </div>
      <ul className="cd-review-list" aria-label="Changes and comments">
        {items.map((item) => (
          <li key={`${item.kind}:${item.id}`} className={`cd-review-card cd-review-${item.kind}${item.id === current ? ' cd-review-current' : ''}`} data-card={item.id} onFocus={() => onCardFocus(item)}>
            {item.kind === 'suggestion' ? (
              <>
                <button type="button" className="cd-review-go" onClick={() => go(item, true)}>
                  <Byline authors={index.authors} author={item.entry.author} at={item.entry.at} />
                  <span className="cd-review-what">{item.entry.description}</span>
                </button>
                <div className="cd-review-actions">
                  <button type="button" className="cd-review-accept" disabled={viewing} title={keyText('review-accept')} aria-keyshortcuts={ariaKeys('review-accept', MAC)} onClick={() => decide('accept', item.id)}>Accept</button>
                  <button type="button" className="cd-review-reject" disabled={viewing} title={keyText('review-reject')} aria-keyshortcuts={ariaKeys('review-reject', MAC)} onClick={() => decide('reject', item.id)}>Reject</button>
                  <button type="button" onClick={() => setOpen({ kind: 'suggestion', id: item.id })}>Comment</button>
                </div>
                {item.threads.map((t) => (
                  <ThreadView key={t.thread.id} store={store} entry={t} authors={index.authors} open={open} setOpen={setOpen} />
                ))}
                {open?.kind === 'suggestion' && open.id === item.id ? (
                  <Composer label="Comment on this change" submit="Comment" onCancel={() => setOpen(null)} onSubmit={(text) =>
                    withReviewer((who) => {
                      applyTr(store, (tr) => void threadOps.onSuggestion(tr, item.id, who, text, new Date()));
                      setOpen(null);
                    })
                  } />
                ) : null}
              </>
            ) : (
              <>
                <button type="button" className="cd-review-go cd-review-about" onClick={() => go(item, true)} aria-disabled={item.entry.detached}>
                  <span className="cd-review-what">{threadAbout(item.entry)}</span>
                </button>
                <ThreadView store={store} entry={item.entry} authors={index.authors} open={open} setOpen={setOpen} />
              </>
            )}
          </li>
        ))}
      </ul>
      <p className="cd-review-hint">{hint}</p>
    </div>
  );
}

/** A review command's shown key, arrows as arrows ('Ctrl+Alt+↓'). */
function keyText(id: CommandId): string {
  return (tooltipKeys(id, MAC) ?? '').replace('ArrowDown', '↓').replace('ArrowUp', '↑');
}

function quoteLabel(state: EditorState, from: number, to: number): string {
  if (from === to) return 'On this paragraph';
  // As the thread will keep it: without the text a suggestion deletes.
  const text = acceptedTextBetween(state.doc.cut(Math.min(from, state.doc.content.size), Math.min(to, state.doc.content.size)), ' ', '');
  return `On “${quoteOf(text)}”`;
}

interface ThreadViewProps {
  readonly store: EditorStore;
  readonly entry: ThreadEntry;
  readonly authors: Readonly<Record<string, ReviewAuthor>>;
  readonly open: { kind: 'reply' | 'suggestion'; id: string } | null;
  readonly setOpen: (open: { kind: 'reply' | 'suggestion'; id: string } | null) => void;
}

/** A thread's messages, its reply form and its resolve or reopen button. */
function ThreadView({ store, entry, authors, open, setOpen }: ThreadViewProps): ReactElement {
  const { thread } = entry;
  const replying = open?.kind === 'reply' && open.id === thread.id;
  const resolved = thread.resolved;
  const { requireReviewer } = useReviewer();
  const act = async (make: (tr: Transaction, who: Reviewer) => void): Promise<void> => {
    const who = await requireReviewer();
    if (who) applyTr(store, (tr) => make(tr, who));
  };
  return (
    <div className={`cd-review-thread${resolved ? ' cd-review-resolved' : ''}`}>
      <ol className="cd-review-messages">
        {thread.messages.map((m, i) => (
          <li key={`${String(i)}:${m.at}`}>
            <Byline authors={authors} author={m.author} at={m.at} />
            <p>{m.text}</p>
          </li>
        ))}
      </ol>
      {resolved ? <p className="cd-review-resolved-by">Resolved by {authorName(authors, resolved.by)}</p> : null}
      {replying ? (
        <Composer label="Reply" submit="Reply" onCancel={() => setOpen(null)} onSubmit={(text) =>
          act((tr, who) => {
            threadOps.reply(tr, thread.id, who, text, new Date());
            setOpen(null);
          })
        } />
      ) : (
        <div className="cd-review-actions">
          {resolved ? null : <button type="button" onClick={() => setOpen({ kind: 'reply', id: thread.id })}>Reply</button>}
          {resolved ? (
            <button type="button" onClick={() => void act((tr, who) => threadOps.reopen(tr, thread.id, who))}>Reopen</button>
          ) : (
            <button type="button" onClick={() => void act((tr, who) => threadOps.resolve(tr, thread.id, who, new Date()))}>Resolve</button>
          )}
        </div>
      )}
    </div>
  );
}
