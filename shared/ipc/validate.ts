/**
 * The main process's check of every request the renderer sends, before any service sees it: each
 * call's validator is the one `CALLS` declares for it (channels.ts), so that no channel can exist
 * without one. The field validators (draft names, keys, hashes, drafts) are in fields.ts.
 *
 * Objects are strict (an unknown key is refused, so a typo or an injected field does not pass
 * silently); a draft (`DraftText` or `DraftBytes`) is read by `parseDraft` exactly as a file is, and arrives as a
 * `CheckedDraft`. Two steps: `validateShape` (zod; bounded work: a draft is only measured) and
 * `checkDrafts`, which has each draft read by a `DraftCheck` (the main process's worker threads).
 * `validateRequest` does both on the calling thread.
 */
import type * as z from 'zod';
import { capped } from '../draft/errors';
import { issueMessage } from '../draft/format';
import { CALLS, type InvokeChannel, type ShapedRequest, type ValidRequest } from './channels';
import { checkDraftText, checkSentDraft, RefusedDraftError, SentDraft, type DraftCheck } from './checked-draft';

/** A payload the validator refused; the message names the channel and each offending field. */
export class InvalidRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

// The caller ends the sentence; an issue's own final period would double it.
const issueText = (where: string, message: string): string => (where === '' ? message : `${where}: ${message}`).replace(/\.$/u, '');

/** The issues of a zod error as one sentence: "name: … ; draft.doc: …". */
export function describeIssues(error: z.ZodError, max = 5): string {
  return error.issues
    .slice(0, max)
    .map((issue) => issueText(issue.path.map((part) => capped(String(part))).join('.'), issueMessage(issue).replace(/\.$/u, '')))
    .join('; ');
}

const refused = (channel: InvokeChannel, issues: string): InvalidRequestError => new InvalidRequestError(`Copydesk refused a malformed “${channel}” request: ${issues}.`);

/** Validates the shape of `payload` as the request of `channel` (drafts still unread); throws `InvalidRequestError`. */
export function validateShape<C extends InvokeChannel>(channel: C, payload: unknown): ShapedRequest<C> {
  const schema: z.ZodType = CALLS[channel].request;
  const result = schema.safeParse(payload);
  if (!result.success) throw refused(channel, describeIssues(result.error));
  return result.data as ShapedRequest<C>;
}

// The fields of a request that hold a draft still to read (requests are flat objects).
function sentFields(request: unknown): [string, SentDraft][] {
  if (request === null || typeof request !== 'object') return [];
  return Object.entries(request).filter((entry): entry is [string, SentDraft] => entry[1] instanceof SentDraft);
}

/**
 * Has every draft of a shaped request read by `check`; throws `InvalidRequestError` naming the
 * field and `parseDraft`'s message, as `validateRequest` does, for one that is no draft.
 */
export async function checkDrafts<C extends InvokeChannel>(channel: C, request: ShapedRequest<C>, check: DraftCheck): Promise<ValidRequest<C>> {
  const fields = sentFields(request);
  if (fields.length === 0) return request as ValidRequest<C>;
  const checked = { ...(request as object) } as Record<string, unknown>;
  for (const [key, sent] of fields) {
    try {
      checked[key] = await checkSentDraft(sent, check);
    } catch (error) {
      if (error instanceof RefusedDraftError) throw refused(channel, issueText(key, capped(error.message, 200)));
      throw error;
    }
  }
  return checked as ValidRequest<C>;
}

/** Validates `payload` as the request of `channel`, drafts read on this thread; throws `InvalidRequestError` if it is not one. */
export function validateRequest<C extends InvokeChannel>(channel: C, payload: unknown): ValidRequest<C> {
  const shaped = validateShape(channel, payload);
  const fields = sentFields(shaped);
  if (fields.length === 0) return shaped as ValidRequest<C>;
  const checked = { ...(shaped as object) } as Record<string, unknown>;
  for (const [key, sent] of fields) {
    try {
      checked[key] = checkDraftText(sent.content);
    } catch (error) {
      throw refused(channel, issueText(key, capped(error instanceof Error ? error.message : String(error), 200)));
    }
  }
  return checked as ValidRequest<C>;
}
