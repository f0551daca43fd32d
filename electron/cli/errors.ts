/**
 * The mistakes the `copydesk` command reports as one line on stderr, with their exit codes.
 * Anything else that is thrown is an internal error (see `main.ts`).
 */

/** Exit codes of `copydesk`. */
export const EXIT = {
  /** Done; for `check`, no errors in the draft. */
  ok: 0,
  /** Bad input (a missing or broken draft, an unwritable output) or, for `check`, errors found. */
  failed: 1,
  /** The command line itself is wrong (unknown command or option, missing argument). */
  usage: 2,
  /** A bug in Copydesk (EX_SOFTWARE of sysexits.h). */
  internal: 70,
} as const;

/**
 * Exit codes of `copydesk diff`, as diff(1), cmp(1) and `git diff --exit-code` have them, so that
 * a script or a git hook can tell "the drafts differ" from "the comparison could not be made":
 * there, bad input (a missing or broken draft) is 2 like a wrong command line, never 1.
 */
export const DIFF_EXIT = {
  /** The two drafts read the same. */
  same: 0,
  /** They differ. */
  differ: 1,
  /** Trouble: bad input or a wrong command line (`EXIT.usage`). */
  trouble: 2,
} as const;

/** A mistake in the command line: unknown command or option, missing or extra argument. */
export class UsageError extends Error {
  /** The command it concerns, so that the hint can point to its help. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** Input that cannot be used: the message is printed as it is, and `copydesk` exits 1. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
