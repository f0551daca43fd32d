// The History panel's controller on a real DocumentSession over a fake API: the list loaded
// again after a save; "Name a checkpoint" saves first, then keeps the checkpoint; a comparison's
// older side is the base whichever order the sides come in (the current text is the newest);
// showing a version reads it with versions.restore and writes nothing.
import { promises as fs } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { CopydeskApi } from '../../shared/ipc/api';
import type { VersionSummary } from '../../shared/ipc/channels';
import { HistoryController } from '../../renderer/app/history/history-controller';
import { DocumentSession } from '../../renderer/app/session/document-session';

const seedText = await fs.readFile(new URL('../fixtures/seed-article.copydesk', import.meta.url), 'utf8');
const editedText = await fs.readFile(new URL('../fixtures/seed-article-edited.copydesk', import.meta.url), 'utf8');

const version = (id: string, createdAt: string, label?: string): VersionSummary => ({ id, createdAt, words: 600, headline: 'H', status: 'draft', author: null, ...(label ? { label } : {}) });
const OLD = version('0000000000001-aaaaaaaaaaaa', '2026-12-01T10:00:00.000Z', 'Filed');
const NEW = version('0000000000002-bbbbbbbbbbbb', '2026-12-02T10:00:00.000Z');

/** A fake API that records the calls the session and the controller make. */
function fakeApi(): { api: CopydeskApi; calls: string[]; lists: number } {
  const state = { calls: [] as string[], lists: 0 };
  const api = {
    drafts: {
      save: async () => {
        state.calls.push('save');
        return { ok: true, hash: 'h2', updated: new Date().toISOString() };
      },
      nameFromHeadline: async ({ name }: { name: string }) => ({ name }),
    },
    recovery: { record: async () => undefined, discard: async () => undefined },
    versions: {
      list: async () => {
        state.lists++;
        return [NEW, OLD];
      },
      restore: async ({ id }: { id: string }) => {
        state.calls.push(`restore ${id}`);
        return id === OLD.id ? seedText : editedText;
      },
      checkpoint: async ({ label }: { label: string }) => {
        state.calls.push(`checkpoint ${label}`);
        return version('0000000000003-cccccccccccc', '2026-12-02T11:00:00.000Z', label);
      },
      label: async ({ id, label }: { id: string; label: string }) => {
        state.calls.push(`label ${id} ${label}`);
        return { ...OLD, label };
      },
    },
  } as unknown as CopydeskApi;
  return {
    api,
    calls: state.calls,
    get lists() {
      return state.lists;
    },
  };
}

function open(api: CopydeskApi): { session: DocumentSession; history: HistoryController; stop: () => void } {
  // Node's timers stand in for the window's (autosave's clock).
  const timers = { now: () => Date.now(), setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms), clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout) };
  const session = new DocumentSession(api, { name: 'story.copydesk', draft: editedText, hash: 'h1' }, { typography: false, timers });
  const history = new HistoryController(api, session);
  return { session, history, stop: history.attach() };
}

describe('HistoryController', () => {
  it('loads the list, and again after each save', async () => {
    const fake = fakeApi();
    const { session, history, stop } = open(fake.api);
    await history.reload();
    expect(history.versions.get()).toEqual({ kind: 'loaded', versions: [NEW, OLD] });
    const before = fake.lists;
    session.setMeta({ section: 'World news' });
    await session.saver.saveNow();
    await expect.poll(() => fake.lists).toBeGreaterThan(before);
    stop();
    session.dispose();
  });

  it('names a checkpoint after saving what is typed', async () => {
    const fake = fakeApi();
    const { session, history, stop } = open(fake.api);
    session.setMeta({ section: 'World news' });
    const kept = await history.checkpoint('Before legal read');
    expect(kept.label).toBe('Before legal read');
    expect(fake.calls).toEqual(['save', 'checkpoint Before legal read']);
    await history.label(OLD.id, 'Legal read done');
    expect(fake.calls.at(-1)).toBe(`label ${OLD.id} Legal read done`);
    stop();
    session.dispose();
  });

  it('shows a version read-only (read, nothing written), and compares with the older side as the base', async () => {
    const fake = fakeApi();
    const { session, history, stop } = open(fake.api);
    await history.show(OLD);
    const shown = history.shown.get();
    expect(shown?.kind).toBe('version');
    expect(fake.calls).toEqual([`restore ${OLD.id}`]);

    // The current text is newer than any version: given first, it is still the newer side.
    await history.compare(null, OLD);
    const compared = history.shown.get();
    if (compared?.kind !== 'compare') throw new Error('no comparison shown');
    expect(compared.older).toBe(OLD);
    expect(compared.newer).toBeNull();
    // The seed against its copy edited in 20 places (the engine's fixture pair).
    expect(compared.comparison.summary.total).toBe(20);

    await history.compare(NEW, OLD);
    const two = history.shown.get();
    if (two?.kind !== 'compare') throw new Error('no comparison shown');
    expect([two.older, two.newer]).toEqual([OLD, NEW]);
    history.back();
    expect(history.shown.get()).toBeNull();
    stop();
    session.dispose();
  });

  it('loads the list again after a change of status (its checkpoint follows the save)', async () => {
    const fake = fakeApi();
    const { session, stop } = open(fake.api);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const before = fake.lists;
      session.meta.set({ ...session.meta.get(), status: 'ready-for-edit', statusLog: [{ from: 'draft', to: 'ready-for-edit', by: { id: 'rita-1', name: 'Rita' }, at: '2026-12-02T10:00:00.000Z' }] });
      await vi.advanceTimersByTimeAsync(3000);
      expect(fake.lists).toBe(before + 2);
    } finally {
      vi.useRealTimers();
      stop();
      session.dispose();
    }
  });
});
