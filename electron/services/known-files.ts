/**
 * What the app believes each draft file holds, by content hash, so that the watcher can tell the
 * app's own writes from someone else's.
 *
 * Before a save writes, it announces the hash it is about to write (`expect`), because the file
 * system may report the rename before the save's promise settles; afterwards it confirms (the
 * file now holds that hash) or cancels (the write failed, the file holds what it held).
 * The watcher asks `isKnown(name, hash)`: the last confirmed hash and any announced one count as
 * the app's own. Entries are per workspace name; a rename or trash by the app moves or drops them.
 */

interface Entry {
  /** Hash the app last read or wrote; null: the app saw the file gone; undefined: exists, not read. */
  current: string | null | undefined;
  /** Hashes of writes in flight, with how many writes of each are in flight. */
  readonly pending: Map<string, number>;
}

/** The app's knowledge of the draft files in the workspace. */
export class KnownFiles {
  private readonly entries = new Map<string, Entry>();

  private entry(name: string): Entry {
    let entry = this.entries.get(name);
    if (!entry) {
      entry = { current: undefined, pending: new Map() };
      this.entries.set(name, entry);
    }
    return entry;
  }

  /** Records that `name` exists without reading it (a listing or the watcher's first scan). */
  noteExists(name: string): void {
    this.entry(name);
  }

  /** Records that the app read (or wrote) `name` and found `hash`; null when it is gone. */
  setCurrent(name: string, hash: string | null): void {
    this.entry(name).current = hash;
  }

  /** A write of `hash` to `name` is about to start. */
  expect(name: string, hash: string): void {
    const pending = this.entry(name).pending;
    pending.set(hash, (pending.get(hash) ?? 0) + 1);
  }

  private settle(name: string, hash: string): Entry {
    const entry = this.entry(name);
    const count = entry.pending.get(hash) ?? 0;
    if (count <= 1) entry.pending.delete(hash);
    else entry.pending.set(hash, count - 1);
    return entry;
  }

  /** The write of `hash` to `name` succeeded: the file holds it now. */
  confirm(name: string, hash: string): void {
    this.settle(name, hash).current = hash;
  }

  /** The write of `hash` to `name` failed: the file holds what it held. */
  cancel(name: string, hash: string): void {
    this.settle(name, hash);
  }

  /** True when `hash` (null: absent) is what the app wrote, is writing, or last saw in `name`. */
  isKnown(name: string, hash: string | null): boolean {
    const entry = this.entries.get(name);
    if (!entry) return false;
    if (hash === null) return entry.current === null;
    return entry.current === hash || entry.pending.has(hash);
  }

  /** True when the app has any record of `name`. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The app removed `name` itself (rename, trash): it is no one's news that it is gone. */
  forget(name: string): void {
    this.entries.delete(name);
  }

  /** Forgets everything (another workspace folder was chosen). */
  clear(): void {
    this.entries.clear();
  }
}
