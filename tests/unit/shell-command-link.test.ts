/**
 * The `copydesk` command on the PATH of an installed app: macOS's link (command-link.ts) made in
 * real temporary folders, the app's script (build/resources/mac/bin/copydesk) followed back
 * through the links into a stand-in app and run by sh, the administrator step's AppleScript, the
 * menu item, and the Windows pieces the installer uses (electron-builder.yml, installer.nsh).
 */
import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminLinkScript, commandScript, linkCommand } from '../../electron/shell/command-link';
import { menuSpec } from '../../electron/shell/menu-spec';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAC_SCRIPT = path.join(ROOT, 'build/resources/mac/bin/copydesk');
let dir = '';

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-link-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A stand-in Copydesk.app whose executable prints its arguments and exits 3. */
async function fakeApp(name: string): Promise<string> {
  const contents = path.join(dir, name, 'Contents');
  await fs.mkdir(path.join(contents, 'MacOS'), { recursive: true });
  await fs.mkdir(path.join(contents, 'Resources', 'bin'), { recursive: true });
  await fs.writeFile(path.join(contents, 'MacOS', 'Copydesk'), '#!/bin/sh\nprintf "%s|" "$@"\nexit 3\n', { mode: 0o755 });
  await fs.copyFile(MAC_SCRIPT, commandScript(path.join(contents, 'Resources')));
  await fs.chmod(commandScript(path.join(contents, 'Resources')), 0o755);
  return path.join(contents, 'Resources');
}

describe('the link on macOS', () => {
  it('links the command to the app’s script, which runs the app’s executable with the arguments and its exit code', async () => {
    const target = commandScript(await fakeApp('Copy desk.app'));
    const link = path.join(dir, 'usr', 'local', 'bin', 'copydesk');
    expect(await linkCommand(target, link)).toEqual({ kind: 'linked' });
    expect(await fs.readlink(link)).toBe(target);
    expect(await linkCommand(target, link)).toEqual({ kind: 'already' });
    // Through a second, relative link too (a PATH folder that is itself a link's target).
    await fs.mkdir(path.join(dir, 'other'));
    await fs.symlink(path.relative(path.join(dir, 'other'), link), path.join(dir, 'other', 'copydesk'));
    for (const command of [link, path.join(dir, 'other', 'copydesk')]) {
      const run = spawnSync(command, ['export', 'a draft.copydesk', '--out-dir', 'o u t'], { encoding: 'utf8' });
      expect(run.stdout).toBe('export|a draft.copydesk|--out-dir|o u t|');
      expect(run.status).toBe(3);
    }
  });

  it('replaces an older Copydesk’s link, and leaves a file or another program’s link alone', async () => {
    const target = commandScript(await fakeApp('Copydesk.app'));
    const old = commandScript(await fakeApp('Old/Copydesk.app'));
    const link = path.join(dir, 'bin', 'copydesk');
    await fs.mkdir(path.dirname(link));
    await fs.symlink(old, link);
    expect(await linkCommand(target, link)).toEqual({ kind: 'linked' });
    expect(await fs.readlink(link)).toBe(target);
    expect((await fs.readdir(path.dirname(link))).sort()).toEqual(['copydesk']);

    await fs.rm(link);
    await fs.symlink('/opt/somebody/else', link);
    expect(await linkCommand(target, link)).toEqual({ kind: 'occupied', what: 'a link to /opt/somebody/else' });
    expect(await fs.readlink(link)).toBe('/opt/somebody/else');

    await fs.rm(link);
    await fs.writeFile(link, 'mine');
    expect(await linkCommand(target, link)).toEqual({ kind: 'occupied', what: 'a file' });
    expect(await fs.readFile(link, 'utf8')).toBe('mine');
  });

  it('says when the folder is not the user’s to write (the administrator step is then needed)', async () => {
    const target = commandScript(await fakeApp('Copydesk.app'));
    // Root writes through file modes; sysfs refuses links to everyone.
    let folder = '/sys';
    if (process.getuid?.() !== 0) {
      folder = path.join(dir, 'locked');
      await fs.mkdir(folder, { mode: 0o555 });
    }
    expect(await linkCommand(target, path.join(folder, 'copydesk'))).toEqual({ kind: 'denied' });
  });

  it('quotes the paths of the administrator step for AppleScript and leaves the shell quoting to it', () => {
    const script = adminLinkScript('/Applications/My "Desk"\\.app/Contents/Resources/bin/copydesk');
    expect(script).toBe(
      'do shell script "mkdir -p " & quoted form of "/usr/local/bin" & " && ln -sfn " & quoted form of "/Applications/My \\"Desk\\"\\\\.app/Contents/Resources/bin/copydesk" & " " & quoted form of "/usr/local/bin/copydesk" with administrator privileges',
    );
  });

  it('is offered in the application menu of an installed app on macOS only', () => {
    const offered = (platform: string, dev: boolean) => menuSpec({ platform, dev }).some((menu) => menu.items.some((item) => item.kind === 'app' && item.action === 'install-command'));
    expect(offered('darwin', false)).toBe(true);
    expect(offered('darwin', true)).toBe(false);
    expect(offered('win32', false)).toBe(false);
    expect(offered('linux', false)).toBe(false);
  });
});

describe('the command on Windows', () => {
  it('packages bin\\copydesk.cmd beside the executable and the PATH script, which the installer runs at install and uninstall', () => {
    const config = readFileSync(path.join(ROOT, 'build/electron-builder.yml'), 'utf8');
    expect(config).toMatch(/extraFiles:\n\s+- from: build\/resources\/win\/bin\n\s+to: bin/u);
    expect(config).toContain('include: build/resources/installer.nsh');
    const cmd = readFileSync(path.join(ROOT, 'build/resources/win/bin/copydesk.cmd'), 'utf8');
    expect(cmd).toContain('"%~dp0..\\Copydesk.exe" %*\r\nexit /b %ERRORLEVEL%');
    const nsh = readFileSync(path.join(ROOT, 'build/resources/installer.nsh'), 'utf8');
    expect(nsh).toMatch(/!macro customInstall[\s\S]*path-entry\.ps1" -Add "\$INSTDIR\\bin"[\s\S]*!macroend/u);
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*path-entry\.ps1" -Remove "\$INSTDIR\\bin"[\s\S]*!macroend/u);
  });
});
