/**
 * A figure whose image is a file from disk, end to end: the Figure dialog's "Choose image…" asks
 * the (test) open dialog for a real PNG, the main process copies it under the workspace's
 * `assets/<draft stem>/`, the canvas loads it through the asset base the preload gives (here the
 * harness's http route, served by the app's own resolver), its caption, alt text and credit are
 * edited in the canvas, and it survives a save and a reload and reaches the HTML export. A file
 * that is not an image is refused with a message in the dialog.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { expect, fixtureText, test } from './fixtures';
import { backToLibrary, createDraft, editor, newBlock, nextFrame, saveState } from './editor-steps';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid RGB PNG of `width` × `height` pixels, all one colour. */
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x3c)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

/** The natural size of the canvas's figure image, once it has loaded (0 × 0 while loading or broken). */
async function naturalSize(image: Locator): Promise<string> {
  return image.evaluate((img: HTMLImageElement) => `${String(img.naturalWidth)}x${String(img.naturalHeight)}`);
}

function figureImage(page: Page): Locator {
  return editor(page).locator('figure img.cd-figure-image');
}

test('an image chosen from disk is copied beside the draft, shown, edited, saved, reloaded and exported', async ({ page, workspace, dialogs, sendMenu, appUrl }) => {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-e2e-image-'));
  try {
    const picture = path.join(folder, 'Harbour at dawn.png');
    await fs.writeFile(picture, png(12, 7));
    const notImage = path.join(folder, 'notes.png');
    await fs.writeFile(notImage, 'These are notes, not a picture.\n');

    await createDraft(page);
    await page.keyboard.type('Harbour reopens');
    await newBlock(page);
    await page.keyboard.type('The port is back.');
    await newBlock(page);
    await page.keyboard.type('Ships came in at dawn.');
    // A new draft's file takes its headline's name once saved (the images go beside that name).
    await expect.poll(() => fs.readdir(workspace), { timeout: 20_000 }).toContain('harbour-reopens.copydesk');

    await test.step('a file that is not an image is refused with a message', async () => {
      await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert figure…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Insert figure' });
      await expect(dialog).toBeVisible();
      dialogs.answerNextImage(notImage);
      await dialog.getByRole('button', { name: 'Choose image…' }).click();
      await expect(dialog.getByRole('alert')).toContainText('“notes.png” is named like a PNG image but its contents are not an image');
      await expect(dialog.getByLabel('Image address (https) or file')).toHaveValue('https://');
      expect(dialogs.asked).toContain('image');
    });

    const src = 'assets/harbour-reopens/Harbour-at-dawn.png';
    await test.step('a PNG is copied under the workspace’s assets folder and inserted', async () => {
      const dialog = page.getByRole('dialog', { name: 'Insert figure' });
      dialogs.answerNextImage(picture);
      await dialog.getByRole('button', { name: 'Choose image…' }).click();
      await expect(dialog.getByLabel('Image address (https) or file')).toHaveValue(src);
      await expect(dialog.getByRole('alert')).toHaveCount(0);
      expect(await fs.readFile(path.join(workspace, src))).toEqual(await fs.readFile(picture));
      await dialog.getByLabel('Alt text').fill('Two ships at the quay');
      await dialog.getByLabel('Caption').fill('The harbour at dawn');
      await dialog.getByLabel('Credit').fill('Port authority');
      await dialog.getByRole('button', { name: 'Insert figure' }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('the canvas loads the copied image', async () => {
      await expect(figureImage(page)).toHaveCount(1);
      await expect.poll(() => naturalSize(figureImage(page))).toBe('12x7');
      await expect(figureImage(page)).toHaveAttribute('alt', 'Two ships at the quay');
    });

    await test.step('caption, alt text and credit are edited in the canvas', async () => {
      const figure = editor(page).locator('figure');
      await figure.getByRole('textbox', { name: /^Alt text/u }).fill('Two cargo ships at the quay');
      await figure.getByRole('textbox', { name: /^Alt text/u }).press('Enter');
      await figure.getByRole('textbox', { name: 'Image credit' }).fill('Photo: Port authority');
      await figure.getByRole('textbox', { name: 'Image credit' }).press('Enter');
      await figure.locator('figcaption.cd-figure-caption').click();
      await nextFrame(page);
      await page.keyboard.press('End');
      await page.keyboard.type(', seen from the lighthouse');
      await expect(figure.locator('figcaption.cd-figure-caption')).toHaveText('The harbour at dawn, seen from the lighthouse');
      // One caption element, not a figcaption inside a figcaption.
      await expect(figure.locator('figcaption')).toHaveCount(1);
      await expect(figureImage(page)).toHaveAttribute('alt', 'Two cargo ships at the quay');
    });

    await test.step('saved, reloaded: still there, and the image loads again', async () => {
      await sendMenu('save');
      await expect(saveState(page)).toHaveText('Saved');
      const saved = JSON.parse(await fs.readFile(path.join(workspace, 'harbour-reopens.copydesk'), 'utf8')) as { doc: { content: { type: string; attrs?: Record<string, string> }[] } };
      const figureNode = saved.doc.content.find((node) => node.type === 'figure');
      expect(figureNode?.attrs).toEqual({ src, alt: 'Two cargo ships at the quay', credit: 'Photo: Port authority' });
      await page.goto(appUrl);
      await page.getByRole('button', { name: 'Harbour reopens', exact: true }).click();
      await expect(editor(page)).toBeFocused();
      await expect.poll(() => naturalSize(figureImage(page))).toBe('12x7');
      const figure = editor(page).locator('figure');
      await expect(figure.locator('figcaption.cd-figure-caption')).toHaveText('The harbour at dawn, seen from the lighthouse');
      await expect(figure.getByRole('textbox', { name: /^Alt text/u })).toHaveValue('Two cargo ships at the quay');
      await expect(figure.getByRole('textbox', { name: 'Image credit' })).toHaveValue('Photo: Port authority');
    });

    await test.step('the HTML export references the copied image', async () => {
      await sendMenu('export-html');
      const html = dialogs.exportPath('harbour-reopens.html');
      await expect.poll(() => fs.readFile(html, 'utf8').catch(() => '')).toContain('<img src="assets/harbour-reopens/Harbour-at-dawn.png" alt="Two cargo ships at the quay">');
      const text = await fs.readFile(html, 'utf8');
      expect(text).toContain('The harbour at dawn, seen from the lighthouse');
      expect(text).toContain('Photo: Port authority');
    });

    await backToLibrary(page);
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
});

test('the asset route serves only images inside the workspace’s assets folder', async ({ page, workspace, appUrl }) => {
  await fs.mkdir(path.join(workspace, 'assets', 'story'), { recursive: true });
  await fs.writeFile(path.join(workspace, 'assets', 'story', 'a.png'), png(3, 2));
  await fs.writeFile(path.join(workspace, 'assets', 'story', 'notes.txt'), 'text');
  const base = await page.evaluate(() => (window as unknown as { copydeskAssetBase: string }).copydeskAssetBase);
  expect(base).toBe(new URL('/__copydesk-workspace/', appUrl).href);
  const status = (rest: string): Promise<number> => page.evaluate(async (url) => (await fetch(url)).status, base + rest);
  expect(await status('assets/story/a.png')).toBe(200);
  expect(await status('assets/story/notes.txt')).toBe(404);
  expect(await status('assets/story/missing.png')).toBe(404);
  // The URL parser resolves `%2e%2e` before the request: what arrives names no assets/ file.
  expect(await status('assets/story/%2e%2e/%2e%2e/untitled.copydesk')).toBe(400);
  expect(await status('story/a.png')).toBe(400);
});

test.describe('a figure whose image file is not there', () => {
  test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

  test('says which file is missing instead of showing a broken image', async ({ page }) => {
    await page.getByRole('button', { name: /Upcoming Safety Assurances/u }).first().click();
    const figure = editor(page).locator('figure.cd-figure');
    await expect(figure.locator('.cd-figure-missing')).toHaveText('Missing: assets/washington-meeting.jpg was not found.');
    await expect(figure.locator('img')).toBeHidden();
    // The caption and fields stay editable.
    await expect(figure.getByRole('textbox', { name: 'Image credit' })).toBeVisible();
  });
});
