/**
 * The library as the desk reads it (issue 13 §3): each draft's status and last change of status
 * (who, when, from, to, from `meta.statusLog`), and who has it open (a fresh lock, this
 * installation's own included, read apart from the summary cache so that a lock taken or gone
 * shows at the next listing even though the draft did not change).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_STALE_MS } from '../../shared/ipc/channels';
import type { StatusChange } from '../../shared/draft/meta';
import { checkedJson, sampleJson, servicesFixture, type ServicesFixture } from './helpers/services-fixtures';

let fx: ServicesFixture;
let other: ServicesFixture | null = null;
afterEach(async () => {
  await other?.cleanup();
  other = null;
  await fx.cleanup();
});

const reporter = { id: 'reporter1', name: 'Ana García' };
const editor = { id: 'editor1', name: 'Ben Okafor' };

/** The sample draft with `status` and its status log. */
function withStatus(status: 'draft' | 'ready-for-edit' | 'revise', statusLog?: StatusChange[]): ReturnType<typeof checkedJson> {
  const json = sampleJson('Budget');
  return checkedJson({ ...json, meta: { ...(json.meta as object), status, ...(statusLog ? { statusLog } : {}) } });
}

describe('the library', () => {
  it('shows the last change of status of each draft, and none for a draft without a log', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0 });
    const a = await fx.services.drafts.create();
    const b = await fx.services.drafts.create();
    const log: StatusChange[] = [
      { from: 'draft', to: 'ready-for-edit', by: reporter, at: '2026-03-01T08:00:00.000Z' },
      { from: 'ready-for-edit', to: 'revise', by: editor, at: '2026-03-01T08:30:00.000Z' },
    ];
    expect((await fx.services.drafts.save(a.name, withStatus('revise', log), a.hash)).ok).toBe(true);
    expect((await fx.services.drafts.save(b.name, withStatus('draft'), b.hash)).ok).toBe(true);
    const list = await fx.services.workspace.list();
    const byName = new Map(list.map((d) => [d.name, d]));
    expect(byName.get(a.name)).toMatchObject({ status: 'revise', lastStatusChange: { from: 'ready-for-edit', to: 'revise', by: editor, at: '2026-03-01T08:30:00.000Z' } });
    expect(byName.get(b.name)?.status).toBe('draft');
    expect(byName.get(b.name)).not.toHaveProperty('lastStatusChange');
  });

  it('shows who holds each draft, its own installation included, and notices locks taken and gone without the draft changing', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0, machine: 'desk-1' });
    const created = await fx.services.drafts.create();
    const me = fx.services.settings.person();
    const holderOf = async (services = fx.services): Promise<unknown> => (await services.workspace.list()).find((d) => d.name === created.name)?.holder;
    expect(await holderOf()).toEqual({ id: me.id, name: me.name, machine: 'desk-1', since: '2026-03-01T09:00:00.000Z', refreshed: '2026-03-01T09:00:00.000Z' });
    await fx.services.drafts.release(created.name);
    expect(await holderOf()).toBeUndefined();

    // Another installation opens it: seen here at the next listing.
    other = await servicesFixture({ documentsDir: fx.documents, lockRefreshMs: 0, machine: 'desk-2' });
    other.clock.ms = fx.clock.ms + 1000;
    expect((await other.services.drafts.open(created.name)).access).toEqual({ kind: 'editing' });
    expect(await holderOf()).toMatchObject({ id: other.services.settings.authorId(), machine: 'desk-2' });
    // Its lock goes stale (a crash): nobody holds it any more.
    fx.clock.advance(LOCK_STALE_MS + 1000);
    expect(await holderOf()).toBeUndefined();
  });

  it('reads no holder from a lock file that is a link', async () => {
    fx = await servicesFixture({ lockRefreshMs: 0 });
    const created = await fx.services.drafts.create();
    const lockFile = path.join(fx.workspace, `.${created.name}.lock`);
    const copy = path.join(fx.root, 'lock-copy.json');
    await fs.copyFile(lockFile, copy);
    await fs.rm(lockFile);
    await fs.symlink(copy, lockFile);
    expect((await fx.services.workspace.list())[0]).not.toHaveProperty('holder');
  });
});
