/**
 * Carried data: what travels with copied content besides the content itself, so that a paste in
 * another draft (or another window) gets it too. Sources are the first kind (the sources a
 * copied passage cites); comments can travel the same way later, as one more carrier.
 *
 * A carrier is one kind of carried data, named by a key. It says:
 * - on copy, what goes with a slice of a document (`collect`); the value is written as JSON
 *   under the carrier's key beside the slice in the clipboard payload (payload.ts);
 * - on paste, how that value is read back as untrusted input (`read`, throwing `PayloadError`),
 *   and which top-level nodes of a copied slice it takes out of the content and carries instead
 *   (`takeOut`: a paste inserts body content only);
 * - how it joins the document it is pasted into (`apply`), in the transaction the editor appends
 *   to the paste, so one undo takes the paste and its carried data back together.
 * The carriers are listed once, in carriers.ts.
 */
import type { Node as PMNode, Schema, Slice } from 'prosemirror-model';
import type { Transform } from 'prosemirror-transform';

/** Why a clipboard payload (or a part of it) was refused. */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
}

/** Where pasted content landed, in the document of the transaction that applies carried data. */
export interface PastedRange {
  readonly from: number;
  readonly to: number;
}

/** One kind of carried data (see the module comment). `T` must be JSON (it is written as such). */
export interface Carrier<K extends string, T> {
  /** The name of the data: its field in the payload and in `CarriedData`. */
  readonly key: K;
  /** Nothing carried. */
  readonly empty: T;
  /** On copy: what goes with `slice`, copied from `doc`. */
  collect(slice: Slice, doc: PMNode): T;
  /** On paste: the payload's field (`undefined` when absent), checked; throws `PayloadError`. */
  read(value: unknown, schema: Schema): T;
  /** On paste: what a top-level node of the copied slice carries when this carrier takes it out of the content (null: not its node). */
  takeOut(node: PMNode): T | null;
  /** `a` then `b`. */
  concat(a: T, b: T): T;
  /** Brings `value` into `tr`'s document; `range` is where the pasted content is. */
  apply(tr: Transform, value: T, range: PastedRange | null): void;
}

/** Any carrier. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of carriers of different value types
export type AnyCarrier = Carrier<string, any>;
