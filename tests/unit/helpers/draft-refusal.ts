/** The error `parseDraft` refuses a text with, for tests of the draft format. */
import { expect } from 'vitest';
import { DraftError } from '../../../shared/draft/errors';
import { parseDraft } from '../../../shared/draft/format';

/** The `DraftError` that `parseDraft(text)` throws; fails the test when it reads the text. */
export function draftRefusal(text: string): DraftError {
  try {
    parseDraft(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DraftError);
    return error as DraftError;
  }
  throw new Error('expected the draft to be refused');
}
