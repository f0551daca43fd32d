/**
 * Steps shared by the renderer's scenarios (reporter-session, accessibility, screenshots): find
 * the editor and its parts by their accessible names, create a draft, cite through the picker,
 * and dispatch real clipboard events (a `ClipboardEvent` carrying a `DataTransfer`) on the
 * focused editor, as the browser does for Ctrl+C / Ctrl+V.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** The ProseMirror editable. */
export function editor(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Article text' });
}

/** The body paragraph of `page`'s editor that holds `text`. */
export function paragraphWith(page: Page, text: string): Locator {
  return editor(page).locator('p', { hasText: text });
}

/** Puts the DOM caret after the last character of `block`'s text, as a click there does (ProseMirror reads it at its next `selectionchange` or key). */
export async function caretAtEnd(block: Locator): Promise<void> {
  await block.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let last: Node | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node;
    if (!last) throw new Error('no text in the block');
    (element.closest('[contenteditable]') as HTMLElement | null)?.focus();
    const end = last.textContent?.length ?? 0;
    window.getSelection()?.setBaseAndExtent(last, end, last, end);
  });
}

/** Keys `inOneBreath` can send, as CDP describes them (modifiers: 2 is Control). */
const CDP_KEYS = {
  Home: { key: 'Home', code: 'Home', windowsVirtualKeyCode: 36 },
  End: { key: 'End', code: 'End', windowsVirtualKeyCode: 35 },
  Enter: { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' },
  Backspace: { key: 'Backspace', code: 'Backspace', windowsVirtualKeyCode: 8 },
  Y: { key: 'Y', code: 'KeyY', windowsVirtualKeyCode: 89, text: 'Y' },
  'Control+K': { key: 'k', code: 'KeyK', windowsVirtualKeyCode: 75, modifiers: 2 },
} as const;

/** A step of `inOneBreath`: a key, or a click at a point of the page. */
export type BreathStep = keyof typeof CDP_KEYS | { readonly clickAt: { readonly x: number; readonly y: number } };

/**
 * Presses keys and clicks in one go: sent together, so that the page takes them before it has
 * had a turn to hear of what the first did to the caret (its `selectionchange`), as a fast
 * typist's input can arrive on a busy machine.
 */
export async function inOneBreath(page: Page, steps: readonly BreathStep[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await Promise.all(
    steps.flatMap((step) => {
      if (typeof step !== 'string') {
        const at = { ...step.clickAt, button: 'left' as const, clickCount: 1 };
        return [cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at }), cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at })];
      }
      const { text, ...key } = { text: undefined, ...CDP_KEYS[step] };
      return [cdp.send('Input.dispatchKeyEvent', text ? { type: 'keyDown', text, ...key } : { type: 'rawKeyDown', ...key }), cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key })];
    }),
  );
  await cdp.detach();
}

/** The citation chips of the text, in document order. */
export function chips(page: Page): Locator {
  return editor(page).locator('sup.cd-cite a[role="doc-noteref"]');
}

/** The Sources panel (a complementary landmark named after its heading). */
export function sourcesPanel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Sources' });
}

/** The source entries' headings in the Sources panel ("[1] Title"), in number order. */
export function sourceHeadings(page: Page): Locator {
  return sourcesPanel(page).getByRole('list', { name: 'Sources in number order' }).getByRole('heading', { level: 3 });
}

/** Opens the fields of the source whose panel heading is `heading` ("[1] Title": the entry is compact until then) and returns its entry. */
export async function editSource(page: Page, heading: string | RegExp): Promise<Locator> {
  const entry = sourcesPanel(page).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: heading }) });
  await entry.getByRole('button', { name: /^(Edit|Details of) “/u }).click();
  await expect(entry.getByRole('group')).toBeVisible();
  return entry;
}

/** Waits for the next two animation frames (ProseMirror reads a new DOM selection on the next one). */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Enter: a new top-level block, ready for the next key at once. (It used to need a frame first: a
 * new `content-visibility: auto` block was skipped by Chromium until rendered, and a character
 * typed into it within that frame left the caret before it. renderer/editor/live-blocks.ts makes
 * the block holding the cursor live from the start; typing.spec.ts is the regression test.)
 */
export async function newBlock(page: Page): Promise<void> {
  await page.keyboard.press('Enter');
}

/** Clicks "New draft" in the library and waits until the editor has the focus (cursor in the headline). */
export async function createDraft(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New draft', exact: true }).click();
  await expect(editor(page)).toBeFocused();
}

/** Goes back to the library (the app saves first) and waits for the drafts table. */
export async function backToLibrary(page: Page): Promise<void> {
  await page.getByRole('button', { name: '← Library' }).click();
  await expect(page.getByRole('button', { name: 'New draft', exact: true })).toBeVisible();
}

/** The fields of a new source, as the picker's form names them. */
export interface NewSource {
  readonly title: string;
  readonly outlet?: string;
  readonly date?: string;
  readonly url?: string;
  readonly note?: string;
}

/** Fills the open "Cite a new source" dialog and submits it. */
export async function fillNewSource(page: Page, source: NewSource): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Cite a new source' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Title').fill(source.title);
  if (source.outlet !== undefined) await dialog.getByLabel('Outlet or publisher').fill(source.outlet);
  if (source.date !== undefined) await dialog.getByLabel('Date').fill(source.date);
  if (source.url !== undefined) await dialog.getByLabel('URL').fill(source.url);
  if (source.note !== undefined) await dialog.getByLabel('Note').fill(source.note);
  await dialog.getByRole('button', { name: 'Create and cite' }).click();
  await expect(dialog).toBeHidden();
}

/** In the open "Cite a source" picker, searches `query` and picks the (single) matching source. */
export async function pickSource(page: Page, query: string, title: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Cite a source' });
  await expect(dialog).toBeVisible();
  const search = dialog.getByRole('combobox', { name: 'Search sources by title or outlet' });
  await expect(search).toBeFocused();
  await search.fill(query);
  const options = dialog.getByRole('listbox', { name: 'Sources' }).getByRole('option');
  // The matching source, then "New source “…”…".
  await expect(options).toHaveCount(2);
  await expect(options.first()).toContainText(title);
  await search.press('Enter');
  await expect(dialog).toBeHidden();
}

/** Dispatches a `paste` carrying `data` (MIME type → text) on the focused editor. */
export async function pasteData(page: Page, data: Readonly<Record<string, string>>): Promise<void> {
  await expect(editor(page)).toBeFocused();
  await nextFrame(page);
  const handled = await page.evaluate((items) => {
    const target = document.activeElement;
    if (!(target instanceof HTMLElement) || !target.isContentEditable) throw new Error('paste: the focus is not in an editable');
    const clipboardData = new DataTransfer();
    for (const [type, text] of Object.entries(items)) clipboardData.setData(type, text);
    const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    return event.defaultPrevented;
  }, data);
  expect(handled, 'the editor took the paste').toBe(true);
}

/** Dispatches a `copy` on the focused editor and returns what it wrote (MIME type → text). */
export async function copySelection(page: Page): Promise<Record<string, string>> {
  await expect(editor(page)).toBeFocused();
  await nextFrame(page);
  return page.evaluate(() => {
    const target = document.activeElement;
    if (!(target instanceof HTMLElement) || !target.isContentEditable) throw new Error('copy: the focus is not in an editable');
    const clipboardData = new DataTransfer();
    const event = new ClipboardEvent('copy', { clipboardData, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    if (!event.defaultPrevented) throw new Error('copy: the editor did not write the clipboard');
    return Object.fromEntries(Array.from(clipboardData.types, (type) => [type, clipboardData.getData(type)]));
  });
}

/** A draft file of the workspace, parsed as JSON (the test reads what is on disk). */
export interface DraftOnDisk {
  readonly name: string;
  readonly text: string;
  readonly json: { doc: { content: { type: string; content?: unknown[] }[] } };
}

/** The workspace's draft whose saved headline is `headline`. */
export async function draftOnDisk(workspace: string, headline: string): Promise<DraftOnDisk> {
  const names = (await fs.readdir(workspace)).filter((n) => n.endsWith('.copydesk'));
  for (const name of names) {
    const text = await fs.readFile(path.join(workspace, name), 'utf8');
    const json = JSON.parse(text) as DraftOnDisk['json'];
    if (JSON.stringify(json.doc.content[0]).includes(JSON.stringify(headline))) return { name, text, json };
  }
  throw new Error(`No draft in ${workspace} has the headline ${JSON.stringify(headline)} (files: ${names.join(', ')}).`);
}

/** The status bar's save state. */
export function saveState(page: Page): Locator {
  return page.getByRole('contentinfo').getByRole('status');
}

/** Answers the dialog that asks the window who is reviewing (the first suggestion, comment or change of status). */
export async function giveName(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Your name in review' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Your name in review').fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}
