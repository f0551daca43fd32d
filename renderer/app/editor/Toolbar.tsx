/**
 * The editor's toolbar (role toolbar: one Tab stop, arrow keys move between its controls):
 * undo/redo, text style, bold, italic, link, lists, quote, figure, "Cite source", "Read also"
 * and the typographic quotes switch; Escape goes back to the text. Buttons keep the editor's selection (they do not take the
 * focus on mouse down) and show what is active at the cursor (`aria-pressed`).
 */
import { redo, undo } from 'prosemirror-history';
import type { Command } from 'prosemirror-state';
import { useRef, useState, type KeyboardEvent, type MouseEvent, type ReactElement } from 'react';
import { insertReadAlso, setParagraph, toggleBlockquote, toggleEm, toggleHeading, toggleList, toggleStrong } from '../../editor/commands';
import { setTypography } from '../../editor/input-rules';
import { typography } from '../preferences';
import { useEditorValue, type EditorStore } from '../session/editor-store';
import { sameToolbarState, toolbarState, type BlockChoice } from './toolbar-state';

const MAC = /Mac|iPhone|iPad/u.test(navigator.platform);
/** How the modifier key reads in tooltips. */
export const MOD = MAC ? '⌘' : 'Ctrl+';
const ALT = MAC ? '⌥' : 'Alt+';
const ARIA_MOD = MAC ? 'Meta' : 'Control';

/** Properties of `Toolbar`. */
export interface ToolbarProps {
  readonly store: EditorStore;
  readonly onLink: () => void;
  readonly onCite: () => void;
  readonly onFigure: () => void;
}

interface ButtonSpec {
  readonly key: string;
  readonly label: string;
  readonly text: string;
  readonly shortcut?: string;
  readonly ariaShortcut?: string;
  readonly pressed?: boolean;
  readonly disabled?: boolean;
  readonly className?: string;
  readonly onActivate: () => void;
}

/** The toolbar. */
export function Toolbar({ store, onLink, onCite, onFigure }: ToolbarProps): ReactElement {
  const t = useEditorValue(store, toolbarState, sameToolbarState);
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const run = (command: Command) => () => {
    store.run(command);
  };
  const keep = (event: MouseEvent): void => event.preventDefault();

  const groups: ButtonSpec[][] = [
    [
      { key: 'undo', label: 'Undo', text: '↶', shortcut: `${MOD}Z`, ariaShortcut: `${ARIA_MOD}+Z`, disabled: !t.undo, onActivate: run(undo) },
      { key: 'redo', label: 'Redo', text: '↷', shortcut: `${MOD}Shift+Z`, ariaShortcut: `${ARIA_MOD}+Shift+Z`, disabled: !t.redo, onActivate: run(redo) },
    ],
    [
      { key: 'bold', label: 'Bold', text: 'B', className: 'cd-tool-bold', shortcut: `${MOD}B`, ariaShortcut: `${ARIA_MOD}+B`, pressed: t.strong, disabled: !t.canStrong, onActivate: run(toggleStrong) },
      { key: 'italic', label: 'Italic', text: 'I', className: 'cd-tool-italic', shortcut: `${MOD}I`, ariaShortcut: `${ARIA_MOD}+I`, pressed: t.em, disabled: !t.canEm, onActivate: run(toggleEm) },
      { key: 'link', label: t.link ? 'Edit link' : 'Link', text: 'Link', shortcut: `${MOD}K`, ariaShortcut: `${ARIA_MOD}+K`, pressed: t.link, disabled: !t.canLink, onActivate: onLink },
    ],
    [
      { key: 'bullets', label: 'Bulleted list', text: 'Bulleted', shortcut: `${MOD}Shift+8`, pressed: t.bulletList, disabled: !t.canBullet && !t.bulletList, onActivate: run(toggleList('bullet_list')) },
      { key: 'numbers', label: 'Numbered list', text: 'Numbered', shortcut: `${MOD}Shift+7`, pressed: t.orderedList, disabled: !t.canOrdered && !t.orderedList, onActivate: run(toggleList('ordered_list')) },
      { key: 'quote', label: 'Quote', text: 'Quote', shortcut: `${MOD}Shift+9`, pressed: t.quote, disabled: !t.canQuote && !t.quote, onActivate: run(toggleBlockquote) },
    ],
    [
      { key: 'figure', label: 'Insert figure…', text: 'Figure…', onActivate: onFigure },
      { key: 'cite', label: 'Cite source', text: 'Cite source', className: 'cd-tool-cite', shortcut: `${MOD}${ALT}F`, ariaShortcut: `${ARIA_MOD}+Alt+F`, disabled: !t.canCite, onActivate: onCite },
      { key: 'read-also', label: 'Insert “Read also” block', text: 'Read also', shortcut: `${MOD}${ALT}R`, ariaShortcut: `${ARIA_MOD}+Alt+R`, onActivate: run(insertReadAlso()) },
    ],
  ];
  const typographyButton: ButtonSpec = {
    key: 'typography',
    label: 'Smart quotes and dashes',
    text: 'Smart quotes',
    pressed: t.typography,
    onActivate: () => {
      typography.set(!t.typography);
      store.run(setTypography(!t.typography));
    },
  };

  // Roving tab stop: the controls in order (the text style menu comes after the first group).
  const flat: { key: string; disabled: boolean }[] = [];
  groups.forEach((group, g) => {
    if (g === 1) flat.push({ key: 'style', disabled: !t.canBlock });
    for (const b of group) flat.push({ key: b.key, disabled: b.disabled === true });
  });
  flat.push({ key: typographyButton.key, disabled: false });
  const wanted = flat[active];
  const stop = wanted && !wanted.disabled ? active : Math.max(0, flat.findIndex((c) => !c.disabled));
  const indexOf = (key: string): number => flat.findIndex((c) => c.key === key);

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      store.view?.focus(); // back to the text
      return;
    }
    const keys: Record<string, number | 'home' | 'end'> = { ArrowRight: 1, ArrowLeft: -1, Home: 'home', End: 'end' };
    const move = keys[event.key];
    if (move === undefined) return;
    const controls = Array.from(ref.current?.querySelectorAll<HTMLElement>('[data-tool]:not(:disabled)') ?? []);
    if (controls.length === 0) return;
    event.preventDefault();
    const at = controls.indexOf(document.activeElement as HTMLElement);
    const n = controls.length;
    const next = move === 'home' ? 0 : move === 'end' ? n - 1 : (((at + move) % n) + n) % n;
    controls[next]?.focus();
  };

  const button = (b: ButtonSpec): ReactElement => {
    const i = indexOf(b.key);
    return (
      <button
        key={b.key}
        type="button"
        data-tool
        className={`cd-tool${b.className ? ` ${b.className}` : ''}`}
        tabIndex={i === stop ? 0 : -1}
        aria-label={b.label}
        aria-pressed={b.pressed === undefined ? undefined : b.pressed}
        aria-keyshortcuts={b.ariaShortcut}
        title={b.shortcut ? `${b.label} (${b.shortcut})` : b.label}
        disabled={b.disabled}
        onMouseDown={keep}
        onFocus={() => setActive(i)}
        onClick={b.onActivate}
      >
        {b.text}
      </button>
    );
  };
  const styleIndex = indexOf('style');

  return (
    <div ref={ref} className="cd-toolbar" role="toolbar" aria-label="Formatting" data-region="Toolbar" onKeyDown={onKeyDown}>
      <div className="cd-tool-group">{groups[0]?.map(button)}</div>
      <div className="cd-tool-group">
        <select
          data-tool
          className="cd-tool-select"
          aria-label="Text style"
          title={`Text style (${MOD}${ALT}0, 2, 3, 4)`}
          tabIndex={styleIndex === stop ? 0 : -1}
          value={t.block}
          disabled={!t.canBlock}
          onFocus={() => setActive(styleIndex)}
          onChange={(event) => {
            const value = event.target.value as BlockChoice;
            if (value === 'paragraph') store.run(setParagraph);
            else if (value === 'h2' || value === 'h3' || value === 'h4') store.run(toggleHeading(Number(value.slice(1)) as 2 | 3 | 4));
          }}
        >
          <option value="paragraph">Paragraph</option>
          <option value="h2">Heading 2</option>
          <option value="h3">Heading 3</option>
          <option value="h4">Heading 4</option>
          {/* Where the cursor is in a block the style cannot change, the box names that block. */}
          <option value="headline" disabled>
            Headline
          </option>
          <option value="standfirst" disabled>
            Standfirst
          </option>
          <option value="caption" disabled>
            Caption
          </option>
          <option value="other" disabled>
            Other
          </option>
        </select>
      </div>
      {groups.slice(1).map((group, g) => (
        <div key={g} className="cd-tool-group">
          {group.map(button)}
        </div>
      ))}
      <div className="cd-tool-group cd-tool-end">{button(typographyButton)}</div>
    </div>
  );
}
