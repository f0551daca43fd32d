/**
 * The end-to-end fixture: Copydesk's renderer in real Chromium on a fresh temporary workspace,
 * its `window.copydesk` bound to the real main-process services (harness/app-session.ts).
 *
 *   import { expect, test } from './fixtures';
 *   test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });
 *   test('the seed is listed', async ({ page, workspace }) => { … });
 *
 * Options (test.use): `drafts` (file name → text, written into the workspace before the services
 * start), `site` ('renderer', the default: dist/renderer served by vite preview; 'smoke': the
 * harness's own test page), `allowPageErrors` (by default an uncaught error in a page fails the
 * test). See README.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { EventMap, EventName, MenuCommand } from '../../shared/ipc/channels';
import type { AppServices } from '../../electron/services/app-services';
import { createAppSession, type AppSession } from './harness/app-session';
import { RENDERER_DIST, ROOT, siteUrl, type SiteName } from './harness/sites';
// @ts-expect-error -- a plain .mjs build script, without type declarations
import { symbolicate as symbolicateTrace } from '../../build/symbolicate.mjs';

/** A page's stack trace in source positions, read with the build's source maps (dist/renderer's; another build's stays as it is). */
function symbolicate(trace: string): string {
  return RENDERER_DIST === path.join(ROOT, 'dist', 'renderer') ? (symbolicateTrace as (trace: string, folder: string) => string)(trace, ROOT) : trace;
}
import type { TestDialogs } from './harness/test-dialogs';

export { expect };
export { snap } from './harness/snap';

/** The text of a file in tests/fixtures (e.g. 'seed-article.copydesk'), for the `drafts` option. */
export function fixtureText(name: string): string {
  return readFileSync(path.join(ROOT, 'tests', 'fixtures', name), 'utf8');
}

/** The options a test file sets with `test.use`. */
export interface CopydeskOptions {
  /** Files in the workspace when the app starts: file name → file text. Default: none. */
  readonly drafts: Readonly<Record<string, string>>;
  /** What the page opens: the built renderer (default) or the harness's smoke page. */
  readonly site: SiteName;
  /** When false (default), an uncaught error in any window fails the test. */
  readonly allowPageErrors: boolean;
}

/** What a test receives besides Playwright's own fixtures. */
export interface CopydeskFixtures {
  /** The test's main process (folders, services, dispatcher, dialogs, windows). */
  readonly session: AppSession;
  /** The URL of the app's page (the served index.html); `page` is already there. */
  readonly appUrl: string;
  /** The workspace folder on disk. */
  readonly workspace: string;
  /** The userData folder on disk (settings, recovery journal, versions). */
  readonly userData: string;
  /** The real services the page talks to. */
  readonly services: AppServices;
  /**
   * The native dialogs' answers (exports land in `dialogs.exportsDir` by default; folder, image and
   * import dialogs answer what `answerNextFolder` / `answerNextImage` / `answerNextImport` queued,
   * Cancel otherwise) and the window controls' record.
   */
  readonly dialogs: TestDialogs;
  /** What the dispatcher logged: refused and failed calls. */
  readonly mainLog: readonly string[];
  /** A menu command, as choosing File > … in the app. */
  readonly sendMenu: (command: MenuCommand) => Promise<void>;
  /** An event from the main process to every window (externalChange, openDraft, menu, workspaceChanged, accessibility; the last also sets what system.accessibility answers). */
  readonly emit: <E extends EventName>(name: E, payload: EventMap[E]) => Promise<void>;
  /**
   * Opens another Copydesk window and waits for its page to load: on the same services (the same
   * installation, the same reviewer), or with `{ installation: 'another' }` as a window of a
   * second installation on the same workspace (its own settings, so another reviewer: `session.another()`).
   */
  readonly openWindow: (options?: { readonly installation?: 'same' | 'another' }) => Promise<Page>;
}

// Records uncaught errors and console errors of a window, for the end of the test.
function watchErrors(page: Page, errors: string[], consoleErrors: string[]): void {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${symbolicate(error.stack ?? error.message)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
}

interface Internal {
  readonly windowErrors: { readonly errors: string[]; readonly consoleErrors: string[] };
}

/** Playwright's `test` with the Copydesk fixtures. */
export const test = base.extend<CopydeskOptions & CopydeskFixtures & Internal>({
  drafts: [{}, { option: true }],
  site: ['renderer', { option: true }],
  allowPageErrors: [false, { option: true }],

  windowErrors: async ({ allowPageErrors }, use, testInfo) => {
    const record = { errors: [] as string[], consoleErrors: [] as string[] };
    await use(record);
    if (record.consoleErrors.length > 0) await testInfo.attach('console errors', { body: record.consoleErrors.join('\n'), contentType: 'text/plain' });
    if (record.errors.length > 0 && !allowPageErrors) {
      throw new Error(`Uncaught error(s) in the page (set allowPageErrors to accept them):\n${record.errors.join('\n')}`);
    }
  },

  appUrl: async ({ site }, use) => {
    await use(new URL('index.html', siteUrl(site)).href);
  },

  session: async ({ appUrl, drafts }, use, testInfo) => {
    const session = await createAppSession({ trustedOrigin: new URL(appUrl).origin, drafts });
    try {
      await use(session);
    } finally {
      if (session.mainLog.length > 0) await testInfo.attach('main process log', { body: session.mainLog.join('\n'), contentType: 'text/plain' });
      await session.dispose();
    }
  },

  page: async ({ page, session, appUrl, windowErrors }, use) => {
    watchErrors(page, windowErrors.errors, windowErrors.consoleErrors);
    await session.attach(page);
    await page.goto(appUrl);
    await use(page);
  },

  openWindow: async ({ context, session, appUrl, windowErrors }, use) => {
    await use(async (options = {}) => {
      const page = await context.newPage();
      watchErrors(page, windowErrors.errors, windowErrors.consoleErrors);
      if (options.installation === 'another') await (await session.another()).attach(page);
      else await session.attach(page);
      await page.goto(appUrl);
      return page;
    });
  },

  workspace: async ({ session }, use) => use(session.workspace),
  userData: async ({ session }, use) => use(session.userData),
  services: async ({ session }, use) => use(session.services),
  dialogs: async ({ session }, use) => use(session.dialogs),
  mainLog: async ({ session }, use) => use(session.mainLog),
  sendMenu: async ({ session }, use) => use((command) => session.sendMenu(command)),
  emit: async ({ session }, use) => use((name, payload) => session.emit(name, payload)),
});
