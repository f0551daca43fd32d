/**
 * Source identity: when two sources are "the same" (for merging sources that a paste or an
 * import brings into a document that already has them): the same URL once normalised, or the
 * same title and outlet ignoring case and spacing, or exactly the same fields (two identical
 * notes).
 */
import type { SourceFields } from './fields';

/**
 * A URL reduced to what identifies the page: no fragment, no trailing slash, `http` and `https`
 * alike, a leading `www.` ignored, host in lower case (the WHATWG parser's job). Empty for an
 * empty or unparseable URL, which then never matches anything.
 */
export function normaliseSourceUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return '';
  let href: string;
  try {
    href = new URL(trimmed).href;
  } catch {
    return '';
  }
  return href
    .replace(/#.*$/su, '')
    .replace(/^https?:\/\/(?:www\.)?/iu, 'http://')
    .replace(/\/+(?=\?|$)/u, '');
}

/** Text compared without regard to case or spacing. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/gu, ' ').trim();
}

/** The key under which same-title-and-outlet sources meet; empty when the title is empty. */
export function titleOutletKey(source: SourceFields): string {
  const title = foldText(source.title);
  return title === '' ? '' : `${title}\u0000${foldText(source.outlet)}`;
}

/** True when every field but the id is equal. */
export function sameFields(a: SourceFields, b: SourceFields): boolean {
  return a.title === b.title && a.outlet === b.outlet && a.date === b.date && a.url === b.url && a.note === b.note;
}

/** True when `a` and `b` describe the same source (see the module comment). */
export function sameSource(a: SourceFields, b: SourceFields): boolean {
  const url = normaliseSourceUrl(a.url);
  if (url !== '' && url === normaliseSourceUrl(b.url)) return true;
  const key = titleOutletKey(a);
  if (key !== '' && key === titleOutletKey(b)) return true;
  return sameFields(a, b);
}
