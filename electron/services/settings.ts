/**
 * The app's settings: the workspace folder, recent drafts, the window's bounds and who reviews on
 * this installation, kept in `<userData>/settings.json`.
 *
 * The file is validated with zod when read. A file that is not JSON or not valid settings never
 * stops the app: it is renamed to `settings.json.corrupt-<time>` (kept for inspection, never
 * overwritten) and the defaults are used; `problem` says what happened. Every change is written
 * at once through `writeFileAtomic`, one write after another.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { reviewerInitialsSchema, reviewerNameSchema } from '../../shared/ipc/fields';
import { jsonSyntaxProblem } from '../../shared/json-error';
import { newReviewId, REVIEW_ID, type Reviewer } from '../../shared/review/model';
import { writeFileAtomic } from '../node/atomic-write';
import { readRegularFile } from '../node/read-regular-file';
import { errorCode } from './errors';

/** How many recent drafts are remembered. */
export const MAX_RECENT = 20;

const boundsSchema = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(100).max(100_000),
  height: z.number().int().min(100).max(100_000),
  maximized: z.boolean(),
});

/** A window's position and size, as the shell restores it. */
export type WindowBounds = z.infer<typeof boundsSchema>;

const recentSchema = z.strictObject({
  /** Absolute path of the draft. */
  path: z.string().min(1),
  openedAt: z.iso.datetime({ offset: true }),
});

/** A draft opened recently (stored with its absolute path). */
export type RecentEntry = z.infer<typeof recentSchema>;

const reviewerSchema = z.strictObject({
  /** This installation's author id: made once, never changed (drafts name authors by it). */
  id: z.string().regex(REVIEW_ID),
  name: reviewerNameSchema,
  initials: reviewerInitialsSchema,
});

const settingsSchema = z.strictObject({
  version: z.literal(1),
  /** The workspace folder the user chose; absent: the default one. */
  workspace: z.string().min(1).optional(),
  recent: z.array(recentSchema).max(1000),
  windowBounds: boundsSchema.optional(),
  /** Who reviews on this installation; absent until the user gave a name. */
  reviewer: reviewerSchema.optional(),
  /** This installation's author id, kept from the first run (the reviewer's id, once named, is the same). */
  authorId: z.string().regex(REVIEW_ID).optional(),
});

/** The settings file's content. */
export type SettingsData = z.infer<typeof settingsSchema>;

function defaults(): SettingsData {
  return { version: 1, recent: [] };
}

/** The settings, loaded once and saved on each change. */
export class SettingsStore {
  /** What was wrong with the settings file when it was loaded (it was set aside), or null. */
  problem: string | null = null;
  private data: SettingsData = defaults();
  /** The author id made in this run while the settings hold none (kept by `keepAuthorId`). */
  private madeId: string | null = null;
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly now: () => Date,
  ) {}

  /** Loads `<userDataDir>/settings.json`, falling back to the defaults (see the file comment). */
  static async load(userDataDir: string, now: () => Date = () => new Date()): Promise<SettingsStore> {
    const store = new SettingsStore(path.join(userDataDir, 'settings.json'), now);
    await store.read();
    return store;
  }

  private async read(): Promise<void> {
    let text: string;
    try {
      // A settings file is a few hundred bytes; anything past a megabyte is not one.
      text = (await readRegularFile(this.file, { maxBytes: 1024 * 1024, followLinks: true })).toString('utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return;
      // Unreadable (permissions, I/O): use defaults for this run but leave the file alone.
      this.problem = `The settings file ${this.file} could not be read (${(error as Error).message}); the defaults are used for now.`;
      return;
    }
    let reason: string;
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(text));
      if (parsed.success) {
        this.data = parsed.data;
        return;
      }
      reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'the file'}: ${issue.message}`).slice(0, 3).join('; ');
    } catch (error) {
      reason = jsonSyntaxProblem(error, text);
    }
    const aside = `${this.file}.corrupt-${this.now().toISOString().replace(/[:.]/gu, '-')}`;
    try {
      await fs.rename(this.file, aside);
      this.problem = `The settings file was damaged (${reason}). It was kept as ${aside} and the defaults are used.`;
    } catch (error) {
      this.problem = `The settings file was damaged (${reason}) and could not be set aside (${(error as Error).message}); the defaults are used.`;
    }
  }

  private async write(): Promise<void> {
    const text = `${JSON.stringify(this.data, null, 2)}\n`;
    const run = this.queue.then(async () => {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, text);
    });
    // Later writes wait for this one whether it succeeded or not.
    this.queue = run.catch(() => undefined);
    await run;
  }

  /** A copy of the current settings. */
  snapshot(): SettingsData {
    return structuredClone(this.data);
  }

  /** The workspace folder the user chose, or undefined for the default one. */
  get workspace(): string | undefined {
    return this.data.workspace;
  }

  /** Remembers the chosen workspace folder (an absolute path). */
  async setWorkspace(folder: string): Promise<void> {
    this.data = { ...this.data, workspace: folder };
    await this.write();
  }

  /** The recent drafts, most recent first. */
  get recent(): readonly RecentEntry[] {
    return this.data.recent;
  }

  /** Moves (or adds) `file` to the top of the recent drafts. */
  async addRecent(file: string): Promise<void> {
    const entry = { path: file, openedAt: this.now().toISOString() };
    this.data = { ...this.data, recent: [entry, ...this.data.recent.filter((r) => r.path !== file)].slice(0, MAX_RECENT) };
    await this.write();
  }

  /** Replaces `from` by `to` in the recent drafts (after a rename); `to` null removes it. */
  async renameRecent(from: string, to: string | null): Promise<void> {
    if (!this.data.recent.some((r) => r.path === from)) return;
    const recent = this.data.recent.flatMap((r) => (r.path !== from ? [r] : to === null ? [] : [{ ...r, path: to }]));
    this.data = { ...this.data, recent };
    await this.write();
  }

  /** Who reviews on this installation, or null until the user gave a name. */
  get reviewer(): Reviewer | null {
    return this.data.reviewer ?? null;
  }

  /**
   * This installation's author id, the same in every draft, lock and review mark it writes: the
   * reviewer's id once named, else the id kept in the settings, else one made now (kept by the
   * next write, or at once by `keepAuthorId`).
   */
  get authorId(): string {
    this.madeId ??= newReviewId('a');
    return this.data.reviewer?.id ?? this.data.authorId ?? this.madeId;
  }

  /** Writes the author id into the settings if they hold none yet (the services do it at start). */
  async keepAuthorId(): Promise<void> {
    if (this.data.reviewer !== undefined || this.data.authorId !== undefined) return;
    this.data = { ...this.data, authorId: this.authorId };
    await this.write();
  }

  /**
   * Sets the reviewer's name and initials (trimmed; a zod error for values that are not a name or
   * initials). The id is the installation's author id (`authorId`), kept whatever the name becomes.
   */
  async setReviewer(person: { readonly name: string; readonly initials: string }): Promise<Reviewer> {
    const id = this.authorId;
    const reviewer = reviewerSchema.parse({ id, name: person.name, initials: person.initials });
    this.data = { ...this.data, reviewer, authorId: id };
    await this.write();
    return { ...reviewer };
  }

  /** The window's remembered bounds, or null. */
  get windowBounds(): WindowBounds | null {
    return this.data.windowBounds ?? null;
  }

  /** Remembers the window's bounds; throws a zod error for values that are not bounds. */
  async setWindowBounds(bounds: WindowBounds): Promise<void> {
    this.data = { ...this.data, windowBounds: boundsSchema.parse(bounds) };
    await this.write();
  }
}
