import { describe, expect, it } from 'vitest';
import { newMeta } from '../../shared/draft/meta';
import { dressPage, previewPage } from '../../renderer/app/panels/preview-page';
import { article, p } from './helpers/build';

const meta = { ...newMeta(new Date('2026-03-01T10:00:00Z')), section: 'World', authors: ['Ana Ruiz', 'Bo Li'] };

describe('previewPage', () => {
  it('puts the section above the headline, and byline and date under it', () => {
    const html = previewPage(meta, article({ headline: 'Harbour vote', standfirst: 'Nine to four', body: [p('Text.')] }));
    const header = /<header>[\s\S]*?<\/header>/u.exec(html)?.[0] ?? '';
    expect(header).toMatch(/^<header>\n<p class="kicker">World<\/p>\n<h1>Harbour vote<\/h1>\n<p class="byline">By <span class="author">Ana Ruiz<\/span> and <span class="author">Bo Li<\/span> · <time datetime="2026-03-01T10:00:00.000Z">[^<]+<\/time><\/p>\n<p class="standfirst">/u);
  });

  it('shows the byline once (the export\'s), with the date after it', () => {
    const exported = '<article>\n<header>\n<h1>H</h1>\n<p class="byline">By Ana Ruiz and Bo Li</p>\n</header>\n</article>\n';
    const dressed = dressPage(exported, meta);
    expect(dressed.match(/By Ana Ruiz/gu)).toHaveLength(1);
    expect(dressed).toMatch(/<p class="byline">By Ana Ruiz and Bo Li · <time /u);
  });

  it('without a headline, opens the article with them; without section and authors, only the date', () => {
    const html = previewPage({ ...meta, section: '', authors: [] }, article({ headline: '', standfirst: '', body: [p('Text.')] }));
    expect(html).toMatch(/<article>\n<header>\n<p><time datetime="2026-03-01T10:00:00.000Z">/u);
    expect(html).not.toContain('class="kicker"');
  });
});
