/**
 * The whole-draft work of the main process, as tasks a worker thread runs (draft-workers.ts
 * sends them; the default export is the worker's handler). Each task reads or writes a whole
 * draft: the door's check of a `DraftText` (`parseDraft`, exactly as a file is read), a journal
 * record's bytes and checksums, a save's stamped serialisation and hash, an export's rendering.
 *
 * Plain Node and plain data in and out (structured clone): a refusal comes back as
 * `{ok: false, code, message}` rather than as a thrown error, whose class and code a thread
 * boundary would lose.
 */
import { promises as fs } from 'node:fs';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { DraftError } from '../../shared/draft/errors';
import { parseDraft, serializeDraft, type Draft } from '../../shared/draft/format';
import { headlineText } from '../../shared/article';
import type { DeskPerson, Status } from '../../shared/draft/meta';
import type { DraftSummary, DraftText } from '../../shared/ipc/channels';
import { draftTextOf, notUtf8Message } from '../../shared/draft/utf8';
import { sentText } from '../../shared/ipc/checked-draft';
import { documentWords } from '../../shared/words';
import { findExportFormat, renderExport } from '../../shared/export/format-uses';
import type { ImportKind } from '../../shared/import/types';
import type { ExportFormat } from '../../shared/export/formats';
import { writeFileAtomic } from '../node/atomic-write';
import { readDraftFile, sha256Hex } from '../node/draft-file';
import { readAssetFile } from './assets';
import { fsServiceError, ServiceError } from './errors';
import { decodeJournalRecord, encodeJournalRecord, encodeJournalRecordOf, type JournalHeader } from './journal-record';
import { importOnThread, placeOnThread, type ImportMade } from './import-draft';
import { summariseDraftFile } from './library';

/** One task. */
export type DraftTask =
  /** Reads `content` as a draft file is read; answers whether it is one, with its UTF-8 bytes (those it was given, if bytes) and their SHA-256. */
  | { readonly kind: 'check'; readonly content: DraftText | Uint8Array }
  /**
   * Writes the journal record (journal-record.ts) of a draft's text, or of its UTF-8 bytes and
   * their SHA-256 (made by `check`), to `file` in folder `dir` (made if missing), atomically.
   */
  | {
      readonly kind: 'journal';
      readonly key: string;
      readonly name: string | null;
      readonly savedAt: string;
      readonly body: { readonly text: string } | { readonly bytes: Uint8Array; readonly sha256: string };
      readonly dir: string;
      readonly file: string;
    }
  /** The file bytes of `draft` stamped as written at `updated` by `savedBy`, and their SHA-256. */
  | { readonly kind: 'stamp'; readonly draft: DraftText | Uint8Array; readonly updated: string; readonly savedBy: DeskPerson }
  /** A draft file's `bytes` (read from `path`) as `readDraftFile` reads them: UTF-8 text, SHA-256, checked; with what naming needs. */
  | { readonly kind: 'decode'; readonly bytes: Uint8Array; readonly path: string }
  /** A journal record's `bytes` decoded and checked (journal-record.ts), with the draft's headline. */
  | { readonly kind: 'record'; readonly bytes: Uint8Array }
  /** File > Import's importer on a file's text (or a Word file's bytes), as import-draft.ts's `importOnThread`. */
  | { readonly kind: 'import'; readonly input: { readonly text: string } | { readonly bytes: Uint8Array }; readonly format: ImportKind; readonly shown: string; readonly now: string }
  /** An import with images placed under `assets/<stem>/` and checked (import-draft.ts's `placeOnThread`). */
  | { readonly kind: 'place'; readonly made: ImportMade; readonly stem: string; readonly shown: string }
  /** What a version listing shows of the draft `text` (versions.ts). */
  | { readonly kind: 'summary'; readonly text: string }
  /** The library's summary of draft file `name` in `dir` (library.ts). */
  | { readonly kind: 'library'; readonly dir: string; readonly name: string; readonly mtimeMs: number; readonly size: number }
  /** The file bytes of `text` no longer named after its headline (`meta.autoName` false), and their SHA-256. */
  | { readonly kind: 'unname'; readonly text: string }
  /** `format`'s rendering of a draft's text or bytes, or of the draft file `file` (`name` for messages). */
  | {
      readonly kind: 'export';
      readonly source: { readonly draft: DraftText | Uint8Array } | { readonly file: string; readonly name: string };
      readonly format: ExportFormat;
      readonly fragment: boolean;
      readonly review: boolean;
      /** The workspace folder, where a format that embeds images reads them (assets.ts). */
      readonly workspace: string;
    };

/** A refusal: a code for programs and a sentence for the user. */
export interface TaskRefusal {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
}

/** What each task answers. */
export interface DraftTaskResults {
  check: { readonly ok: true; readonly bytes: Uint8Array; readonly sha256: string } | TaskRefusal;
  journal: { readonly ok: true } | TaskRefusal;
  stamp: { readonly ok: true; readonly bytes: Uint8Array; readonly hash: string } | TaskRefusal;
  unname: { readonly ok: true; readonly bytes: Uint8Array; readonly hash: string } | TaskRefusal;
  export: { readonly ok: true; readonly output: string | Uint8Array } | TaskRefusal;
  decode: { readonly ok: true; readonly text: string; readonly hash: string; readonly headline: string; readonly autoName: boolean } | TaskRefusal;
  record: { readonly ok: true; readonly header: JournalHeader; readonly text: string; readonly headline: string } | TaskRefusal;
  import: { readonly ok: true; readonly made: ImportMade } | TaskRefusal;
  place: { readonly ok: true; readonly made: ImportMade } | TaskRefusal;
  summary: { readonly ok: true; readonly words: number; readonly headline: string; readonly status: Status; readonly author: DeskPerson | null } | TaskRefusal;
  library: { readonly ok: true; readonly summary: DraftSummary };
}

/** The answer to `task`. */
export type DraftTaskResult<T extends DraftTask = DraftTask> = DraftTaskResults[T['kind']];

function refusal(error: unknown): TaskRefusal {
  if (error instanceof DraftError) return { ok: false, code: error.kind, message: error.message };
  if (error instanceof ServiceError) return { ok: false, code: error.code, message: error.message };
  throw error;
}

function parsed(content: DraftText | Uint8Array): Draft | TaskRefusal {
  try {
    return parseDraft(sentText(content));
  } catch (error) {
    return refusal(error);
  }
}

/** Whether `bytes` span the whole of an ArrayBuffer of their own, and so can be moved to another thread (a small Buffer shares Node's pool). */
export function ownsBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
}

async function exportDraft(task: Extract<DraftTask, { kind: 'export' }>): Promise<DraftTaskResults['export']> {
  const spec = findExportFormat(task.format);
  if (spec === undefined) return { ok: false, code: 'invalid-format', message: `Copydesk has no export format “${String(task.format)}”.` };
  let draft: Draft;
  if ('draft' in task.source) {
    const read = parsed(task.source.draft);
    if ('ok' in read) return read;
    draft = read;
  } else {
    try {
      draft = (await readDraftFile(task.source.file)).draft;
    } catch (error) {
      return { ok: false, code: 'unreadable', message: `“${task.source.name}” cannot be exported: ${(error as Error).message}` };
    }
  }
  try {
    const output = await renderExport(spec, draft, {
      fragment: spec.fragment !== null && task.fragment,
      review: task.review,
      readAsset: (src) => readAssetFile(task.workspace, src),
    });
    return { ok: true, output };
  } catch (error) {
    return refusal(error);
  }
}

/** Runs one task (in a worker thread in the app; in-process where draft-workers.ts says so). */
export async function runDraftTask<T extends DraftTask>(task: T): Promise<DraftTaskResult<T>> {
  return (await run(task)) as DraftTaskResult<T>;
}

async function run(task: DraftTask): Promise<DraftTaskResult> {
  switch (task.kind) {
    case 'check': {
      const read = parsed(task.content);
      if ('ok' in read) return read;
      const bytes = typeof task.content === 'string' ? Buffer.from(task.content, 'utf8') : task.content;
      return { ok: true, bytes, sha256: sha256Hex(bytes) };
    }
    case 'journal': {
      const savedAt = new Date(task.savedAt);
      const bytes = 'text' in task.body ? encodeJournalRecord(task.key, task.name, savedAt, task.body.text) : encodeJournalRecordOf(task.key, task.name, savedAt, task.body.bytes, task.body.sha256);
      try {
        await fs.mkdir(task.dir, { recursive: true });
        await writeFileAtomic(task.file, bytes);
        return { ok: true };
      } catch (error) {
        return refusal(fsServiceError(error, 'journal', task.name ?? 'the new draft'));
      }
    }
    case 'stamp': {
      const read = parsed(task.draft);
      if ('ok' in read) return read;
      const bytes = Buffer.from(serializeDraft({ ...read, meta: { ...read.meta, updated: task.updated, savedBy: task.savedBy } }), 'utf8');
      return { ok: true, bytes, hash: sha256Hex(bytes) };
    }
    case 'unname': {
      const read = parsed(task.text);
      if ('ok' in read) return read;
      const bytes = Buffer.from(serializeDraft({ ...read, meta: { ...read.meta, autoName: false } }), 'utf8');
      return { ok: true, bytes, hash: sha256Hex(bytes) };
    }
    case 'export':
      return exportDraft(task);
    case 'decode': {
      const text = draftTextOf(task.bytes);
      if (text === null) return { ok: false, code: 'not-utf8', message: notUtf8Message(task.path) };
      const read = parsed(text);
      if ('ok' in read) return read;
      return { ok: true, text, hash: sha256Hex(task.bytes), headline: headlineText(read.doc), autoName: read.meta.autoName === true };
    }
    case 'record': {
      try {
        const { header, text, draft } = decodeJournalRecord(task.bytes);
        return { ok: true, header, text, headline: headlineText(draft.doc) };
      } catch (error) {
        return { ok: false, code: 'unreadable', message: (error as Error).message };
      }
    }
    case 'import':
      try {
        return { ok: true, made: await importOnThread(task.input, task.format, task.shown, new Date(task.now)) };
      } catch (error) {
        return refusal(error);
      }
    case 'place':
      try {
        return { ok: true, made: placeOnThread(task.made, task.stem, task.shown) };
      } catch (error) {
        return refusal(error);
      }
    case 'summary': {
      const read = parsed(task.text);
      if ('ok' in read) return read;
      return { ok: true, words: documentWords(read.doc), headline: headlineText(read.doc), status: read.meta.status, author: read.meta.savedBy ?? null };
    }
    case 'library':
      return { ok: true, summary: await summariseDraftFile(task.dir, task.name, task.mtimeMs, task.size) };
  }
}

/**
 * The worker thread's handler (piscina calls the default export with each task): `runDraftTask`,
 * whose bytes are moved to the main thread rather than copied.
 */
export default async function threadHandler(task: DraftTask): Promise<unknown> {
  const result = await runDraftTask(task);
  const bytes = 'bytes' in result ? result.bytes : 'output' in result && typeof result.output !== 'string' ? result.output : null;
  if (bytes === null || !ownsBuffer(bytes)) return result;
  return move({ [transferableSymbol]: bytes.buffer, [valueSymbol]: result } as Parameters<typeof move>[0]);
}
