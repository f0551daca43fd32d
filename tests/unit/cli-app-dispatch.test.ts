/**
 * The packaged app's answer to `copydesk` arguments (electron/cli/app-dispatch.ts): which command
 * lines run the command without a window, which start the app, and the headless restart on a
 * Linux without a display.
 */
import { describe, expect, it } from 'vitest';
import { appLaunch, CLI_WORDS, HEADLESS_SWITCHES, type LaunchContext } from '../../electron/cli/app-dispatch';
import { commandHelp, mainHelp } from '../../electron/cli/args';

const desktop: LaunchContext = { defaultApp: false, platform: 'linux', env: { DISPLAY: ':0' } };
const EXE = '/opt/Copydesk/copydesk';

describe('appLaunch', () => {
  it('runs the command for each command word and top-level option, with the arguments after the executable', () => {
    for (const word of CLI_WORDS) expect(appLaunch([EXE, word, 'x'], desktop)).toEqual({ kind: 'cli', args: [word, 'x'] });
    expect(appLaunch([EXE, 'export', 'a b.copydesk', '--to', 'html', '-o', 'out.html'], desktop)).toEqual({
      kind: 'cli',
      args: ['export', 'a b.copydesk', '--to', 'html', '-o', 'out.html'],
    });
  });

  it('knows every command of copydesk --help', () => {
    const commands = [...mainHelp().matchAll(/^ {2}(\w+) {2,}/gmu)].map((match) => match[1]);
    expect(commands).toEqual(['export', 'check', 'inspect', 'import', 'diff']);
    for (const command of commands) {
      expect(CLI_WORDS.has(command ?? '')).toBe(true);
      expect(commandHelp(command as 'export')).toMatch(/^Usage: copydesk /u);
    }
  });

  it('starts the app with no arguments, a draft to open, or anything else first', () => {
    for (const argv of [[EXE], [EXE, 'story.copydesk'], [EXE, '/home/me/export'], [EXE, '--no-sandbox', 'export'], [EXE, 'Export'], [EXE, '']]) {
      expect(appLaunch(argv, desktop)).toEqual({ kind: 'app' });
    }
  });

  it('skips the app folder of a development run (electron .)', () => {
    const dev = { ...desktop, defaultApp: true };
    expect(appLaunch(['/x/electron', '.', 'check', 's.copydesk'], dev)).toEqual({ kind: 'cli', args: ['check', 's.copydesk'] });
    expect(appLaunch(['/x/electron', '.'], dev)).toEqual({ kind: 'app' });
    // `.` is not a command word, so a packaged reading would start the app.
    expect(appLaunch(['/x/electron', '.', 'check', 's.copydesk'], desktop)).toEqual({ kind: 'app' });
  });

  it('on Linux without a display starts itself again headless, once', () => {
    const noDisplay: LaunchContext = { defaultApp: false, platform: 'linux', env: {} };
    const first = appLaunch([EXE, 'export', 's.copydesk', '--to', 'md'], noDisplay);
    expect(first).toEqual({ kind: 'relaunch', argv: [...HEADLESS_SWITCHES, 'export', 's.copydesk', '--to', 'md'] });
    if (first.kind !== 'relaunch') throw new Error('expected a relaunch');
    // The restarted process runs the command, whatever its environment.
    expect(appLaunch([EXE, ...first.argv], noDisplay)).toEqual({ kind: 'cli', args: ['export', 's.copydesk', '--to', 'md'] });
    const dev = appLaunch(['/x/electron', '/src/app', 'diff', 'a', 'b'], { ...noDisplay, defaultApp: true });
    expect(dev).toEqual({ kind: 'relaunch', argv: ['/src/app', ...HEADLESS_SWITCHES, 'diff', 'a', 'b'] });
    // Wayland alone is a display; the app itself is never restarted.
    expect(appLaunch([EXE, 'check', 's'], { ...noDisplay, env: { WAYLAND_DISPLAY: 'wayland-0' } }).kind).toBe('cli');
    expect(appLaunch([EXE, 's.copydesk'], noDisplay)).toEqual({ kind: 'app' });
  });

  it('runs in place on Windows and macOS, which have no display variable', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      expect(appLaunch(['C:\\Copydesk\\Copydesk.exe', 'inspect', 's.copydesk', '--json'], { defaultApp: false, platform, env: {} })).toEqual({
        kind: 'cli',
        args: ['inspect', 's.copydesk', '--json'],
      });
    }
  });

  it('takes the headless switches as its own only when both lead', () => {
    expect(appLaunch([EXE, '--headless', 'export'], desktop)).toEqual({ kind: 'app' });
    expect(appLaunch([EXE, ...HEADLESS_SWITCHES], desktop)).toEqual({ kind: 'app' });
  });
});
