/**
 * What the previews show: the HTML export (the very page File > Export as HTML writes) with the
 * article's section above the headline and its byline and date under it, as a news site sets
 * them. Added with the export's own classes only (`kicker`): the frame's Content-Security-Policy
 * admits no other stylesheet. A byline the export already writes is not repeated.
 */
import { bylineText } from '../../../shared/byline';
import type { DraftMeta } from '../../../shared/draft/meta';
import { exportHtml } from '../../../shared/export/html';
import { escapeAttr, escapeHtml } from '../../../shared/export/escape';
import type { Node as PMNode } from 'prosemirror-model';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** The export of `doc` with `meta`, dressed as above; a short page saying why when it fails. */
export function previewPage(meta: DraftMeta, doc: PMNode): string {
  let html: string;
  try {
    html = exportHtml({ meta, doc });
  } catch (error) {
    return `<!DOCTYPE html><html lang="en"><title>Preview</title><p>The preview could not be made: ${escapeHtml(String(error))}</p></html>`;
  }
  return dressPage(html, meta);
}

/** `html` (an exported page) with the section, byline and date of `meta` around its headline. */
export function dressPage(html: string, meta: DraftMeta): string {
  const section = meta.section.trim();
  const byline = bylineText(meta.authors);
  const hasByline = byline === '' || /class="byline"/u.test(html) || html.includes(escapeHtml(byline));
  const time = Date.parse(meta.updated);
  const date = Number.isNaN(time) ? '' : `<time datetime="${escapeAttr(meta.updated)}">${escapeHtml(dateFormat.format(time))}</time>`;
  const under = [hasByline ? '' : `<span>${escapeHtml(byline)}</span>`, date].filter(Boolean).join(' · ');
  const above = section ? `<p class="kicker">${escapeHtml(section)}</p>\n` : '';
  const line = under ? `<p>${under}</p>\n` : '';
  if (!above && !line) return html;
  const h1 = html.indexOf('<h1>');
  const end = html.indexOf('</h1>\n');
  if (h1 >= 0 && end > h1) return `${html.slice(0, h1)}${above}${html.slice(h1, end + 6)}${line}${html.slice(end + 6)}`;
  // No headline: the lines open the article.
  const article = html.indexOf('<article>\n');
  if (article < 0) return html;
  const at = article + '<article>\n'.length;
  return `${html.slice(0, at)}<header>\n${above}${line}</header>\n${html.slice(at)}`;
}
