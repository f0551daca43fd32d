/**
 * Typographic input rules: straight quotes become curly (“ ” ‘ ’, apostrophes too), `--` an em
 * dash and `...` an ellipsis, as the reporter types; Backspace right after undoes a replacement.
 * The reporter can turn them off: the switch is plugin state, flipped by `setTypography(on)`
 * (a transaction that is not an undo step), so no plugin needs reconfiguring.
 */
import { InputRule, inputRules } from 'prosemirror-inputrules';
import { Plugin, PluginKey, type Command, type EditorState } from 'prosemirror-state';

/** The switch's key; `typographyKey.getState(state)` is true while the rules are on. */
export const typographyKey = new PluginKey<boolean>('copydesk-typography');

/** True while the typographic rules are on in `state`. */
export function typographyOn(state: EditorState): boolean {
  return typographyKey.getState(state) ?? false;
}

/** Turns the typographic rules on or off (not an undo step). */
export function setTypography(on: boolean): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setMeta(typographyKey, on).setMeta('addToHistory', false));
    return true;
  };
}

/** Replaces the match (or its first group) with `text` while the rules are on. */
function replace(match: RegExp, text: string): InputRule {
  return new InputRule(match, (state, found, start, end) => {
    if (!typographyOn(state)) return null;
    const group = found[1];
    if (!group) return state.tr.insertText(text, start, end);
    const offset = found[0].lastIndexOf(group);
    return state.tr.insertText(text + found[0].slice(offset + group.length), start + offset, end);
  });
}

// After these characters (or at the start of a block) a quote opens; elsewhere it closes.
const OPENS = `(?:^|[\\s{[(<'"\\u2018\\u201C\\u2014\\u2013])`;

/** The rules, in the order they are tried. */
export const TYPOGRAPHIC_RULES: readonly InputRule[] = [
  replace(new RegExp(`${OPENS}(")$`, 'u'), '“'),
  replace(/"$/u, '”'),
  replace(new RegExp(`${OPENS}(')$`, 'u'), '‘'),
  replace(/'$/u, '’'),
  replace(/--$/u, '—'),
  replace(/\.\.\.$/u, '…'),
];

/** The switch plugin and the input rules plugin; `on` is the initial setting. */
export function typographyPlugins(on = true): Plugin[] {
  const toggle = new Plugin<boolean>({
    key: typographyKey,
    state: {
      init: () => on,
      apply: (tr, value) => {
        const meta = tr.getMeta(typographyKey) as boolean | undefined;
        return meta === undefined ? value : meta;
      },
    },
  });
  return [toggle, inputRules({ rules: [...TYPOGRAPHIC_RULES] })];
}
