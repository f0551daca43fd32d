/**
 * The metadata of a draft merged with the version on disk ("Merge their version"): a three-way
 * merge of `DraftMeta` field by field, from the metadata both versions started from (`base`).
 * A field only one side changed takes that side's value; a field both changed keeps mine (the
 * window's), except the status log, which keeps every change of status either side recorded, in
 * time order. `updated` and `savedBy` are theirs: the main process stamps both at the next save.
 */
import type { DraftMeta, StatusChange } from '../../../shared/draft/meta';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const changeKey = (change: StatusChange): string => `${change.at}\u0000${change.by.id}\u0000${change.from}\u0000${change.to}`;

/** Every change of status of either log, once each, oldest first. */
function mergeLogs(mine: readonly StatusChange[], theirs: readonly StatusChange[]): StatusChange[] {
  const byKey = new Map<string, StatusChange>();
  for (const change of [...theirs, ...mine]) byKey.set(changeKey(change), change);
  return [...byKey.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** `mine` and `theirs`, both made from `base`, merged (see the module comment). */
export function mergeMeta(base: DraftMeta, mine: DraftMeta, theirs: DraftMeta): DraftMeta {
  const merged: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)] as (keyof DraftMeta)[]);
  for (const key of keys) {
    let value: unknown;
    if (key === 'updated' || key === 'savedBy') value = theirs[key];
    else if (key === 'statusLog' && !same(mine.statusLog, base.statusLog) && !same(theirs.statusLog, base.statusLog)) value = mergeLogs(mine.statusLog ?? [], theirs.statusLog ?? []);
    else value = same(mine[key], base[key]) ? theirs[key] : mine[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged as DraftMeta;
}
