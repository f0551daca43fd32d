/**
 * The small stylesheet of the standalone HTML page (a fragment carries none: the CMS styles it).
 * Readable type, a measure of about 70 characters, captions and credits set apart, quiet
 * citation and back-link markers, and the "Read also" box.
 */

/** CSS for the `<style>` element of the standalone page. */
export const HTML_STYLE = [
  'body{margin:0;font:1.125rem/1.6 Georgia,"Times New Roman",serif;color:#1a1a1a;background:#fff}',
  'main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}',
  'h1,h2,h3,h4{font-family:system-ui,sans-serif;line-height:1.25}',
  '.standfirst{font-size:1.25rem;color:#444}',
  '.byline{font:.95rem system-ui,sans-serif;color:#555}',
  'figure{margin:1.5rem 0}img{max-width:100%;height:auto}',
  'figcaption{font-size:.9rem;color:#555}.credit{color:#777}',
  'blockquote{margin:1.5rem 0;padding-left:1rem;border-left:3px solid #ccc}',
  'sup.citation{line-height:0}.citation-missing{color:#b00}',
  '.read-also{margin:2rem 0;padding:1rem;background:#f4f4f4}.read-also h2{margin-top:0;font-size:1rem}',
  '.kicker{font:700 .8rem system-ui,sans-serif;text-transform:uppercase}',
  '.sources{font-size:.95rem}.sources cite{font-style:normal}.backlink{text-decoration:none}',
].join('\n');

/** CSS added to `HTML_STYLE` by an export with review: insertions, deletions, notes, comments and their threads. */
export const REVIEW_STYLE = [
  'ins.review,ins.review-block,ins.review-break{background:#e6f4ea;text-decoration:underline;text-decoration-color:#1e7e34}',
  'del.review,del.review-block,del.review-break{background:#fce8e6;color:#8a1c12}',
  'ins.review-block,del.review-block{display:block}',
  '.review-note{font:.8rem system-ui,sans-serif;color:#555}.review-format{text-decoration:underline dotted}',
  'mark.review-comment{background:#fff3bf}.review-ref{line-height:0;font:.75rem system-ui,sans-serif}',
  '.review-threads,.review-suggestions{margin:2rem 0;padding:1rem;border:1px solid #ddd;font-size:.95rem}',
  '.review-threads h2,.review-suggestions h2{margin-top:0;font-size:1rem}',
  '.review-quote{font-style:italic}.review-author{font-weight:700}',
].join('\n');
