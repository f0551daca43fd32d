/** Why a draft file could not be loaded; each kind has its own message and remedy. */
export type DraftErrorKind = 'not-json' | 'not-draft' | 'newer-version' | 'invalid-metadata' | 'invalid-document';

/**
 * A draft that cannot be loaded. The message is a full sentence meant for the user; `kind` lets
 * callers react (a newer version asks to update Copydesk, the rest to restore a copy).
 */
export class DraftError extends Error {
  /** What class of problem this is. */
  readonly kind: DraftErrorKind;

  constructor(kind: DraftErrorKind, message: string) {
    super(message);
    this.name = 'DraftError';
    this.kind = kind;
  }
}

/** The most characters a refusal message quotes from a draft (a key, a value, a path). */
export const MAX_QUOTED = 60;

/**
 * `text` cut to at most `max` characters, with "…" where it was cut: what a message may quote of
 * something a draft holds, so that a huge value never makes a huge message.
 */
export function capped(text: string, max = MAX_QUOTED): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A value from a draft as a message may quote it: a string in JSON quotes (control characters
 * escaped) and cut to `max`; a number, boolean or null as written; anything else by its kind.
 */
export function quoted(value: unknown, max = MAX_QUOTED): string {
  if (typeof value === 'string') return JSON.stringify(capped(value, max));
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return capped(String(value), max);
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
