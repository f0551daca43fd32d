/**
 * What the renderer learns about a failed call: a code for programs and a message for the user,
 * never a stack trace, a file-system error object or anything else from inside the main process.
 */
import { DraftError } from '../../shared/draft/errors';
import { InvalidRequestError } from '../../shared/ipc/validate';
import { ServiceError } from '../services/errors';

/** The error part of a failed reply. */
export interface ReplyError {
  readonly code: string;
  readonly message: string;
}

/** The longest message sent to the renderer. */
const MAX_MESSAGE = 1000;

function clean(message: string): string {
  // One paragraph, no stack: a message may have been built from a system error's text.
  const firstLines = message.split(/\n\s*at\s/u, 1)[0] ?? '';
  const flat = firstLines.replace(/\s+/gu, ' ').trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}

/**
 * The reply for an error thrown while handling `channel`. Errors meant for the user (services'
 * `ServiceError`, `DraftError`, a refused payload) keep their message and code; anything else is
 * an unexpected failure, reported by its message only.
 */
export function toReplyError(error: unknown, channel: string): ReplyError {
  if (error instanceof InvalidRequestError) return { code: 'invalid-request', message: clean(error.message) };
  if (error instanceof DraftError) return { code: error.kind, message: clean(error.message) };
  if (error instanceof ServiceError) return { code: error.code, message: clean(error.message) };
  if (error instanceof Error) {
    return { code: 'failed', message: clean(`Copydesk could not complete “${channel}”: ${error.message || error.name}`) };
  }
  return { code: 'failed', message: `Copydesk could not complete “${channel}”.` };
}
