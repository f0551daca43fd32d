/**
 * The real API door for tests: real `AppServices` on temporary folders, the real handler table
 * and dispatcher, a recording `CallerShell` whose "dialogs" answer what the test set, and a
 * counter of the service calls that happened (to prove a refused call reached nothing).
 */
import { EventEmitter } from 'node:events';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { draftToJson, newDraft } from '../../../shared/draft/format';
import type { EventMap, EventName, FlushReply } from '../../../shared/ipc/channels';
import { createDispatcher, type Dispatcher } from '../../../electron/api/dispatch';
import { createHandlers, type CallerShell } from '../../../electron/api/handlers';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { withWriters } from './services-fixtures';

/** The app's own page, a trusted sender. */
export const APP_URL = 'copydesk://app/index.html';

/** A fresh, valid draft's JSON value. */
export function draftJson(headline = ''): Record<string, unknown> {
  const json = draftToJson(newDraft(new Date('2026-01-02T03:04:05.000Z')));
  if (headline === '') return json;
  const doc = json.doc as { content: { type: string; content?: unknown[] }[] };
  return { ...json, doc: { ...doc, content: doc.content.map((n) => (n.type === 'headline' ? { type: 'headline', content: [{ type: 'text', text: headline }] } : n)) } };
}

/** A fresh, valid draft as the renderer sends it (`DraftText`: its JSON value's text). */
export function draftText(headline = ''): string {
  return JSON.stringify(draftJson(headline));
}

/** A `CallerShell` that records what it was asked and answers with the test's choices. */
export class RecordingCaller implements CallerShell {
  folderAnswer: string | null = null;
  exportAnswer: string | null = null;
  imageAnswer: string | null = null;
  importAnswer: string | null = null;
  readonly asked: string[] = [];
  dirty: boolean | null = null;
  readied = 0;
  closed = 0;
  readonly flushes: FlushReply[] = [];

  async chooseFolder(options: { defaultPath: string }): Promise<string | null> {
    this.asked.push(`folder:${options.defaultPath}`);
    return this.folderAnswer;
  }

  async chooseExportTarget(options: { defaultName: string; format: string }): Promise<string | null> {
    this.asked.push(`export:${options.defaultName}:${options.format}`);
    return this.exportAnswer;
  }

  async chooseImage(): Promise<string | null> {
    this.asked.push('image');
    return this.imageAnswer;
  }

  async chooseImportFile(): Promise<string | null> {
    this.asked.push('import');
    return this.importAnswer;
  }

  ready(): void {
    this.readied += 1;
  }

  setDirty(dirty: boolean): void {
    this.dirty = dirty;
  }

  close(): void {
    this.closed += 1;
  }

  flushed(reply: FlushReply): void {
    this.flushes.push(reply);
  }
}

/** Everything a test of the API needs. */
export interface Harness {
  readonly root: string;
  readonly userData: string;
  readonly documents: string;
  readonly trashDir: string;
  readonly services: AppServices;
  readonly dispatcher: Dispatcher;
  readonly caller: RecordingCaller;
  /** Service methods called so far ("drafts.open"…). */
  readonly serviceCalls: string[];
  /** Events the handlers emitted. */
  readonly events: EventEmitter;
  readonly logs: string[];
  /** The workspace folder. */
  workspace(): string;
  /** Calls `channel` from the app's page (or from `senderUrl`). */
  call(channel: unknown, payload?: unknown, senderUrl?: string): ReturnType<Dispatcher['dispatch']>;
  dispose(): Promise<void>;
}

// Wraps every method of every service group so that calls are counted, then passed on unchanged.
function counted(services: AppServices, calls: string[]): AppServices {
  const wrapped: Record<string, unknown> = {};
  for (const [group, value] of Object.entries(services)) {
    if (typeof value === 'function') {
      wrapped[group] = value;
      continue;
    }
    const methods: Record<string, unknown> = {};
    for (const [method, fn] of Object.entries(value as Record<string, unknown>)) {
      methods[method] = typeof fn === 'function' ? (...args: unknown[]) => (calls.push(`${group}.${method}`), (fn as (...a: unknown[]) => unknown)(...args)) : fn;
    }
    wrapped[group] = methods;
  }
  return wrapped as unknown as AppServices;
}

/** Real services on fresh temporary folders, behind the real dispatcher. */
export async function createHarness(): Promise<Harness> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-ipc-'));
  const userData = path.join(root, 'user-data');
  const documents = path.join(root, 'documents');
  const trashDir = path.join(root, 'trash');
  await Promise.all([fs.mkdir(userData), fs.mkdir(documents), fs.mkdir(trashDir)]);
  const real = await createAppServices({
    userDataDir: userData,
    documentsDir: documents,
    trash: async (file) => fs.rename(file, path.join(trashDir, path.basename(file))),
    exportFormats: withWriters({ html: (_draft, options) => (options.fragment ? '<article></article>\n' : '<!doctype html>\n'), md: () => '# md\n' }),
  });
  const serviceCalls: string[] = [];
  const services = counted(real, serviceCalls);
  const events = new EventEmitter();
  const logs: string[] = [];
  const emit = <E extends EventName>(name: E, payload: EventMap[E]): void => void events.emit(name, payload);
  const handlers = createHandlers({ services, emit });
  // As the shell does: a draft taken over by someone else is news for the windows.
  real.locks.onLockLost((lost) => emit('lockLost', lost));
  // Drafts read by the services' worker threads, as in the app (not counted: the door, not a service).
  const dispatcher = createDispatcher(handlers, { log: (m) => logs.push(m), checkDraft: real.workers.checkDraft });
  const caller = new RecordingCaller();
  return {
    root,
    userData,
    documents,
    trashDir,
    services: real,
    dispatcher,
    caller,
    serviceCalls,
    events,
    logs,
    workspace: () => real.settings.workspaceFolder(),
    call: (channel, payload, senderUrl = APP_URL) => dispatcher.dispatch(channel, payload, { senderUrl, caller }),
    async dispose() {
      await real.dispose();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
