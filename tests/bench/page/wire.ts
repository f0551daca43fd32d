/**
 * Opening a draft in the renderer, from what crosses the process boundary to an editor state:
 * `window.copydeskWire.measure(url, n)` times, `n` times each and alternating,
 *
 * - the way a draft crosses now: the file's text (`DraftText`, what `drafts.open` sends), copied
 *   as IPC copies it (`structuredClone`), read by `parseDraft` (as DocumentSession does), then
 *   `createEditorState`;
 * - for reference, the way it crossed before (up to commit 9a2eb59): the draft's JSON value
 *   (`draftToJson`) copied as an object graph, checked by the old renderer-side `fromDraftJson`
 *   (a zod schema whose `superRefine` ran `validateDocJson`, then `validateDocJson` again; copied
 *   here as it was), then `createEditorState`.
 *
 * The view and its first paint are not included (the opening rows measure those).
 */
import * as z from 'zod';
import { DRAFT_FORMAT, DRAFT_VERSION, draftToJson, parseDraft, type Draft } from '../../../shared/draft/format';
import { metaSchema } from '../../../shared/draft/meta';
import { validateDocJson } from '../../../shared/draft/validate-doc';
import { createEditorState } from '../../../renderer/editor/create-editor';

/** The wire timing API. */
export interface WireApi {
  /** Fetches `url` (not timed) and times opening it `n` times each way: [text ms[], object graph ms[]]. */
  measure(url: string, n: number): Promise<[number[], number[]]>;
}

declare global {
  interface Window {
    copydeskWire?: WireApi;
  }
}

// The renderer's check of a received draft as it was at commit 9a2eb59 (shared/ipc/validate.ts and draft-json.ts then).
const oldDraftJsonSchema = z
  .strictObject({ format: z.literal(DRAFT_FORMAT), version: z.literal(DRAFT_VERSION), meta: metaSchema, doc: z.record(z.string(), z.unknown()) })
  .superRefine((json, ctx) => {
    try {
      validateDocJson(json.doc);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['doc'], message: error instanceof Error ? error.message : String(error) });
    }
  });

function oldFromDraftJson(json: unknown): Draft {
  const result = oldDraftJsonSchema.safeParse(json);
  if (!result.success) throw new Error('This is not a valid Copydesk draft');
  return { meta: result.data.meta, doc: validateDocJson(result.data.doc) };
}

// Keeps the states from being optimised away.
let sink = 0;

window.copydeskWire = {
  async measure(url, n) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url}: ${String(response.status)}`);
    const text = await response.text();
    const value = draftToJson(parseDraft(text));
    const asText: number[] = [];
    const asObject: number[] = [];
    const viaText = (): number => {
      const t0 = performance.now();
      const draft = parseDraft(structuredClone(text));
      sink += createEditorState(draft.doc, { typography: true }).doc.childCount;
      return performance.now() - t0;
    };
    const viaObject = (): number => {
      const t0 = performance.now();
      const draft = oldFromDraftJson(structuredClone(value));
      sink += createEditorState(draft.doc, { typography: true }).doc.childCount;
      return performance.now() - t0;
    };
    // A gap between measurements, not a wait for a state: it lets the page go idle (and the
    // collector run) so that neither path is timed with the other's garbage still pending.
    const pause = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 50));
    // Alternating which goes first, so that neither always runs after the other's garbage.
    for (let i = 0; i < n; i++) {
      await pause();
      if (i % 2 === 0) asText.push(viaText());
      else asObject.push(viaObject());
      await pause();
      if (i % 2 === 0) asObject.push(viaObject());
      else asText.push(viaText());
    }
    if (sink === 0) throw new Error('nothing was opened');
    return [asText, asObject];
  },
};
