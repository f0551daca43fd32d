/**
 * URL policy for everything a draft may point at.
 *
 * A draft may only hold URLs that are harmless wherever its export lands: http(s), mailto (links
 * only) and in-page anchors. Images are https URLs or paths inside the draft's own `assets/`
 * folder. The checks parse with the WHATWG `URL` class rather than matching prefixes, so that
 * case, entities already decoded by a parser, embedded whitespace and control characters cannot
 * smuggle another scheme through.
 */

/** Where a URL is used; each place has its own allowed schemes. */
export type UrlContext = 'link' | 'source' | 'readAlso' | 'image';

/** The verdict on one URL: fine, missing, not parseable, or of a scheme the context refuses. */
export type UrlVerdict = 'ok' | 'empty' | 'malformed' | 'unsafe';

const ANCHOR = /^#[^\s#]*$/u;
// Control characters and whitespace that browsers strip or ignore inside a scheme.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/gu;
const SCHEME = /^([a-z][a-z0-9+.-]*):/iu;

const SCHEMES: Record<Exclude<UrlContext, 'image'>, readonly string[]> = {
  link: ['http:', 'https:', 'mailto:'],
  source: ['http:', 'https:'],
  readAlso: ['http:', 'https:'],
};

/**
 * Classifies `url` for `context`. `'unsafe'` means a scheme (or shape) that the context never
 * accepts; `'malformed'` means an allowed scheme that does not parse into a usable address.
 */
export function classifyUrl(url: string, context: UrlContext): UrlVerdict {
  if (url.trim() === '') return 'empty';
  if (context === 'image') return classifyImage(url);
  if (url.startsWith('#')) return ANCHOR.test(url) ? 'ok' : 'malformed';
  const scheme = SCHEME.exec(url.replace(INVISIBLE, ''))?.[1]?.toLowerCase();
  if (!scheme || !SCHEMES[context].includes(`${scheme}:`)) return 'unsafe';
  if (url !== url.trim() || /\s/u.test(url)) return 'malformed';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'malformed';
  }
  if (parsed.protocol !== `${scheme}:`) return 'unsafe';
  if (scheme === 'mailto') return parsed.pathname.includes('@') ? 'ok' : 'malformed';
  return parsed.hostname === '' ? 'malformed' : 'ok';
}

// A relative path inside the draft's own assets folder: `assets/…`, no empty, `.` or `..`
// segment, and none of the characters that would make it something else (`\`, `:`, `?`, `#`).
// A reader that takes the path as a URL (a browser, a Markdown renderer) decodes `%2e%2e` to `..`
// and `%2f` to `/`, so each segment is judged percent-decoded too (byte by byte; a lone `%` is
// just a character): no dot segment, separator or control character may hide in it.
function isAssetSegment(segment: string): boolean {
  if (segment === '' || segment === '.' || segment === '..' || /[\\:?#\s]/u.test(segment)) return false;
  const decoded = segment.replace(/%([0-9a-f]{2})/giu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  // eslint-disable-next-line no-control-regex -- control characters are refused
  return decoded !== '.' && decoded !== '..' && !/[/\\\u0000-\u001f\u007f]/u.test(decoded);
}

function isAssetPath(src: string): boolean {
  const segments = src.split('/');
  return segments[0] === 'assets' && segments.length > 1 && segments.slice(1).every(isAssetSegment);
}

function classifyImage(src: string): UrlVerdict {
  if (isAssetPath(src)) return 'ok';
  const scheme = SCHEME.exec(src.replace(INVISIBLE, ''))?.[1]?.toLowerCase();
  if (scheme !== 'https') return 'unsafe';
  try {
    const parsed = new URL(src);
    return parsed.protocol === 'https:' && parsed.hostname !== '' ? 'ok' : 'malformed';
  } catch {
    return 'malformed';
  }
}

/**
 * True when a document may hold `url` in `context` at all: empty, or of an allowed scheme (even
 * if malformed; the draft's checks report that, so the reporter can fix it in place).
 */
export function isStorableUrl(url: string, context: UrlContext): boolean {
  return classifyUrl(url, context) !== 'unsafe';
}

/** True when `url` may be written into an export as a working link. */
export function isExportableUrl(url: string, context: UrlContext): boolean {
  return classifyUrl(url, context) === 'ok';
}
