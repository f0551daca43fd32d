/**
 * The main process's check of every request the renderer sends, before any service sees it: each
 * call's validator is the one `CALLS` declares for it (channels.ts), so that no channel can exist
 * without one. The field validators (draft names, keys, hashes, drafts) are in fields.ts.
 *
 * Objects are strict (an unknown key is refused, so a typo or an injected field does not pass
 * silently); a draft (`DraftText`) is read by `parseDraft` exactly as a file is, and arrives as a
 * `CheckedDraft`.
 */
import type * as z from 'zod';
import { capped } from '../draft/errors';
import { issueMessage } from '../draft/format';
import { CALLS, type InvokeChannel, type ValidRequest } from './channels';

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
  const schema: z.ZodType = CALLS[channel].request;
  const result = schema.safeParse(payload);
  if (!result.success) throw new InvalidRequestError(`Copydesk refused a malformed “${channel}” request: ${describeIssues(result.error)}.`);
  return result.data as ValidRequest<C>;
}
