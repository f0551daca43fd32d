/**
 * The carriers: every kind of data that travels with copied content (carried.ts), listed once.
 * The clipboard payload writes and reads each one's field, and the editor applies each one after
 * a paste, in this order. To carry a new kind (comments), add its carrier here.
 */
import { sourcesCarrier } from '../sources/carrier';
import type { AnyCarrier, Carrier } from './carried';

/** Every carrier, in the order their data is written, read and applied. */
export const CARRIERS = [sourcesCarrier] as const satisfies readonly AnyCarrier[];

type Carriers = (typeof CARRIERS)[number];
type ValueOf<C> = C extends Carrier<string, infer T> ? T : never;

/** The data carried with a piece of content: each carrier's value under its key. */
export type CarriedData = { readonly [C in Carriers as C['key']]: ValueOf<C> };

/** Nothing carried. */
export function noCarriedData(): CarriedData {
  return Object.fromEntries(CARRIERS.map((carrier) => [carrier.key, carrier.empty])) as CarriedData;
}

/** The value `carried` holds for `carrier` (its empty value when none). */
export function carriedBy<T>(carried: Partial<Readonly<Record<string, unknown>>>, carrier: Carrier<string, T>): T {
  return (carried[carrier.key] as T | undefined) ?? carrier.empty;
}
