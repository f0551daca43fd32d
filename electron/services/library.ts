/**
 * The list of drafts in the workspace folder, as the library view shows it: a summary of each
 * draft (headline, status and its last change, words…, who has it open), never the documents
 * themselves.
 *
 * Each file is read and parsed once and its summary cached by modification time and size; a
 * listing after that costs one `stat` per file. Who has a draft open comes from its lock file
 * (lock-file.ts), read at each listing apart from that cache (a lock changes without the draft
 * changing; it is tiny): a fresh lock, anyone's, this installation's own included. A file that cannot be read or parsed is listed
 * with `error` (the message a user sees), never hidden: hiding it would look like data loss. So is
 * a symbolic link, pipe or device named like a draft, which is never followed or opened.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { headlineText } from '../../shared/article';
import { documentWords } from '../../shared/words';
import { readDraftFile } from '../node/draft-file';
import type { DraftWorkers } from './draft-workers';
import { NotRegularFileError, specialFileType } from '../node/read-regular-file';
import { fsServiceError } from './errors';
import { freshHolder, lockFileName } from './lock-file';
import { isDraftFileName } from './names';

/** One draft in the library: the type the API sends (shared/ipc/channels.ts). */
import type { DraftSummary } from '../../shared/ipc/channels';
export type { DraftSummary };

interface CacheEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly summary: DraftSummary;
}

/** How many files are read at once while listing (keeps clear of file-descriptor limits). */
const PARALLEL_READS = 4;

/** The summary of draft file `name` in `dir` (run on a worker thread: it reads the whole draft). */
export async function summariseDraftFile(dir: string, name: string, mtimeMs: number, size: number): Promise<DraftSummary> {
  const updated = new Date(mtimeMs).toISOString();
  try {
    const { draft } = await readDraftFile(path.join(dir, name));
    const headline = headlineText(draft.doc);
    const last = draft.meta.statusLog?.at(-1);
    const summary: DraftSummary = { name, headline, status: draft.meta.status, updated, words: documentWords(draft.doc), bytes: size };
    return last === undefined ? summary : { ...summary, lastStatusChange: { from: last.from, to: last.to, by: { ...last.by }, at: last.at } };
  } catch (error) {
    return { name, headline: '', status: null, updated, words: 0, bytes: size, error: (error as Error).message };
  }
}

/** Lists a workspace folder's drafts, caching summaries by modification time and size. */
export class Library {
  private readonly cache = new Map<string, CacheEntry>();

  /** `workers`: where each draft is read and summarised; `now`: the clock that tells a fresh lock from a stale one. */
  constructor(
    private readonly workers: DraftWorkers,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Reads the summaries of every draft in `dir`, newest first. Throws `ServiceError` if the folder cannot be read. */
  async list(dir: string): Promise<DraftSummary[]> {
    let all: string[];
    try {
      all = await fs.readdir(dir);
    } catch (error) {
      throw fsServiceError(error, 'list', dir);
    }
    const names = all.filter(isDraftFileName);
    const locks = new Set(all.filter((name) => name.endsWith('.lock')));
    const nowMs = this.now().getTime();
    const seen = new Set(names);
    for (const key of this.cache.keys()) if (!seen.has(path.basename(key)) || path.dirname(key) !== dir) this.cache.delete(key);
    const out: DraftSummary[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < names.length) {
        const name = names[next++] as string;
        const summary = await this.summary(dir, name);
        if (!summary) continue;
        const holder = locks.has(lockFileName(name)) ? await freshHolder(path.join(dir, name), nowMs) : null;
        out.push(holder === null ? summary : { ...summary, holder });
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, names.length) }, worker));
    return out.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.name.localeCompare(b.name)));
  }

  private async summary(dir: string, name: string): Promise<DraftSummary | null> {
    const file = path.join(dir, name);
    let stat;
    try {
      stat = await fs.lstat(file);
    } catch {
      return null; // Gone between readdir and stat.
    }
    const type = specialFileType(stat);
    if (type === 'folder') return null;
    if (type !== null) {
      // A link, pipe or device with a draft's name is listed, never opened (electron/README.md).
      const error = fsServiceError(new NotRegularFileError(file, type), 'open', name).message;
      return { name, headline: '', status: null, updated: new Date(stat.mtimeMs).toISOString(), words: 0, bytes: 0, error };
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.summary;
    const { summary } = await this.workers.run({ kind: 'library', dir, name, mtimeMs: stat.mtimeMs, size: stat.size });
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, summary });
    return summary;
  }

  /** Drops every cached summary (another workspace folder was chosen). */
  clear(): void {
    this.cache.clear();
  }
}
