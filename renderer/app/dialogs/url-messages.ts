/** What the shell says about a URL the user typed, per use (links, sources, images). */
import { classifyUrl, type UrlContext } from '../../../shared/url';

const UNSAFE: Record<UrlContext, string> = {
  link: 'Links may only be http(s) or mailto: addresses, or an anchor in the page (#…).',
  source: 'A source’s URL must be an http(s) address.',
  readAlso: 'Only http(s) addresses are allowed.',
  image: 'An image must be an https address.',
};

/** A sentence on what is wrong with `url` for `context`, or null when it is fine (or empty and `optional`). */
export function urlMessage(url: string, context: UrlContext, optional = false): string | null {
  switch (classifyUrl(url.trim(), context)) {
    case 'ok':
      return null;
    case 'empty':
      return optional ? null : 'Type the address.';
    case 'malformed':
      return 'This address is not complete or not well formed.';
    case 'unsafe':
      return UNSAFE[context];
  }
}
