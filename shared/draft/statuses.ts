/**
 * The review states of a draft, in workflow order: the reporter writes (`draft`) and files it
 * (`ready-for-edit`); the editor sends it back (`revise`) or finishes (`edited`); the desk signs
 * it off (`approved`). shared/desk/handover.ts says what each change of status does. Apart from
 * meta.ts's validators (zod), so that the library's filter does not load them.
 */
export const STATUSES = ['draft', 'ready-for-edit', 'revise', 'edited', 'approved'] as const;

/** A draft's review state. */
export type Status = (typeof STATUSES)[number];
