/**
 * The `DraftText` the renderer sends to save, journal or export a draft: `JSON.stringify` of its
 * JSON value (`draftToJson`), built incrementally. ProseMirror nodes are immutable, so the JSON text of a
 * top-level block is kept by node identity and a snapshot after typing converts only the blocks
 * that changed: O(blocks) string joins instead of converting and copying the whole document.
 */
import { Fragment, type Node as PMNode } from 'prosemirror-model';
import { DraftError } from '../draft/errors';
import { DRAFT_FORMAT, DRAFT_VERSION } from '../draft/format';
import { MAX_DEPTH, nodeJsonDepth, TOO_DEEP_MESSAGE } from '../draft/json-check';
import type { DraftMeta } from '../draft/meta';
import type { DraftText } from './channels';

/** Builds `DraftText`s, remembering the JSON text of every top-level block it has converted. */
export class DraftTextEncoder {
  private readonly blocks = new WeakMap<PMNode, string>();

  /**
   * The JSON text of `doc` as `draftToJson` writes it (`JSON.stringify` of its `doc`). Throws `DraftError` for a
   * document nested deeper than a draft may be (`MAX_DEPTH`), which the main process would refuse.
   */
  docText(doc: PMNode): string {
    const parts: string[] = [];
    doc.forEach((block) => {
      let text = this.blocks.get(block);
      if (text === undefined) {
        // Checked before toJSON and JSON.stringify recurse: the envelope, the doc and its content hold a block three levels down.
        if (nodeJsonDepth(block) + 3 > MAX_DEPTH) throw new DraftError('invalid-document', TOO_DEEP_MESSAGE);
        text = JSON.stringify(block.toJSON());
        this.blocks.set(block, text);
      }
      parts.push(text);
    });
    // The doc node without its content ("{"type":"doc"}" plus any review data, which
    // `draftToJson` leaves out when there is none), then the content.
    const shell = doc.attrs.review === null ? '{"type":"doc"}' : JSON.stringify(doc.copy(Fragment.empty).toJSON());
    if (parts.length === 0) return shell;
    return `${shell.slice(0, -1)},"content":[${parts.join(',')}]}`;
  }

  /**
   * Converts and remembers every top-level block of `doc` now, so that the first write after the
   * next keystroke converts one block, not the whole document (call when the editor is idle).
   */
  prime(doc: PMNode): void {
    this.docText(doc);
  }

  /** The `DraftText` of a draft (equal to `JSON.stringify(draftToJson(draft))`). */
  encode(meta: DraftMeta, doc: PMNode): DraftText {
    const head = JSON.stringify({ format: DRAFT_FORMAT, version: DRAFT_VERSION, meta });
    return `${head.slice(0, -1)},"doc":${this.docText(doc)}}`;
  }
}

/** The `DraftText` of a draft, without a cache (tests, one-off sends). */
export function encodeDraftText(meta: DraftMeta, doc: PMNode): DraftText {
  return new DraftTextEncoder().encode(meta, doc);
}
