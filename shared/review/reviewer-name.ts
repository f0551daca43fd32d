/**
 * What the first-use dialog prefills for a reviewer: a name made from the operating system's user
 * name, and initials derived from a name.
 */

/** The most initials `initialsOf` gives (the author table allows 4). */
const MAX_DERIVED_INITIALS = 3;

/** Initials of `name`: the first letter of each of its first words, upper-cased ("Ana García" → "AG"); "" for no letter. */
export function initialsOf(name: string): string {
  const words = name.split(/[\s._-]+/u).filter((word) => /\p{L}|\p{N}/u.test(word));
  const letters = words.map((word) => (/[\p{L}\p{N}]/u.exec(word)?.[0] ?? '').toLocaleUpperCase());
  if (letters.length <= MAX_DERIVED_INITIALS) return letters.join('');
  // Many words: the first ones and the last ("Maria da Graça Silva Costa" → "MDC").
  return [...letters.slice(0, MAX_DERIVED_INITIALS - 1), letters[letters.length - 1] ?? ''].join('');
}

/** A name to suggest from an operating system user name: "ana.garcia" → "Ana Garcia"; "" stays "". */
export function nameFromUserName(userName: string): string {
  const words = userName.trim().split(/[\s._]+/u).filter((word) => word !== '');
  const shown = words.map((word) => (word === word.toLocaleLowerCase() ? word.charAt(0).toLocaleUpperCase() + word.slice(1) : word)).join(' ');
  return shown.slice(0, 100);
}
