/**
 * Writes tests/fixtures/seed-article-edited.copydesk: the seed article as an editor might return
 * it, changed in 20 places, each of which the compare engine must report once and in place
 * (tests/unit/compare-engine.test.ts). The edits are made on the text directly (no suggestions),
 * so running it again gives the same bytes. Run: `npx tsx tests/tools/make-edited-fixture.ts`.
 *
 * The 20 edits (blocks counted from 1: headline 1, standfirst 2, figure 3, paragraphs 4–14):
 *  1. headline: "Safety" → "Security";
 *  2. standfirst: "recently " deleted;
 *  3. figure: credit "Photo: Desk archive" set;
 *  4. figure caption: "Upcoming" → "Coming";
 *  5. first paragraph: "reportedly " inserted before "agreed";
 *  6. second paragraph ("The proposed security guarantees…") deleted;
 *  7. a new paragraph ("Officials stressed…") inserted in its place;
 *  8. third paragraph: "Article 5" made bold;
 *  9. third paragraph: its last citation (CFR) deleted;
 * 10. fourth paragraph: a link on "White House";
 * 11. fifth paragraph: its citation pointed at CFR instead of Reuters;
 * 12. sixth paragraph split after "Mark Rutte.";
 * 13. eighth and ninth paragraphs ("The German government…", "According to…") joined;
 * 14. tenth paragraph ("Russia and Ukraine had negotiations…") moved after the eleventh;
 * 15. numbered list, first item: "diplomatic" → "political";
 * 16. numbered list: a third item added;
 * 17. "Read also": the item's URL changed;
 * 18. "Read also": title "More on Ukraine" set;
 * 19. source CFR: URL set;
 * 20. source Reuters: note set.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node as PMNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { schema } from '../../shared/schema';
import { findText } from './find-text';

const seedUrl = new URL('../fixtures/seed-article.copydesk', import.meta.url);
const outUrl = new URL('../fixtures/seed-article-edited.copydesk', import.meta.url);


/** The top-level block holding `pos`: its position and node. */
function blockAt(doc: PMNode, pos: number): { pos: number; node: PMNode } {
  const $pos = doc.resolve(pos);
  return { pos: $pos.before(1), node: $pos.node(1) };
}

/** The citations inside the block at `pos`, by position. */
function citationsIn(doc: PMNode, pos: number): number[] {
  const { pos: start, node } = blockAt(doc, pos);
  const found: number[] = [];
  doc.nodesBetween(start, start + node.nodeSize, (child, at) => {
    if (child.type.name === 'citation') found.push(at);
  });
  return found;
}

function replaceText(tr: Transform, text: string, by: string): void {
  const at = findText(tr.doc, text);
  if (by === '') tr.delete(at, at + text.length);
  else tr.replaceWith(at, at + text.length, schema.text(by, tr.doc.nodeAt(at)?.marks));
}

function nodePos(doc: PMNode, test: (node: PMNode) => boolean): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && test(node)) found = pos;
    return found < 0;
  });
  if (found < 0) throw new Error('node not in the seed');
  return found;
}

/** The edited article's draft, built from the seed's. */
export function editedArticle(seedText: string): string {
  const seed = parseDraft(seedText);
  const tr = new Transform(seed.doc);
  replaceText(tr, 'Safety', 'Security'); // 1
  replaceText(tr, 'recently ', ''); // 2
  tr.setNodeAttribute(nodePos(tr.doc, (n) => n.type.name === 'figure'), 'credit', 'Photo: Desk archive'); // 3
  replaceText(tr, 'Upcoming Security Assurances for Washington', 'Coming Security Assurances for Washington'); // 4
  replaceText(tr, 'has agreed', 'has reportedly agreed'); // 5
  // 6 and 7: the second paragraph replaced by an unrelated one.
  const second = blockAt(tr.doc, findText(tr.doc, 'The proposed security guarantees for Ukraine, modelled'));
  tr.replaceWith(second.pos, second.pos + second.node.nodeSize, schema.node('paragraph', null, [schema.text('Officials stressed on Sunday that no final text has been agreed by anyone yet.')]));
  // 8
  const article5 = findText(tr.doc, "closely resemble NATO's Article 5") + "closely resemble NATO's ".length;
  tr.addMark(article5, article5 + 'Article 5'.length, schema.mark('strong'));
  // 9
  const third = citationsIn(tr.doc, article5);
  const lastCitation = third[third.length - 1] as number;
  tr.delete(lastCitation, lastCitation + 1);
  // 10
  const house = findText(tr.doc, 'White House');
  tr.addMark(house, house + 'White House'.length, schema.mark('link', { href: 'https://www.whitehouse.gov/' }));
  // 11
  const fifth = citationsIn(tr.doc, findText(tr.doc, 'Russia, according to Witkoff'))[0] as number;
  tr.setNodeMarkup(fifth, undefined, { source: 'cfr-2023' });
  // 12: split after "Mark Rutte." (the space after it goes)
  const rutte = findText(tr.doc, 'Mark Rutte. There') + 'Mark Rutte.'.length;
  tr.delete(rutte, rutte + 1);
  tr.split(rutte);
  // 13: the end of "The German government…" joined with "According to…" (a space between)
  const according = blockAt(tr.doc, findText(tr.doc, 'According to an unconfirmed report'));
  tr.insert(according.pos - 1, schema.text(' '));
  tr.join(according.pos + 1);
  // 14
  const istanbul = blockAt(tr.doc, findText(tr.doc, 'Russia and Ukraine had negotiations'));
  const conclusion = blockAt(tr.doc, findText(tr.doc, 'In conclusion,'));
  tr.insert(conclusion.pos + conclusion.node.nodeSize, istanbul.node);
  tr.delete(istanbul.pos, istanbul.pos + istanbul.node.nodeSize);
  // 15
  replaceText(tr, 'discussed in diplomatic', 'discussed in political');
  // 16
  const list = nodePos(tr.doc, (n) => n.type.name === 'ordered_list');
  const listNode = tr.doc.nodeAt(list) as PMNode;
  tr.insert(list + listNode.nodeSize - 1, schema.node('list_item', null, [schema.node('paragraph', null, [schema.text('Talks between the delegations are expected to continue next week.')])]));
  // 17, 18
  const item = nodePos(tr.doc, (n) => n.type.name === 'read_also_item');
  tr.setNodeAttribute(item, 'url', 'https://example.org/ukraine/guarantees-explained');
  tr.setNodeAttribute(nodePos(tr.doc, (n) => n.type.name === 'read_also'), 'title', 'More on Ukraine');
  // 19, 20
  tr.setNodeAttribute(nodePos(tr.doc, (n) => n.type.name === 'source' && n.attrs.id === 'cfr-2023'), 'url', 'https://www.cfr.org/backgrounder/ukraine-security-guarantees');
  tr.setNodeAttribute(nodePos(tr.doc, (n) => n.type.name === 'source' && n.attrs.id === 'reuters-2023'), 'note', 'Via the wire desk.');
  tr.doc.check();
  return serializeDraft({ meta: { ...seed.meta, updated: '2025-08-18T12:00:00.000Z' }, doc: tr.doc });
}

// Run as a script (not imported by the test that checks the fixture against it).
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(outUrl, editedArticle(readFileSync(seedUrl, 'utf8')));
}
