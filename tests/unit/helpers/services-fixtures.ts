/**
 * Fixtures for the main-process service tests: temporary folders, a services instance over them
 * with a recording trash and a controllable clock, and drafts as the renderer sends them.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { draftToJson, type Draft } from '../../../shared/draft/format';
import { exportFormats } from '../../../shared/export/format-uses';
import type { ExportFormatSpec, ExportWriteOptions } from '../../../shared/export/formats';
import { checkDraftText, type CheckedDraft } from '../../../shared/ipc/checked-draft';
import { createAppServices, type AppServices, type AppServicesOptions } from '../../../electron/services/app-services';
import { article, draftOf, p, source } from './build';

/** A fresh folder under the system's temporary folder. */
export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `copydesk-${prefix}-`));
}

/** The export formats with the writers given (by format name) in place of the real ones. */
export function withWriters(writers: Readonly<Record<string, (draft: Draft, options: ExportWriteOptions) => string>>): ExportFormatSpec[] {
  return exportFormats().map((format) => {
    const write = writers[format.name];
    return write === undefined ? format : { ...format, output: 'text', write: async (draft, options) => write(draft, options) };
  });
}

/** A clock that tests move by hand. */
export class TestClock {
  constructor(public ms = Date.parse('2026-03-01T09:00:00.000Z')) {}
  /** The current time. */
  readonly now = (): Date => new Date(this.ms);
  /** Moves the clock forward. */
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A services instance over temporary folders, with what the test needs to look at. */
export interface ServicesFixture {
  readonly services: AppServices;
  readonly root: string;
  readonly userData: string;
  readonly documents: string;
  /** The workspace folder (`<documents>/Copydesk`). */
  readonly workspace: string;
  /** Paths given to the trash, in order; the trash moves them into `<root>/trash`. */
  readonly trashed: string[];
  readonly clock: TestClock;
  /** Disposes the services and removes the folders. */
  cleanup(): Promise<void>;
}

/** Creates services over fresh temporary folders. */
export async function servicesFixture(options: Partial<AppServicesOptions> = {}): Promise<ServicesFixture> {
  const root = await tempDir('services');
  const userData = path.join(root, 'userData');
  const documents = path.join(root, 'Documents');
  const trashDir = path.join(root, 'trash');
  await fs.mkdir(documents, { recursive: true });
  await fs.mkdir(trashDir);
  const trashed: string[] = [];
  const clock = new TestClock();
  const services = await createAppServices({
    userDataDir: userData,
    documentsDir: documents,
    now: clock.now,
    watchDebounceMs: 40,
    trash: async (file) => {
      trashed.push(file);
      await fs.rename(file, path.join(trashDir, `${String(trashed.length)}-${path.basename(file)}`));
    },
    ...options,
  });
  return {
    services,
    root,
    userData,
    documents,
    workspace: services.settings.workspaceFolder(),
    trashed,
    clock,
    async cleanup() {
      await services.dispose();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

/** A small article with a headline, one paragraph of `body` and a cited source. */
export function sampleDraft(headline = 'Council approves budget', body = 'The council voted on Tuesday.'): Draft {
  return draftOf(article({ headline, standfirst: 'What changes', body: [p(body)], sources: [source('s1', { title: 'Minutes', url: 'https://example.com/minutes' })] }));
}

/** The JSON value of `sampleDraft`, as the renderer sends it. */
export function sampleJson(headline?: string, body?: string): Record<string, unknown> {
  return draftToJson(sampleDraft(headline, body));
}

/** `value`'s JSON text as the renderer sends it, checked as the API's validator checks it (throws for an invalid draft). */
export function checkedJson(value: unknown): CheckedDraft {
  return checkDraftText(JSON.stringify(value));
}

/** `sampleDraft` as the services take it: sent as text and checked by the API's validator. */
export function sampleChecked(headline?: string, body?: string): CheckedDraft {
  return checkedJson(sampleJson(headline, body));
}

/** A draft's lock file (`.<name>.lock`, electron/services/lock-file.ts): a draft open for editing has one beside it. */
export const LOCK_FILE = /^\..+\.lock$/u;

/** The names in `dir`, sorted, lock files aside (locks.test.ts looks at those). */
export async function namesIn(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((name) => !LOCK_FILE.test(name)).sort();
}
