import { describe, expect, it } from 'vitest';
import { DraftError } from '../../shared/draft/errors';
import { newDraft, parseDraft, serializeDraft } from '../../shared/draft/format';
import { followingSlug } from '../../shared/draft/meta';

const draftText = (meta: Record<string, unknown>): string => {
  const raw = JSON.parse(serializeDraft(newDraft(new Date('2026-03-01T10:00:00Z')))) as { meta: Record<string, unknown> };
  raw.meta = { ...raw.meta, ...meta };
  return JSON.stringify(raw);
};

describe('meta: slugLocked and autoName', () => {
  it('a draft from before the flags loads with them absent (false)', () => {
    const meta = parseDraft(draftText({})).meta;
    expect(meta.slugLocked).toBeUndefined();
    expect(meta.autoName).toBeUndefined();
  });
  it('keeps the flags through a save and a load', () => {
    const meta = parseDraft(draftText({ slugLocked: true, autoName: true })).meta;
    expect(meta).toMatchObject({ slugLocked: true, autoName: true });
    expect(parseDraft(serializeDraft({ ...newDraft(new Date(0)), meta })).meta).toMatchObject({ slugLocked: true, autoName: true });
  });
  it.each([
    ['slugLocked', 'yes'],
    ['autoName', 1],
  ])('refuses %s that is not true or false', (key, value) => {
    const error = (() => {
      try {
        parseDraft(draftText({ [key]: value }));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(DraftError);
    expect((error as DraftError).message).toContain(`meta.${key}`);
  });
});

describe('followingSlug', () => {
  it('follows the headline from an empty slug and while it is the previous headline’s slug', () => {
    expect(followingSlug({ slug: '' }, '', 'City votes')).toBe('city-votes');
    expect(followingSlug({ slug: 'city-votes' }, 'City votes', 'City votes budget')).toBe('city-votes-budget');
    expect(followingSlug({ slug: 'city-votes' }, 'City votes', 'City votes')).toBeNull();
  });
  it('stays once set by hand', () => {
    expect(followingSlug({ slug: 'my-slug', slugLocked: true }, 'City votes', 'City votes budget')).toBeNull();
    expect(followingSlug({ slug: '', slugLocked: true }, '', 'City votes')).toBeNull();
  });
  it('leaves an older draft’s hand-made slug alone', () => {
    expect(followingSlug({ slug: 'hand-made' }, 'City votes', 'City votes budget')).toBeNull();
  });
});
