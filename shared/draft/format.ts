/**
 * The `.copydesk` draft file: UTF-8 JSON holding a format name, a version, the metadata and the
 * ProseMirror document.
 *
 * Loading validates everything (duplicate keys and nesting depth first, see json-check.ts) and
 * fails with a short `DraftError` whose message names what is wrong and where, never quoting the
 * file's text; it never "repairs" a draft silently. Older format versions are migrated on load;
 * a newer one is refused, so that an older Copydesk never writes over what it does not understand.
 */
import type { Node as PMNode } from 'prosemirror-model';
import * as z from 'zod';
import { buildArticle } from '../article';
import { capped, DraftError, quoted } from './errors';
import { MAX_DEPTH, nodeJsonDepth, scanJsonText, TOO_DEEP_MESSAGE } from './json-check';
import { metaSchema, newMeta, type DraftMeta } from './meta';
import { jsonSyntaxProblem } from '../json-error';
import { stableStringify } from './stable-json';
import { validateDocJson } from './validate-doc';

/** The `format` value every draft file carries. */
export const DRAFT_FORMAT = 'copydesk-draft';

/**
 * The format version this Copydesk writes and the newest it reads. 2: the document may carry
 * review marks (suggestions, comments) and the doc's `review` attribute (shared/review/model.ts).
 */
export const DRAFT_VERSION = 2;

export { DRAFT_EXTENSION } from './extension';

/** A loaded draft. */
export interface Draft {
  readonly meta: DraftMeta;
  readonly doc: PMNode;
}

/** Upgrades a raw draft of version N to N+1; keyed by N. */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 had no review: its documents are valid version 2 documents as they are.
  1: (raw) => ({ ...raw, version: 2 }),
};

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
      const path = [prefix, ...issue.path.map((part) => capped(String(part)))].filter(Boolean).join('.');
      return `${path || 'the file'}: ${issueMessage(issue)}`;
    })
    .join('; ');
}

/**
 * A zod issue's message, short: zod quotes unknown keys in full (a draft's key may be huge), so
 * those are quoted here, cut; any other message is cut too.
 */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.slice(0, 3).map((key) => quoted(key)).join(', ');
    return `unknown key${issue.keys.length === 1 ? '' : 's'} ${keys}${issue.keys.length > 3 ? ', …' : ''}`;
  }
  return capped(issue.message, 200);
}

/**
 * Parses the text of a `.copydesk` file. Throws `DraftError` for text that is not JSON, holds a
 * duplicate key or nests deeper than `MAX_DEPTH`, is not a Copydesk draft, is from a newer
 * format version, or whose metadata or document is invalid.
 */
export function parseDraft(text: string): Draft {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new DraftError('not-json', `This file is ${jsonSyntaxProblem(error, json)}, so it is not a Copydesk draft.`);
  }
  // Before anything walks the value recursively (JSON.parse itself does not recurse).
  const found = scanJsonText(json);
  if (found?.kind === 'too-deep') throw new DraftError('invalid-document', TOO_DEEP_MESSAGE);
  if (found?.kind === 'duplicate-key') {
    throw new DraftError('not-draft', `This Copydesk draft is malformed: duplicate key ${quoted(found.key)} at line ${String(found.line)}, column ${String(found.column)}.`);
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

/**
 * The JSON value of a draft file, before stringifying. Throws `DraftError('invalid-document')` for
 * a document nested deeper than a draft may be (`MAX_DEPTH`), which could not be loaded again.
 */
export function draftToJson(draft: Draft): Record<string, unknown> {
  // The envelope's braces are the first level.
  if (nodeJsonDepth(draft.doc) + 1 > MAX_DEPTH) throw new DraftError('invalid-document', TOO_DEEP_MESSAGE);
  const doc = draft.doc.toJSON() as { attrs?: { review?: unknown } };
  // A draft with no review data writes no `attrs` on its doc.
  if (doc.attrs?.review === null) delete doc.attrs;
  return { format: DRAFT_FORMAT, version: DRAFT_VERSION, meta: draft.meta, doc };
}

/** Serialises a draft as pretty-printed JSON with a stable key order; throws as `draftToJson` does. */
export function serializeDraft(draft: Draft): string {
  return stableStringify(draftToJson(draft));
}

/** A new, empty draft created at `now`: empty headline and standfirst, one paragraph, no sources. */
export function newDraft(now: Date): Draft {
  return { meta: newMeta(now), doc: buildArticle() };
}
