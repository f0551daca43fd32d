/**
 * The markdown-it instance the Markdown importer reads with: CommonMark plus GFM tables and
 * strikethrough, markdown-it-footnote for `[^label]` references, `[^label]:` definitions and
 * inline `^[…]` notes, and these changes:
 * - raw HTML is off: tags in Markdown are read as the literal text they are (nothing is run,
 *   nothing is dropped);
 * - addresses written out with their scheme (`https://…`) are links, as GFM's autolinks make
 *   them (not bare domains or e-mail addresses: too many false hits). Copydesk's export escapes
 *   the colon of every scheme-like text, so its text never turns into links;
 * - links are not rewritten (`normalizeLink` is the identity), so a URL comes back exactly as
 *   written; markdown-it's own check still refuses `javascript:`, `vbscript:`, `file:` and
 *   `data:` links, and the importer applies Copydesk's URL policy on top;
 * - the footnote plugin's last step (`footnote_tail`, which moves definitions to the end and
 *   throws away the ones nobody cites) is disabled, so definitions stay in the token stream as
 *   `footnote_reference_open` … `footnote_reference_close` wherever they are, cited or not;
 * - `[^label]` for a label that has no definition, which markdown-it-footnote leaves as text,
 *   becomes a `footnote_missing_ref` token (meta `{ label }`), so that the importer can flag it.
 */
import MarkdownItConstructor from 'markdown-it';
import type { MarkdownIt, StateInline, Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';

/** What markdown-it-footnote keeps in the parse environment. */
export interface FootnoteEnv {
  [key: string | symbol]: unknown;
  footnotes?: {
    refs?: Record<string, number>;
    list?: { label?: string; count?: number; content?: string; tokens?: Token[] }[];
  };
}

/** Marks `[^label]` whose label has no definition (see the module comment). */
function missingRef(state: StateInline, silent: boolean): boolean {
  const { src, pos: start, posMax: max } = state;
  if (start + 3 > max || src.charCodeAt(start) !== 0x5b || src.charCodeAt(start + 1) !== 0x5e) return false;
  let pos = start + 2;
  for (; pos < max; pos++) {
    const code = src.charCodeAt(pos);
    if (code === 0x20 || code === 0x0a) return false;
    if (code === 0x5d) break;
  }
  if (pos === start + 2 || pos >= max) return false;
  const label = src.slice(start + 2, pos);
  const refs = (state.env as FootnoteEnv).footnotes?.refs;
  if (refs && Object.hasOwn(refs, `:${label}`)) return false;
  if (!silent) {
    const token = state.push('footnote_missing_ref', '', 0);
    token.meta = { label };
  }
  state.pos = pos + 1;
  return true;
}

let instance: MarkdownIt | null = null;

/** The importer's markdown-it (made once, on first use). */
export function importMarkdownIt(): MarkdownIt {
  if (instance) return instance;
  const md = new MarkdownItConstructor({ html: false, linkify: true, typographer: false }).use(footnote);
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  md.core.ruler.disable('footnote_tail');
  md.inline.ruler.after('footnote_ref', 'footnote_missing_ref', missingRef);
  md.normalizeLink = (url: string) => url;
  md.normalizeLinkText = (text: string) => text;
  instance = md;
  return md;
}
