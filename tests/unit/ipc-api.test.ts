/**
 * The API end to end without Electron: `createApi` over a loopback transport that clones every
 * payload and reply with structured clone (as Electron's IPC does), into the real dispatcher,
 * handlers and services on temporary folders. Every channel is called with a valid request and
 * its effect checked on disk; errors arrive as `CopydeskError`s with the services' messages and
 * no stack; events carry only their payload; unsubscribing stops them.
 */
import { EventEmitter } from 'node:events';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, CopydeskError, type ApiTransport, type CopydeskApi } from '../../shared/ipc/api';
import { API_NAMES, EVENT_NAMES, INVOKE_CHANNELS, eventChannel, type EventMap, type EventName } from '../../shared/ipc/channels';
import { parseDraft } from '../../shared/draft/format';
import { apiShape } from './helpers/api-shape';
import { APP_URL, createHarness, draftText, type Harness } from './helpers/ipc-harness';
import { namesIn } from './helpers/services-fixtures';

let h: Harness;
let api: CopydeskApi;
const bus = new EventEmitter();
const replies: unknown[] = [];

/** Sends `payload` to every subscriber of event `name`, as the shell does over IPC. */
function send<E extends EventName>(name: E, payload: EventMap[E]): void {
  // Electron passes (event, payload) to ipcRenderer listeners; the transport must drop the event.
  bus.emit(eventChannel(name), { sender: 'an IpcRendererEvent' }, structuredClone(payload));
}

beforeAll(async () => {
  h = await createHarness();
  const transport: ApiTransport = {
    async invoke(channel, payload) {
      const reply = await h.dispatcher.dispatch(channel, structuredClone(payload), { senderUrl: APP_URL, caller: h.caller });
      replies.push(reply);
      // Throws if a reply is not plain structured-cloneable data.
      return structuredClone(reply);
    },
    subscribe(channel, listener) {
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
      bus.on(channel, wrapped);
      return () => bus.off(channel, wrapped);
    },
  };
  api = createApi(transport, API_NAMES);
});
afterAll(async () => {
  await h.dispose();
});

describe('the API object', () => {
  it('has one group per channel prefix plus `on`, and only functions inside', () => {
    const shape = apiShape();
    expect(Object.keys(api).sort()).toEqual(Object.keys(shape).sort());
    for (const [group, methods] of Object.entries(shape)) {
      const value = (api as unknown as Record<string, Record<string, unknown>>)[group] ?? {};
      expect(Object.keys(value).sort(), group).toEqual([...methods].sort());
      for (const method of methods) expect(typeof value[method], `${group}.${method}`).toBe('function');
    }
    expect(Object.values(shape).flat().length).toBe(INVOKE_CHANNELS.length + EVENT_NAMES.length);
  });

  it('is frozen and exposes no transport, invoke or send', () => {
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.drafts)).toBe(true);
    const everything = JSON.stringify(apiShape());
    for (const word of ['invoke', 'send', 'transport', 'ipcRenderer', 'subscribe']) expect(everything).not.toContain(word);
  });
});

describe('calls reach the real services', () => {
  let name = '';
  let hash = '';

  it('settings.get and workspace.list on a fresh workspace', async () => {
    expect(await api.settings.get()).toEqual({ folder: path.join(h.documents, 'Copydesk'), problem: null });
    expect(await api.workspace.list()).toEqual([]);
  });

  it('drafts.create writes a file and returns it', async () => {
    const created = await api.drafts.create();
    expect(created.name).toBe('untitled.copydesk');
    expect(created.hash).toMatch(/^[0-9a-f]{64}$/u);
    expect(() => parseDraft(created.draft)).not.toThrow();
    expect(await fs.readdir(h.workspace())).toContain('untitled.copydesk');
    name = created.name;
    hash = created.hash;
  });

  it('drafts.save writes the new content, then a stale base hash is a conflict, not an overwrite', async () => {
    const saved = await api.drafts.save({ name, draft: draftText('First headline'), baseHash: hash });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(await fs.readFile(path.join(h.workspace(), name), 'utf8')).toContain('First headline');
    const stale = await api.drafts.save({ name, draft: draftText('Lost?'), baseHash: hash });
    expect(stale).toEqual({ ok: false, reason: 'conflict', diskHash: saved.hash });
    expect(await fs.readFile(path.join(h.workspace(), name), 'utf8')).not.toContain('Lost?');
    hash = saved.hash;
  });

  it('drafts.open returns what is on disk, and workspace.list and workspace.recent show it', async () => {
    const opened = await api.drafts.open({ name });
    expect(opened.hash).toBe(hash);
    expect(opened.draft).toContain('First headline');
    const list = await api.workspace.list();
    expect(list.map((d) => [d.name, d.headline])).toEqual([[name, 'First headline']]);
    expect((await api.workspace.recent()).map((r) => r.name)).toContain(name);
  });

  it('drafts.saveAs, duplicate and rename make the files they say', async () => {
    const as = await api.drafts.saveAs({ name, draft: draftText('Second'), newName: 'second.copydesk' });
    expect(as).toMatchObject({ ok: true, name: 'second.copydesk' });
    const taken = await api.drafts.saveAs({ name, draft: draftText('x'), newName: 'second.copydesk' });
    expect(taken).toMatchObject({ ok: false, reason: 'error', code: 'EEXIST' });
    const copy = await api.drafts.duplicate({ name: 'second.copydesk' });
    expect(copy.name).toBe('second copy.copydesk');
    expect(await api.drafts.rename({ name: copy.name, newName: 'third.copydesk' })).toEqual({ name: 'third.copydesk' });
    expect(await namesIn(h.workspace())).toEqual(['second.copydesk', 'third.copydesk', 'untitled.copydesk']);
  });

  it('drafts.trash goes through the injected trash, never unlink', async () => {
    await api.drafts.trash({ name: 'third.copydesk' });
    expect(await fs.readdir(h.trashDir)).toEqual(['third.copydesk']);
    expect(await fs.readdir(h.workspace())).not.toContain('third.copydesk');
  });

  it('versions.list and versions.restore return the saved snapshot', async () => {
    const versions = await api.versions.list({ name });
    expect(versions.length).toBeGreaterThan(0);
    const restored = await api.versions.restore({ name, id: versions[0]?.id ?? '' });
    expect(restored).toContain('First headline');
  });

  it('recovery.record, list, take and discard', async () => {
    await api.recovery.record({ key: 'unsaved-1', name: null, draft: draftText('Never saved') });
    const entries = await api.recovery.list();
    expect(entries).toEqual([expect.objectContaining({ key: 'unsaved-1', readable: true, name: null, headline: 'Never saved' })]);
    const taken = await api.recovery.take({ key: 'unsaved-1' });
    expect(taken.name).toBeNull();
    expect(taken.draft).toContain('Never saved');
    await api.recovery.discard({ key: 'unsaved-1' });
    expect(await api.recovery.list()).toEqual([]);
  });

  it('export.write asks where, writes there, and reports only the file name', async () => {
    const target = path.join(h.root, 'out.html');
    h.caller.exportAnswer = target;
    expect(await api.export.write({ name, format: 'html', fragment: true })).toEqual({ ok: true, file: 'out.html' });
    expect(h.caller.asked.at(-1)).toBe('export:untitled.fragment.html:html');
    expect(await fs.readFile(target, 'utf8')).toBe('<article></article>\n');
    h.caller.exportAnswer = null;
    expect(await api.export.write({ name, format: 'md' })).toEqual({ ok: false, reason: 'cancelled' });
    expect(h.caller.asked.at(-1)).toBe('export:untitled.md:md');
  });

  it('settings.chooseWorkspace switches folder, remembers it and tells every window', async () => {
    const seen: unknown[] = [];
    h.events.on('workspaceChanged', (info) => seen.push(info));
    h.caller.folderAnswer = null;
    expect(await api.settings.chooseWorkspace()).toBeNull();
    const other = path.join(h.root, 'other-workspace');
    await fs.mkdir(other);
    h.caller.folderAnswer = other;
    expect(await api.settings.chooseWorkspace()).toEqual({ folder: other, problem: null });
    expect(seen).toEqual([{ folder: other, problem: null }]);
    expect(await api.workspace.list()).toEqual([]);
    expect(JSON.parse(await fs.readFile(path.join(h.userData, 'settings.json'), 'utf8'))).toMatchObject({ workspace: other });
  });

  it('window.ready, window.setDirty, window.close and window.flushed reach the calling window', async () => {
    await api.window.ready();
    expect(h.caller.readied).toBe(1);
    await api.window.setDirty({ dirty: true });
    expect(h.caller.dirty).toBe(true);
    await api.window.close();
    expect(h.caller.closed).toBe(1);
    await api.window.flushed({ id: 3, open: null, saved: true });
    expect(h.caller.flushes).toEqual([{ id: 3, open: null, saved: true }]);
  });

  it('every reply was plain data', () => {
    expect(replies.length).toBeGreaterThan(20);
    for (const reply of replies) expect(structuredClone(reply)).toEqual(reply);
  });
});

describe('failures', () => {
  it('a service error rejects with its code and message, without a stack from the main process', async () => {
    const error = await api.drafts.open({ name: 'missing.copydesk' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopydeskError);
    expect((error as CopydeskError).code).toBe('ENOENT');
    expect((error as CopydeskError).message).toMatch(/There is no draft “missing\.copydesk”/u);
    const reply = replies.at(-1) as { error: Record<string, unknown> };
    expect(Object.keys(reply.error).sort()).toEqual(['code', 'message']);
  });

  it('a malformed payload rejects with code invalid-request', async () => {
    const bad = api.drafts.open({ name: '../../etc/passwd.copydesk' });
    await expect(bad).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('a broken draft file on disk is reported with what is wrong', async () => {
    await fs.writeFile(path.join(h.workspace(), 'broken.copydesk'), '{"format": "copydesk-draft", "version": 2');
    await expect(api.drafts.open({ name: 'broken.copydesk' })).rejects.toMatchObject({ code: 'not-json', message: expect.stringContaining('not valid JSON') });
  });

  it('an unreadable reply is an error, not a value', async () => {
    const odd = createApi({ invoke: async () => ({ value: 1 }), subscribe: () => () => undefined }, API_NAMES);
    await expect(odd.workspace.list()).rejects.toMatchObject({ code: 'bad-reply' });
    const forged = createApi({ invoke: async () => ({ ok: false, error: { code: 7 } }), subscribe: () => () => undefined }, API_NAMES);
    await expect(forged.workspace.list()).rejects.toMatchObject({ code: 'bad-reply' });
  });
});

describe('events', () => {
  it('deliver the payload only, and stop after unsubscribing', () => {
    const got: unknown[][] = [];
    const off = api.on.menu((...args: unknown[]) => got.push(args));
    send('menu', { command: 'save' });
    send('menu', { command: 'export-html' });
    off();
    send('menu', { command: 'close' });
    expect(got).toEqual([[{ command: 'save' }], [{ command: 'export-html' }]]);
    off();
    expect(bus.listenerCount(eventChannel('menu'))).toBe(0);
  });

  it('external changes from the real watcher reach subscribers; the app\'s own writes do not', async () => {
    const got: { name: string }[] = [];
    const waiting: { name: string; wake: () => void }[] = [];
    const off = api.on.externalChange((change) => {
      got.push(change);
      for (const waiter of waiting.filter((w) => w.name === change.name)) waiter.wake();
    });
    const stop = h.services.watcher.onExternalChange((change) => send('externalChange', change));
    /** Resolves once a change of `name` has arrived through the API; fails after `ms` (a bound, not a pause). */
    const changeOf = (name: string, ms = 5000): Promise<void> =>
      new Promise((resolve, reject) => {
        if (got.some((change) => change.name === name)) return resolve();
        const timer = setTimeout(() => reject(new Error(`no external change of ${name} within ${String(ms)} ms; got ${JSON.stringify(got)}`)), ms);
        waiting.push({ name, wake: () => (clearTimeout(timer), resolve()) });
      });
    const created = await api.drafts.create();
    // A sentinel: another program writes a second draft after ours. The watcher examines names in
    // the order their (debounced) events came, so once the sentinel's change has arrived, a change
    // reported for our own write would have arrived before it.
    await fs.writeFile(path.join(h.workspace(), 'sentinel.copydesk'), draftText('Sentinel'));
    await changeOf('sentinel.copydesk');
    await h.services.watcher.idle();
    const mine = (): { name: string }[] => got.filter((change) => change.name === created.name);
    expect(mine()).toEqual([]);
    const file = path.join(h.workspace(), created.name);
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('"status": "draft"', '"status": "edited"'));
    await changeOf(created.name);
    await h.services.watcher.idle();
    stop();
    off();
    expect(mine()).toEqual([expect.objectContaining({ name: created.name, kind: 'changed', hash: expect.stringMatching(/^[0-9a-f]{64}$/u) })]);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.on.openDraft('nope' as never)).toThrow(CopydeskError);
  });
});
