/**
 * Editor hooks concern of the draft screen: what the editor core asks of the shell (a link, a
 * citation, the byline's authors; a citation or source activated goes to it in the Sources
 * panel; a change the review mode refused; a comment opens the Review panel's composer, Escape
 * after a review card goes back to it) and the citation card shown while a citation has the focus.
 */
import { useCallback, useMemo, useState } from 'react';
import { sourceTooltip } from '../../editor/citation-view';
import { footnotesOf } from '../../editor/footnote-plugin';
import type { EditorHooks } from '../../editor/hooks';
import { isReadOnly } from '../../editor/read-only';
import { REFUSAL_MESSAGES } from '../../editor/review-mode';
import type { Box } from '../dialogs/place-popover';
import { notify } from '../notices';
import type { Reveal } from '../panels/panels';
import { caretBox } from './use-draft-dialogs';

/** The citation that has the focus in the text: its source, the card's text, and where the card goes. */
export interface CitationFocus {
  readonly id: string;
  readonly text: string;
  readonly anchor: Box;
}

/** What the shell does for the editor. */
export interface EditorHookTargets {
  readonly openLink: () => void;
  readonly openCite: () => void;
  readonly editAuthors: () => Promise<void>;
  readonly reveal: Reveal;
  /** The review mode refused a change: tell the user. */
  readonly refused: (message: string) => void;
}

/** The editor's hooks, the focused citation, and the way to forget it (the focus left the article). */
export function useEditorHooks({ openLink, openCite, editAuthors, reveal, refused }: EditorHookTargets): { hooks: EditorHooks; citeFocus: CitationFocus | null; clearCiteFocus: () => void } {
  const [citeFocus, setCiteFocus] = useState<CitationFocus | null>(null);
  const hooks = useMemo<EditorHooks>(
    () => ({
      onLinkRequest: openLink,
      onCiteRequest: openCite,
      onActivateCitation: (id, pos) => reveal('sources', { id, from: pos }),
      onActivateSource: (id) => reveal('sources', { id, from: null }),
      onBylineRequest: () => void editAuthors(),
      onModeRefusal: (message) => refused(message),
      onNotice: (message) => notify(message, 'error'),
      // A read-only draft takes no comment (read-only.ts): say so rather than open the composer.
      onCommentRequest: (view) => {
        if (isReadOnly(view.state)) refused(REFUSAL_MESSAGES['read-only']);
        else reveal('review', { kind: 'compose', from: view.state.selection.from, to: view.state.selection.to });
      },
      onReviewCardRequest: (id) => reveal('review', { kind: 'card', id }),
      onCitationFocus: (id, view) => {
        const info = id === null ? undefined : footnotesOf(view.state).byId.get(id);
        const anchor = id === null ? undefined : caretBox(view);
        setCiteFocus(id !== null && info && anchor ? { id, text: sourceTooltip(info.node.attrs), anchor } : null);
      },
    }),
    [openLink, openCite, editAuthors, reveal, refused],
  );
  const clearCiteFocus = useCallback(() => setCiteFocus(null), []);
  return { hooks, citeFocus, clearCiteFocus };
}
