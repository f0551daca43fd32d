/**
 * URLs as the HTML export writes them.
 *
 * `isExportableUrl` (shared/url.ts) decides which URLs may become links at all. Some URLs it
 * accepts still are not valid in an HTML attribute by the W3C checker's rules (`|`, `^`, `[`, a
 * `%` not followed by two hex digits, a second `#`, an empty host label, credentials…), and
 * browsers repair them each in their own way. This module writes the one valid spelling of such
 * a URL (percent-encoding what must be encoded), or refuses it when no valid spelling means the
 * same thing, so that the export passes the checker and links go where the reporter meant.
 *
 * In-page anchors (`#…`) are handled by the writer itself: it links them only when they name an
 * id the page really has.
 */
import { isExportableUrl, type UrlContext } from '../url';

// What may stand unencoded in a path, query or fragment (RFC 3986 pchar, plus `/` and `?`).
const URL_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/u;
const HEX2 = /^[0-9A-Fa-f]{2}$/u;
const ASSET_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/u;

/** Percent-encodes, as UTF-8, every code point of `text` that `safe` does not accept. */
function encodeExcept(text: string, safe: RegExp, keepPercent: boolean): string {
  let out = '';
  let fragment = false;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(code);
    i += char.length;
    if (keepPercent && char === '%' && HEX2.test(text.slice(i, i + 2))) out += char;
    else if (keepPercent && char === '#' && !fragment) {
      // The first `#` starts the fragment; any later one is data.
      fragment = true;
      out += char;
    } else if (safe.test(char)) out += char;
    else out += encodeURIComponent(code >= 0xd800 && code <= 0xdfff ? '\ufffd' : char); // lone surrogate: U+FFFD
  }
  return out;
}

function isValidHost(hostname: string): boolean {
  if (hostname.startsWith('[')) return true; // an IPv6 literal; the URL parser has checked it
  const labels = hostname.split('.');
  if (labels[labels.length - 1] === '') labels.pop(); // a trailing dot is allowed
  return labels.length > 0 && labels.every((label) => label !== '');
}

/**
 * The `href`/`src` value to write for `url` used in `context`, or `null` when it must not be a
 * link (not exportable, or no valid spelling of it exists). In-page anchors come back unchanged;
 * the caller must check that they resolve. Images: https URLs, or `assets/…` paths, which are
 * file paths and so get every `%` encoded too.
 */
export function htmlUrl(url: string, context: UrlContext): string | null {
  if (!isExportableUrl(url, context)) return null;
  if (url.startsWith('#')) return context === 'image' ? null : url;
  if (context === 'image' && url.startsWith('assets/')) return encodeExcept(url, ASSET_SAFE, false);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const href = parsed.href;
  if (parsed.protocol === 'mailto:') return `mailto:${encodeExcept(href.slice('mailto:'.length), URL_SAFE, true)}`;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const authorityStart = parsed.protocol.length + 2;
  const pathStart = href.indexOf('/', authorityStart);
  const authority = pathStart === -1 ? href.slice(authorityStart) : href.slice(authorityStart, pathStart);
  // Credentials in a published link are refused by the checker (and usually a mistake).
  if (authority.includes('@') || !isValidHost(parsed.hostname)) return null;
  const rest = pathStart === -1 ? '/' : href.slice(pathStart);
  return `${href.slice(0, authorityStart)}${authority}${encodeExcept(rest, URL_SAFE, true)}`;
}
