/**
 * How the packaged app answers `copydesk` arguments (electron/README.md, "The copydesk command in
 * the packaged app"). The app's own executable is the command: started with a command word
 * (`Copydesk export story.copydesk --to html`, or `copydesk …` through the Linux package's
 * /usr/bin/copydesk link), the Electron entry (shell/entry.ts) runs the bundled command before
 * any window, lock or service, and exits with its code. Started any other way, it is the app.
 *
 * Pure: the entry passes it `process.argv`, the platform and the environment.
 */

/** The first arguments that make the app a command: the commands and the top-level options. */
export const CLI_WORDS: ReadonlySet<string> = new Set(['export', 'check', 'inspect', 'import', 'diff', 'help', '--help', '-h', '--version', '-V']);

/**
 * Chromium switches for a run without a display: the headless Ozone platform (Linux) and no GPU
 * process. Chromium picks its display platform before any script of the app runs, so the app
 * cannot choose it for itself: it starts itself again with these switches first.
 */
export const HEADLESS_SWITCHES: readonly string[] = ['--headless', '--disable-gpu'];

/** What the app's executable does with its command line. */
export type AppLaunch =
  /** The desktop app (drafts among the arguments are opened as before). */
  | { readonly kind: 'app' }
  /** Run `copydesk` with `args` in this process, then exit with its code. */
  | { readonly kind: 'cli'; readonly args: readonly string[] }
  /** Start this executable again with `argv` (without the executable), wait, and exit with its code. */
  | { readonly kind: 'relaunch'; readonly argv: readonly string[] };

/** Where the app runs, as far as the decision goes. */
export interface LaunchContext {
  /** Electron's `process.defaultApp`: started as `electron <folder>`, whose argument is not the user's. */
  readonly defaultApp: boolean;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Whether a Linux process has a display to connect to (X11 or Wayland). */
function hasDisplay(env: LaunchContext['env']): boolean {
  return Boolean(env.DISPLAY) || Boolean(env.WAYLAND_DISPLAY);
}

/**
 * What the app does with `argv` (`process.argv`: the executable, in development the app's folder,
 * then the user's arguments, after the headless switches when the app started itself again).
 */
export function appLaunch(argv: readonly string[], context: LaunchContext): AppLaunch {
  const userArgs = argv.slice(context.defaultApp ? 2 : 1);
  let skipped = 0;
  while (skipped < HEADLESS_SWITCHES.length && userArgs[skipped] === HEADLESS_SWITCHES[skipped]) skipped += 1;
  const relaunched = skipped === HEADLESS_SWITCHES.length;
  const args = relaunched ? userArgs.slice(skipped) : userArgs;
  const first = args[0];
  if (first === undefined || !CLI_WORDS.has(first)) return { kind: 'app' };
  if (context.platform === 'linux' && !relaunched && !hasDisplay(context.env)) {
    return { kind: 'relaunch', argv: [...argv.slice(1, context.defaultApp ? 2 : 1), ...HEADLESS_SWITCHES, ...args] };
  }
  return { kind: 'cli', args };
}
