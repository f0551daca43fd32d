/**
 * The `.copydesk` draft file: UTF-8 JSON holding a format name, a version, the metadata and the
 * ProseMirror document.
 *
 * Loading validates everything and fails with a `DraftError` whose message names what is wrong;
 * it never "repairs" a draft silently. Older format versions are migrated on load; a newer one is
 * refused, so that an older Copydesk never writes over what it does not understand.
 */
import type { Node as PMNode } from 'prosemirror-model';
import * as z from 'zod';
import { schema } from '../schema';
import { DraftError } from './errors';
import { metaSchema, newMeta, type DraftMeta } from './meta';
import { jsonSyntaxProblem } from '../json-error';
import { stableStringify } from './stable-json';
import { validateDocJson } from './validate-doc';

/** The `format` value every draft file carries. */
export const DRAFT_FORMAT = 'copydesk-draft';

/** The format version this Copydesk writes and the newest it reads. */
export const DRAFT_VERSION = 1;

/** The file name extension of drafts. */
export const DRAFT_EXTENSION = '.copydesk';

/** A loaded draft. */
export interface Draft {
  readonly meta: DraftMeta;
  readonly doc: PMNode;
}

/** Upgrades a raw draft of version N to N+1; keyed by N. None yet: version 1 is the first. */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

const envelopeSchema = z.strictObject({
  format: z.literal(DRAFT_FORMAT),
  version: z.literal(DRAFT_VERSION),
  // Checked separately below, so that their errors name them.
  meta: z.unknown().optional(),
  doc: z.unknown().optional(),
});

function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      return `${path || 'the file'}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Parses the text of a `.copydesk` file. Throws `DraftError` for text that is not JSON, not a
 * Copydesk draft, from a newer format version, or whose metadata or document is invalid.
 */
export function parseDraft(text: string): Draft {
  let raw: unknown;
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new DraftError('not-json', `This file is ${jsonSyntaxProblem(error, json)}, so it is not a Copydesk draft.`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== DRAFT_FORMAT) {
    throw new DraftError('not-draft', `This JSON file is not a Copydesk draft: it has no "format": "${DRAFT_FORMAT}".`);
  }
  let record = raw as Record<string, unknown>;
  const version = record.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new DraftError('not-draft', `This Copydesk draft has no valid format version (found ${typeof version === 'number' ? String(version) : version === undefined ? 'nothing' : `a ${typeof version}`}).`);
  }
  if (version > DRAFT_VERSION) {
    throw new DraftError(
      'newer-version',
      `This draft was written by a newer Copydesk (format version ${String(version)}); this Copydesk reads versions up to ${String(DRAFT_VERSION)}. Update Copydesk to open it; the file is left as it is.`,
    );
  }
  for (let v = version; v < DRAFT_VERSION; v++) {
    const migrate = MIGRATIONS[v];
    if (!migrate) throw new DraftError('not-draft', `No migration from draft format version ${String(v)}.`);
    record = migrate(record);
  }
  const envelope = envelopeSchema.safeParse(record);
  if (!envelope.success) throw new DraftError('not-draft', `This Copydesk draft is malformed: ${describeIssues(envelope.error, '')}.`);
  const meta = metaSchema.safeParse(envelope.data.meta);
  if (!meta.success) throw new DraftError('invalid-metadata', `The draft's metadata is invalid: ${describeIssues(meta.error, 'meta')}.`);
  const doc = validateDocJson(envelope.data.doc);
  return { meta: meta.data, doc };
}

/** The JSON value of a draft file, before stringifying. */
export function draftToJson(draft: Draft): Record<string, unknown> {
  return { format: DRAFT_FORMAT, version: DRAFT_VERSION, meta: draft.meta, doc: draft.doc.toJSON() as unknown };
}

/** Serialises a draft as pretty-printed JSON with a stable key order. */
export function serializeDraft(draft: Draft): string {
  return stableStringify(draftToJson(draft));
}

/** A new, empty draft created at `now`: empty headline and standfirst, one paragraph, no sources. */
export function newDraft(now: Date): Draft {
  const doc = schema.node('doc', null, [
    schema.node('headline'),
    schema.node('standfirst'),
    schema.node('paragraph'),
    schema.node('sources'),
  ]);
  return { meta: newMeta(now), doc };
}
