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
