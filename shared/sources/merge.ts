/**
 * Which sources a paste (or an import) adds to a document, and which ids its citations must be
 * renamed to. Pure data in, pure data out: the editor applies the plan in the same transaction
 * as the paste, so one undo takes both back.
 *
 * For each source carried with the pasted content, in order:
 * 1. if the target (or a source added earlier by this same plan) is the same source
 *    (`sameSource`: same normalised URL, or same title and outlet, or identical fields), the
 *    carried source is dropped and its citations point at the existing one;
 * 2. otherwise it is added; if its id is already taken by a different source, it gets a fresh
 *    unique id (`uniqueSourceId`) and its citations are renamed.
 */
import type { SourceFields } from './fields';
import { normaliseSourceUrl, sameFields, titleOutletKey } from './identity';
import { uniqueSourceId } from './ids';

/** The outcome of `planSourceMerge`. */
export interface SourceMergePlan {
  /** Sources to append to the target's sources, with their final ids, in carried order. */
  readonly add: readonly SourceFields[];
  /** Carried id → id in the target, for every carried id that changes (merged or renamed). */
  readonly rename: ReadonlyMap<string, string>;
  /** Carried ids merged into an existing source (a subset of `rename`'s keys, or kept ids). */
  readonly merged: ReadonlySet<string>;
}

/** Indexes sources by their identifying keys for quick "is it the same" look-ups. */
class SourcePool {
  private readonly byUrl = new Map<string, string>();
  private readonly byTitle = new Map<string, string>();
  private readonly all: SourceFields[] = [];
  readonly ids = new Set<string>();

  add(source: SourceFields): void {
    const url = normaliseSourceUrl(source.url);
    const key = titleOutletKey(source);
    if (url !== '' && !this.byUrl.has(url)) this.byUrl.set(url, source.id);
    if (key !== '' && !this.byTitle.has(key)) this.byTitle.set(key, source.id);
    this.ids.add(source.id);
    this.all.push(source);
  }

  /** The id of a source in the pool that is the same as `source`, if any. */
  find(source: SourceFields): string | undefined {
    const url = normaliseSourceUrl(source.url);
    const byUrl = url === '' ? undefined : this.byUrl.get(url);
    if (byUrl !== undefined) return byUrl;
    const key = titleOutletKey(source);
    const byTitle = key === '' ? undefined : this.byTitle.get(key);
    if (byTitle !== undefined) return byTitle;
    // Sources with neither URL nor title (plain notes) merge only when identical; prefer the
    // one with the same id.
    const same = this.all.filter((other) => sameFields(other, source));
    return (same.find((other) => other.id === source.id) ?? same[0])?.id;
  }
}

/** Plans how `carried` sources join a document whose sources are `target` (see module comment). */
export function planSourceMerge(carried: readonly SourceFields[], target: readonly SourceFields[]): SourceMergePlan {
  const pool = new SourcePool();
  for (const source of target) pool.add(source);
  const add: SourceFields[] = [];
  const rename = new Map<string, string>();
  const merged = new Set<string>();
  const settled = new Set<string>();
  // A fresh id avoids every carried id too, so that no renamed source takes the id of another
  // carried source (renaming is then one simultaneous substitution, never a chain).
  const carriedIds = new Set(carried.map((source) => source.id));
  for (const source of carried) {
    if (settled.has(source.id)) continue; // the same id carried twice: the first one wins
    settled.add(source.id);
    const existing = pool.find(source);
    if (existing !== undefined) {
      merged.add(source.id);
      if (existing !== source.id) rename.set(source.id, existing);
      continue;
    }
    const id = pool.ids.has(source.id) ? uniqueSourceId(source.id, (candidate) => pool.ids.has(candidate) || carriedIds.has(candidate)) : source.id;
    if (id !== source.id) rename.set(source.id, id);
    const added = { ...source, id };
    add.push(added);
    pool.add(added);
  }
  return { add, rename, merged };
}
