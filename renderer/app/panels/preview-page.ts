/**
 * What the previews show: the HTML export (the very page File > Export as HTML writes) with the
 * article's section above the headline and its byline and date under it, as a news site sets
 * them (the byline is the export's own). Added with the export's own classes only (`kicker`): the
 * frame's Content-Security-Policy admits no other stylesheet.
 */
import type { DraftMeta } from '../../../shared/draft/meta';
import { exportedDraft } from '../../../shared/export/format-uses';
import { exportHtml } from '../../../shared/export/html';
import { escapeAttr, escapeHtml } from '../../../shared/export/escape';
import type { Node as PMNode } from 'prosemirror-model';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** The export of `doc` with `meta`, dressed as above; a short page saying why when it fails. */
export function previewPage(meta: DraftMeta, doc: PMNode): string {
  let html: string;
  try {
    // As File > Export writes it by default: every suggestion accepted, no comment.
    html = exportHtml(exportedDraft({ meta, doc }));
  } catch (error) {
    return `<!DOCTYPE html><html lang="en"><title>Preview</title><p>The preview could not be made: ${escapeHtml(String(error))}</p></html>`;
  }
  return dressPage(html, meta);
}

/**
 * `html` (an exported page) with the section of `meta` above its headline and the date after the
 * export's byline (under the headline when there is no byline).
 */
export function dressPage(html: string, meta: DraftMeta): string {
  const section = meta.section.trim();
  const time = Date.parse(meta.updated);
  const date = Number.isNaN(time) ? '' : `<time datetime="${escapeAttr(meta.updated)}">${escapeHtml(dateFormat.format(time))}</time>`;
  const above = section ? `<p class="kicker">${escapeHtml(section)}</p>\n` : '';
  let page = html;
  let line = date ? `<p>${date}</p>\n` : '';
  const byline = /<p class="byline">[\s\S]*?(?=<\/p>\n)/u.exec(page);
  if (byline !== null && date) {
    const at = byline.index + byline[0].length;
    page = `${page.slice(0, at)} · ${date}${page.slice(at)}`;
    line = '';
  }
  if (!above && !line) return page;
  const h1 = page.indexOf('<h1>');
  const end = page.indexOf('</h1>\n');
  if (h1 >= 0 && end > h1) return `${page.slice(0, h1)}${above}${page.slice(h1, end + 6)}${line}${page.slice(end + 6)}`;
  // No headline: the lines open the article.
  const article = page.indexOf('<article>\n');
  if (article < 0) return page;
  const at = article + '<article>\n'.length;
  return `${page.slice(0, at)}<header>\n${above}${line}</header>\n${page.slice(at)}`;
}
