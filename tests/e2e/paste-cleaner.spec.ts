/**
 * The paste cleaner's first pass (parse5, renderer/editor/html-preclean.ts) is a chunk loaded on
 * first use, not part of the start chunk. A paste of rich HTML is cleaned the same whether it
 * comes after that chunk arrived (at once) or before (its chunk held back by `page.route`: the
 * paste waits, lands where it was aimed, after what was typed meanwhile is kept, and is one undo
 * step), and when the chunk cannot be loaded the clipboard's plain text is pasted, with a notice.
 */
import type { Locator, Page, Route } from '@playwright/test';
import { expect, fixtureText, test } from './fixtures';
import { editor, pasteData } from './editor-steps';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

const CLEANER_CHUNK = /\/assets\/html-preclean-[\w-]+\.js$/u;

const RICH = {
  'text/html':
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1">' +
    '<p onclick="window.__pwned=1" style="margin:0">Wire copy <strong onmouseover="window.__pwned=2">firmly</strong> ' +
    '<span style="font-style:italic">slanted</span> <img src="x" onerror="window.__pwned=3">' +
    '<a href="javascript:window.__pwned=4">bad link</a> <a href="https://example.org/" style="color:red">good link</a></p>' +
    '<script>window.__pwned=5</script></b>',
  'text/plain': 'Wire copy firmly slanted bad link good link',
};

/** The seed article's first body paragraph. */
function firstParagraph(page: Page): Locator {
  return editor(page).locator('p:not(.cd-standfirst)').first();
}

/** Opens the seed article with the cursor in its first body paragraph. */
async function openAtParagraph(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Upcoming Safety Assurances for the Washington Meeting', exact: true }).click();
  await expect(editor(page)).toBeFocused();
  await firstParagraph(page).click();
  await page.keyboard.press('End');
}

/** What the paste must have left: bold, italic and the good link kept, nothing unsafe. */
async function expectCleaned(page: Page): Promise<void> {
  const pasted = editor(page).locator('p', { hasText: 'Wire copy' });
  await expect(pasted.locator('strong', { hasText: 'firmly' })).toBeVisible();
  await expect(pasted.locator('em', { hasText: 'slanted' })).toBeVisible();
  await expect(pasted.locator('a[href="https://example.org/"]')).toHaveText('good link');
  await expect(editor(page).locator('a[href^="javascript"], img[src="x"], [onclick], [onmouseover], [style*="margin"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}

test('a paste after the cleaner arrived is cleaned at once', async ({ page }) => {
  const loaded = page.waitForResponse(CLEANER_CHUNK);
  // The editor loads the cleaner when the page is idle after it mounts.
  await openAtParagraph(page);
  // The app's import of the chunk settles before this one (it started first): the cleaner is ready.
  await page.evaluate(async (url) => {
    await import(url);
  }, (await loaded).url());
  // The paste is made within its own event: nothing waits.
  const atOnce = await editor(page).evaluate((dom, data) => {
    const clipboardData = new DataTransfer();
    for (const [type, value] of Object.entries(data)) clipboardData.setData(type, value);
    dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    return Array.from(dom.querySelectorAll('strong')).some((strong) => strong.textContent === 'firmly');
  }, RICH);
  expect(atOnce).toBe(true);
  await expectCleaned(page);
});

test('a paste before the cleaner arrived waits for it, lands where it was aimed, and is one undo step', async ({ page }) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await page.route(CLEANER_CHUNK, async (route: Route) => {
    requested = true;
    await held;
    await route.continue();
  });
  await openAtParagraph(page);
  const before = await firstParagraph(page).innerText();
  await pasteData(page, RICH);
  await expect.poll(() => requested).toBe(true);
  // Nothing pasted yet, and nothing raw either; typing goes on meanwhile.
  await expect(editor(page)).not.toContainText('Wire copy');
  await page.keyboard.type(' Typed meanwhile.');
  await expect(editor(page)).toContainText('Typed meanwhile.');
  release();
  await expectCleaned(page);
  // The paste went where the cursor was when pasting: just before the text typed after it.
  await expect(firstParagraph(page)).toContainText('Wire copy firmly slanted bad link good link Typed meanwhile.');
  // One undo takes the paste back, and only the paste.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor(page)).not.toContainText('Wire copy');
  expect((await firstParagraph(page).innerText()).replace(' Typed meanwhile.', '')).toBe(before);
});

test('when the cleaner cannot be loaded, the plain text is pasted and the user is told', async ({ page }) => {
  await page.route(CLEANER_CHUNK, (route: Route) => route.abort('failed'));
  await openAtParagraph(page);
  await pasteData(page, RICH);
  await expect(page.getByRole('alert')).toContainText('pasted as plain text');
  await expect(editor(page)).toContainText('Wire copy firmly slanted bad link good link');
  await expect(editor(page).locator('strong', { hasText: 'firmly' })).toHaveCount(0);
  await expect(editor(page).locator('a[href^="javascript"], img[src="x"], [onclick]')).toHaveCount(0);
});

test('a drop of HTML before the cleaner arrived is cleaned too, where it was dropped', async ({ page }) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(CLEANER_CHUNK, async (route: Route) => {
    await held;
    await route.continue();
  });
  await openAtParagraph(page);
  // The caret elsewhere: the drop goes where it was dropped, not to the caret.
  const other = editor(page).locator('p:not(.cd-standfirst)').nth(1);
  await other.click();
  const target = firstParagraph(page);
  const box = await target.boundingBox();
  if (!box) throw new Error('the paragraph is not on screen');
  const taken = await target.evaluate(
    (element, { data, x, y }) => {
      const dataTransfer = new DataTransfer();
      for (const [type, value] of Object.entries(data)) dataTransfer.setData(type, value);
      const event = new DragEvent('drop', { dataTransfer, clientX: x, clientY: y, bubbles: true, cancelable: true });
      element.dispatchEvent(event);
      return event.defaultPrevented;
    },
    { data: RICH, x: box.x + 5, y: box.y + 5 },
  );
  expect(taken).toBe(true);
  await expect(editor(page)).not.toContainText('Wire copy');
  release();
  await expectCleaned(page);
  await expect(firstParagraph(page)).toContainText('Wire copy');
  await expect(other).not.toContainText('Wire copy');
});
