/**
 * The handler table: what each call declared in `CALLS` (shared/ipc/channels.ts) does, in terms
 * of the main-process services; its type, one handler per declared call taking the validated
 * request and returning the declared response, is derived from that declaration.
 * Plain Node (no Electron), so that tests run it against real services on temporary folders, and
 * the renderer's Chromium tests can bind the same table through Playwright.
 *
 * Handlers receive requests already validated (dispatch.ts) and return plain data. What needs
 * Electron (folder and save dialogs, the calling window) comes from the `CallerShell` of the call.
 */
import path from 'node:path';
import { exportFileName } from '../../shared/export/format-uses';
import type { EventMap, FlushReply, EventName, ExportFormat, InvokeChannel, ResponseOf, ValidRequest, WorkspaceInfo } from '../../shared/ipc/channels';
import type { AppServices } from '../services/app-services';
import { importImage, missingAssets } from '../services/assets';
import { DEFAULT_WINDOW } from '../services/locks';

/** What a call may ask of the window that made it (Electron's dialogs and window, in the app). */
export interface CallerShell {
  /** Which window calls (stable while it is open): locks are counted per window. Absent: one window. */
  readonly windowKey?: string;
  /** Asks the user for a folder, starting at `defaultPath`; null when cancelled. */
  chooseFolder(options: { readonly defaultPath: string }): Promise<string | null>;
  /** Asks the user where to write an export, suggesting `defaultName`; an absolute path, or null. */
  chooseExportTarget(options: { readonly defaultName: string; readonly format: ExportFormat }): Promise<string | null>;
  /** Asks the user for an image file to put in a figure; an absolute path, or null when cancelled. */
  chooseImage(): Promise<string | null>;
  /** Asks the user for a text, Markdown, HTML or Word file to import; an absolute path, or null when cancelled. */
  chooseImportFile(): Promise<string | null>;
  /** The renderer listens to events now: send it what was held back. */
  ready(): void;
  /** Records whether the window holds unsaved edits. */
  setDirty(dirty: boolean): void;
  /** Closes the window. */
  close(): void;
  /** The renderer answered a `flush` request (electron/api/flush-requests.ts). */
  flushed(reply: FlushReply): void;
}

/** The shell of a caller that is no window of Copydesk's (and of tests and the bench): every dialog cancelled, every report ignored. */
export const NO_WINDOW: CallerShell = Object.freeze({
  chooseFolder: async () => null,
  chooseExportTarget: async () => null,
  chooseImage: async () => null,
  chooseImportFile: async () => null,
  ready: () => undefined,
  setDirty: () => undefined,
  close: () => undefined,
  flushed: () => undefined,
});

/** Sends an event to the renderer(s). */
export type EventSink = <E extends EventName>(name: E, payload: EventMap[E]) => void;

/** A channel's handler. */
export type Handler<C extends InvokeChannel> = (request: ValidRequest<C>, caller: CallerShell) => Promise<ResponseOf<C>>;

/** One handler per channel. */
export type HandlerTable = { readonly [C in InvokeChannel]: Handler<C> };

/** What the handlers need. */
export interface HandlerDeps {
  readonly services: AppServices;
  /** Where events for every window go (the workspace changed…). */
  readonly emit: EventSink;
  /**
   * Whether assistive technology is on now (Electron's `app.isAccessibilitySupportEnabled()`, kept
   * by shell/accessibility-support.ts); off when not given.
   */
  readonly accessibility?: () => boolean;
}

/** The window a call came from, as the locks count it. */
function windowOf(caller: CallerShell): string {
  return caller.windowKey ?? DEFAULT_WINDOW;
}

/** Builds the handler table over `deps`. */
export function createHandlers(deps: HandlerDeps): HandlerTable {
  const { services } = deps;
  const workspaceInfo = (): WorkspaceInfo => ({ folder: services.settings.workspaceFolder(), problem: services.settings.problem() });

  return {
    'settings.get': async () => workspaceInfo(),
    'settings.chooseWorkspace': async (_request, caller) => {
      const chosen = await caller.chooseFolder({ defaultPath: services.settings.workspaceFolder() });
      if (chosen === null) return null;
      await services.settings.setWorkspace(chosen);
      const info = workspaceInfo();
      deps.emit('workspaceChanged', info);
      return info;
    },
    'reviewer.get': async () => ({ reviewer: services.settings.reviewer(), suggested: services.settings.suggestedReviewer(), id: services.settings.authorId() }),
    'reviewer.set': async (person) => services.settings.setReviewer(person),
    'system.accessibility': async () => ({ enabled: deps.accessibility?.() ?? false }),
    'workspace.list': async () => services.workspace.list(),
    'workspace.recent': async () => services.settings.recentDrafts(),
    'drafts.create': async (_request, caller) => services.drafts.create(undefined, windowOf(caller)),
    'drafts.open': async ({ name, access }, caller) => services.drafts.open(name, access ?? 'edit', windowOf(caller)),
    'drafts.release': async ({ name }, caller) => services.drafts.release(name, windowOf(caller)),
    'drafts.save': async ({ name, draft, baseHash, force }) => services.drafts.save(name, draft, baseHash, { force: force === true }),
    'drafts.saveAs': async ({ name, draft, newName }, caller) => services.drafts.saveAs(name, draft, newName, windowOf(caller)),
    'drafts.duplicate': async ({ name }) => services.drafts.duplicate(name),
    'drafts.rename': async ({ name, newName }) => services.drafts.rename(name, newName),
    'drafts.nameFromHeadline': async ({ name }) => services.drafts.nameFromHeadline(name),
    'drafts.trash': async ({ name }) => services.drafts.trash(name),
    'drafts.import': async ({ from }, caller) => {
      const file = await caller.chooseImportFile();
      if (file === null) return null;
      return services.imports.importFile(file, from, windowOf(caller));
    },
    'drafts.importDropped': async ({ fileName, bytes }, caller) => services.imports.importDropped(fileName, bytes, windowOf(caller)),
    'recovery.record': async ({ key, name, draft }) => services.recovery.record(key, { name, draft }),
    'recovery.list': async () => services.recovery.list(),
    'recovery.take': async ({ key }) => services.recovery.take(key),
    'recovery.discard': async ({ key }) => services.recovery.discard(key),
    'versions.list': async ({ name }) => services.versions.list(name),
    'versions.restore': async ({ name, id }) => services.versions.restore(name, id),
    'versions.checkpoint': async ({ name, label }) => services.versions.checkpoint(name, label),
    'versions.label': async ({ name, id, label }) => services.versions.label(name, id, label),
    'export.write': async ({ name, format, fragment, review, draft }, caller) => {
      const target = await caller.chooseExportTarget({ defaultName: exportFileName(name, format, fragment === true), format });
      if (target === null) return { ok: false, reason: 'cancelled' };
      await services.exports.write(name, format, { fragment: fragment === true, review: review === true, ...(draft === undefined ? {} : { draft }) }, target);
      return { ok: true, file: path.basename(target) };
    },
    'figures.importImage': async ({ draft }, caller) => {
      const file = await caller.chooseImage();
      if (file === null) return null;
      return { src: await importImage(services.settings.workspaceFolder(), draft, file) };
    },
    'assets.check': async ({ srcs }) => ({ missing: await missingAssets(services.settings.workspaceFolder(), srcs) }),
    'window.ready': async (_request, caller) => caller.ready(),
    'window.setDirty': async ({ dirty }, caller) => caller.setDirty(dirty),
    'window.close': async (_request, caller) => caller.close(),
    'window.flushed': async (reply, caller) => caller.flushed(reply),
  };
}
