/**
 * Converting between a loaded `Draft` (ProseMirror node) and the `DraftJson` that travels over the
 * API. Both directions are checked: a JSON value is validated in full before it becomes a draft.
 */
import { draftToJson, type Draft } from '../draft/format';
import { validateDocJson } from '../draft/validate-doc';
import type { DraftJson } from './channels';
import { describeIssues, draftJsonSchema, InvalidRequestError } from './validate';

/** The JSON value of `draft`, as the API sends it. */
export function toDraftJson(draft: Draft): DraftJson {
  return draftToJson(draft) as unknown as DraftJson;
}

/** The draft a JSON value holds; throws `InvalidRequestError` naming what is wrong otherwise. */
export function fromDraftJson(json: unknown): Draft {
  const result = draftJsonSchema.safeParse(json);
  if (!result.success) throw new InvalidRequestError(`This is not a valid Copydesk draft: ${describeIssues(result.error)}.`);
  return { meta: result.data.meta, doc: validateDocJson(result.data.doc) };
}
