/**
 * HTML pasted from the web, made harmless before ProseMirror reads it.
 *
 * ProseMirror's parser already keeps only what the schema's `parseDOM` rules describe (and the
 * schema refuses links that are not http(s), mailto or in-page anchors), but the HTML is cleaned
 * first anyway, in an inert document (`DOMParser`: no script runs, nothing loads):
 * - elements that are code or embed something (`script`, `style`, `iframe`, `object`, `svg`,
 *   forms…) are removed with their content;
 * - event handler attributes (`on…`) and URL attributes that are not safe links are removed;
 * - `data-pm-slice` is removed: ProseMirror trusts it to say how the HTML was cut from another
 *   ProseMirror document (open depths, a number of wrappers to skip, and a list of node types
 *   with attributes to wrap the content in). A crafted one could wrap pasted text in nodes
 *   without checking their content (text directly inside a "Read also" block, paragraphs
 *   inside the sources section), producing a document the draft format refuses on the next
 *   load, or make the paste throw. Copydesk's own copies carry their structure in the checked
 *   `application/x-copydesk-slice+json` payload instead, so no HTML is trusted with it;
 * - Google Docs' `<b style="font-weight:normal">` wrapper is unwrapped (it is not bold).
 * Headings, lists, quotes, paragraphs, links, bold and italic survive.
 */
import { DOMParser as ProseMirrorParser, Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
import { schema } from '../../shared/schema';
import { isStorableUrl } from '../../shared/url';

const DROPPED = 'script, style, iframe, frame, frameset, object, embed, applet, template, noscript, link, meta, base, svg, math, form, input, button, select, textarea, video, audio, canvas, img, picture, source, portal';
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'ping', 'cite', 'longdesc', 'data']);

/** Cleans the elements under `root` in place (see the module comment). */
export function cleanTree(root: Element): void {
  for (const element of Array.from(root.querySelectorAll(DROPPED))) element.remove();
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      const unsafeUrl = URL_ATTRIBUTES.has(name) && !(name === 'href' && element.localName === 'a' && isStorableUrl(attribute.value, 'link'));
      if (name.startsWith('on') || name === 'data-pm-slice' || unsafeUrl) element.removeAttribute(attribute.name);
    }
    if (element.localName === 'b' && /font-weight:\s*(normal|400)/iu.test(element.getAttribute('style') ?? '')) {
      element.replaceWith(...Array.from(element.childNodes));
    }
  }
}

/** Parses `html` into an inert document with `document`'s DOMParser and cleans its body. */
function inertBody(html: string, document: Document): HTMLElement {
  const Parser = document.defaultView?.DOMParser ?? DOMParser;
  const body = new Parser().parseFromString(html, 'text/html').body;
  cleanTree(body);
  return body;
}

/** `html` cleaned (see the module comment), as HTML again (for `transformPastedHTML`). */
export function sanitizeHTML(html: string, document: Document): string {
  return inertBody(html, document).innerHTML;
}

/**
 * Makes pasted content fit a body: an `h1` (parsed as a headline) becomes a level-2 heading, a
 * standfirst a paragraph; content that does not fit the schema (it cannot come from the parser,
 * but is checked anyway) is replaced by its text, in paragraphs.
 */
export function bodySlice(slice: Slice): Slice {
  const nodes: PMNode[] = [];
  let changed = false;
  slice.content.forEach((node) => {
    const name = node.type.name;
    if (name === 'headline') nodes.push(schema.node('heading', { level: 2 }, node.content));
    else if (name === 'standfirst') nodes.push(schema.node('paragraph', null, node.content));
    else nodes.push(node);
    if (name === 'headline' || name === 'standfirst') changed = true;
  });
  const result = changed ? new Slice(Fragment.fromArray(nodes), slice.openStart, slice.openEnd) : slice;
  try {
    result.content.forEach((node) => {
      if (node.type.name === 'doc' || node.type.name === 'sources' || node.type.name === 'source') throw new RangeError(`${node.type.name} in pasted content`);
      node.check();
    });
    return result;
  } catch {
    const text = slice.content.textBetween(0, slice.content.size, '\n\n');
    const paragraphs = text.split(/\n{2,}/u).map((part) => schema.node('paragraph', null, part ? [schema.text(part)] : []));
    return new Slice(Fragment.fromArray(paragraphs), 1, 1);
  }
}

/** Parses pasted `html` safely (cleaned, then the schema's parse rules) into a slice for a body. */
export function parseHTMLSafely(html: string, document: Document): Slice {
  return bodySlice(ProseMirrorParser.fromSchema(schema).parseSlice(inertBody(html, document)));
}
