/**
 * The W3C Nu HTML checker (npm `vnu-jar`, run on Java) for tests.
 *
 * `checkHtml` writes each page to a temporary folder and checks them all in ONE java invocation
 * (the checker takes seconds to start), then returns the messages of each page. When Java or the
 * jar is missing it throws an error that says what to install: a test that needs the checker
 * must fail, never skip, where it cannot run (CI installs Java).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where `npm ci` puts the checker. */
export const VNU_JAR = fileURLToPath(new URL('../../../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url));

/** One message of the checker (its JSON output format). */
export interface VnuMessage {
  /** `error`, `info` (with `subType: 'warning'` for warnings) or `non-document-error`. */
  readonly type: string;
  readonly subType?: string;
  readonly message: string;
  readonly extract?: string;
  readonly url?: string;
  readonly firstLine?: number;
  readonly lastLine?: number;
  readonly firstColumn?: number;
  readonly lastColumn?: number;
}

/** True for messages that make a page invalid (errors, and failures to read it at all). */
export function isVnuError(message: VnuMessage): boolean {
  return message.type === 'error' || message.type === 'non-document-error';
}

/** A message as one readable line, for assertion output. */
export function formatVnuMessage(message: VnuMessage): string {
  const where = message.lastLine === undefined ? '' : `${String(message.lastLine)}:${String(message.lastColumn ?? 0)} `;
  return `${where}${message.type}${message.subType ? `/${message.subType}` : ''}: ${message.message}${message.extract ? ` [${message.extract.replace(/\n/gu, '⏎')}]` : ''}`;
}

function run(java: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error(`The W3C Nu HTML checker needs Java (11 or later), and \`${java}\` was not found. Install it (Debian: apt-get install default-jre-headless; .ci/run does this) and run the tests again.`)
          : error,
      );
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Checks every page of `pages` (name → HTML text) with the Nu checker in one run and returns
 * each page's messages under its name. Throws when Java or the checker is missing or the checker
 * fails to report. `options.java` names the Java command (default `java` on PATH).
 */
export async function checkHtml(pages: Readonly<Record<string, string>>, options: { java?: string } = {}): Promise<Map<string, VnuMessage[]>> {
  if (!existsSync(VNU_JAR)) throw new Error(`The W3C Nu HTML checker is missing at ${VNU_JAR}; run npm ci (it comes from the vnu-jar package).`);
  const names = Object.keys(pages);
  if (!names.length) return new Map();
  const dir = await mkdtemp(join(tmpdir(), 'copydesk-vnu-'));
  try {
    const byUrl = new Map<string, string>();
    const files = await Promise.all(
      names.map(async (name, i) => {
        const file = join(dir, `page-${String(i)}.html`);
        await writeFile(file, pages[name] as string, 'utf8');
        byUrl.set(pathToFileURL(file).href, name);
        return file;
      }),
    );
    const { code, stdout, stderr } = await run(options.java ?? 'java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', ...files]);
    let report: { messages?: VnuMessage[] };
    try {
      report = JSON.parse(stdout) as { messages?: VnuMessage[] };
    } catch {
      throw new Error(`The Nu checker did not report JSON (exit ${String(code)}): ${(stderr || stdout).slice(0, 2000)}`);
    }
    const result = new Map<string, VnuMessage[]>(names.map((name) => [name, []]));
    for (const message of report.messages ?? []) {
      // The checker names files as file: URLs; match them with or without the `//`.
      const url = (message.url ?? '').replace(/^file:(?!\/\/)/u, 'file://');
      const name = byUrl.get(url);
      if (name === undefined) throw new Error(`The Nu checker reported on an unknown file: ${formatVnuMessage(message)} (${message.url ?? 'no url'})`);
      result.get(name)?.push(message);
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
