/** The file name extension of drafts (apart from format.ts, so that the library can use it without the draft validators). */
export const DRAFT_EXTENSION = '.copydesk';
