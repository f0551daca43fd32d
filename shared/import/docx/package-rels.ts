/**
 * The relationships of a Word package (`.rels` parts) that point outside it (`TargetMode="External"`):
 * hyperlinks are kept (they are links of the text; the HTML intake policy checks their URLs), every
 * other one (a linked image, an attached template, a linked OLE object, a frame, a sub-document…)
 * loses its target, so that no reader can fetch it or read it from disk, and is said in the report.
 * The element itself stays, with its Id and Type and an empty internal target: mammoth 1.13 throws
 * a TypeError (and the whole import fails) on an image whose relationship is missing, while an
 * empty target gives it an image it cannot read, which it reports and leaves out.
 *
 * The part is edited as text, not parsed: a `<Relationship` start tag that is not a well-formed
 * start tag makes the part refused (`null`) rather than guessed at.
 */

/** A `.rels` part with its external relationships other than hyperlinks emptied. */
export interface CleanedRels {
  /** The part's new text (the same text when nothing was removed). */
  readonly xml: string;
  /** One sentence for each relationship emptied. */
  readonly dropped: readonly string[];
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;
// A whole Relationship element: a start tag with well-formed attributes, self-closed or closed by its end tag.
// (A `<` in a value is not well-formed XML: such a tag is left unmatched, and the part refused.)
const ELEMENT = /<((?:[\w.-]+:)?Relationship)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(?:\/>|>[^<]*<\/\1\s*>)/gu;
const START = /<(?:[\w.-]+:)?Relationship(?![\w.:-])/gu;
/** The relationship types of a hyperlink (transitional and strict OOXML); only these stay external. */
const HYPERLINK_TYPES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink',
]);
/** The longest target quoted in a message. */
const MAX_QUOTED = 80;

function unescapeXml(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/giu, (whole, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (name[0] !== '#') return named[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function quoted(target: string): string {
  const flat = target.replace(/\s+/gu, ' ').trim();
  return flat.length > MAX_QUOTED ? `${flat.slice(0, MAX_QUOTED - 1)}…` : flat;
}

/** The sentence for the report about an external relationship of `type` to `target` that was removed. */
export function droppedSentence(type: string, target: string): string {
  const kind = /[^/]*$/u.exec(type)?.[0].toLowerCase() ?? '';
  const at = quoted(target) || 'an empty address';
  if (kind === 'image') return `An image linked from ${at} was not fetched.`;
  if (kind === 'attachedtemplate') return `The attached template ${at} was not opened.`;
  if (kind === 'oleobject' || kind === 'package') return `An object linked from ${at} was not opened.`;
  if (kind === 'subdocument' || kind === 'frame') return `A document linked from ${at} was not opened.`;
  return `A file linked from ${at} (${kind || 'unknown type'}) was not fetched.`;
}

function attributesOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) out.set(match[1] ?? '', unescapeXml(match[2] ?? match[3] ?? ''));
  return out;
}

const escapeXml = (value: string): string => value.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');

/** `xml` (a `.rels` part) with its external relationships other than hyperlinks emptied (see the module comment); null when a Relationship tag cannot be read. */
export function cleanRels(xml: string): CleanedRels | null {
  // Word writes UTF-8; a part with NULs (UTF-16) would hide its tags from these patterns.
  if (xml.includes('\0')) return null;
  const starts = xml.match(START)?.length ?? 0;
  let elements = 0;
  const dropped: string[] = [];
  const cleaned = xml.replace(ELEMENT, (whole, tag: string, attributeText: string) => {
    elements++;
    const attributes = attributesOf(attributeText);
    const mode = attributes.get('TargetMode') ?? '';
    const type = attributes.get('Type') ?? '';
    if (mode.trim().toLowerCase() !== 'external' || HYPERLINK_TYPES.has(type.trim())) return whole;
    dropped.push(droppedSentence(type.trim(), attributes.get('Target') ?? ''));
    const id = attributes.get('Id');
    return id === undefined ? '' : `<${tag} Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target=""/>`;
  });
  // An end tag's `<Relationship` is not matched by START (it starts `</`), so the counts compare start tags.
  if (elements !== starts) return null;
  return { xml: dropped.length ? cleaned : xml, dropped };
}
