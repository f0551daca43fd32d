/**
 * The byline: how a draft's authors (meta.authors) are named under the headline, the one rule
 * for the editor and both exports. "By A", "By A and B", "By A, B and C"; names have their white
 * space collapsed, empty names are left out, and no names means no byline at all.
 */

/** One piece of a byline: the leading "By ", an author's name, or the words between names. */
export interface BylinePart {
  readonly kind: 'by' | 'name' | 'separator';
  readonly text: string;
}

/**
 * The byline of `authors` in reading order: `By `, then the names joined by `, ` and, before the
 * last, ` and ` ("By A, B and C"). `[]` when no author has a name. Writers style the parts (the
 * HTML export wraps each name in `<span class="author">`); `bylineText` joins them.
 */
export function bylineParts(authors: readonly string[]): BylinePart[] {
  const names = authors.map((name) => name.replace(/\s+/gu, ' ').trim()).filter(Boolean);
  if (names.length === 0) return [];
  const parts: BylinePart[] = [{ kind: 'by', text: 'By ' }];
  names.forEach((name, i) => {
    if (i > 0) parts.push({ kind: 'separator', text: i === names.length - 1 ? ' and ' : ', ' });
    parts.push({ kind: 'name', text: name });
  });
  return parts;
}

/** The byline of `authors` as plain text ("By A, B and C"), or `''` when there is none. */
export function bylineText(authors: readonly string[]): string {
  return bylineParts(authors)
    .map((part) => part.text)
    .join('');
}
