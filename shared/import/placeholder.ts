/**
 * The image path of a figure whose picture the input does not have (a caption in plain text, an
 * image whose address the draft may not hold): a file in the draft's own `assets/` folder named
 * after the caption, which is where the picture goes once the reporter adds it. The schema only
 * accepts `https:` images or `assets/` paths, and an invented web address would point at someone
 * else's server; the path names a file that does not exist yet, and the importer says so.
 */
import { uniqueSourceId } from '../sources/ids';
import { slugify } from '../draft/meta';

/** Longest file name base, cut at a word boundary. */
const MAX_BASE = 40;

/** A fresh `assets/<slug>.jpg` path for a figure captioned `caption`, not one of `taken`. */
export function placeholderImage(caption: string, taken: ReadonlySet<string>): string {
  let base = '';
  for (const word of slugify(caption).split('-')) {
    if (word === '' || (base !== '' && base.length + 1 + word.length > MAX_BASE)) break;
    base = base === '' ? word.slice(0, MAX_BASE) : `${base}-${word}`;
  }
  return `assets/${uniqueSourceId(base || 'image', (candidate) => taken.has(`assets/${candidate}.jpg`))}.jpg`;
}
