/**
 * The review mode's control, always in view at the end of the toolbar's row: a menu button
 * showing the current mode (its icon, colour and name: "Editing ▾") whose menu offers the three
 * modes with their shortcuts, and the reviewer's name ("Your name in review…"). A mode the
 * draft's status imposes (use-handover.ts) says so beside its name ("Viewing · with the desk"), in
 * the tooltip and at the top of the menu.
 */
import type { ReactElement } from 'react';
import { REVIEW_MODES, type ReviewMode } from '../../../shared/review/model';
import { useObservable } from '../session/observable';
import { currentReviewer } from '../reviewer';
import { toolText } from './shortcut-text';
import { ToolbarMenu, type MenuSection } from './ToolbarMenu';
import type { ReviewModeControl } from './use-review-mode';

/** The command of each mode (shared/commands.ts). */
export const MODE_COMMANDS = { editing: 'mode-editing', suggesting: 'mode-suggesting', viewing: 'mode-viewing' } as const satisfies Record<ReviewMode, string>;

/** What each mode does, in a few words (the menu's tooltip). */
const MODE_HINTS: Readonly<Record<ReviewMode, string>> = {
  editing: 'change the text directly',
  suggesting: 'changes are recorded as suggestions',
  viewing: 'read and comment only',
};

/** A mode's name ("Suggesting"). */
export function modeLabel(mode: ReviewMode): string {
  return toolText(MODE_COMMANDS[mode]).label;
}

/** The mode's icon: a pencil (Editing), a pencil over a line (Suggesting), an eye (Viewing). */
export function ModeIcon({ mode }: { readonly mode: ReviewMode }): ReactElement {
  const paths: Record<ReviewMode, ReactElement> = {
    editing: <path d="M3 13l1-4 7-7 3 3-7 7-4 1z" />,
    suggesting: (
      <>
        <path d="M3 11l1-3 6-6 3 3-6 6-4 1z" />
        <path d="M2 14.5h12" />
      </>
    ),
    viewing: (
      <>
        <path d="M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5z" />
        <circle cx="8" cy="8" r="2" />
      </>
    ),
  };
  return (
    <svg className="cd-mode-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round">
      {paths[mode]}
    </svg>
  );
}

/** The mode menu button. */
export function ModeSwitch({ control }: { readonly control: ReviewModeControl }): ReactElement {
  const reviewer = useObservable(currentReviewer);
  const { mode } = control;
  const current = toolText(MODE_COMMANDS[mode]);
  const desk = control.imposed?.mode === mode ? control.imposed : null;
  const sections: MenuSection[] = [
    ...(desk ? [{ key: 'desk', entries: [{ key: 'why', label: desk.reason, disabled: true, onActivate: () => undefined }] }] : []),
    {
      key: 'modes',
      label: 'Mode',
      entries: REVIEW_MODES.map((m) => {
        const text = toolText(MODE_COMMANDS[m]);
        return { key: m, label: `${text.label}: ${MODE_HINTS[m]}`, shortcut: text.shortcut, ariaShortcut: text.ariaShortcut, checked: m === mode, radio: true, onActivate: () => void control.switchMode(m) };
      }),
    },
    {
      key: 'name',
      entries: [{ key: 'name', label: reviewer ? `Your name in review: ${reviewer.name} (${reviewer.initials})…` : 'Your name in review…', onActivate: () => void control.changeName() }],
    },
  ];
  return (
    <div className={`cd-mode-switch cd-mode-${mode}`}>
      <ToolbarMenu
        sections={sections}
        tabIndex={0}
        onFocus={() => undefined}
        className="cd-mode-button"
        ariaLabel={`Mode: ${current.label}${desk ? `, ${desk.tag}` : ''}`}
        title={`Mode: ${current.label}, ${MODE_HINTS[mode]}${current.shortcut ? ` (${current.shortcut})` : ''}${desk ? `. ${desk.reason}` : ''}`}
        content={
          <>
            <ModeIcon mode={mode} />
            <span className="cd-mode-name">{current.label}</span>
            {desk ? <span className="cd-mode-desk">· {desk.tag}</span> : null}
            <span className="cd-mode-caret" aria-hidden="true">
              ▾
            </span>
          </>
        }
      />
    </div>
  );
}
