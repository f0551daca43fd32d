/**
 * The Sources panel: every source of the draft in number order (cited ones by first citation,
 * then the uncited ones), each compact with its citation count and problems, its fields mounted
 * only while the reporter edits it (`SourceEntry`), so that its cost does not grow with every
 * source's five fields.
 * It redraws only when the footnote index changes (a citation or a source added, removed,
 * renumbered or edited), never on plain typing, and it renders in the background
 * (`useDeferredValue`): with hundreds of sources, opening a draft or citing never waits for the
 * panel, and typing interrupts its rendering. A "go to source" request (a citation activated
 * in the text) scrolls to the entry, focuses it, and offers the way back to that citation; a
 * request from a problem opens the source's fields and focuses the one that fixes it (the title, the URL). Requests come
 * through the panel registry (`reveal('sources', target)`, panel-registry.ts).
 */
import type { EditorState } from 'prosemirror-state';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { checkSources, type SourceProblem } from '../../../shared/problem-checks';
import { removeSource, updateSource, type SourceEdit } from '../../editor/commands';
import { footnotesOf } from '../../editor/footnote-plugin';
import type { FootnoteState } from '../../editor/footnote-state';
import { reviewModeOf } from '../../editor/review-mode';
import { useAsk } from '../dialogs/dialog-host';
import { centreWithin, scrollWithin } from '../../editor/scroll-within';
import { useEditorValue, type EditorStore } from '../session/editor-store';
import type { PanelProps } from './panel-registry';
import { citationToReturnTo, type SourceTarget } from './source-target';
import { panelEntryId, SourceEntry } from './SourceEntry';

export type { SourceTarget };

/** Takes the reporter back to the citation of source `id` at `from`, else the one nearest to it (the first when `from` is null). */
function backToCitation(store: EditorStore, id: string, from: number | null): void {
  const pos = citationToReturnTo(footnotesOf(store.getState()).citations(), id, from);
  if (pos !== null) store.reveal(pos);
}

const sameFootnotes = (a: FootnoteState, b: FootnoteState): boolean => a.sameAs(b);

/** The Sources panel (`highlighted`: the source of the citation selected in the text). */
export function SourcesPanel({ context, request: revealed }: PanelProps<SourceTarget>): ReactElement {
  const { store } = context.session;
  const highlighted = context.citedSource;
  const onBack = useCallback((id: string, from: number | null) => backToCitation(store, id, from), [store]);
  const request = revealed ? revealed.target : null;
  const ask = useAsk();
  const footnotes = useDeferredValue(useEditorValue(store, footnotesOf, sameFootnotes), null);
  // Viewing (renderer/editor/review-mode.ts): the fields are read-only and nothing is removed.
  const viewing = useEditorValue(store, isViewing);
  // Problems by the source's offset in the sources section (ids may be duplicated: that is a problem too).
  const problemsAt = useMemo(() => {
    const byOffset = new Map<number, SourceProblem[]>();
    if (footnotes) for (const p of checkSources(footnotes)) byOffset.set(p.offset, [...(byOffset.get(p.offset) ?? []), p]);
    return byOffset;
  }, [footnotes]);

  // The sources whose fields are open (an entry mounts its fields only then).
  const [editing, setEditing] = useState<ReadonlySet<string>>(NO_IDS);
  const onEditing = useCallback((id: string, open: boolean) => {
    setEditing((now) => {
      if (now.has(id) === open) return now;
      const next = new Set(now);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  // Show the requested source once its entry is rendered (the list renders in the background).
  const handled = useRef(0);
  useEffect(() => {
    if (!revealed || revealed.seq === handled.current) return;
    const { id, field: fieldName } = revealed.target;
    const entry = document.getElementById(panelEntryId(id));
    if (!entry) return;
    // A field to fix: open the source's fields first; this runs again once they are there.
    if (fieldName && !editing.has(id)) {
      onEditing(id, true);
      return;
    }
    handled.current = revealed.seq;
    // In the panel's list only, not the shell around it (scroll-within.ts).
    const field = fieldName ? entry.querySelector<HTMLElement>(`[data-source-field="${CSS.escape(`${id}:${fieldName}`)}"]`) : null;
    if (field) {
      field.focus({ preventScroll: true });
      // Again once the entries above have their real heights (see centreWithin).
      centreWithin(field, () => document.activeElement === field);
      return;
    }
    scrollWithin(entry, 'nearest');
    entry.querySelector<HTMLElement>('.cd-source-title')?.focus({ preventScroll: true });
  }, [revealed, footnotes, editing, onEditing]);

  const onEdit = useCallback((id: string, edit: SourceEdit) => store.run(updateSource(id, edit), false), [store]);
  const onRemove = useCallback(
    async (id: string, cited: boolean) => {
      if (cited) {
        const info = footnotesOf(store.getState()).byId.get(id);
        const count = info?.citations ?? 0;
        const yes = await ask.confirm({
          title: 'Delete the source and its citations?',
          message: `The ${String(count)} citation${count === 1 ? '' : 's'} of this source will be removed from the text as well. Undo brings them back.`,
          confirm: 'Delete source and citations',
          danger: true,
        });
        if (!yes) return;
      }
      store.run(removeSource(id, { withCitations: cited }), false);
    },
    [store, ask],
  );
  const back = useCallback((id: string) => onBack(id, request?.id === id ? request.from : null), [onBack, request]);
  const showInText = useCallback((id: string) => onBack(id, null), [onBack]);
  const removeHandler = useCallback((id: string, cited: boolean) => void onRemove(id, cited), [onRemove]);

  const ordered = footnotes?.ordered ?? NO_SOURCES;
  const keys = useMemo(() => {
    const seen = new Set<string>();
    return ordered.map((info, i) => {
      const key = seen.has(info.id) ? `${info.id}#${String(i)}` : info.id;
      seen.add(info.id);
      return key;
    });
  }, [ordered]);
  const uncited = footnotes?.uncited.length ?? 0;
  return (
    <div className="cd-panel-body cd-sources-panel">
      <p className="cd-panel-summary">
        {footnotes === null
          ? 'Listing the sources…'
          : ordered.length === 0
          ? 'No sources yet. Cite one with “Cite source” in the toolbar.'
          : `${String(ordered.length)} source${ordered.length === 1 ? '' : 's'}${uncited > 0 ? `, ${String(uncited)} not cited` : ''}.`}
      </p>
      <ol className="cd-source-list" aria-label="Sources in number order">
        {ordered.map((info, i) => (
          <SourceEntry
            key={keys[i]}
            info={info}
            problems={problemsAt.get(info.offset) ?? NO_PROBLEMS}
            highlighted={highlighted === info.id || request?.id === info.id}
            editing={editing.has(info.id)}
            onEditing={onEditing}
            canGoBack={request?.id === info.id && request.from !== null}
            onEdit={onEdit}
            readOnly={viewing}
            onRemove={removeHandler}
            onBack={back}
            onShowInText={showInText}
          />
        ))}
      </ol>
    </div>
  );
}

const isViewing = (state: EditorState): boolean => reviewModeOf(state) === 'viewing';

const NO_PROBLEMS: readonly SourceProblem[] = [];
const NO_IDS: ReadonlySet<string> = new Set();
const NO_SOURCES: FootnoteState['ordered'] = [];
