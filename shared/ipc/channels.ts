/**
 * The one channel map between the renderer and the main process: every call the renderer may make
 * (`CALLS`: name, request validator, response type, one declaration each) and every event the
 * main process may send it, with the types that travel.
 *
 * Rules the types encode:
 * - The renderer names drafts by workspace-relative file names ("my-story.copydesk"), never by
 *   paths; the main process resolves them inside the workspace folder and refuses anything else.
 * - Everything that travels is plain structured-cloneable data. A draft travels the same way in
 *   both directions: as the text of its file (`DraftText`), read on arrival by `parseDraft`, the
 *   reader of draft files (migrations included): in the renderer to open it, in the main process
 *   by the request validator, whose output is a `CheckedDraft` (checked-draft.ts). Text rather
 *   than the JSON object graph because copying one string across the context bridge and the IPC
 *   pipe costs about a tenth of copying the object graph of a long read, the main process can
 *   send a file's text without serialising anything, and the renderer builds the text it sends
 *   incrementally (draft-text.ts).
 * - A call either resolves with its response or rejects with a message meant for the user
 *   (`CopydeskError`, see api.ts). Outcomes the renderer must handle as data (a save that met a
 *   conflict or a full disk, an export the user cancelled) are part of the response instead.
 *
 * The validation of requests is in validate.ts (from `CALLS`), the renderer-side API object in api.ts.
 */
import * as z from 'zod';
import type { ApiNames } from './api';
import type { DeskPerson, Status } from '../draft/meta';
import { exportFormatNames } from '../export/format-uses';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats';
import { IMPORT_KINDS, MAX_DOCX_FILE_BYTES, type ImportKind } from '../import/types';
import { isAssetSrc } from '../problem-checks';
import type { Reviewer } from '../review/model';
import type { CheckedDraft, SentDraft } from './checked-draft';
import { checkpointLabelSchema, draftNameSchema, draftTextSchema, hashSchema, recoveryKeySchema, reviewerInitialsSchema, reviewerNameSchema, versionIdSchema } from './fields';

/**
 * A draft as it crosses the process boundary: the text of a `.copydesk` file (the main process
 * sends a file's text as it is; the renderer sends `JSON.stringify` of the draft's JSON value,
 * built by `DraftTextEncoder`, as `DraftBytes`). Whoever receives it reads it with `parseDraft`.
 */
export type DraftText = string;

/**
 * A draft's `DraftText` as its UTF-8 bytes: how the renderer sends one to save, journal or
 * export. Bytes live outside the JavaScript heap and pass to a worker thread without a copy, so
 * the main process's thread neither holds nor copies the text of a long draft (a `DraftText`
 * string is taken too, from programs and tests).
 */
export type DraftBytes = Uint8Array<ArrayBuffer>;

/** One draft in the workspace listing (no document content: the list stays small). */
export interface DraftSummary {
  /** File name inside the workspace, e.g. "my-story.copydesk". */
  readonly name: string;
  /** The headline's text ('' when empty or unreadable). */
  readonly headline: string;
  /** Review status, or null for a file that could not be read. */
  readonly status: Status | null;
  /** When the file was last written (ISO time). */
  readonly updated: string;
  /** Word count of the copy; 0 for an unreadable file. */
  readonly words: number;
  /** File size in bytes. */
  readonly bytes: number;
  /** Why the file cannot be opened; absent for a good draft. A broken file is listed, never hidden. */
  readonly error?: string;
  /** Who has it open now (a fresh lock file beside it, this installation's own included); absent: nobody. */
  readonly holder?: LockHolder;
  /** The draft's last change of status (who, when, from, to); absent: none recorded. */
  readonly lastStatusChange?: StatusChangeSummary;
}

/** A change of status as the library shows it. */
export interface StatusChangeSummary {
  readonly from: Status;
  readonly to: Status;
  readonly by: DeskPerson;
  /** ISO time. */
  readonly at: string;
}

/**
 * Who has a draft open: what the lock file beside it says (electron/services/locks.ts). A lock
 * not refreshed for `LOCK_STALE_MS` is stale and never blocks anyone.
 */
export interface LockHolder {
  /** The installation's author id (shared/review), the same in every draft that person touches. */
  readonly id: string;
  readonly name: string;
  /** The machine's name (the operating system's host name). */
  readonly machine: string;
  /** When they opened it (ISO time). */
  readonly since: string;
  /** When the lock was last refreshed (ISO time). */
  readonly refreshed: string;
}

/** A lock not refreshed for this long is stale (WordPress's rule for a post being edited). */
export const LOCK_STALE_MS = 150_000;

/** How often an open draft's lock is refreshed. */
export const LOCK_REFRESH_MS = 30_000;

/** How the renderer asks to open a draft: to edit it (the default), read-only, or taking it over from whoever has it. */
export const OPEN_ACCESS = ['edit', 'read-only', 'take-over'] as const;

/** One way of opening a draft. */
export type OpenAccess = (typeof OPEN_ACCESS)[number];

/**
 * How a draft is open in this window, as to its lock:
 * - `editing`: this window holds the lock (refreshed while it stays open);
 * - `held`: someone else has it open (`holder`) and nothing was taken: the renderer asks the user
 *   to open it read-only or to take it over (then opens it again with that access);
 * - `read-only`: opened read-only, as asked (`holder`: who has it, if anyone); no lock is taken;
 * - `unlocked`: the lock file could not be written (a read-only folder…): editing goes on, and
 *   `reason` says why nobody else is warned.
 */
export type DraftAccess =
  | { readonly kind: 'editing' }
  | { readonly kind: 'held'; readonly holder: LockHolder }
  | { readonly kind: 'read-only'; readonly holder: LockHolder | null }
  | { readonly kind: 'unlocked'; readonly reason: string };

/** A draft opened (or created) from the workspace, with the hash of the bytes it was read from. */
export interface OpenedDraft {
  readonly name: string;
  /** The text of the draft's file. */
  readonly draft: DraftText;
  /** SHA-256 of the file's bytes: the `baseHash` of the next save. */
  readonly hash: string;
  /** The draft's lock as this window has it (absent where locks do not apply: a draft imported or recovered is `editing`). */
  readonly access?: DraftAccess;
}

/** One problem of an imported draft (shared/problems.ts), as the import report lists it. */
export interface ImportProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** What File > Import recognised, left out and decided (shared/import's report, with the draft's problems). */
export interface ImportSummary {
  /** The imported file's name (no folder), for display. */
  readonly file: string;
  /** The format it was read as. */
  readonly kind: ImportKind;
  readonly sources: number;
  readonly citations: number;
  readonly readAlsoItems: number;
  /** The authors read from a byline (now the draft's Authors). */
  readonly authors: readonly string[];
  /** Everything of the file that is not in the draft, one sentence each. */
  readonly dropped: readonly string[];
  /** Decisions the user should know about. */
  readonly notes: readonly string[];
  /** The new draft's problems (a "Read also" item without URL, a missing source…). */
  readonly problems: readonly ImportProblem[];
}

/** A draft made by File > Import: written to a new file in the workspace, opened, with its report. */
export interface ImportedDraft extends OpenedDraft {
  readonly report: ImportSummary;
}

/**
 * The outcome of a save: written (with the time the main process stamped as the draft's
 * `meta.updated` while writing it), refused because the file changed on disk, or failed.
 */
export type SaveResult =
  | { readonly ok: true; readonly hash: string; readonly updated: string }
  /** The file changed on disk since it was read (`diskHash`), or was deleted (`diskHash: null`). */
  | { readonly ok: false; readonly reason: 'conflict'; readonly diskHash: string | null }
  /** The file system refused; `message` says what happened and what to do. The draft stays open. */
  | { readonly ok: false; readonly reason: 'error'; readonly code: string; readonly message: string };

/** The outcome of Save As: like a save, and the new name when it worked (a taken name is an 'EEXIST' error). */
export type SaveAsResult = { readonly ok: true; readonly name: string; readonly hash: string; readonly updated: string } | Exclude<SaveResult, { readonly ok: true }>;

/** A recently opened draft that is in the current workspace. */
export interface RecentDraft {
  readonly name: string;
  /** When it was last opened (ISO time). */
  readonly openedAt: string;
}

/** The workspace folder, for display (the renderer never uses it as a path). */
export interface WorkspaceInfo {
  /** The folder's absolute path, as shown to the user. */
  readonly folder: string;
  /** Something the user should know about the settings (a damaged settings file set aside), or null. */
  readonly problem: string | null;
}

/** A journalled unsaved state, as the recovery dialog lists it. */
export type RecoveryEntry =
  | {
      readonly key: string;
      readonly readable: true;
      /** The draft's name in the workspace, or null for a draft never saved. */
      readonly name: string | null;
      readonly headline: string;
      /** When the record was written (ISO time). */
      readonly savedAt: string;
    }
  | {
      readonly key: string;
      readonly readable: false;
      /** Why the record cannot be restored (a sentence). It is never offered as an empty draft. */
      readonly reason: string;
    };

/** A journalled draft taken back from the recovery journal. */
export interface RecoveredDraft {
  readonly name: string | null;
  /** The draft's text, as it was journalled. */
  readonly draft: DraftText;
}

/** One kept version of a draft: a time-spaced snapshot, or a named checkpoint. */
export interface VersionSummary {
  readonly id: string;
  /** ISO time. */
  readonly createdAt: string;
  readonly words: number;
  readonly headline: string;
  /** The status the draft had (null: unreadable). */
  readonly status: Status | null;
  /** Who saved that text (the snapshot's `meta.savedBy`); null when the file does not say. */
  readonly author: DeskPerson | null;
  /** A checkpoint's name ("Filed", "Before legal read"); absent for a time-spaced snapshot. Checkpoints are never pruned with the snapshots. */
  readonly label?: string;
  /** Set when the snapshot cannot be read. */
  readonly error?: string;
}

/** The export formats: the names in shared/export/formats.ts. */
export type { ExportFormat };

/** The outcome of an export: written (the file name, for display), or cancelled by the user. */
export type ExportResult = { readonly ok: true; readonly file: string } | { readonly ok: false; readonly reason: 'cancelled' };

/** A change to a draft file made by someone else (the app's own writes are not reported). */
export interface ExternalChange {
  readonly name: string;
  readonly kind: 'changed' | 'deleted';
  /** SHA-256 of the new bytes; null when deleted. */
  readonly hash: string | null;
}

/**
 * Whether assistive technology (a screen reader…) is using the app: Electron's accessibility
 * support (`app.isAccessibilitySupportEnabled()`). While it is on, the renderer renders every block
 * of the article, so that its accessibility tree holds the whole text (renderer/editor/editor.css,
 * `cd-render-all`).
 */
export interface AccessibilityState {
  readonly enabled: boolean;
}

/** The reviewer of this installation, and what the first-use dialog prefills. */
export interface ReviewerInfo {
  /** Null until the user gave a name. */
  readonly reviewer: Reviewer | null;
  /** A name (the operating system's user name) and its initials, to prefill. */
  readonly suggested: { readonly name: string; readonly initials: string };
  /** This installation's author id, made once and kept (the reviewer's id once named; locks and `meta.savedBy` use it before). */
  readonly id: string;
}

/**
 * The main process asks the window to put what was typed on disk before its page goes (reload,
 * close, quit): the renderer saves the open draft (or, when it cannot, journals it) and answers
 * with `window.flushed` and the same `id`.
 */
export interface FlushRequest {
  readonly id: number;
}

/** The renderer's answer to a `FlushRequest`. */
export interface FlushReply {
  readonly id: number;
  /** The draft open in the window (null: the library was showing). */
  readonly open: string | null;
  /** The draft's file holds everything typed (false: the edits are in the recovery journal only). */
  readonly saved: boolean;
}

// The menu commands written here; File > Export as … has one per export format (shared/export/formats.ts).
const WRITTEN_MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'duplicate',
  'rename',
  'trash',
  'import',
  'choose-workspace',
  'close',
  'find',
  'find-next',
  'find-previous',
  'replace',
  'review-comment',
  'review-next',
  'review-previous',
  'desktop-preview',
  'mode-editing',
  'mode-suggesting',
  'mode-viewing',
  'review-name',
] as const;

/** A menu command. */
export type MenuCommand = (typeof WRITTEN_MENU_COMMANDS)[number] | (typeof EXPORT_FORMATS)[number]['menuCommand'];

/** The commands of the application menu that the renderer carries out. */
export const MENU_COMMANDS: readonly MenuCommand[] = [...WRITTEN_MENU_COMMANDS, ...EXPORT_FORMATS.map((format) => format.menuCommand)];

/** Requests and responses that carry a draft name. */
interface Named {
  readonly name: string;
}

/** Carries the response type of a call's declaration (`returns<OpenedDraft>()`); a type only. */
export interface Returns<Response> {
  /** Never set: it only carries the type. */
  readonly response?: Response;
}

/** The response type of a declaration: `returns<T>()` (nothing at run time). */
export function returns<Response = void>(): Returns<Response> {
  return {};
}

/** One call: the validator of its request (zod; its input type is the request's type) and the type of its response. */
export interface Call<Request extends z.ZodType, Response> {
  readonly request: Request;
  readonly returns: Returns<Response>;
}

/** Declares a call: `call(requestSchema, returns<Response>())`. */
export function call<Request extends z.ZodType, Response>(request: Request, response: Returns<Response>): Call<Request, Response> {
  return Object.freeze({ request, returns: response });
}

const none = z.undefined();
const named = z.strictObject({ name: draftNameSchema });

/**
 * Every call the renderer may make, each declared once, on one line: its channel name, the
 * validator of its request and the type of its response. Everything else about calls is derived
 * from this table: the types (`InvokeMap`, `RequestOf`, `ResponseOf`), the channel list
 * (`INVOKE_CHANNELS`, `isInvokeChannel`), the main process's validation of each request
 * (validate.ts), the handler table's type (electron/api/handlers.ts) and the renderer's API
 * object (api.ts, which the preload exposes). A channel without a validator cannot be written.
 *
 * Channel names are `group.method`, which becomes `api.group.method`. A request validated by
 * `none` means the call takes no argument. Objects are strict (an unknown key is refused, so a
 * typo or an injected field does not pass silently).
 */
export const CALLS = {
  /** The workspace folder (for display) and any settings problem. */
  'settings.get': call(none, returns<WorkspaceInfo>()),
  /** Asks the user for another workspace folder (a native dialog); null when cancelled. */
  'settings.chooseWorkspace': call(none, returns<WorkspaceInfo | null>()),
  /** Who reviews on this installation (null until the user said), and the name and initials to suggest. */
  'reviewer.get': call(none, returns<ReviewerInfo>()),
  /** Sets this installation's name and initials in review; its id is made once and kept. */
  'reviewer.set': call(z.strictObject({ name: reviewerNameSchema, initials: reviewerInitialsSchema }), returns<Reviewer>()),
  /** Whether assistive technology is on now (later changes arrive as the `accessibility` event). */
  'system.accessibility': call(none, returns<AccessibilityState>()),
  /** The drafts in the workspace, without their documents. */
  'workspace.list': call(none, returns<DraftSummary[]>()),
  /** Recently opened drafts of the current workspace, most recent first. */
  'workspace.recent': call(none, returns<RecentDraft[]>()),
  /** Creates a new draft file ("untitled.copydesk", "untitled-2.copydesk"…) and opens it. */
  'drafts.create': call(none, returns<OpenedDraft>()),
  /**
   * Opens a draft (and adds it to the recent drafts), taking its lock unless asked `read-only`;
   * when someone else has it open and `access` is `edit` (the default), nothing is taken and
   * `access` says who has it (`held`). `take-over` takes the lock from whoever holds it.
   */
  'drafts.open': call(z.strictObject({ name: draftNameSchema, access: z.enum(OPEN_ACCESS).optional() }), returns<OpenedDraft>()),
  /** This window closes draft `name`: its lock goes (when no other window of this installation holds it). */
  'drafts.release': call(named, returns<void>()),
  /** Saves a draft unless the file changed on disk since `baseHash` (then a conflict), or with `force`. */
  'drafts.save': call(
    z.strictObject({ name: draftNameSchema, draft: draftTextSchema, baseHash: hashSchema.nullable(), force: z.boolean().optional() }),
    returns<SaveResult>(),
  ),
  /** Saves a draft under a new name, never over an existing file (`name`: its old name, null if it had none). */
  'drafts.saveAs': call(z.strictObject({ name: draftNameSchema.nullable(), draft: draftTextSchema, newName: draftNameSchema }), returns<SaveAsResult>()),
  /** Copies a draft file to a new name ("x copy.copydesk"…); returns the copy's name and hash. */
  'drafts.duplicate': call(named, returns<{ readonly name: string; readonly hash: string }>()),
  /** Renames a draft file; returns the new name. */
  'drafts.rename': call(z.strictObject({ name: draftNameSchema, newName: draftNameSchema }), returns<Named>()),
  /** Names a new draft's file after the headline it holds while its name is automatic (`meta.autoName`); returns the name it has now. */
  'drafts.nameFromHeadline': call(named, returns<Named>()),
  /** Moves a draft file to the system trash (never deletes it outright). */
  'drafts.trash': call(named, returns<void>()),
  /**
   * Asks the user for a text, Markdown, HTML or Word file (a native dialog), imports it through the
   * shared importers (as `copydesk import` does) and writes the draft to a new file in the
   * workspace, named after its headline and never over an existing draft. `from` overrides the
   * format the file's extension says. Null when the user cancelled the dialog.
   */
  'drafts.import': call(z.strictObject({ from: z.enum(IMPORT_KINDS).optional() }), returns<ImportedDraft | null>()),
  /** Imports a file dropped on the library, given as its name (no folder) and its bytes (at most 64 MB), as `drafts.import` does a picked one. */
  'drafts.importDropped': call(z.strictObject({ fileName: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_DOCX_FILE_BYTES, 'over 64 MB') }), returns<ImportedDraft>()),
  /** Journals an unsaved state (`name` null for a draft never saved). */
  'recovery.record': call(z.strictObject({ key: recoveryKeySchema, name: draftNameSchema.nullable(), draft: draftTextSchema }), returns<void>()),
  /** The journalled states, readable or not. */
  'recovery.list': call(none, returns<RecoveryEntry[]>()),
  /** The draft of a journal record (the record stays until discarded). */
  'recovery.take': call(z.strictObject({ key: recoveryKeySchema }), returns<RecoveredDraft>()),
  /** Forgets a journal record (after the draft was saved, or the user declined it). */
  'recovery.discard': call(z.strictObject({ key: recoveryKeySchema }), returns<void>()),
  /** The snapshots of a draft, newest first. */
  'versions.list': call(named, returns<VersionSummary[]>()),
  /** The draft of a snapshot, as its file's text; nothing is written (the renderer decides to save it). */
  'versions.restore': call(z.strictObject({ name: draftNameSchema, id: versionIdSchema }), returns<DraftText>()),
  /** Keeps the draft's saved file as a named checkpoint now (whatever the spacing of snapshots); the renderer saves first. */
  'versions.checkpoint': call(z.strictObject({ name: draftNameSchema, label: checkpointLabelSchema }), returns<VersionSummary>()),
  /** Names a kept version (it becomes a checkpoint, kept when snapshots are pruned). */
  'versions.label': call(z.strictObject({ name: draftNameSchema, id: versionIdSchema, label: checkpointLabelSchema }), returns<VersionSummary>()),
  /**
   * Exports draft `name` (its saved file, or the unsaved `draft` given); the main process asks the
   * user where to write it (a native dialog). `fragment`: HTML without the page around the article.
   * `review`: show the suggestions and comments; without it the export reads as if every
   * suggestion were accepted, with no comment.
   */
  'export.write': call(
    z.strictObject({
      name: draftNameSchema,
      format: z.enum(exportFormatNames()),
      fragment: z.boolean().optional(),
      review: z.boolean().optional(),
      draft: draftTextSchema.optional(),
    }),
    returns<ExportResult>(),
  ),
  /**
   * Asks the user for an image file (a native dialog) and copies it beside draft `draft`
   * (`<workspace>/assets/<draft stem>/<name>`); returns the figure's `src` (`assets/…`), or null
   * when the user cancelled. A file that is not a JPEG, PNG, GIF, WebP or AVIF image, or is over
   * 25 MB, is refused with a message.
   */
  'figures.importImage': call(z.strictObject({ draft: draftNameSchema }), returns<{ readonly src: string } | null>()),
  /**
   * Which of the figures' `assets/…` paths name no image file in the workspace (each is then an
   * error of the draft: its photo would not publish). From 1 to 1000 paths a call.
   */
  'assets.check': call(
    z.strictObject({ srcs: z.array(z.string().max(4096).refine(isAssetSrc, 'not an assets/… path')).min(1).max(1000).readonly() }),
    returns<{ readonly missing: string[] }>(),
  ),
  /**
   * The renderer has subscribed to the events and is ready for them: the main process then sends
   * what it held back (drafts the operating system asked to open before the page was up).
   */
  'window.ready': call(none, returns<void>()),
  /** Tells the main process whether the window holds unsaved edits (asked before closing). */
  'window.setDirty': call(z.strictObject({ dirty: z.boolean() }), returns<void>()),
  /** Closes the window (after the renderer saved or the user chose to discard). */
  'window.close': call(none, returns<void>()),
  /** Answers a `flush` event: what was typed is on disk (saved, or journalled when it could not be saved). */
  'window.flushed': call(z.strictObject({ id: z.number().int().nonnegative(), open: draftNameSchema.nullable(), saved: z.boolean() }), returns<void>()),
} as const satisfies Readonly<Record<`${string}.${string}`, Call<z.ZodType, unknown>>>;

/** A call's channel name. */
export type InvokeChannel = keyof typeof CALLS;

type RequestSchemaOf<C extends InvokeChannel> = (typeof CALLS)[C]['request'];

/**
 * Every call: channel name → request (the input type of its validator) and response (its
 * declared type), derived from `CALLS`. A `void` request means the call takes no argument.
 */
export type InvokeMap = {
  readonly [C in InvokeChannel]: {
    readonly request: z.input<RequestSchemaOf<C>>;
    readonly response: (typeof CALLS)[C]['returns'] extends Returns<infer R> ? R : never;
  };
};

/** The request of a call. */
export type RequestOf<C extends InvokeChannel> = InvokeMap[C]['request'];
/** The response of a call. */
export type ResponseOf<C extends InvokeChannel> = InvokeMap[C]['response'];
/** A call's request after its validator (a draft's `DraftText` is then a `SentDraft`, not read yet). */
export type ShapedRequest<C extends InvokeChannel> = z.output<RequestSchemaOf<C>>;
type Checked<T> = T extends SentDraft ? CheckedDraft : T;
/** A call's request after validation (a draft's `DraftText` is then a `CheckedDraft`). */
export type ValidRequest<C extends InvokeChannel> = ShapedRequest<C> extends infer R ? (R extends object ? { [K in keyof R]: Checked<R[K]> } : R) : never;

/**
 * Where the renderer loads a figure's `assets/…` image from in the app: this base + the src
 * (served by the app's protocol). The preload hands the base to the renderer (`ASSET_BASE_GLOBAL`),
 * so that a page served another way (the end-to-end harness, over http) gets its own route.
 */
export const ASSET_URL_BASE = 'copydesk://workspace/';

/** The read-only global (beside `copydesk`) where the preload puts the base URL of `assets/…` images. */
export const ASSET_BASE_GLOBAL = 'copydeskAssetBase';

/** Every event the main process may send: name → payload. They become `api.on.<name>(listener)`. */
export interface EventMap {
  /** A draft file changed or vanished on disk, not by the app. */
  externalChange: ExternalChange;
  /** The operating system asked to open a draft (file association, second launch). */
  openDraft: Named;
  /** A menu item (or its shortcut) was chosen. */
  menu: { readonly command: MenuCommand };
  /** The workspace folder changed (the list should be reloaded). */
  workspaceChanged: WorkspaceInfo;
  /** Assistive technology was turned on or off (sent only when the state changes). */
  accessibility: AccessibilityState;
  /** The page is about to go (reload, close, quit): save now and answer with `window.flushed`. */
  flush: FlushRequest;
  /** Someone else took over draft `name`, open here: this window no longer holds its lock and turns read-only. */
  lockLost: { readonly name: string; readonly holder: LockHolder };
}

/** An event's name. */
export type EventName = keyof EventMap;

// A record rather than an array, so that the compiler checks it names every event and no other.
const eventNames: Record<EventName, true> = { externalChange: true, openDraft: true, menu: true, workspaceChanged: true, accessibility: true, flush: true, lockLost: true };

/** Every call's channel name. */
export const INVOKE_CHANNELS: readonly InvokeChannel[] = Object.freeze(Object.keys(CALLS) as InvokeChannel[]);

/** Every event's name. */
export const EVENT_NAMES: readonly EventName[] = Object.freeze(Object.keys(eventNames) as EventName[]);

export { eventChannel } from './event-channel';

/**
 * The calls' and the events' names, which `createApi` builds the API from. The preload script
 * gets them written into its bundle at build time (build/vite.electron.config.mts), so that it
 * does not carry the validators (zod, the draft parser) that `CALLS` holds.
 */
export const API_NAMES: ApiNames = { invoke: INVOKE_CHANNELS, events: EVENT_NAMES };

/**
 * What a preload's bundle gets written in at build time (a bundler's `define`): `API_NAMES` as
 * `__COPYDESK_API_NAMES__`, and the images' global and base as `__COPYDESK_ASSET_BASE__`. Used by
 * the app's build (build/vite.electron.config.mts) and the end-to-end harness's stand-in
 * (tests/e2e/harness/shim-bundle.ts).
 */
export function preloadDefines(): Record<string, string> {
  return {
    __COPYDESK_API_NAMES__: JSON.stringify(API_NAMES),
    __COPYDESK_ASSET_BASE__: JSON.stringify({ global: ASSET_BASE_GLOBAL, url: ASSET_URL_BASE }),
  };
}

/** True when `channel` is a call's channel name. */
export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && Object.prototype.hasOwnProperty.call(CALLS, channel);
}

/** What a call sends back over the transport: its response, or an error for the user. */
export type IpcReply<T = unknown> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };
