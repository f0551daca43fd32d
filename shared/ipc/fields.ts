/**
 * The validators of the fields that requests carry (shared/ipc/calls.ts declares which call takes
 * which): draft names, recovery keys, version ids, content hashes, drafts (`DraftText`) and a
 * reviewer's name and initials. The
 * renderer may use `draftNameProblem` to check a name the user typed.
 *
 * Draft names are plain file names ending in `.copydesk` (no path, no `..`, no separator, no
 * drive, no hidden file); a draft is read by `parseDraft` exactly as a file is.
 */
import * as z from 'zod';
import { DRAFT_EXTENSION } from '../draft/extension';
import { SentDraft } from './checked-draft';

/**
 * The longest draft name, in UTF-8 bytes: most file systems allow 255, less the 32 that the
 * atomic writer's temporary name adds (`TEMP_NAME_EXTRA_BYTES`, electron/node/atomic-write.ts),
 * so that every accepted name can be written.
 */
export const MAX_DRAFT_NAME_BYTES = 255 - 32;

// Control characters, path separators and the characters Windows forbids in names.
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const FORBIDDEN_IN_NAME = /[\u0000-\u001f\u007f/\\<>:"|?*]/u;

function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Why `name` is not a draft name the renderer may send, or null when it is one: a plain file name
 * ending in `.copydesk`, not hidden, holding no separator, drive colon, `..` path or control
 * character. (The main process checks names again where it resolves them in the workspace.)
 */
export function draftNameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'A draft name must be text.';
  if (!name.endsWith(DRAFT_EXTENSION)) return `“${name.slice(0, 80)}” is not a draft name: drafts end in ${DRAFT_EXTENSION}.`;
  if (name.length === DRAFT_EXTENSION.length) return `A draft name needs something before ${DRAFT_EXTENSION}.`;
  if (FORBIDDEN_IN_NAME.test(name)) {
    return `“${name.slice(0, 80)}” is not a plain file name: it holds a path separator, a colon, a control character or one of < > " | ? *.`;
  }
  if (name.startsWith('.')) return `“${name.slice(0, 80)}” would be a hidden file: a draft name cannot start with a dot.`;
  if (utf8Length(name) > MAX_DRAFT_NAME_BYTES) return `“${name.slice(0, 40)}…” is too long for a file name.`;
  return null;
}

/** A draft name (see `draftNameProblem`). */
export const draftNameSchema = z.string().superRefine((name, ctx) => {
  const problem = draftNameProblem(name);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/** A recovery journal key: 1 to 64 letters, digits, "-" or "_". */
export const recoveryKeySchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/u, 'a recovery key is 1 to 64 letters, digits, "-" or "_"');

/** A snapshot id (the versions service checks its exact form). */
export const versionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/u, 'a version id is 1 to 64 letters, digits, "-" or "_"');

/** A checkpoint's name ("Filed", "Before legal read"): one line, 1 to 100 characters. */
export const checkpointLabelSchema = z.string().trim().min(1, 'a checkpoint needs a name').max(100).regex(/^[^\n\r]*$/u, 'a checkpoint name is one line');

/** A SHA-256 content hash, lower-case hex. */
export const hashSchema = z.string().regex(/^[0-9a-f]{64}$/u, 'a content hash is 64 lower-case hexadecimal digits');

/** The longest draft text the main process takes (far above a 100,000-word live blog's 1.3 MB). */
export const MAX_DRAFT_TEXT = 64 * 1024 * 1024;

const TOO_LONG = `a draft over ${String(MAX_DRAFT_TEXT / 1024 / 1024)} MB of text is more than Copydesk takes`;

/**
 * A draft sent as its file's text (`DraftText`) or that text's UTF-8 bytes (`DraftBytes`). The
 * validator's part is bounded (a string of at most `MAX_DRAFT_TEXT` UTF-16 units, or as many
 * bytes): its output is a `SentDraft`, which validate.ts then has read by `parseDraft` exactly as
 * a file is (envelope, migrations, metadata, document against the schema), off the main thread
 * in the app, and turns into the `CheckedDraft` the services take.
 */
export const draftTextSchema = z
  .union([z.string().max(MAX_DRAFT_TEXT, TOO_LONG), z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_DRAFT_TEXT, TOO_LONG)], { error: 'a draft is sent as its text or its UTF-8 bytes' })
  .transform((content) => new SentDraft(content));

// Control characters, and the line and paragraph separators, have no place in a name.
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const NOT_IN_REVIEWER_NAME = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** A reviewer's name as a person writes it: 1 to 100 characters once trimmed, on one line (the draft's author table takes the same). */
export const reviewerNameSchema = z
  .string()
  .trim()
  .min(1, 'a name in review cannot be empty')
  .max(100, 'a name in review is at most 100 characters')
  .refine((name) => !NOT_IN_REVIEWER_NAME.test(name), 'a name in review is one line of text');

/** A reviewer's initials: 1 to 4 characters once trimmed, no spaces. */
export const reviewerInitialsSchema = z
  .string()
  .trim()
  .min(1, 'initials cannot be empty')
  .max(4, 'initials are at most 4 characters')
  .refine((initials) => !/\s/u.test(initials) && !NOT_IN_REVIEWER_NAME.test(initials), 'initials hold no spaces');
