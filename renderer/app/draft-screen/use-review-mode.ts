/**
 * Review mode concern of the draft screen: the open draft's mode (Editing, Suggesting, Viewing:
 * renderer/editor/review-mode.ts), switching it (the toolbar's mode menu, the View menu, the
 * modes' shortcuts), asking for the reviewer's name on the first switch to Suggesting, keeping
 * the editor's reviewer in step when the name changes, and telling the user when the mode refused
 * a change. The hand-over (use-handover.ts) may impose a mode by the draft's status: the control
 * shows it, and a switch by hand asks it first.
 */
import { keydownHandler } from 'prosemirror-keymap';
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useRef } from 'react';
import { commandKeys } from '../../../shared/commands';
import type { DeskMode } from '../../../shared/desk/handover';
import { REVIEW_MODES, type ReviewMode } from '../../../shared/review/model';
import { MAC } from '../../editor/platform';
import { isReadOnly } from '../../editor/read-only';
import { REFUSAL_MESSAGES, reviewerOf, reviewModeOf, setReviewMode } from '../../editor/review-mode';
import { useMenuCommands } from '../menu-commands';
import { notify } from '../notices';
import { currentReviewer, useReviewer, windowMode } from '../reviewer';
import { useEditorValue, type EditorStore } from '../session/editor-store';
import { MODE_COMMANDS } from './ModeSwitch';

/** How long the same refusal is not repeated (typing in a mode that refuses it). */
const REPEAT_AFTER_MS = 4000;

/** The mode, and what changes it. */
export interface ReviewModeControl {
  readonly mode: ReviewMode;
  /** The mode the draft's status imposes on this person (use-handover.ts), or null. */
  readonly imposed: DeskMode | null;
  /** Switches the draft (and the window) to `mode`; Suggesting first asks for a name if there is none. */
  switchMode(mode: ReviewMode): Promise<void>;
  /** Asks for another name in review. */
  changeName(): Promise<void>;
  /** Tells the user that the mode refused a change (not twice in a row within a few seconds). */
  refused(message: string): void;
}

/** What the hand-over asks of the mode control: the imposed mode, and a say before a switch by hand. */
export interface DeskModeGuard {
  readonly imposed: DeskMode | null;
  allowSwitch(next: ReviewMode): Promise<boolean>;
}

/** The review mode of the open draft in `store`, and its menu commands; `desk`: the hand-over's say. */
export function useReviewMode(store: EditorStore, desk?: DeskModeGuard): ReviewModeControl {
  const { requireReviewer, changeName: askName } = useReviewer();
  const mode = useEditorValue(store, reviewModeOf);
  const lastRefusal = useRef<{ message: string; at: number } | null>(null);

  // The editor's reviewer follows the installation's (a name changed in the settings).
  useEffect(() => {
    const follow = (): void => {
      const reviewer = currentReviewer.get();
      const state = store.getState();
      if (reviewer !== null && reviewerOf(state) !== reviewer) store.run(setReviewMode(reviewModeOf(state), reviewer), false);
    };
    follow();
    return currentReviewer.subscribe(follow);
  }, [store]);

  const switchMode = useCallback(
    async (next: ReviewMode): Promise<void> => {
      // A read-only draft stays in Viewing until it is taken over.
      if (next !== 'viewing' && isReadOnly(store.getState())) {
        notify(REFUSAL_MESSAGES['read-only']);
        return;
      }
      if (desk && !(await desk.allowSwitch(next))) return;
      let reviewer = currentReviewer.get();
      if (next === 'suggesting' && reviewer === null) {
        reviewer = await requireReviewer();
        if (reviewer === null) return;
      }
      if (store.run(setReviewMode(next, reviewer))) windowMode.set(next);
    },
    [store, requireReviewer, desk],
  );

  const changeName = useCallback(async (): Promise<void> => {
    await askName();
  }, [askName]);

  const refused = useCallback((message: string): void => {
    const now = Date.now();
    const last = lastRefusal.current;
    if (last && last.message === message && now - last.at < REPEAT_AFTER_MS) return;
    lastRefusal.current = { message, at: now };
    notify(message);
  }, []);

  useMenuCommands({
    'mode-editing': () => void switchMode('editing'),
    'mode-suggesting': () => void switchMode('suggesting'),
    'mode-viewing': () => void switchMode('viewing'),
  });

  // The modes' keys anywhere in the screen (the text, read-only or not, the toolbar, a panel), but
  // not while a dialog is open.
  useEffect(() => {
    const bindings: Record<string, Command> = {};
    for (const m of REVIEW_MODES) {
      for (const key of commandKeys(MODE_COMMANDS[m], MAC)) {
        bindings[key] = () => {
          void switchMode(m);
          return true;
        };
      }
    }
    const handle = keydownHandler(bindings);
    // The bindings ignore the view; keydownHandler only passes it on.
    const noView = {} as EditorView;
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (handle(noView, event)) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [switchMode]);

  return { mode, imposed: desk?.imposed ?? null, switchMode, changeName, refused };
}
