/**
 * The words of a byline, one home for the editor, the header and the exports.
 */

/**
 * "By A", "By A and B", "By A, B and C" for the draft's authors (each trimmed, blanks left out);
 * '' when there is none.
 */
export function bylineText(authors: readonly string[]): string {
  const names = authors.map((a) => a.trim()).filter(Boolean);
  if (names.length === 0) return '';
  const last = names[names.length - 1] as string;
  return names.length === 1 ? `By ${last}` : `By ${names.slice(0, -1).join(', ')} and ${last}`;
}
