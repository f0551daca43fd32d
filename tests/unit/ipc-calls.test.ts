/**
 * The call declaration (`CALLS`, shared/ipc/channels.ts): every call is declared once, with its
 * request validator and its response type, and the channel list, the request validation, the
 * handler table's type and the API object are derived from it. Type tests (`@ts-expect-error`)
 * show what cannot be written.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { createApi } from '../../shared/ipc/api';
import { API_NAMES, CALLS, call, INVOKE_CHANNELS, isInvokeChannel, returns, type DraftBytes, type DraftText, type InvokeChannel, type OpenedDraft, type RequestOf, type ResponseOf, type SaveResult, type ValidRequest } from '../../shared/ipc/channels';
import type { CheckedDraft } from '../../shared/ipc/checked-draft';
import { InvalidRequestError, validateRequest } from '../../shared/ipc/validate';
import type { HandlerTable } from '../../electron/api/handlers';
import { apiShape } from './helpers/api-shape';

describe('the call declaration', () => {
  it('is the channel list: every declared call, and no other name, is a channel', () => {
    expect([...INVOKE_CHANNELS].sort()).toEqual(Object.keys(CALLS).sort());
    for (const channel of INVOKE_CHANNELS) {
      expect(channel).toMatch(/^[a-z]+\.[A-Za-z]+$/u);
      expect(isInvokeChannel(channel)).toBe(true);
    }
    for (const name of ['drafts.nope', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'drafts']) expect(isInvokeChannel(name), name).toBe(false);
  });

  it('gives every call a request validator, and validation runs it', () => {
    for (const channel of INVOKE_CHANNELS) {
      const declared = CALLS[channel];
      expect(declared.request, channel).toBeInstanceOf(z.ZodType);
      expect(Object.isFrozen(declared), channel).toBe(true);
      // A payload with an injected key passes no call's validator (objects are strict, `none` takes nothing).
      expect(() => validateRequest(channel, { injected: true }), channel).toThrow(InvalidRequestError);
      expect(() => validateRequest(channel, { injected: true }), channel).toThrow(`Copydesk refused a malformed “${channel}” request`);
    }
    expect(validateRequest('drafts.open', { name: 'story.copydesk' })).toEqual({ name: 'story.copydesk' });
    expect(validateRequest('window.close', undefined)).toBeUndefined();
  });

  it('is the API object: one method per declared call', () => {
    const api = createApi({ invoke: async () => ({ ok: true, value: null }), subscribe: () => () => undefined }, API_NAMES);
    const shape = apiShape();
    for (const channel of INVOKE_CHANNELS) {
      const [group = '', method = ''] = channel.split('.');
      expect(shape[group], channel).toContain(method);
      expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[group]?.[method], channel).toBe('function');
    }
  });

  it('types requests from the validators and responses from the declaration', () => {
    expectTypeOf<RequestOf<'drafts.open'>>().toEqualTypeOf<{ name: string; access?: 'edit' | 'read-only' | 'take-over' | undefined }>();
    expectTypeOf<ResponseOf<'drafts.open'>>().toEqualTypeOf<OpenedDraft>();
    expectTypeOf<ResponseOf<'drafts.save'>>().toEqualTypeOf<SaveResult>();
    // The renderer sends a draft's text (or its bytes); the handler receives the checked draft the validator made of it.
    expectTypeOf<RequestOf<'drafts.save'>['draft']>().toEqualTypeOf<DraftText | DraftBytes>();
    expectTypeOf<ValidRequest<'drafts.save'>['draft']>().toEqualTypeOf<CheckedDraft>();
    expectTypeOf<ValidRequest<'export.write'>['draft']>().toEqualTypeOf<CheckedDraft | undefined>();
  });

  it('cannot be bypassed: no channel, handler or call without a declaration (type tests)', () => {
    // @ts-expect-error a channel that is not declared is no channel
    const undeclared: InvokeChannel = 'drafts.nope';
    // @ts-expect-error a call is declared with a request validator
    const noValidator = call(returns<string>());
    // @ts-expect-error the validator must be a zod schema, not a type
    const notASchema = call({ name: 'string' }, returns<string>());
    // @ts-expect-error the handler table needs a handler for every declared call
    const missing: HandlerTable = {};
    // @ts-expect-error a handler returns the declared response
    const wrong: HandlerTable['drafts.open'] = async () => ({ name: 'x.copydesk', draft: {}, hash: '' });
    expect([undeclared, noValidator, notASchema, missing, wrong]).toHaveLength(5);
  });
});
