/**
 * The editor's toolbar (role toolbar: one Tab stop, arrow keys move between its controls):
 * undo/redo, text style, bold, italic, link, lists, quote, figure, "Cite source", "Read also"
 * and the typographic quotes switch; Escape goes back to the text. Buttons keep the editor's selection (they do not take the
 * focus on mouse down) and show what is active at the cursor (`aria-pressed`). It keeps one row:
 * the groups that do not fit move into its "More" menu (toolbar-overflow.ts, ToolbarMenu.tsx).
 */
import { redo, undo } from 'prosemirror-history';
import type { Command } from 'prosemirror-state';
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactElement, type ReactNode } from 'react';
import { command } from '../../../shared/commands';
import { insertReadAlso, setParagraph, toggleBlockquote, toggleEm, toggleHeading, toggleList, toggleStrong } from '../../editor/commands';
import { setTypography } from '../../editor/input-rules';
import { typography } from '../preferences';
import { useEditorValue, type EditorStore } from '../session/editor-store';
import { overflowingGroups } from './toolbar-overflow';
import { sameToolbarState, toolbarState, type BlockChoice } from './toolbar-state';
import { styleBoxKeys, toolText as tool } from './shortcut-text';
import { ToolbarMenu, type MenuEntry, type MenuSection } from './ToolbarMenu';

/** Properties of `Toolbar`. */
export interface ToolbarProps {
  readonly store: EditorStore;
  readonly onLink: () => void;
  readonly onCite: () => void;
  readonly onFigure: () => void;
}

type GroupKey = 'history' | 'style' | 'marks' | 'lists' | 'insert' | 'typography';

/** The order in which groups leave the row for the "More" menu when the window is narrow. */
const LEAVE_ORDER: readonly GroupKey[] = ['typography', 'lists', 'history', 'insert', 'style', 'marks'];

/** The keys of the groups of buttons, in the order of `groups` below. */
const BUTTON_GROUPS: readonly GroupKey[] = ['history', 'marks', 'lists', 'insert'];

/** The text styles the style box (or the menu) offers. */
const STYLES: readonly { readonly value: BlockChoice; readonly label: string }[] = [
  { value: 'paragraph', label: command('paragraph').label },
  { value: 'h2', label: command('heading-2').label },
  { value: 'h3', label: command('heading-3').label },
  { value: 'h4', label: command('heading-4').label },
];

/** Where the cursor is in a block the style cannot change, the box names that block. */
const NAMED_BLOCKS: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'headline', label: 'Headline' },
  { value: 'standfirst', label: 'Standfirst' },
  { value: 'caption', label: 'Caption' },
  { value: 'other', label: 'Other' },
];

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
  const setStyle = (value: BlockChoice): void => {
    if (value === 'paragraph') store.run(setParagraph);
    else if (value === 'h2' || value === 'h3' || value === 'h4') store.run(toggleHeading(Number(value.slice(1)) as 2 | 3 | 4));
  };

  const groups: ButtonSpec[][] = [
    [
      { key: 'undo', ...tool('undo'), text: '↶', disabled: !t.undo, onActivate: run(undo) },
      { key: 'redo', ...tool('redo'), text: '↷', disabled: !t.redo, onActivate: run(redo) },
    ],
    [
      { key: 'bold', ...tool('bold'), text: 'B', className: 'cd-tool-bold', pressed: t.strong, disabled: !t.canStrong, onActivate: run(toggleStrong) },
      { key: 'italic', ...tool('italic'), text: 'I', className: 'cd-tool-italic', pressed: t.em, disabled: !t.canEm, onActivate: run(toggleEm) },
      { key: 'link', ...tool('link'), ...(t.link ? { label: 'Edit link' } : {}), text: 'Link', pressed: t.link, disabled: !t.canLink, onActivate: onLink },
    ],
    [
      { key: 'bullets', ...tool('bullet-list'), text: 'Bulleted', pressed: t.bulletList, disabled: !t.canBullet && !t.bulletList, onActivate: run(toggleList('bullet_list')) },
      { key: 'numbers', ...tool('ordered-list'), text: 'Numbered', pressed: t.orderedList, disabled: !t.canOrdered && !t.orderedList, onActivate: run(toggleList('ordered_list')) },
      { key: 'quote', ...tool('quote'), text: 'Quote', pressed: t.quote, disabled: !t.canQuote && !t.quote, onActivate: run(toggleBlockquote) },
    ],
    [
      { key: 'figure', label: 'Insert figure…', text: 'Figure…', disabled: !t.canInsertBlock, onActivate: onFigure },
      { key: 'cite', ...tool('cite'), text: 'Cite source', className: 'cd-tool-cite', disabled: !t.canCite, onActivate: onCite },
      { key: 'read-also', ...tool('read-also'), text: 'Read also', disabled: !t.canInsertBlock, onActivate: run(insertReadAlso()) },
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

  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const fit = useGroupFitting(ref, setHidden);

  // Roving tab stop: the controls in order (the text style menu comes after the first group), then "More".
  const flat: { key: string; disabled: boolean }[] = [];
  groups.forEach((group, g) => {
    if (g === 1) flat.push({ key: 'style', disabled: !t.canBlock || hidden.has('style') });
    const gone = hidden.has(BUTTON_GROUPS[g] ?? '');
    for (const b of group) flat.push({ key: b.key, disabled: b.disabled === true || gone });
  });
  flat.push({ key: typographyButton.key, disabled: hidden.has('typography') });
  flat.push({ key: 'more', disabled: hidden.size === 0 });
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
    const controls = Array.from(ref.current?.querySelectorAll<HTMLElement>('[data-tool]:not(:disabled)') ?? []).filter((c) => !c.closest('[hidden]'));
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
  const styleBox = (
    <select
      data-tool
      className="cd-tool-select"
      aria-label="Text style"
      title={`Text style (${styleBoxKeys()})`}
      tabIndex={styleIndex === stop ? 0 : -1}
      value={t.block}
      disabled={!t.canBlock}
      onFocus={() => setActive(styleIndex)}
      onChange={(event) => setStyle(event.target.value as BlockChoice)}
    >
      {STYLES.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {NAMED_BLOCKS.map((o) => (
        <option key={o.value} value={o.value} disabled>
          {o.label}
        </option>
      ))}
    </select>
  );

  // The row's groups in order, and the same groups as menu sections for when they do not fit.
  const entry = (b: ButtonSpec): MenuEntry => ({ key: b.key, label: b.label, shortcut: b.shortcut, ariaShortcut: b.ariaShortcut, checked: b.pressed, disabled: b.disabled, onActivate: b.onActivate });
  const row: { key: GroupKey; content: ReactNode; section: MenuSection; className?: string }[] = [
    { key: 'history', content: groups[0]?.map(button), section: { key: 'history', entries: (groups[0] ?? []).map(entry) } },
    {
      key: 'style',
      content: styleBox,
      section: { key: 'style', label: 'Text style', entries: STYLES.map((o) => ({ key: o.value, label: o.label, checked: t.block === o.value, radio: true, disabled: !t.canBlock, onActivate: () => setStyle(o.value) })) },
    },
    ...BUTTON_GROUPS.slice(1).map((key, g) => ({ key, content: groups[g + 1]?.map(button), section: { key, entries: (groups[g + 1] ?? []).map(entry) } })),
    { key: 'typography', content: button(typographyButton), section: { key: 'typography', entries: [entry(typographyButton)] }, className: 'cd-tool-end' },
  ];
  const moreIndex = indexOf('more');

  return (
    <div ref={ref} className="cd-toolbar" role="toolbar" aria-label="Formatting" data-region="Toolbar" onKeyDown={onKeyDown}>
      {row.map((g) => (
        <div key={g.key} data-group={g.key} className={`cd-tool-group${g.className ? ` ${g.className}` : ''}`} hidden={hidden.has(g.key)} ref={fit.observe}>
          {g.content}
        </div>
      ))}
      <div className="cd-tool-group cd-tool-more-group" data-more hidden={hidden.size === 0} ref={fit.observe}>
        <ToolbarMenu sections={row.filter((g) => hidden.has(g.key)).map((g) => g.section)} tabIndex={moreIndex === stop ? 0 : -1} onFocus={() => setActive(moreIndex)} />
      </div>
    </div>
  );
}

/**
 * Measures the toolbar's groups (each time one of them or the toolbar changes size) and sets the
 * keys of those that do not fit on its row. A hidden group keeps its last measured width.
 */
function useGroupFitting(ref: { readonly current: HTMLElement | null }, setHidden: (update: (now: ReadonlySet<string>) => ReadonlySet<string>) => void): { observe: (element: HTMLElement | null) => void } {
  const widths = useRef(new Map<string, number>());
  const observer = useRef<ResizeObserver | null>(null);
  const pending = useRef(new Set<HTMLElement>());

  useLayoutEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    const fit = (): void => {
      const style = getComputedStyle(bar);
      const available = bar.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const gap = parseFloat(style.columnGap) || 0;
      let moreWidth = 0;
      const measured: { key: string; width: number }[] = [];
      for (const el of Array.from(bar.children)) {
        if (!(el instanceof HTMLElement)) continue;
        const box = el.getBoundingClientRect().width;
        const key = el.dataset.group ?? (el.dataset.more !== undefined ? 'more' : null);
        if (key === null) continue;
        if (box > 0) widths.current.set(key, box + parseFloat(getComputedStyle(el).marginRight));
        const width = widths.current.get(key) ?? 0;
        if (key === 'more') moreWidth = width;
        else measured.push({ key, width });
      }
      const gone = overflowingGroups(measured, available, gap, moreWidth, LEAVE_ORDER);
      setHidden((now) => (now.size === gone.size && [...gone].every((k) => now.has(k)) ? now : gone));
    };
    const resize = new ResizeObserver(fit);
    resize.observe(bar);
    for (const el of pending.current) resize.observe(el);
    observer.current = resize;
    fit();
    return () => {
      resize.disconnect();
      observer.current = null;
    };
  }, [ref, setHidden]);

  const observe = useCallback((element: HTMLElement | null) => {
    if (!element || pending.current.has(element)) return;
    pending.current.add(element);
    observer.current?.observe(element);
  }, []);
  return { observe };
}
