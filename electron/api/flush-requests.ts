/**
 * Asking a window's renderer to put what was typed on disk before its page goes (reload, close,
 * quit), and waiting for its answer, within a bound.
 *
 * Why: the renderer's own `pagehide`/`beforeunload` cannot wait for an asynchronous IPC call, so
 * a reload within the journal's second of typing lost the last sentence. The main process sends
 * the `flush` event, the renderer saves (or journals) and answers `window.flushed` with the same
 * id; only then does the page go. A renderer that hangs or never listens does not hold the window:
 * after `timeoutMs` the answer is null and the page goes anyway (its journal is a second old at
 * most). Used by the shell (electron/shell/window.ts) and the end-to-end harness alike.
 */
import type { FlushReply, FlushRequest } from '../../shared/ipc/channels';

/** How long a window waits for its renderer's flush before its page goes anyway. */
export const FLUSH_TIMEOUT_MS = 5000;

/** The flush requests of one window. */
export class FlushRequests {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: FlushReply | null) => void>();

  constructor(private readonly timeoutMs = FLUSH_TIMEOUT_MS) {}

  /** Sends a request through `send` and resolves with the renderer's answer, or null after the timeout. */
  request(send: (request: FlushRequest) => void): Promise<FlushReply | null> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(id, null), this.timeoutMs);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      try {
        send({ id });
      } catch {
        this.settle(id, null);
      }
    });
  }

  /** The renderer's answer (one for a request nobody waits for any more is ignored). */
  answer(reply: FlushReply): void {
    this.settle(reply.id, reply);
  }

  /** Answers every waiting request with null (the renderer went away). */
  abandon(): void {
    for (const id of [...this.waiting.keys()]) this.settle(id, null);
  }

  private settle(id: number, reply: FlushReply | null): void {
    const done = this.waiting.get(id);
    this.waiting.delete(id);
    done?.(reply);
  }
}
