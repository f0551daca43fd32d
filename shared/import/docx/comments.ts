/**
 * Word comments as data: word/comments.xml gives each comment's id, author, initials, date and
 * text; word/commentsExtended.xml (Word 2013 and later, LibreOffice) says which comment replies
 * to which (`w15:paraIdParent`, naming the `w14:paraId` of the parent's last paragraph) and which
 * are resolved (`w15:done="1"`).
 */
import { strFromU8 } from 'fflate';
import { withoutMarkerCharacters } from './markers';
import { allW, paragraphsText, parseXml, W14, W15, wAttr } from './xml';

/** One Word comment. */
export interface WordComment {
  /** Its `w:id`. */
  readonly id: string;
  readonly author: string;
  readonly initials: string;
  /** As Word wrote it (`w:date`), or ''. */
  readonly date: string;
  readonly text: string;
  /** The id of the comment it replies to, if any. */
  readonly parent: string | null;
  /** Marked done (resolved) in Word. */
  readonly done: boolean;
}

/** The comments of a package's files, in the order comments.xml lists them. */
export function readComments(files: Readonly<Record<string, Uint8Array>>): WordComment[] {
  const bytes = files['word/comments.xml'];
  const doc = bytes ? parseXml(strFromU8(bytes)) : null;
  if (!doc) return [];
  const extended = new Map<string, { parent: string | null; done: boolean }>();
  const extBytes = files['word/commentsExtended.xml'];
  const ext = extBytes ? parseXml(strFromU8(extBytes)) : null;
  if (ext) {
    for (const entry of Array.from(ext.getElementsByTagNameNS(W15, 'commentEx'))) {
      const paraId = entry.getAttributeNS(W15, 'paraId');
      if (paraId) extended.set(paraId.toUpperCase(), { parent: entry.getAttributeNS(W15, 'paraIdParent')?.toUpperCase() ?? null, done: entry.getAttributeNS(W15, 'done') === '1' });
    }
  }
  const raw = allW(doc, 'comment').map((comment) => {
    const paragraphs = allW(comment, 'p');
    const last = paragraphs[paragraphs.length - 1];
    return {
      id: wAttr(comment, 'id') ?? '',
      author: wAttr(comment, 'author') ?? '',
      initials: wAttr(comment, 'initials') ?? '',
      date: wAttr(comment, 'date') ?? '',
      text: withoutMarkerCharacters(paragraphsText(comment)),
      paraId: last?.getAttributeNS(W14, 'paraId')?.toUpperCase() ?? '',
    };
  });
  const idOfPara = new Map(raw.filter((c) => c.paraId !== '').map((c) => [c.paraId, c.id] as const));
  return raw.map((c) => {
    const info = extended.get(c.paraId);
    const parent = info?.parent ? (idOfPara.get(info.parent) ?? null) : null;
    return { id: c.id, author: c.author, initials: c.initials, date: c.date, text: c.text, parent: parent === c.id ? null : parent, done: info?.done ?? false };
  });
}
