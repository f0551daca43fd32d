/**
 * The draft the renderer sends to save, journal or export: `JSON.stringify` of its JSON value
 * (`draftToJson`) as UTF-8 bytes (`DraftBytes`), built incrementally. ProseMirror nodes are
 * immutable, so the bytes of each top-level block's JSON text are kept by node identity and a
 * snapshot after typing converts only the blocks that changed, then copies the others' bytes
 * into place: O(blocks) conversions and one copy of the bytes, no whole-draft string to build,
 * flatten or encode.
 */
import { Fragment, type Node as PMNode } from 'prosemirror-model';
import { DraftError } from '../draft/errors';
import { DRAFT_FORMAT, DRAFT_VERSION } from '../draft/format';
import { MAX_DEPTH, nodeJsonDepth, TOO_DEEP_MESSAGE } from '../draft/json-check';
import type { DraftMeta } from '../draft/meta';
import type { DraftBytes, DraftText } from './channels';

const utf8 = new TextEncoder();
const COMMA = utf8.encode(',');
const CLOSE = utf8.encode(']}');

/** Builds the `DraftBytes` of drafts, remembering the bytes of every top-level block it has converted. */
export class DraftTextEncoder {
  private readonly blocks = new WeakMap<PMNode, Uint8Array<ArrayBuffer>>();

  /**
   * The parts of `doc`'s JSON text (`JSON.stringify` of its `doc`), in order. Throws `DraftError`
   * for a document nested deeper than a draft may be (`MAX_DEPTH`), which the main process would refuse.
   */
  private docParts(doc: PMNode): Uint8Array[] {
    // The doc node without its content ("{"type":"doc"}" plus any review data, which
    // `draftToJson` leaves out when there is none), then the content.
    const shell = doc.attrs.review === null ? '{"type":"doc"}' : JSON.stringify(doc.copy(Fragment.empty).toJSON());
    if (doc.childCount === 0) return [utf8.encode(shell)];
    const parts = [utf8.encode(`${shell.slice(0, -1)},"content":[`)];
    doc.forEach((block, _offset, index) => {
      let bytes = this.blocks.get(block);
      if (bytes === undefined) {
        // Checked before toJSON and JSON.stringify recurse: the envelope, the doc and its content hold a block three levels down.
        if (nodeJsonDepth(block) + 3 > MAX_DEPTH) throw new DraftError('invalid-document', TOO_DEEP_MESSAGE);
        bytes = utf8.encode(JSON.stringify(block.toJSON()));
        this.blocks.set(block, bytes);
      }
      if (index > 0) parts.push(COMMA);
      parts.push(bytes);
    });
    parts.push(CLOSE);
    return parts;
  }

  /**
   * Converts and remembers every top-level block of `doc` now, so that the first write after the
   * next keystroke converts one block, not the whole document (call when the editor is idle).
   */
  prime(doc: PMNode): void {
    this.docParts(doc);
  }

  /** The `DraftBytes` of a draft (the UTF-8 bytes of `JSON.stringify(draftToJson(draft))`). */
  encodeBytes(meta: DraftMeta, doc: PMNode): DraftBytes {
    const head = JSON.stringify({ format: DRAFT_FORMAT, version: DRAFT_VERSION, meta });
    const parts = [utf8.encode(`${head.slice(0, -1)},"doc":`), ...this.docParts(doc)];
    // The last part closes the doc; the envelope's own closing brace is added here.
    let length = 1;
    for (const part of parts) length += part.byteLength;
    const out = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.byteLength;
    }
    out[at] = 0x7d; // }
    return out;
  }
}

/** The `DraftText` of a draft (`JSON.stringify(draftToJson(draft))`), without a cache: tests, one-off sends. */
export function encodeDraftText(meta: DraftMeta, doc: PMNode): DraftText {
  return new TextDecoder('utf-8').decode(new DraftTextEncoder().encodeBytes(meta, doc));
}
