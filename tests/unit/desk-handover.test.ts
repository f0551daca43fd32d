/**
 * The desk's hand-over (shared/desk/handover.ts): the checkpoint and notice of each status, the
 * status log (appended, bounded, valid for the file format), the mode each person opens a draft
 * in while it is filed or sent back, and what blocks approval.
 */
import { describe, expect, it } from 'vitest';
import { approvalBlockers, lastChangeTo, modeFor, nothingBlocks, recordStatusChange, STATUS_RULES } from '../../shared/desk/handover';
import { MAX_STATUS_LOG, metaSchema, newMeta, STATUSES, type DeskPerson, type DraftMeta } from '../../shared/draft/meta';
import { checkpointLabelSchema } from '../../shared/ipc/fields';
import { article, p } from './helpers/build';
import { reviewArticle } from './helpers/review-doc';

const ANA: DeskPerson = { id: 'ana-id', name: 'Ana Garcia' };
const BEN: DeskPerson = { id: 'ben-id', name: 'Ben Ortiz' };
const CAT: DeskPerson = { id: 'cat-id', name: 'Cat Lee' };
const T0 = new Date('2026-12-02T14:02:00.000Z');
const later = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

function fresh(): DraftMeta {
  return newMeta(T0);
}

describe('the table of statuses', () => {
  it('keeps a checkpoint for every hand-over and none for going back to draft', () => {
    expect(STATUS_RULES['ready-for-edit'].checkpoint).toBe('Filed');
    expect(STATUS_RULES.edited.checkpoint).toBe('Edited');
    expect(STATUS_RULES.approved.checkpoint).toBe('Approved');
    expect(STATUS_RULES.revise.checkpoint).toBe('Sent back for revision');
    expect(STATUS_RULES.draft.checkpoint).toBeNull();
  });

  it('names every checkpoint as the checkpoint call accepts it, and says something for every status', () => {
    for (const status of STATUSES) {
      const { checkpoint, notice } = STATUS_RULES[status];
      if (checkpoint !== null) expect(checkpointLabelSchema.safeParse(checkpoint).success, status).toBe(true);
      expect(notice.length, status).toBeGreaterThan(0);
    }
  });
});

describe('recording a change of status', () => {
  it('sets the status and appends who, when, from and to', () => {
    const filed = recordStatusChange(fresh(), 'ready-for-edit', ANA, T0);
    expect(filed.status).toBe('ready-for-edit');
    expect(filed.statusLog).toEqual([{ from: 'draft', to: 'ready-for-edit', by: ANA, at: T0.toISOString() }]);
    const back = recordStatusChange(filed, 'revise', BEN, later(30));
    expect(back.statusLog?.map((c) => [c.from, c.to, c.by.name])).toEqual([
      ['draft', 'ready-for-edit', 'Ana Garcia'],
      ['ready-for-edit', 'revise', 'Ben Ortiz'],
    ]);
    expect(metaSchema.safeParse(back).success).toBe(true);
  });

  it('does not change the meta it was given', () => {
    const meta = fresh();
    recordStatusChange(meta, 'ready-for-edit', ANA, T0);
    expect(meta.status).toBe('draft');
    expect(meta.statusLog).toBeUndefined();
  });

  it('records nothing when the status stays the same', () => {
    const filed = recordStatusChange(fresh(), 'ready-for-edit', ANA, T0);
    expect(recordStatusChange(filed, 'ready-for-edit', BEN, later(1))).toBe(filed);
  });

  it('keeps only the last MAX_STATUS_LOG changes, dropping the oldest, so the file stays valid', () => {
    let meta = fresh();
    for (let i = 0; i < MAX_STATUS_LOG + 3; i++) meta = recordStatusChange(meta, i % 2 === 0 ? 'ready-for-edit' : 'revise', i % 2 === 0 ? ANA : BEN, later(i));
    expect(meta.statusLog).toHaveLength(MAX_STATUS_LOG);
    expect(meta.statusLog?.[0]?.at).toBe(later(3).toISOString());
    expect(meta.statusLog?.at(-1)?.at).toBe(later(MAX_STATUS_LOG + 2).toISOString());
    expect(metaSchema.safeParse(meta).success).toBe(true);
  });

  it('keeps only the id and name of the person (a reviewer carries initials too)', () => {
    const meta = recordStatusChange(fresh(), 'edited', { ...BEN, initials: 'BO' } as DeskPerson, T0);
    expect(meta.statusLog?.[0]?.by).toEqual(BEN);
    expect(metaSchema.safeParse(meta).success).toBe(true);
  });

  it('finds the last change into a status', () => {
    let meta = recordStatusChange(fresh(), 'ready-for-edit', ANA, T0);
    meta = recordStatusChange(meta, 'revise', BEN, later(1));
    meta = recordStatusChange(meta, 'ready-for-edit', CAT, later(2));
    expect(lastChangeTo(meta, 'ready-for-edit')?.by).toEqual(CAT);
    expect(lastChangeTo(meta, 'approved')).toBeNull();
  });
});

describe('the mode a person opens the draft in', () => {
  const filed = recordStatusChange(fresh(), 'ready-for-edit', ANA, T0);
  const sentBack = recordStatusChange(filed, 'revise', BEN, later(30));

  it('while filed: the reporter who filed it views, anyone else suggests', () => {
    expect(modeFor(filed, ANA.id)?.mode).toBe('viewing');
    expect(modeFor(filed, BEN.id)?.mode).toBe('suggesting');
    expect(modeFor(filed, BEN.id)?.reason).toContain('Ana Garcia');
    expect(modeFor(filed, CAT.id)?.mode).toBe('suggesting');
  });

  it('while sent back: the reporter edits, whoever sent it back views, a third person is free', () => {
    expect(modeFor(sentBack, ANA.id)?.mode).toBe('editing');
    expect(modeFor(sentBack, ANA.id)?.reason).toContain('Ben Ortiz');
    expect(modeFor(sentBack, BEN.id)?.mode).toBe('viewing');
    expect(modeFor(sentBack, CAT.id)).toBeNull();
  });

  it('filed again by the reporter after a revision: the reporter views again', () => {
    const refiled = recordStatusChange(sentBack, 'ready-for-edit', ANA, later(60));
    expect(modeFor(refiled, ANA.id)?.mode).toBe('viewing');
    expect(modeFor(refiled, BEN.id)?.mode).toBe('suggesting');
  });

  it('imposes nothing in the other statuses', () => {
    expect(modeFor(fresh(), ANA.id)).toBeNull();
    expect(modeFor(recordStatusChange(sentBack, 'edited', BEN, later(90)), ANA.id)).toBeNull();
    expect(modeFor(recordStatusChange(sentBack, 'approved', BEN, later(90)), BEN.id)).toBeNull();
  });

  it('with no record of who filed it (an older file): everyone suggests while filed; while sent back, everyone but the sender edits', () => {
    const old: DraftMeta = { ...fresh(), status: 'ready-for-edit' };
    expect(modeFor(old, ANA.id)?.mode).toBe('suggesting');
    const oldBack = recordStatusChange(old, 'revise', BEN, T0);
    expect(modeFor(oldBack, ANA.id)?.mode).toBe('editing');
    expect(modeFor(oldBack, BEN.id)?.mode).toBe('viewing');
  });

  it('someone who filed and sent back their own draft edits it', () => {
    const own = recordStatusChange(recordStatusChange(fresh(), 'ready-for-edit', ANA, T0), 'revise', ANA, later(1));
    expect(modeFor(own, ANA.id)?.mode).toBe('editing');
  });
});

describe('what blocks approval', () => {
  it('counts pending suggestions and open threads, detached ones too, not resolved ones', () => {
    // reviewArticle: 15 suggestions (h1, s1 to s14); threads th1 (open), th2 (resolved), th3 (open, detached).
    expect(approvalBlockers(reviewArticle())).toEqual({ suggestions: 15, threads: 2 });
    expect(nothingBlocks(approvalBlockers(reviewArticle()))).toBe(false);
  });

  it('finds nothing in a draft with no review', () => {
    const blockers = approvalBlockers(article({ headline: 'Calm', body: [p('Nothing to decide.')] }));
    expect(blockers).toEqual({ suggestions: 0, threads: 0 });
    expect(nothingBlocks(blockers)).toBe(true);
  });
});
