/**
 * Draft metadata: what lives beside the document rather than in it (the headline and standfirst
 * are in the document, because editors change them like any other text).
 */
import * as z from 'zod';
import { STATUSES } from './statuses';

export { STATUSES, type Status } from './statuses';

const isoDate = z.iso.datetime({ offset: true });
const shortText = z.string().max(200);

/** A person as the desk records them: the installation's stable author id (shared/review) and their name then. */
const personSchema = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/u), name: z.string().min(1).max(100) });

/** A person in the draft's desk records. */
export type DeskPerson = z.infer<typeof personSchema>;

/** One change of status: who, when, from, to. */
const statusChangeSchema = z.strictObject({ from: z.enum(STATUSES), to: z.enum(STATUSES), by: personSchema, at: isoDate });

/** One recorded change of status. */
export type StatusChange = z.infer<typeof statusChangeSchema>;

/** How many changes of status a draft keeps (the oldest go first). */
export const MAX_STATUS_LOG = 500;

/** Validator of draft metadata; unknown keys are refused so that typos do not pass silently. */
export const metaSchema = z.strictObject({
  slug: z.string().max(200).regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/u, 'must be lower-case words joined by hyphens'),
  section: shortText,
  tags: z.array(shortText).max(100),
  authors: z.array(shortText).max(100),
  status: z.enum(STATUSES),
  created: isoDate,
  updated: isoDate,
  /** The reporter set the slug by hand: it no longer follows the headline (absent: false). */
  slugLocked: z.boolean().optional(),
  /**
   * The file is still named from the headline (a new draft, until renamed by hand); absent:
   * false, so drafts older than this field keep their names.
   */
  autoName: z.boolean().optional(),
  /** Every change of status, oldest first (absent: none recorded). */
  statusLog: z.array(statusChangeSchema).max(MAX_STATUS_LOG).optional(),
  /** Who wrote the file last: stamped by the main process at each save, as `updated` is. */
  savedBy: personSchema.optional(),
});

/** Draft metadata. */
export type DraftMeta = z.infer<typeof metaSchema>;

/** Metadata for a draft created at `now`. */
export function newMeta(now: Date): DraftMeta {
  const stamp = now.toISOString();
  return { slug: '', section: '', tags: [], authors: [], status: 'draft', created: stamp, updated: stamp };
}

/** A slug made from a headline: lower case, ASCII letters and digits, hyphens between words. */
export function slugify(headline: string): string {
  return headline
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80)
    .replace(/-+$/u, '');
}

/**
 * The slug for `headline` when the slug follows the headline, or null when it stays as it is:
 * it follows unless set by hand (`slugLocked`), and a slug from before that flag existed only
 * while it is empty or still the slug of `previousHeadline`.
 */
export function followingSlug(meta: Pick<DraftMeta, 'slug' | 'slugLocked'>, previousHeadline: string, headline: string): string | null {
  if (meta.slugLocked === true) return null;
  if (meta.slug !== '' && meta.slug !== slugify(previousHeadline)) return null;
  const slug = slugify(headline);
  return slug === meta.slug ? null : slug;
}
