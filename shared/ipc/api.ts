/**
 * The API object the renderer calls (`window.copydesk`), derived from the channel map, and
 * `createApi`, which builds it over any transport: Electron's IPC in the preload script, or
 * Playwright's `exposeBinding` when the renderer is tested in plain Chromium against the real
 * services. Either way the main side validates the payload and the sender (electron/api).
 *
 * Shape: `api.<group>.<method>(request?)` returns a Promise of the response, for each channel
 * `group.method`; `api.on.<event>(listener)` subscribes and returns a function that unsubscribes.
 * Listeners receive the payload only: no transport event object ever reaches the renderer.
 * A failed call rejects with a `CopydeskError` whose message is meant for the user.
 */
import type { EventMap, EventName, InvokeChannel, InvokeMap, IpcReply } from './channels';
import { eventChannel } from './event-channel';

/** How calls and events travel; the only thing that differs between Electron and tests. */
export interface ApiTransport {
  /** Sends a call on `channel` and resolves with the reply (an `IpcReply`). */
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Calls `listener` with each payload sent on `channel`; returns a function that stops it. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/** The names the API is built from: `API_NAMES` (channels.ts), or the preload's copy of it made at build time. */
export interface ApiNames {
  readonly invoke: readonly InvokeChannel[];
  readonly events: readonly EventName[];
}

/** Stops an event subscription. */
export type Unsubscribe = () => void;

type GroupOf<C> = C extends `${infer G}.${string}` ? G : never;
type MethodOf<C, G extends string> = C extends `${G}.${infer M}` ? M : never;
type Method<C extends InvokeChannel> = [InvokeMap[C]['request']] extends [void]
  ? () => Promise<InvokeMap[C]['response']>
  : (request: InvokeMap[C]['request']) => Promise<InvokeMap[C]['response']>;

/** The calls of one group ("drafts" → open, save, …). */
export type ApiGroup<G extends string> = {
  readonly [C in InvokeChannel as MethodOf<C, G>]: Method<C>;
};

/** The event subscriptions: `on.menu(listener)` → unsubscribe. */
export type ApiEvents = {
  readonly [E in EventName]: (listener: (payload: EventMap[E]) => void) => Unsubscribe;
};

/** The API the preload exposes as `window.copydesk`, and nothing else. */
export type CopydeskApi = {
  readonly [G in GroupOf<InvokeChannel>]: ApiGroup<G>;
} & { readonly on: ApiEvents };

/** A call the main process refused or could not carry out; `message` is meant for the user. */
export class CopydeskError extends Error {
  /** A short code for programs ('invalid-request', 'untrusted-sender', 'not-found', …). */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'CopydeskError';
    this.code = code;
  }
}

function isReply(value: unknown): value is IpcReply {
  if (value === null || typeof value !== 'object') return false;
  const reply = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } | null };
  // A void response may arrive without its `value` key (some transports drop undefined members).
  if (reply.ok === true) return true;
  return reply.ok === false && typeof reply.error?.code === 'string' && typeof reply.error.message === 'string';
}

/**
 * Builds the API over `transport`, one function per call of `names`. The object is frozen and holds only the API's functions (no
 * transport, no generic invoke), so it can be handed to `contextBridge.exposeInMainWorld` as is.
 */
export function createApi(transport: ApiTransport, names: ApiNames): CopydeskApi {
  const groups: Record<string, Record<string, unknown>> = {};
  for (const channel of names.invoke) {
    const [group = '', method = ''] = channel.split('.');
    const call = async (request?: unknown): Promise<unknown> => {
      const reply = await transport.invoke(channel, request);
      if (!isReply(reply)) throw new CopydeskError('bad-reply', `Copydesk's main process sent an unreadable reply to “${channel}”.`);
      if (!reply.ok) throw new CopydeskError(reply.error.code, reply.error.message);
      return reply.value;
    };
    (groups[group] ??= {})[method] = call;
  }
  const on: Record<string, unknown> = {};
  for (const name of names.events) {
    on[name] = (listener: (payload: unknown) => void): Unsubscribe => {
      if (typeof listener !== 'function') throw new CopydeskError('invalid-listener', `api.on.${name} needs a function.`);
      // Only the payload is passed on, whatever the transport's listener receives.
      const unsubscribe = transport.subscribe(eventChannel(name), (payload) => listener(payload));
      let active = true;
      return () => {
        if (active) unsubscribe();
        active = false;
      };
    };
  }
  const api: Record<string, unknown> = {};
  for (const [group, methods] of Object.entries(groups)) api[group] = Object.freeze(methods);
  api.on = Object.freeze(on);
  return Object.freeze(api) as CopydeskApi;
}
