/**
 * The workspace's drafts for the library: the listing (`workspace.list`), the workspace folder,
 * and a refresh that runs on demand, when the workspace changes, and (debounced) when a draft
 * file changes on disk while the library is showing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftSummary, WorkspaceInfo } from '../../../shared/ipc/channels';
import { api, messageOf } from '../api';

/** What the library shows. */
export interface LibraryState {
  /** The drafts, newest first; null until first loaded. */
  readonly drafts: readonly DraftSummary[] | null;
  /** Why the listing failed, or null. */
  readonly error: string | null;
  readonly workspace: WorkspaceInfo | null;
  /** Reloads the listing. */
  refresh(): Promise<void>;
}

type Listing = [readonly DraftSummary[], WorkspaceInfo];

const readListing = (): Promise<Listing> => Promise.all([api().workspace.list(), api().settings.get()]);

// The listing asked for while the page's script starts (prefetchLibrary), taken by the first refresh.
let early: Promise<Listing> | null = null;

/** Asks for the library's listing at once, before React first renders, so that the first refresh finds it under way. */
export function prefetchLibrary(): void {
  early ??= readListing();
  // Not yet taken: a failure is the first refresh's to report.
  early.catch(() => undefined);
}

/** The library's listing (see the module comment). */
export function useLibrary(): LibraryState {
  const [drafts, setDrafts] = useState<readonly DraftSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const live = useRef(true);

  const refresh = useCallback(async (): Promise<void> => {
    try {
      const pending = early;
      early = null;
      const [list, info] = await (pending ?? readListing());
      if (!live.current) return;
      setDrafts(list);
      setWorkspace(info);
      setError(null);
    } catch (e) {
      if (live.current) setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    live.current = true;
    void refresh();
    let timer: number | undefined;
    const later = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void refresh(), 250);
    };
    const stops = [api().on.externalChange(later), api().on.workspaceChanged(later)];
    return () => {
      live.current = false;
      window.clearTimeout(timer);
      for (const stop of stops) stop();
    };
  }, [refresh]);

  return { drafts, error, workspace, refresh };
}

/** Lower case without accents, for matching what the user typed. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/gu, '').toLocaleLowerCase();
}

/** The drafts whose headline (or, for an empty headline, file name) contains every word of `query`. */
export function filterDrafts(drafts: readonly DraftSummary[], query: string): readonly DraftSummary[] {
  const words = foldForSearch(query).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return drafts;
  return drafts.filter((d) => {
    const text = foldForSearch(d.headline || d.name);
    return words.every((w) => text.includes(w));
  });
}
