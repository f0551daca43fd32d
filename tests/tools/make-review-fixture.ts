/**
 * Writes tests/fixtures/review-article.copydesk: the seed article under review, with pending
 * suggestions of two authors and three threads, built from the review marks directly (not by the
 * suggesting engine, so that the fixture pins the file format, not the engine's choices). Ids and
 * times are fixed, so running it again gives the same bytes. Run: `npx tsx tests/tools/make-review-fixture.ts`.
 * tests/fixtures/README.md says what the fixture holds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Transform } from 'prosemirror-transform';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import type { ReviewData } from '../../shared/review/model';
import { schema } from '../../shared/schema';
import { findText } from './find-text';

const EDITOR = 'a-editor';
const REPORTER = 'a-reporter';
const seedUrl = new URL('../fixtures/seed-article.copydesk', import.meta.url);
const outUrl = new URL('../fixtures/review-article.copydesk', import.meta.url);


const stamp = (id: string, author: string, at: string): Record<string, string> => ({ id, author, at });

/** The review article's draft, built from the seed's. */
export function reviewArticle(seedText: string): string {
  const seed = parseDraft(seedText);
  const tr = new Transform(seed.doc);

  // 1. Replacement in the headline (editor): "Safety" deleted, "Security" inserted after it.
  const safety = findText(tr.doc, 'Safety');
  const replace = stamp('s-headline', EDITOR, '2025-08-18T08:00:00.000Z');
  tr.addMark(safety, safety + 'Safety'.length, schema.mark('deletion', replace));
  tr.insert(safety + 'Safety'.length, schema.text('Security', [schema.mark('insertion', replace)]));

  // 2. Insertion (reporter) in the first body paragraph.
  const trump = findText(tr.doc, 'President Trump has agreed') + 'President Trump'.length;
  tr.insert(trump, schema.text(', on Monday,', [schema.mark('insertion', stamp('s-monday', REPORTER, '2025-08-18T08:05:00.000Z'))]));

  // 3. Deletion (editor) of a phrase in the ninth body paragraph.
  const summit = findText(tr.doc, ', especially after the Alaska summit');
  tr.addMark(summit, summit + ', especially after the Alaska summit'.length, schema.mark('deletion', stamp('s-alaska', EDITOR, '2025-08-18T08:10:00.000Z')));

  // 4. Bold (editor): "NATO's Article 5" in the third body paragraph; it had no formatting.
  const article5 = findText(tr.doc, "closely resemble NATO's Article 5") + 'closely resemble '.length;
  const bold = { from: article5, to: article5 + "NATO's Article 5".length };
  tr.addMark(bold.from, bold.to, schema.mark('strong'));
  tr.addMark(bold.from, bold.to, schema.mark('format_change', { ...stamp('s-bold', EDITOR, '2025-08-18T08:15:00.000Z'), before: [] }));

  // 5. A citation's source changed (editor): the fifth body paragraph's Reuters citation now cites CFR.
  let citation = -1;
  const witkoff = findText(tr.doc, 'Russia, according to Witkoff');
  tr.doc.nodesBetween(witkoff, tr.doc.resolve(witkoff).end(), (node, pos) => {
    if (node.type.name === 'citation' && citation < 0) citation = pos;
  });
  tr.setNodeMarkup(citation, undefined, { source: 'cfr-2023' });
  tr.addMark(citation, citation + 1, schema.mark('attr_change', { ...stamp('s-source', EDITOR, '2025-08-18T08:20:00.000Z'), before: { source: 'reuters-2023' } }));

  // 6. A whole paragraph suggested for deletion (reporter): the eighth of the body.
  const istanbul = findText(tr.doc, 'Russia and Ukraine had negotiations') - 1;
  tr.addNodeMark(istanbul, schema.mark('deletion', stamp('s-istanbul', REPORTER, '2025-08-18T08:25:00.000Z')));

  // Threads: open with a reply (the standfirst), resolved (the sixth paragraph), detached.
  const visit = findText(tr.doc, "Zelensky's visit");
  tr.addMark(visit, visit + "Zelensky's visit".length, schema.mark('comment', { thread: 't-visit' }));
  const territorial = findText(tr.doc, 'territorial issues');
  tr.addMark(territorial, territorial + 'territorial issues'.length, schema.mark('comment', { thread: 't-territory' }));

  const review: ReviewData = {
    authors: { [EDITOR]: { name: 'Edith Editor', initials: 'EE' }, [REPORTER]: { name: 'Ruth Reporter', initials: 'RR' } },
    threads: [
      {
        id: 't-visit',
        quote: "Zelensky's visit",
        messages: [
          { author: EDITOR, at: '2025-08-18T09:00:00.000Z', text: 'Is the date of the visit confirmed?' },
          { author: REPORTER, at: '2025-08-18T09:30:00.000Z', text: 'Yes, by the presidential office this morning.' },
        ],
      },
      {
        id: 't-territory',
        quote: 'territorial issues',
        messages: [{ author: REPORTER, at: '2025-08-18T09:10:00.000Z', text: 'Name the territories?' }],
        resolved: { by: EDITOR, at: '2025-08-18T10:00:00.000Z' },
      },
      {
        id: 't-gone',
        quote: 'a sentence the editor cut',
        messages: [{ author: EDITOR, at: '2025-08-18T09:20:00.000Z', text: 'Source for this?' }],
      },
    ],
  };
  tr.setDocAttribute('review', review);
  return serializeDraft({ meta: seed.meta, doc: tr.doc });
}

// Run as a script (not imported by the test that checks the fixture against it).
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(outUrl, reviewArticle(readFileSync(seedUrl, 'utf8')));
}
