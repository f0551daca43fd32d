/**
 * `copydesk import <file> [-o draft.copydesk] [--from text|md|html] [--force]`: a draft made by
 * the shared importers (shared/import/), written through the atomic writer (`writeDraftFile`).
 *
 * - The format comes from `--from`, else from the extension (`.txt`, `.md`, `.html`…); an
 *   unknown extension is a usage error that names `--from`.
 * - The input is read as UTF-8 (strictly: a stray Latin-1 byte is an error, never a U+FFFD in
 *   the draft). An HTML file that declares another charset (`<meta charset=…>`) is decoded in it.
 * - Without `-o` the draft goes beside the input as `<basename>.copydesk`. An existing output is
 *   never written over unless `--force` is given, and never when it is the input itself. `-o -`
 *   writes the draft's JSON to standard output.
 * - What the import recognised, left out and decided, and the draft's problems, are printed on
 *   standard output, or on standard error when the draft itself goes to standard output. The
 *   exit status is 0 when the draft was written, whatever its problems (`copydesk check` judges
 *   those).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { serializeDraft } from '../../shared/draft/format';
import { importAuto, kindFromFileName, MAX_IMPORT_CHARS } from '../../shared/import/index';
import type { ImportKind, ImportReport } from '../../shared/import/types';
import { findProblems } from '../../shared/problems';
import { DraftFileError, describeFileError, writeDraftFile } from '../node/draft-file';
import type { Output } from './commands';
import { EXIT, InputError, UsageError } from './errors';

const KIND_NAMES: Record<ImportKind, string> = { text: 'plain text', md: 'Markdown', html: 'HTML' };

const stderr: Output = { write: (text) => void process.stderr.write(text) };

const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;
const oneLine = (text: string): string => text.replace(/\s*\n\s*/gu, ' ').trim();

/** The charset an HTML file declares in its first 1024 bytes, if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)/iu.exec(head)?.[1] ?? null;
}

// windows-1252's characters at 0x80–0x9F (Node 20's TextDecoder decodes that label as ISO-8859-1,
// which has control characters there); 0 where the code page has none.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Decodes `bytes` in `charset`; the WHATWG labels of windows-1252 are decoded as windows-1252. */
function decode(bytes: Uint8Array, charset: string): string {
  const decoder = new TextDecoder(charset);
  if (decoder.encoding !== 'windows-1252') return decoder.decode(bytes);
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] || byte : byte);
  return text;
}

/** The input's text (see the module comment for the decoding). */
async function readInput(file: string, kind: ImportKind): Promise<string> {
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(file);
    if (stat.isFile() && stat.size > MAX_IMPORT_CHARS * 4) throw new InputError(`${file}: too large to import (${String(stat.size)} bytes).`);
    bytes = await fs.readFile(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const described = describeFileError(error, file, 'read');
    throw described instanceof DraftFileError ? new InputError(described.message) : described;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const charset = kind === 'html' ? declaredCharset(bytes) : null;
    if (charset && !/^utf-?8$/iu.test(charset)) {
      try {
        return decode(bytes, charset);
      } catch {
        throw new InputError(`${file}: declares the character set ${charset}, which this Copydesk cannot decode.`);
      }
    }
    throw new InputError(`${file}: not UTF-8 text. Convert it to UTF-8 first (for example: iconv -f windows-1252 -t utf-8 ${file}).`);
  }
}

async function exists(file: string): Promise<{ dev: number; ino: number } | null> {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

/** The report of an import, for people. */
export function formatImportReport(input: string, kind: ImportKind, output: string, headline: string, report: ImportReport, problems: ReturnType<typeof findProblems>): string {
  const lines = [
    `Imported ${input} (${KIND_NAMES[kind]}) → ${output}`,
    `Headline:   ${headline.trim() || '—'}`,
    `Recognised: ${plural(report.sources, 'source')}, ${plural(report.citations, 'citation')}, ${plural(report.readAlsoItems, '“Read also” item')}`,
  ];
  if (report.dropped.length) lines.push(`Left out:   ${String(report.dropped.length)}`, ...report.dropped.map((line) => `  - ${oneLine(line)}`));
  if (report.notes.length) lines.push(`Notes:      ${String(report.notes.length)}`, ...report.notes.map((line) => `  - ${oneLine(line)}`));
  const errors = problems.filter((p) => p.severity === 'error').length;
  lines.push(`Problems:   ${problems.length === 0 ? 'none' : `${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')}`}`);
  for (const problem of problems) lines.push(`  ${problem.severity}: ${oneLine(problem.message)}`);
  return `${lines.join('\n')}\n`;
}

/** `copydesk import` (see the module comment). */
export async function runImport(
  options: { input: string; output: string | undefined; from: ImportKind | undefined; force: boolean },
  out: Output,
  err: Output = stderr,
): Promise<number> {
  const kind = options.from ?? kindFromFileName(options.input);
  if (kind === null) throw new UsageError(`cannot tell the format of ${options.input} from its extension; say it with --from text, --from md or --from html`, 'import');
  const toStdout = options.output === '-';
  const output = options.output ?? path.join(path.dirname(options.input), `${path.basename(options.input).replace(/\.[^.]*$/u, '') || path.basename(options.input)}.copydesk`);
  const text = await readInput(options.input, kind);
  if (!toStdout) {
    const [inputStat, outputStat] = await Promise.all([exists(options.input), exists(output)]);
    if (outputStat && inputStat && outputStat.dev === inputStat.dev && outputStat.ino === inputStat.ino) {
      throw new UsageError(`-o ${output} is the file being imported; choose another output file`, 'import');
    }
    if (outputStat && !options.force) throw new InputError(`${output} already exists; nothing was written. Choose another name with -o, or add --force to replace it.`);
  }
  const result = importAuto(text, kind);
  const problems = findProblems(result.draft.doc);
  const summary = formatImportReport(options.input, kind, toStdout ? 'standard output' : output, result.draft.doc.child(0).textContent, result.report, problems);
  if (toStdout) {
    out.write(serializeDraft(result.draft));
    err.write(summary);
    return EXIT.ok;
  }
  try {
    await writeDraftFile(output, result.draft);
  } catch (error) {
    throw error instanceof DraftFileError ? new InputError(oneLine(error.message)) : error;
  }
  out.write(summary);
  return EXIT.ok;
}
