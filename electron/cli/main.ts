/**
 * Entry point of the `copydesk` command, bundled by build/build-cli.mjs into dist/cli/main.mjs and
 * started by `copydesk.mjs` (plain node) or by the packaged app (app-dispatch.ts).
 *
 * Every mistake a user can make (a wrong command line, a missing or broken draft, an output that
 * cannot be written) prints one line on stderr, `copydesk: …`, and exits 2 (command line) or 1
 * (input; 2 for `copydesk diff`, whose 1 means that the drafts differ: errors.ts DIFF_EXIT).
 * Anything else is a bug: one line asking for a report, and the stack trace only when
 * COPYDESK_DEBUG=1.
 */
import { readFileSync } from 'node:fs';
import { parseCommandLine, usageLine } from './args';
import type { Output } from './commands';
import { DIFF_EXIT, EXIT, InputError, UsageError } from './errors';
import { terminalSafe } from './terminal-text';

/** The version in package.json. */
export function copydeskVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

const stdout: Output = { write: (chunk) => void process.stdout.write(chunk), isTerminal: process.stdout.isTTY };

function fail(line: string): void {
  // Messages quote file names and what a draft holds.
  process.stderr.write(`copydesk: ${terminalSafe(line)}\n`);
}

/** Runs `copydesk` with `args` (process.argv without node and the script); returns the exit code. */
export async function main(args: readonly string[], out: Output = stdout): Promise<number> {
  // Only `diff` gives bad input another code than 1.
  let inputErrorExit: number = EXIT.failed;
  try {
    const invocation = parseCommandLine(args);
    if (invocation.command === 'diff') inputErrorExit = DIFF_EXIT.trouble;
    switch (invocation.command) {
      case 'help':
        out.write(invocation.text);
        return EXIT.ok;
      case 'version':
        out.write(`copydesk ${copydeskVersion()}\n`);
        return EXIT.ok;
      case 'import': {
        const { runImport } = await import('./import-command');
        return await runImport(invocation, out);
      }
      case 'diff': {
        const { runDiff } = await import('./diff-command');
        return await runDiff(invocation, out);
      }
      case 'export-batch': {
        const { runExportBatch } = await import('./export-batch');
        return await runExportBatch(invocation, fail);
      }
      default: {
        // Loaded only here, so that --help and --version do not pay for the document code.
        const { runCheck, runExport, runInspect } = await import('./commands');
        if (invocation.command === 'export') return await runExport(invocation, out);
        if (invocation.command === 'check') return await runCheck(invocation, out);
        return await runInspect(invocation, out);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      fail(`${error.message} (${usageLine(error.command)})`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      fail(error.message);
      return inputErrorExit;
    }
    const message = error instanceof Error ? error.message : String(error);
    fail(`internal error: ${message.split('\n')[0] ?? ''}. This is a bug in Copydesk; please report it (COPYDESK_DEBUG=1 shows the details).`);
    if (process.env.COPYDESK_DEBUG === '1' && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}

// A reader that stops early (`copydesk export … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
