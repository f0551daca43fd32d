/**
 * The toolbar's "More" menu: the groups that do not fit on the toolbar's row (toolbar-overflow.ts),
 * as a menu button (`aria-haspopup="menu"`) and its menu; the review mode's menu is one too
 * (ModeSwitch.tsx). Enter, Space or ArrowDown opens it on the first item, ArrowUp on the last; in the menu the arrows, Home and End move, Enter or Space
 * activates, Escape closes it back to the button and Tab leaves it. An item gives the focus back
 * to where it was before the menu opened (the text, or the button), then acts.
 */
import { Fragment, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import { giveFocusBack } from '../dialogs/Dialog';
import { usePopoverPlacement } from '../dialogs/place-popover';

/** One item of the menu. */
export interface MenuEntry {
  readonly key: string;
  readonly label: string;
  /** The shortcut as shown ("Ctrl+B"). */
  readonly shortcut?: string | undefined;
  readonly ariaShortcut?: string | undefined;
  /** On or off (a checkbox item, or a radio item with `radio`); a plain item when undefined. */
  readonly checked?: boolean | undefined;
  readonly radio?: boolean;
  readonly disabled?: boolean | undefined;
  readonly onActivate: () => void;
}

/** The items of one toolbar group, separated from the next group's. */
export interface MenuSection {
  readonly key: string;
  /** A name for the section's items as a group (the text styles). */
  readonly label?: string;
  readonly entries: readonly MenuEntry[];
}

/** Properties of `ToolbarMenu`. */
export interface ToolbarMenuProps {
  readonly sections: readonly MenuSection[];
  /** The toolbar's roving tab stop (0 when the button is the stop, -1 otherwise). */
  readonly tabIndex: number;
  readonly onFocus: () => void;
  /** The button's content (default "More"), its tooltip (default "More formatting"), accessible name and extra class. */
  readonly content?: ReactNode;
  readonly title?: string;
  readonly ariaLabel?: string;
  readonly className?: string;
}

const ITEMS = '[role^="menuitem"]';

/** The "More" menu button and its menu. */
export function ToolbarMenu({ sections, tabIndex, onFocus, content = 'More', title = 'More formatting', ariaLabel, className }: ToolbarMenuProps): ReactElement {
  const [open, setOpen] = useState<'first' | 'last' | null>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const menuId = useId();
  const buttonId = useId();
  usePopoverPlacement(menu, open ? anchor : null, { placement: 'bottom-end', gap: 4 });

  useLayoutEffect(() => {
    if (!open) return;
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>(ITEMS) ?? []);
    (open === 'first' ? items[0] : items[items.length - 1])?.focus();
  }, [open]);

  // A press outside closes the menu (the focus goes where the press puts it).
  useLayoutEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent): void => {
      const target = event.target;
      if (target instanceof Node && (menu.current?.contains(target) || button.current?.contains(target))) return;
      setOpen(null);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const show = (where: 'first' | 'last'): void => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAnchor(button.current);
    setOpen(where);
  };
  const activate = (entry: MenuEntry): void => {
    if (entry.disabled) return;
    setOpen(null);
    const back = opener.current;
    if (back?.isConnected) giveFocusBack(back);
    entry.onActivate();
  };

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };
  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>(ITEMS) ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const n = items.length;
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (at + 1) % n;
    else if (event.key === 'ArrowUp') next = (at - 1 + n) % n;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = n - 1;
    else if (event.key === 'Escape') {
      setOpen(null);
      button.current?.focus();
    } else if (event.key === 'Tab') {
      setOpen(null);
      return; // the focus moves on as usual
    } else if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    // Handled here: not the toolbar's arrows, nor its Escape (back to the text).
    event.preventDefault();
    event.stopPropagation();
    if (next !== null) items[next]?.focus();
  };

  const item = (entry: MenuEntry): ReactElement => (
    <button
      key={entry.key}
      type="button"
      role={entry.checked === undefined ? 'menuitem' : entry.radio ? 'menuitemradio' : 'menuitemcheckbox'}
      aria-checked={entry.checked}
      aria-disabled={entry.disabled ? true : undefined}
      aria-keyshortcuts={entry.ariaShortcut}
      tabIndex={-1}
      className="cd-tool-menu-item"
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => activate(entry)}
    >
      <span className="cd-tool-menu-check" aria-hidden="true">
        {entry.checked ? '✓' : ''}
      </span>
      <span className="cd-tool-menu-label">{entry.label}</span>
      {entry.shortcut ? (
        <span className="cd-tool-menu-shortcut" aria-hidden="true">
          {entry.shortcut}
        </span>
      ) : null}
    </button>
  );

  return (
    <>
      <button
        ref={button}
        id={buttonId}
        type="button"
        data-tool
        className={`cd-tool cd-tool-more${className ? ` ${className}` : ''}`}
        aria-label={ariaLabel}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        title={title}
        tabIndex={tabIndex}
        onMouseDown={(e) => e.preventDefault()}
        onFocus={onFocus}
        onKeyDown={onButtonKey}
        onClick={() => (open ? setOpen(null) : show('first'))}
      >
        {content}
      </button>
      {open ? (
        <div ref={menu} id={menuId} role="menu" aria-labelledby={buttonId} className="cd-tool-menu" onKeyDown={onMenuKey}>
          {sections.map((section, i) => (
            <Fragment key={section.key}>
              {i > 0 ? <div role="separator" className="cd-tool-menu-separator" /> : null}
              {section.label ? (
                <div role="group" aria-label={section.label}>
                  {section.entries.map(item)}
                </div>
              ) : (
                section.entries.map(item)
              )}
            </Fragment>
          ))}
        </div>
      ) : null}
    </>
  );
}
