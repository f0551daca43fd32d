/**
 * Draft metadata: what lives beside the document rather than in it (the headline and standfirst
 * are in the document, because editors change them like any other text).
 */
import * as z from 'zod';

/** The review states of a draft, in workflow order. */
export const STATUSES = ['draft', 'ready-for-edit', 'edited', 'approved'] as const;

/** A draft's review state. */
export type Status = (typeof STATUSES)[number];

const isoDate = z.iso.datetime({ offset: true });
const shortText = z.string().max(200);

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
