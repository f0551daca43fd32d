/**
 * TEMPORARY stand-in for helper D's review mode (issue 12): the editing mode of a state and the
 * reviewer of this installation. The lead replaces this file with D's at merge.
 */
import type { EditorState } from 'prosemirror-state';
import type { Reviewer, ReviewMode } from '../../shared/review/model';

/** The editing mode of `state` (stand-in: always Editing). */
export function reviewModeOf(state: EditorState): ReviewMode {
  void state;
  return 'editing';
}

/** The reviewer of this installation (stand-in: a fixed one; D's asks the name on first use). */
export function requireReviewer(): Promise<Reviewer | null> {
  return Promise.resolve({ id: 'local-reviewer', name: 'You', initials: 'Y' });
}
