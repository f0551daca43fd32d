/**
 * The words the importers recognise structure by: titles of "Read also" blocks and of reference
 * sections, page chrome, and the class names of a standfirst. Matching ignores case, spacing and
 * a trailing colon.
 */

/** Normalises a title for matching: lower case, one space, no trailing colon or period. */
export function foldTitle(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/\s*[:.]$/u, '')
    .toLowerCase();
}

const READ_ALSO_TITLES = new Set([
  'read also',
  'also read',
  'read more',
  'related',
  'related articles',
  'related stories',
  'related content',
  'related coverage',
  'more on this',
  'more on this story',
  'more on this topic',
  'more on this subject',
  'see also',
  'more stories',
  'further reading',
]);

/** True when `text` is a title of a "Read also" block ("Read also:", "Related", "More on this"…). */
export function isReadAlsoTitle(text: string): boolean {
  return READ_ALSO_TITLES.has(foldTitle(text));
}

const REFERENCE_TITLES = new Set(['references', 'sources', 'notes', 'footnotes', 'bibliography', 'citations', 'works cited', 'notes and references']);

/** True when `text` titles a list of references ("References", "Sources", "Notes"…). */
export function isReferencesTitle(text: string): boolean {
  return REFERENCE_TITLES.has(foldTitle(text));
}

const CHROME_LINES = new Set([
  'skip to content',
  'skip to main content',
  'skip to navigation',
  'skip navigation',
  'jump to content',
  'jump to navigation',
  'toggle navigation',
  'main menu',
  'menu',
  'search',
  'close',
  'share',
  'share this',
  'share this article',
  'share this story',
  'copy link',
  'print',
  'email',
  'facebook',
  'twitter',
  'linkedin',
  'whatsapp',
  'advertisement',
  'sponsored',
  'subscribe',
  'sign in',
  'log in',
  'back to top',
]);

/** True when a line on its own is page chrome: navigation, sharing, advertising. */
export function isChromeLine(text: string): boolean {
  return CHROME_LINES.has(foldTitle(text));
}

/** Class names (whole words of `class`) that mark a standfirst in news sites' HTML. */
export const STANDFIRST_CLASSES = /(?:^|[\s_-])(?:dek|standfirst|lede|lead|lead-text|summary|subtitle|subhead|subheadline|sub-headline|excerpt|intro|deck|teaser|description|strapline|kicker-text|article-summary)(?:$|[\s_-])/iu;
