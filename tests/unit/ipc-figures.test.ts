/**
 * The `figures.importImage` call through the real dispatcher and handlers: the image dialog's
 * answer is copied into the workspace's assets folder; Cancel gives null and writes nothing; a
 * file that is not an image comes back as an error for the user. `assets.check` answers which
 * figures' files are missing, looking at real files.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './helpers/ipc-harness';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.dispose();
});

describe('figures.importImage', () => {
  it('copies the chosen image beside the draft and answers its src', async () => {
    const file = path.join(h.root, 'pic.png');
    await fs.writeFile(file, PNG);
    h.caller.imageAnswer = file;
    const reply = await h.call('figures.importImage', { draft: 'story.copydesk' });
    expect(reply).toEqual({ ok: true, value: { src: 'assets/story/pic.png' } });
    expect(h.caller.asked.at(-1)).toBe('image');
    const workspace = h.services.settings.workspaceFolder();
    expect(await fs.readFile(path.join(workspace, 'assets', 'story', 'pic.png'))).toEqual(PNG);
  });

  it('answers null when the dialog is cancelled', async () => {
    h.caller.imageAnswer = null;
    expect(await h.call('figures.importImage', { draft: 'other.copydesk' })).toEqual({ ok: true, value: null });
    await expect(fs.access(path.join(h.services.settings.workspaceFolder(), 'assets', 'other'))).rejects.toThrow();
  });

  it('refuses a file that is not an image, with a message', async () => {
    const file = path.join(h.root, 'fake.png');
    await fs.writeFile(file, 'hello');
    h.caller.imageAnswer = file;
    const reply = await h.call('figures.importImage', { draft: 'story.copydesk' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/fake\.png.*not an image/u);
  });
});

describe('assets.check', () => {
  it('answers which assets/… files are missing, on the real files', async () => {
    const workspace = h.services.settings.workspaceFolder();
    await fs.mkdir(path.join(workspace, 'assets', 'kept'), { recursive: true });
    await fs.writeFile(path.join(workspace, 'assets', 'kept', 'here.png'), PNG);
    await fs.mkdir(path.join(workspace, 'assets', 'kept', 'folder.png'));
    // A link out of the assets folder is not an image the app would show.
    await fs.writeFile(path.join(h.root, 'outside.png'), PNG);
    await fs.symlink(path.join(h.root, 'outside.png'), path.join(workspace, 'assets', 'kept', 'link.png'));
    const reply = await h.call('assets.check', { srcs: ['assets/kept/here.png', 'assets/kept/gone.png', 'assets/kept/folder.png', 'assets/none/x.png', 'assets/kept/link.png'] });
    expect(reply).toEqual({ ok: true, value: { missing: ['assets/kept/gone.png', 'assets/kept/folder.png', 'assets/none/x.png', 'assets/kept/link.png'] } });
  });

  it('refuses a path that is not inside assets/', async () => {
    for (const src of ['../secret.png', 'assets/../story.copydesk', '/etc/passwd', 'https://example.com/a.png']) {
      const reply = await h.call('assets.check', { srcs: [src] });
      expect(reply.ok).toBe(false);
    }
  });
});
