/**
 * Smoke tests of the end-to-end harness itself, on its own test page (harness/smoke-page) served
 * by vite preview: the page gets exactly the preload's API, frozen; calls reach the real services
 * and files; the real dispatcher refuses malformed payloads, other origins and subframes; events
 * from the main process reach the page's listeners; pre-filled drafts are listed and export
 * through the real exporters.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CopydeskApi } from '../../shared/ipc/api';
import { apiShape } from '../unit/helpers/api-shape';
import { parseDraft } from '../../shared/draft/format';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/security';
import { expect, fixtureText, snap, test } from './fixtures';

declare global {
  interface Window {
    copydesk: CopydeskApi;
  }
}

test.use({ site: 'smoke' });

// What a rejected call looked like in the page.
interface Refusal {
  readonly name: string;
  readonly code: string;
  readonly message: string;
}

test.describe('an empty workspace', () => {
  test.beforeEach(async ({ page }) => {
    await expect(page.locator('#status')).toHaveText('ready');
  });

  test('the page gets exactly the preload API, frozen and read-only, and no transport', async ({ page, appUrl }) => {
    // Served with the app protocol's headers: the page runs under the app's CSP.
    const response = await page.request.get(appUrl);
    expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const seen = await page.evaluate(() => {
      const api = window.copydesk as unknown as Record<string, Record<string, unknown>>;
      const shape: Record<string, string[]> = {};
      for (const group of Object.keys(api)) shape[group] = Object.keys(api[group] ?? {}).sort();
      const frozen = Object.isFrozen(api) && Object.values(api).every((group) => Object.isFrozen(group));
      const functions = Object.values(api).every((group) => Object.values(group).every((fn) => typeof fn === 'function'));
      try {
        (window as unknown as { copydesk: unknown }).copydesk = {};
      } catch {
        // A module script is strict: assigning a read-only property throws.
      }
      const replaced = window.copydesk !== (api as unknown);
      const descriptor = Object.getOwnPropertyDescriptor(window, 'copydesk');
      return {
        shape,
        frozen,
        functions,
        replaced,
        writable: descriptor?.writable,
        configurable: descriptor?.configurable,
        binding: typeof (window as unknown as Record<string, unknown>).__copydeskInvoke,
        globals: Object.keys(window).filter((key) => key.toLowerCase().includes('copydesk')),
      };
    });
    const expected = Object.fromEntries(Object.entries(apiShape()).map(([group, methods]) => [group, [...methods].sort()]));
    expect(seen.shape).toEqual(expected);
    expect(seen).toMatchObject({ frozen: true, functions: true, replaced: false, writable: false, configurable: false, binding: 'undefined' });
    // The API, and the base URL of the drafts' images (a string), as the preload exposes them.
    expect(seen.globals).toEqual(['copydesk', 'copydeskAssetBase']);
  });

  test('a call round-trips to the real services and files', async ({ page, workspace, services }) => {
    await expect(page.locator('#settings')).toHaveText(JSON.stringify({ folder: workspace, problem: null }));
    const created = await page.evaluate(() => window.copydesk.drafts.create());
    expect(created.name).toBe('untitled.copydesk');
    const text = await fs.readFile(path.join(workspace, created.name), 'utf8');
    // The draft that came back is the file's content, and the file is a valid draft.
    expect(created.draft).toBe(text);
    expect(parseDraft(text).meta.slug).toBe(parseDraft(created.draft).meta.slug);
    expect((await services.workspace.list()).map((draft) => draft.name)).toEqual([created.name]);
    // A save with the returned hash goes through; the page sees the new file in the list.
    const saved = await page.evaluate(
      ({ name, draft, hash }) => {
        const json = JSON.parse(draft) as { meta: Record<string, unknown> };
        return window.copydesk.drafts.save({ name, draft: JSON.stringify({ ...json, meta: { ...json.meta, section: 'World' } }), baseHash: hash });
      },
      created,
    );
    expect(saved.ok).toBe(true);
    expect(parseDraft(await fs.readFile(path.join(workspace, created.name), 'utf8')).meta.section).toBe('World');
  });

  test('a malformed payload is refused with the dispatcher’s own error, and touches nothing', async ({ page, session, appUrl, workspace, mainLog }) => {
    const payloads: unknown[] = [{ name: '../outside.copydesk' }, { name: 'a.copydesk', extra: true }, 'a.copydesk', { name: 42 }];
    for (const payload of payloads) {
      const refusal = await page.evaluate(async (request) => {
        try {
          await (window.copydesk.drafts.open as (r: unknown) => Promise<unknown>)(request);
          return null;
        } catch (error) {
          const e = error as { name: string; code: string; message: string };
          return { name: e.name, code: e.code, message: e.message } satisfies Refusal;
        }
      }, payload);
      // The same call straight into the dispatcher, from the same (trusted) URL.
      const direct = await session.dispatcher.dispatch('drafts.open', payload, { senderUrl: appUrl, caller: session.dialogs });
      expect(direct.ok).toBe(false);
      expect(refusal).toEqual({ name: 'CopydeskError', ...(direct.ok ? {} : direct.error) });
      expect(refusal?.code).toBe('invalid-request');
    }
    expect(await fs.readdir(workspace)).toEqual([]);
    expect(mainLog.filter((line) => line.includes('drafts.open failed'))).toHaveLength(payloads.length * 2);
  });

  test('a call from another origin is refused by the sender check', async ({ page, appUrl, openWindow, workspace, mainLog }) => {
    // Same server, same page, other origin: localhost instead of 127.0.0.1.
    const other = new URL(appUrl);
    other.hostname = 'localhost';
    const stranger = await openWindow();
    await stranger.goto(other.href);
    await expect(stranger.locator('#status')).toHaveText('error: This page may not use Copydesk’s API.');
    const refusal = await stranger.evaluate(() => window.copydesk.drafts.create().then(
      () => null,
      (error: { code: string }) => error.code,
    ));
    expect(refusal).toBe('untrusted-sender');
    expect(await fs.readdir(workspace)).toEqual([]);
    expect(mainLog.some((line) => line.includes('untrusted frame') && line.includes(`localhost:${other.port}`))).toBe(true);

    // The trusted page itself is still served.
    expect((await page.evaluate(() => window.copydesk.drafts.create())).name).toBe('untitled.copydesk');
  });

  test('events from the main process reach the page’s listeners', async ({ page, emit, sendMenu, workspace, dialogs, session }) => {
    const events = page.locator('#events li');
    await emit('externalChange', { name: 'x.copydesk', kind: 'deleted', hash: null });
    await sendMenu('export-html');
    await expect(events).toHaveText(['externalChange {"name":"x.copydesk","kind":"deleted","hash":null}', 'menu {"command":"export-html"}']);

    // A real change on disk, seen by the real watcher.
    await fs.writeFile(path.join(workspace, 'from-outside.copydesk'), fixtureText('seed-article.copydesk'));
    await expect(events.filter({ hasText: 'from-outside.copydesk' }).first()).toHaveAttribute('data-event', 'externalChange');

    // A handler's own event: choosing another workspace folder tells the windows.
    const elsewhere = path.join(session.root, 'elsewhere');
    await fs.mkdir(elsewhere);
    dialogs.answerNextFolder(elsewhere);
    await page.evaluate(() => window.copydesk.settings.chooseWorkspace());
    await expect(events.last()).toHaveText(`workspaceChanged ${JSON.stringify({ folder: elsewhere, problem: null })}`);
    expect(dialogs.asked).toEqual([`folder:${workspace}`]);
    expect(dialogs.readied).toBe(1);

    // An unsubscribed listener hears nothing more.
    const heard = await page.evaluate(() => {
      const seen: string[] = [];
      const stop = window.copydesk.on.menu((payload) => seen.push(payload.command));
      (window as unknown as { stopMenu: () => void; seenMenu: string[] }).stopMenu = stop;
      (window as unknown as { seenMenu: string[] }).seenMenu = seen;
      return seen.length;
    });
    expect(heard).toBe(0);
    await sendMenu('save');
    await page.evaluate(() => (window as unknown as { stopMenu: () => void }).stopMenu());
    await sendMenu('close');
    expect(await page.evaluate(() => (window as unknown as { seenMenu: string[] }).seenMenu)).toEqual(['save']);
  });
});

test.describe('a subframe', () => {
  // The app's CSP forbids frames: lift it in the page (frame-src) and drop it from the framed
  // copy's response (frame-ancestors), to load a subframe on the trusted origin at all.
  test.use({ bypassCSP: true });

  test('a subframe of the trusted page gets no API, and the binding refuses it (only a main frame counts)', async ({ page, appUrl, workspace, mainLog }) => {
    await expect(page.locator('#status')).toHaveText('ready');
    const framed = `${appUrl}?framed`;
    await page.route(framed, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-security-policy'];
      await route.fulfill({ response, headers });
    });
    await page.evaluate(async (src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      await loaded;
    }, framed);
    const child = page.frames().find((frame) => frame !== page.mainFrame());
    if (!child) throw new Error('the iframe did not load');
    // The subframe is on the trusted URL itself: only its being a subframe gets it refused.
    expect(child.url()).toBe(framed);
    const fromChild = await child.evaluate(async () => {
      const raw = (window as unknown as Record<string, unknown>).__copydeskInvoke as (c: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
      return { api: typeof (window as unknown as Record<string, unknown>).copydesk, reply: await raw('drafts.create', undefined) };
    });
    expect(fromChild).toEqual({ api: 'undefined', reply: { ok: false, error: { code: 'untrusted-sender', message: 'This page may not use Copydesk’s API.' } } });
    expect(await fs.readdir(workspace)).toEqual([]);

    expect(mainLog.some((line) => line.includes('untrusted frame') && line.includes('("")'))).toBe(true);
  });
});

test.describe('a pre-filled workspace', () => {
  const seed = fixtureText('seed-article.copydesk');
  test.use({ drafts: { 'seed.copydesk': seed, 'broken.copydesk': '{ not a draft' } });

  test('pre-filled drafts are listed, and export through the real exporters', async ({ page, dialogs }) => {
    const headline = parseDraft(seed).doc.firstChild?.textContent ?? '';
    expect(headline).toBe('Upcoming Safety Assurances for the Washington Meeting');
    await expect(page.locator('#status')).toHaveText('ready');
    await expect(page.locator('#drafts li[data-name="seed.copydesk"]')).toContainText(headline);
    await expect(page.locator('#drafts li[data-name="broken.copydesk"]')).toHaveCount(1);
    await snap(page, 'harness-smoke-page');

    const html = await page.evaluate(() => window.copydesk.export.write({ name: 'seed.copydesk', format: 'html' }));
    const md = await page.evaluate(() => window.copydesk.export.write({ name: 'seed.copydesk', format: 'md' }));
    expect([html, md]).toEqual([
      { ok: true, file: 'seed.html' },
      { ok: true, file: 'seed.md' },
    ]);
    expect(await fs.readFile(dialogs.exportPath('seed.html'), 'utf8')).toContain(`${headline}</h1>`);
    expect(await fs.readFile(dialogs.exportPath('seed.md'), 'utf8')).toMatch(new RegExp(`^# ${headline}$`, 'mu'));
    // Cancelling the save dialog is an outcome, not an error.
    dialogs.answerNextExport(null);
    expect(await page.evaluate(() => window.copydesk.export.write({ name: 'seed.copydesk', format: 'md' }))).toEqual({ ok: false, reason: 'cancelled' });
  });
});
