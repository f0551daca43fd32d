/**
 * The one door into the main process: every call, whatever its transport (Electron IPC, or
 * Playwright's binding in the renderer tests), goes through `dispatch`, which in order
 * 1. refuses a sender that is not the app's own page (`isTrustedSender` on the frame's URL),
 * 2. refuses a channel that is not in the map,
 * 3. validates the payload (shared/ipc/validate.ts) and refuses a malformed one: its shape on this
 *    thread, every draft it carries read by `checkDraft` (the services' worker threads),
 * 4. runs the channel's handler: handlers start in the order the calls came (a call whose draft
 *    is read quickly does not overtake one sent before it), as when every check ran here,
 * and always resolves with an `IpcReply`: `{ok: true, value}` or `{ok: false, error: {code,
 * message}}`. It never rejects and never lets a stack trace or an error object reach the renderer.
 */
import { isInvokeChannel, type InvokeChannel, type IpcReply } from '../../shared/ipc/channels';
import { checkDraftText, type DraftCheck } from '../../shared/ipc/checked-draft';
import { checkDrafts, validateShape } from '../../shared/ipc/validate';
import type { CallerShell, Handler, HandlerTable } from './handlers';
import { toReplyError } from './reply-error';
import { isTrustedSender, type SenderPolicy } from './sender';

/** Who made a call. */
export interface CallOrigin {
  /** The URL of the frame that sent the call (`event.senderFrame.url`); '' when unknown. */
  readonly senderUrl: string;
  /** The calling window's dialogs and controls. */
  readonly caller: CallerShell;
}

/** Options of `createDispatcher`. */
export interface DispatcherOptions extends SenderPolicy {
  /** Where refused calls are logged (default: console.warn). */
  readonly log?: (message: string) => void;
  /** Reads each draft a call carries (the services' `workers.checkDraft`); default: on this thread. */
  readonly checkDraft?: DraftCheck;
}

// A draft read on the calling thread.
const checkHere: DraftCheck = async (content) => {
  try {
    checkDraftText(content);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
};

/** Dispatches calls to the handler table. */
export interface Dispatcher {
  /** Handles one call; always resolves with a reply (see the file comment). */
  dispatch(channel: unknown, payload: unknown, origin: CallOrigin): Promise<IpcReply>;
}

function describeChannel(channel: unknown): string {
  return typeof channel === 'string' ? `“${channel.slice(0, 80)}”` : `a ${typeof channel}`;
}

/** A dispatcher over `handlers`, trusting only the senders `options` allows. */
export function createDispatcher(handlers: HandlerTable, options: DispatcherOptions = {}): Dispatcher {
  const log = options.log ?? ((message: string) => console.warn(message));
  const checkDraft = options.checkDraft ?? checkHere;
  // Resolves once the call before the latest has started its handler (or was refused).
  let turn: Promise<void> = Promise.resolve();
  const fail = (code: string, message: string): IpcReply => ({ ok: false, error: { code, message } });
  return {
    async dispatch(channel, payload, origin) {
      const senderUrl = typeof origin?.senderUrl === 'string' ? origin.senderUrl : '';
      if (!isTrustedSender(senderUrl, options)) {
        log(`Copydesk: refused a call to ${describeChannel(channel)} from an untrusted frame (${JSON.stringify(senderUrl.slice(0, 200))}).`);
        return fail('untrusted-sender', 'This page may not use Copydesk’s API.');
      }
      if (!isInvokeChannel(channel)) {
        log(`Copydesk: refused a call to the unknown channel ${describeChannel(channel)}.`);
        return fail('unknown-channel', `Copydesk has no call named ${describeChannel(channel)}.`);
      }
      const previous = turn;
      let done!: () => void;
      const mine = new Promise<void>((resolve) => (done = resolve));
      turn = previous.then(() => mine);
      try {
        let running: Promise<unknown>;
        try {
          const reading = checkDrafts(channel, validateShape(channel, payload), checkDraft);
          reading.catch(() => undefined);
          // Read meanwhile, but started only after the calls that came before.
          await previous;
          const request = await reading;
          const handler = handlers[channel] as Handler<InvokeChannel>;
          running = handler(request as never, origin.caller);
        } finally {
          done();
        }
        const value: unknown = await running;
        return { ok: true, value };
      } catch (error) {
        const reply = toReplyError(error, channel);
        if (reply.code === 'invalid-request' || reply.code === 'failed') log(`Copydesk: ${channel} failed: ${reply.message}`);
        return { ok: false, error: reply };
      }
    },
  };
}
