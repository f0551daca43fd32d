/**
 * A draft someone else has open (its lock is theirs) is read-only in this window: stronger than
 * Viewing, which still takes comments. The window cannot save anything while another person
 * edits the file, so nothing that changes the document passes: not text, not comments, not a
 * decision on a suggestion. The plugin's state is the flag, set by `setReadOnly`; the review mode
 * refuses changes while it is on (`dispatchInMode`), and the window shows Viewing meanwhile.
 * A change the app makes on the user's behalf (merging the version on disk after the lock was
 * lost) passes when marked with `asAppChange`.
 */
import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';

/** The plugin's key; its state is true while the draft is read-only. */
export const readOnlyKey = new PluginKey<boolean>('copydesk-read-only');

const APP_CHANGE_META = 'copydesk-app-change';

/** The read-only plugin, on from the start when `initial`. */
export function readOnlyPlugin(initial = false): Plugin<boolean> {
  return new Plugin<boolean>({
    key: readOnlyKey,
    state: {
      init: () => initial,
      apply: (tr, value) => (tr.getMeta(readOnlyKey) as boolean | undefined) ?? value,
    },
    props: {
      editable: (state) => !isReadOnly(state),
    },
  });
}

/** True when `state`'s draft is read-only (false for a state without the plugin). */
export function isReadOnly(state: EditorState): boolean {
  return readOnlyKey.getState(state) === true;
}

/** Turns read-only on or off (no step of history). */
export function setReadOnly(on: boolean): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setMeta(readOnlyKey, on).setMeta('addToHistory', false));
    return true;
  };
}

/**
 * Marks `tr` as a change the app makes on the user's behalf, already in its final form (merging
 * the version on disk): it applies as it is in every mode, a read-only draft included. Returns `tr`.
 */
export function asAppChange(tr: Transaction): Transaction {
  return tr.setMeta(APP_CHANGE_META, true);
}

/** True when `tr` was marked by `asAppChange`. */
export function isAppChange(tr: Transaction): boolean {
  return tr.getMeta(APP_CHANGE_META) === true;
}
