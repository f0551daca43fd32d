/**
 * The rules both passes of the paste cleaner apply (html-sanitize.ts says why there are two):
 * which attributes stay, and Google Docs' wrapper that is not bold. Kept apart from parse5 so
 * that the second pass does not load it.
 */
import { isScriptingAttribute, URL_ATTRIBUTES } from '../../shared/html-intake';
import { isStorableUrl } from '../../shared/url';

/** Whether attribute `name` (lower case) with `value` may stay on element `tag`. */
export function keepAttribute(tag: string, name: string, value: string): boolean {
  if (isScriptingAttribute(name) || name === 'data-pm-slice') return false;
  return !URL_ATTRIBUTES.has(name) || (name === 'href' && tag === 'a' && isStorableUrl(value, 'link'));
}

/** Google Docs' `<b style="font-weight:normal">` (and the like): a wrapper that is not bold. */
export function isFalseBold(tag: string, style: string): boolean {
  return (tag === 'b' || tag === 'strong') && /font-weight:\s*(normal|400)\b/iu.test(style);
}
