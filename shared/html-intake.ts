/**
 * The HTML intake policy: what of outside HTML is never taken in, whether it is pasted into the
 * editor (renderer/editor/html-sanitize.ts) or imported as a draft (shared/import/html*.ts).
 * Both read these lists, so that a change of policy is made once.
 *
 * - Elements that are code, embed something, are forms, media or document metadata are dropped
 *   with everything inside them (`DROPPED_ELEMENTS`), and so is any element outside the HTML
 *   namespace (SVG, MathML: `isForeignElement`).
 * - Pictures (`img`, `picture`, `source`) differ on purpose: a paste drops them
 *   (`PASTE_DROPPED_ELEMENTS`; a pasted image has no place to go but a figure the reporter makes
 *   on purpose), while the importer turns them into figures, reading only `IMAGE_URL_ATTRIBUTES`,
 *   each address checked by the image policy of shared/url.ts.
 * - URL attributes (`URL_ATTRIBUTES`) are never trusted: the only URL kept from outside HTML is a
 *   link's `href` that the link policy of shared/url.ts accepts (and an image's address, above,
 *   on import). A paste removes every other URL attribute; the importer reads no other.
 * - Event handlers (`on…`) and inline styles are never kept (`isScriptingAttribute`; a paste reads
 *   italic and bold from a style first, and the importer reads a style only to see that an
 *   element is hidden).
 */

/** The namespace of HTML elements; any other (SVG, MathML) is foreign content, never taken in. */
export const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * Elements dropped with everything inside them, on paste and on import: code, embedded
 * documents, forms, media, document metadata and elements whose content does not show.
 */
export const DROPPED_ELEMENTS: ReadonlySet<string> = new Set([
  // code and templates
  'script', 'style', 'template', 'noscript', 'slot',
  // embedded documents and plug-ins
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal',
  // foreign content (also dropped by namespace)
  'svg', 'math',
  // forms and dialogs
  'form', 'input', 'button', 'select', 'textarea', 'dialog',
  // media and image maps
  'canvas', 'video', 'audio', 'track', 'map', 'area',
  // document metadata
  'head', 'title', 'meta', 'link', 'base',
]);

/** Elements a paste drops too, with their content: pictures (the importer makes figures of them). */
export const PASTE_DROPPED_ELEMENTS: ReadonlySet<string> = new Set([...DROPPED_ELEMENTS, 'img', 'picture', 'source']);

/** Attributes that hold a URL (or a list of them): never kept but for the cases in the module comment. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'ping', 'cite', 'longdesc', 'data',
  // lazy-loading images
  'data-src', 'data-original', 'data-lazy-src',
]);

/** The attributes of an `img` the importer reads an address from, in order of preference (`srcset` is a list). */
export const IMAGE_URL_ATTRIBUTES = ['src', 'data-src', 'data-original', 'data-lazy-src', 'srcset'] as const;

/** True for an element of another namespace than HTML's (SVG, MathML), never taken in. */
export function isForeignElement(namespaceURI: string): boolean {
  return namespaceURI !== HTML_NAMESPACE;
}

/** True for an attribute (lower-case name) that runs script or styles (`on…`, `style`). */
export function isScriptingAttribute(name: string): boolean {
  return name.startsWith('on') || name === 'style';
}
