/**
 * Validators of every request payload in the channel map (channels.ts), with zod. The main process
 * runs them on everything the renderer sends before any service sees it; the renderer may use
 * `draftNameProblem` to check a name the user typed.
 *
 * Objects are strict (an unknown key is refused, so a typo or an injected field does not pass
 * silently); draft names are plain file names ending in `.copydesk` (no path, no `..`, no
 * separator, no drive, no hidden file); a draft's document is checked against the article schema
 * (`validateDocJson`).
 */
import * as z from 'zod';
import { DRAFT_EXTENSION, DRAFT_FORMAT, DRAFT_VERSION, issueMessage, parseDraft, type Draft } from '../draft/format';
import { capped } from '../draft/errors';
import { metaSchema } from '../draft/meta';
import { IMPORT_KINDS } from '../import/types';
import { isAssetSrc } from '../problem-checks';
import { validateDocJson } from '../draft/validate-doc';
import { exportFormatNames } from '../export/format-uses';
import type { InvokeChannel, InvokeMap } from './channels';

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

/** A SHA-256 content hash, lower-case hex. */
export const hashSchema = z.string().regex(/^[0-9a-f]{64}$/u, 'a content hash is 64 lower-case hexadecimal digits');

/**
 * A draft's JSON value, checked in full: the envelope, the metadata, and the document against the
 * article schema (`validateDocJson`, whose message names the offending node). It arrives unchanged.
 */
export const draftJsonSchema = z
  .strictObject({
    format: z.literal(DRAFT_FORMAT),
    version: z.literal(DRAFT_VERSION),
    meta: metaSchema,
    doc: z.record(z.string(), z.unknown()),
  })
  .superRefine((json, ctx) => {
    try {
      validateDocJson(json.doc);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['doc'], message: error instanceof Error ? error.message : String(error) });
    }
  });

/** The longest draft text the main process takes (far above a 100,000-word live blog's 1.3 MB). */
export const MAX_DRAFT_TEXT = 64 * 1024 * 1024;

// Drafts this module checked, with the text they were read from (see `checkedDraftText`).
const checked = new WeakMap<Draft, string>();

/**
 * A draft sent as JSON text (`DraftText`), read by `parseDraft` exactly as a file is (envelope,
 * metadata, document against the schema; the message names what is wrong). The output is the
 * loaded `Draft`, so that the main process parses a draft once per call, not once per step.
 */
export const draftTextSchema = z
  .string()
  .max(MAX_DRAFT_TEXT, `a draft over ${String(MAX_DRAFT_TEXT / 1024 / 1024)} MB of text is more than Copydesk takes`)
  .transform((text, ctx): Draft => {
    try {
      const draft = parseDraft(text);
      checked.set(draft, text);
      return draft;
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });

/**
 * The JSON text `draft` was read from, when it is a draft that `draftTextSchema` checked (the
 * journal stores it as it came instead of serialising the draft again); undefined otherwise.
 */
export function checkedDraftText(draft: unknown): string | undefined {
  return typeof draft === 'object' && draft !== null ? checked.get(draft as Draft) : undefined;
}

/** Whether `value` is a draft that `draftTextSchema` checked (and that nothing has replaced since). */
export function isCheckedDraft(value: unknown): value is Draft {
  return checkedDraftText(value) !== undefined;
}

const none = z.undefined();
const named = z.strictObject({ name: draftNameSchema });

/** The validator of every call's request, by channel. Each one's input type is the request's type. */
export const requestSchemas = {
  'settings.get': none,
  'settings.chooseWorkspace': none,
  'system.accessibility': none,
  'workspace.list': none,
  'workspace.recent': none,
  'drafts.create': none,
  'drafts.open': named,
  'drafts.save': z.strictObject({
    name: draftNameSchema,
    draft: draftTextSchema,
    baseHash: hashSchema.nullable(),
    force: z.boolean().optional(),
  }),
  'drafts.saveAs': z.strictObject({ name: draftNameSchema.nullable(), draft: draftTextSchema, newName: draftNameSchema }),
  'drafts.duplicate': named,
  'drafts.rename': z.strictObject({ name: draftNameSchema, newName: draftNameSchema }),
  'drafts.nameFromHeadline': named,
  'drafts.trash': named,
  'drafts.import': z.strictObject({ from: z.enum(IMPORT_KINDS).optional() }),
  'recovery.record': z.strictObject({ key: recoveryKeySchema, name: draftNameSchema.nullable(), draft: draftTextSchema }),
  'recovery.list': none,
  'recovery.take': z.strictObject({ key: recoveryKeySchema }),
  'recovery.discard': z.strictObject({ key: recoveryKeySchema }),
  'versions.list': named,
  'versions.restore': z.strictObject({ name: draftNameSchema, id: versionIdSchema }),
  'export.write': z.strictObject({
    name: draftNameSchema,
    format: z.enum(exportFormatNames()),
    fragment: z.boolean().optional(),
    draft: draftTextSchema.optional(),
  }),
  'figures.importImage': z.strictObject({ draft: draftNameSchema }),
  'assets.check': z.strictObject({
    srcs: z.array(z.string().max(4096).refine(isAssetSrc, 'not an assets/… path')).min(1).max(1000),
  }),
  'window.ready': none,
  'window.setDirty': z.strictObject({ dirty: z.boolean() }),
  'window.close': none,
  'window.flushed': z.strictObject({ id: z.number().int().nonnegative(), open: draftNameSchema.nullable(), saved: z.boolean() }),
} satisfies { readonly [C in InvokeChannel]: z.ZodType<unknown, InvokeMap[C]['request']> };

/** A call's request after validation. */
export type ValidRequest<C extends InvokeChannel> = z.output<(typeof requestSchemas)[C]>;

/** A payload the validator refused; the message names the channel and each offending field. */
export class InvalidRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

/** The issues of a zod error as one sentence: "name: … ; draft.doc: …". */
export function describeIssues(error: z.ZodError, max = 5): string {
  return error.issues
    .slice(0, max)
    .map((issue) => {
      const where = issue.path.map((part) => capped(String(part))).join('.');
      // The caller ends the sentence; an issue's own final period would double it.
      const message = issueMessage(issue).replace(/\.$/u, '');
      return where === '' ? message : `${where}: ${message}`;
    })
    .join('; ');
}

/** Validates `payload` as the request of `channel`; throws `InvalidRequestError` if it is not one. */
export function validateRequest<C extends InvokeChannel>(channel: C, payload: unknown): ValidRequest<C> {
  const schema: z.ZodType = requestSchemas[channel];
  const result = schema.safeParse(payload);
  if (!result.success) throw new InvalidRequestError(`Copydesk refused a malformed “${channel}” request: ${describeIssues(result.error)}.`);
  return result.data as ValidRequest<C>;
}
