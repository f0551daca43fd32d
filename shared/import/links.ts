/**
 * The URL policy as the importers apply it: a link, a source URL, a "Read also" URL or an image
 * is kept only when shared/url.ts lets a draft hold it (http(s), mailto for links, in-page
 * anchors; https or `assets/` for images). Parsers have already decoded entities, so the checks
 * see the real value, and `classifyUrl` itself strips the whitespace and control characters
 * that browsers ignore inside a scheme. Whatever is refused is said in `dropped`, never kept.
 */
import type { Mark } from 'prosemirror-model';
import { schema } from '../schema';
import { classifyUrl, isStorableUrl } from '../url';
import { clip } from './fit';

/** Why a URL was refused, for messages. */
function refusal(url: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters browsers ignore in a scheme
  return /^[a-z][a-z0-9+.-]*:/iu.test(url.replace(/[\u0000-\u0020\u007f-\u009f]/gu, '')) ? 'a scheme Copydesk does not keep' : 'a relative or incomplete address';
}

/** The link mark for `href`, or null (with the refusal in `dropped`) when the draft may not hold it. */
export function linkMark(href: string, text: string, dropped: string[]): Mark | null {
  if (href.trim() === '') return null;
  if (!isStorableUrl(href, 'link')) {
    dropped.push(`The link to “${clip(href)}” on “${clip(text)}” (${refusal(href)}; the text is kept).`);
    return null;
  }
  return schema.mark('link', { href });
}

/** `url` if a source or "Read also" item may hold it, else '' (with the refusal in `dropped`). */
export function storableUrl(url: string, context: 'source' | 'readAlso', what: string, dropped: string[]): string {
  if (url.trim() === '' || isStorableUrl(url, context)) return url.trim() === '' ? '' : url;
  dropped.push(`The URL “${clip(url)}” of ${what} (${refusal(url)}; the URL is left empty).`);
  return '';
}

/** True when a figure may show `src` (an https image or a file in the draft's assets folder). */
export function isUsableImage(src: string): boolean {
  return classifyUrl(src, 'image') === 'ok';
}
