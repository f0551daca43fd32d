/**
 * The flush requests of a window (electron/api/flush-requests.ts): the renderer's answer resolves
 * the request it names; no answer within the bound, a failed send or a renderer that went away
 * resolves null, so that a hung renderer never holds a reload or a close.
 */
import { describe, expect, it } from 'vitest';
import { FlushRequests } from '../../electron/api/flush-requests';
import type { FlushRequest } from '../../shared/ipc/channels';

describe('FlushRequests', () => {
  it('resolves each request with the answer carrying its id', async () => {
    const flushes = new FlushRequests(10_000);
    const sent: FlushRequest[] = [];
    const first = flushes.request((r) => sent.push(r));
    const second = flushes.request((r) => sent.push(r));
    expect(sent.map((r) => r.id)).toHaveLength(2);
    expect(sent[0]?.id).not.toBe(sent[1]?.id);
    flushes.answer({ id: sent[1]?.id ?? -1, open: 'b.copydesk', saved: true });
    flushes.answer({ id: sent[0]?.id ?? -1, open: null, saved: false });
    expect(await first).toEqual({ id: sent[0]?.id, open: null, saved: false });
    expect(await second).toEqual({ id: sent[1]?.id, open: 'b.copydesk', saved: true });
  });

  it('resolves null after the bound when no answer comes, and ignores a late answer', async () => {
    const flushes = new FlushRequests(30);
    let id = -1;
    const started = Date.now();
    const reply = await flushes.request((r) => (id = r.id));
    expect(reply).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(() => flushes.answer({ id, open: null, saved: true })).not.toThrow();
  });

  it('resolves null when the request cannot be sent, or the renderer went away', async () => {
    const flushes = new FlushRequests(10_000);
    expect(
      await flushes.request(() => {
        throw new Error('the page is gone');
      }),
    ).toBeNull();
    const waiting = flushes.request(() => undefined);
    flushes.abandon();
    expect(await waiting).toBeNull();
  });
});
