/**
 * A symbolic link and a named pipe named like drafts, in the workspace folder: the library lists
 * each with a message that says what it is, the library still loads at once (the pipe is never
 * opened), the link's target is never opened, quoted or written. At 1280x800 and 1024x640.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, fixtureText, snap, test } from './fixtures';

const SECRET = 'SECRET-FIRST-BYTES outside the workspace';

test.use({ drafts: { 'seed.copydesk': fixtureText('seed-article.copydesk') } });

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
]) {
  test.describe(`at ${String(viewport.width)}x${String(viewport.height)}`, () => {
    test.use({ viewport });

    test('a link and a pipe named like drafts are listed with what they are, never opened', async ({ page, workspace, session, appUrl }) => {
      const outside = path.join(session.root, 'outside.copydesk');
      await fs.writeFile(outside, SECRET);
      await fs.symlink(outside, path.join(workspace, 'linked.copydesk'));
      const pipe = path.join(workspace, 'pipe.copydesk');
      execFileSync('mkfifo', [pipe]);
      try {
        await page.goto(appUrl);
        const table = page.getByRole('table', { name: 'Drafts' });
        await expect(table.getByRole('row')).toHaveCount(4, { timeout: 30_000 });
        await expect(table).toContainText('“linked.copydesk” is a symbolic link, not a regular file, so it could not be opened');
        await expect(table).toContainText('“pipe.copydesk” is a named pipe, not a regular file, so it could not be opened');
        await expect(table).not.toContainText('SECRET');
        await snap(page, `library-link-and-pipe-${String(viewport.width)}`);
        expect(await fs.readFile(outside, 'utf8')).toBe(SECRET);
        expect((await fs.lstat(path.join(workspace, 'linked.copydesk'))).isSymbolicLink()).toBe(true);
      } finally {
        // A reader left blocked by a regression gets its end of file.
        try {
          closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
        } catch {
          // No reader: nothing blocked.
        }
      }
    });
  });
}
