/**
 * Page chrome in HTML: what a news page holds around an article that is not the article.
 * The importer reads the `<article>` that holds the `<h1>` (else the only `<article>`, else
 * `<main>`, else the body); inside it, these are left out and listed in `report.dropped`:
 * navigation (`nav`, `role="navigation"`/`"search"`/`"contentinfo"`), footers, asides that are
 * not "Read also" blocks, and elements named (class or id) like sharing tools, newsletters,
 * advertising, cookie notices, comments, breadcrumbs, skip links, screen-reader-only text,
 * bylines that name no one (html.ts reads the others into the authors), datelines and tag
 * lists. A paragraph that is only a chrome phrase ("Skip to content") is left out too.
 */
import { attr, hasName, type HElement } from './html-dom';

const CHROME_NAMES =
  /(?:^|[\s_-])(?:share|sharing|social|newsletter|subscribe|subscription|advert|advertisement|ad|ads|adslot|ad-slot|promo|sponsored|cookie|cookies|consent|comments?|breadcrumbs?|skip-link|skiplink|skip|visually-hidden|sr-only|screen-reader-text|byline|author|authors|dateline|timestamp|published|tags|toolbar|paywall|most-read|trending|recirculation)(?:$|[\s_-])/u;
const CHROME_ROLES = new Set(['navigation', 'search', 'contentinfo', 'banner', 'complementary', 'menu', 'menubar', 'toolbar', 'dialog', 'alert']);
const CHROME_TAGS = new Set(['nav', 'footer', 'time']);

/**
 * Why `element` is page chrome (a short name for the report), or null when it is not. Inside
 * running text (`inline`), only names count: a `<time>` in a sentence is part of it.
 */
export function chromeKind(element: HElement, inline = false): string | null {
  if (!inline && CHROME_TAGS.has(element.tagName)) return `<${element.tagName}>`;
  const role = attr(element, 'role');
  if (role !== null && CHROME_ROLES.has(role) && element.tagName !== 'aside') return `role="${role}"`;
  if (hasName(element, CHROME_NAMES)) return `<${element.tagName} class="${(attr(element, 'class') ?? attr(element, 'id') ?? '').trim().slice(0, 40)}">`;
  return null;
}
