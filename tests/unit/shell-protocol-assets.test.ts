/**
 * `copydesk://workspace/assets/…` (electron/shell/protocol-path.ts, resolveWorkspaceAsset) on a
 * real workspace folder: images inside `<workspace>/assets` are served with image types; `..`,
 * encoded traversal, symbolic links out, non-images, drafts and other hosts are refused.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWorkspaceAsset } from '../../electron/shell/protocol-path';

let root: string;
let workspace: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-assets-proto-'));
  workspace = path.join(root, 'ws');
  await fs.mkdir(path.join(workspace, 'assets', 'story'), { recursive: true });
  await fs.writeFile(path.join(workspace, 'assets', 'story', 'a.png'), 'png');
  await fs.writeFile(path.join(workspace, 'assets', 'story', 'b.avif'), 'avif');
  await fs.writeFile(path.join(workspace, 'assets', 'story', 'page.html'), '<p>');
  await fs.writeFile(path.join(workspace, 'story.copydesk'), '{}');
  await fs.writeFile(path.join(root, 'secret.png'), 'secret');
  await fs.symlink(path.join(root, 'secret.png'), path.join(workspace, 'assets', 'story', 'out.png'));
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const url = (rest: string): string => `copydesk://workspace/assets/${rest}`;

describe('workspace assets', () => {
  it('serves images inside the assets folder with image types', async () => {
    const png = await resolveWorkspaceAsset(workspace, url('story/a.png'));
    expect(png).toMatchObject({ ok: true, contentType: 'image/png' });
    if (png.ok) expect(await fs.readFile(png.file, 'utf8')).toBe('png');
    expect(await resolveWorkspaceAsset(workspace, url('story/b.avif?x=1'))).toMatchObject({ ok: true, contentType: 'image/avif' });
  });

  it('refuses traversal, links out, non-images and other URLs', async () => {
    const refused = async (u: string): Promise<number | 'served'> => {
      const r = await resolveWorkspaceAsset(workspace, u);
      return r.ok ? 'served' : r.status;
    };
    expect(await refused(url('../story.copydesk'))).toBe(403);
    expect(await refused(url('story/%2e%2e/%2e%2e/story.copydesk'))).toBe(403);
    expect(await refused(url('story%2f..%2f..%2fsecret.png'))).toBe(400);
    expect(await refused(url('story/out.png'))).toBe(403);
    expect(await refused(url('story/page.html'))).toBe(404);
    expect(await refused(url(''))).toBe(404);
    expect(await refused(url('story/missing.png'))).toBe(404);
    expect(await refused('copydesk://workspace/story.copydesk')).toBe(400);
    expect(await refused('copydesk://app/assets/story/a.png')).toBe(400);
    expect(await refused('copydesk://workspace.evil/assets/story/a.png')).toBe(400);
  });
});
