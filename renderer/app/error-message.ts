/** How a failed call or any other error is worded for the user (no page globals: the session and its tests load it too). */

/** A user-facing sentence for a failed call or any other error. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  if (typeof error === 'string' && error.trim() !== '') return error;
  return 'Something went wrong, and Copydesk could not tell what.';
}
