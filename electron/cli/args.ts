/**
 * The `copydesk` command line: its commands, their options and help texts, and the parser that
 * turns `argv` into one `Invocation` or a `UsageError` with a one-line message.
 *
 * Options are parsed by `node:util` `parseArgs` in strict mode; its messages are shortened to
 * their first sentence, and an option given twice is refused rather than the last one winning.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { exportFormats, findExportFormat, joinOr } from '../../shared/export/format-uses';
import type { ExportFormat } from '../../shared/export/formats';
import { IMPORT_KINDS, type ImportKind } from '../../shared/import/types';
import { UsageError } from './errors';

/** What the command line asks for. */
export type Invocation =
  | { readonly command: 'help'; readonly text: string }
  | { readonly command: 'version' }
  | { readonly command: 'export'; readonly draft: string; readonly to: ExportFormat; readonly fragment: boolean; readonly output: string | undefined; readonly review?: true }
  /** `copydesk export --out-dir`: `drafts` are draft files or folders of drafts, as given. */
  | { readonly command: 'export-batch'; readonly drafts: readonly string[]; readonly outDir: string; readonly to: ExportFormat; readonly fragment: boolean; readonly review?: true }
  | { readonly command: 'check'; readonly draft: string }
  | { readonly command: 'inspect'; readonly draft: string; readonly json: boolean }
  /** `output` undefined: `<input's basename>.copydesk` beside the input; `'-'`: standard output. */
  | { readonly command: 'import'; readonly input: string; readonly output: string | undefined; readonly from: ImportKind | undefined; readonly force: boolean }
  /** `old` and `new`: the two drafts, older first. */
  | { readonly command: 'diff'; readonly old: string; readonly new: string; readonly json: boolean };

type Options = NonNullable<ParseArgsConfig['options']>;

interface CommandSpec {
  readonly summary: string;
  readonly usage: string;
  /** Another form of the command, listed under `usage`. */
  readonly moreUsage?: string;
  readonly details: string;
  readonly options: Options;
  /** The exit status line, when it is not the usual one (`EXIT_STATUS`). */
  readonly exitStatus?: string;
}

const HELP_OPTION: Options = { help: { type: 'boolean', short: 'h' } };

/** The formats `--fragment` goes with. */
const fragmentFormats = (): ReturnType<typeof exportFormats> => exportFormats().filter((format) => format.fragment !== null);

/** "--to html or --to md". */
const toOptions = (formats: ReturnType<typeof exportFormats>): string => joinOr(formats.map((format) => `--to ${format.name}`));

/** `copydesk export`, from the export formats (shared/export/formats.ts). */
function exportCommand(): CommandSpec {
  const formats = exportFormats();
  const names = formats.map((format) => format.name).join('|');
  const fragments = fragmentFormats();
  const option = (flag: string, text: string): string => `  ${flag.padEnd(17)} ${text}`;
  // "standalone HTML, or GitHub-flavoured Markdown".
  const descriptions = formats.map((format) => format.description);
  const described = descriptions.length < 2 ? descriptions.join('') : `${descriptions.slice(0, -1).join(', ')}, or ${descriptions.at(-1) ?? ''}`;
  return {
    summary: `write the draft as ${joinOr(formats.map((format) => format.label))}`,
    usage: `copydesk export <draft.copydesk> --to ${names}${fragments.length > 0 ? ' [--fragment]' : ''} [--review] [-o FILE]`,
    moreUsage: `copydesk export <draft.copydesk|folder>... --to ${names} --out-dir DIR [options]`,
    details: [
      'Options:',
      option(`--to ${names}`, `the format: ${described}`),
      ...(fragments.length > 0
        ? [option('--fragment', `${joinOr(fragments.map((format) => format.label))} only: ${fragments.map((format) => format.fragment?.description ?? '').join('; ')}`)]
        : []),
      option('--review', 'show the suggestions and comments (by default the text reads as if every suggestion were accepted, with no comment)'),
      option('-o, --output FILE', 'write FILE (atomically) instead of standard output (- for standard output)'),
      option('--out-dir DIR', 'export each draft given, and each .copydesk draft of each folder given, into DIR'),
      option('', '(made if missing), named after the draft with the format\'s extension'),
      option('', `(story.copydesk → DIR/story.${formats[0]?.extensions[0] ?? ''}), replacing a file of that name as -o does`),
      '',
      'The output may not be the draft itself. With --out-dir, a draft that cannot be',
      'exported is reported on standard error and the others are still exported; the',
      'exit status is 1 if any failed. Two drafts may not have the same output.',
    ].join('\n'),
    options: { ...HELP_OPTION, to: { type: 'string' }, fragment: { type: 'boolean' }, review: { type: 'boolean' }, output: { type: 'string', short: 'o' }, 'out-dir': { type: 'string' } },
  };
}

/** `copydesk diff` exits as diff(1) and `git diff --exit-code` do (errors.ts, DIFF_EXIT). */
const DIFF_EXIT_STATUS = 'Exit status: 0 no changes; 1 the drafts differ; 2 trouble (bad input or wrong command line); 70 a bug in copydesk.';

const COMMANDS: Record<'export' | 'check' | 'inspect' | 'import' | 'diff', CommandSpec> = {
  export: exportCommand(),
  check: {
    summary: "list the draft's problems; exit 1 if any is an error",
    usage: 'copydesk check <draft.copydesk>',
    details: [
      'Prints one line per problem ("error: …" or "warning: …"), a warning per pending',
      'suggestion and per open comment thread, and a summary line.',
      'Exit status 0 when there are no errors (warnings are allowed), 1 when there are.',
    ].join('\n'),
    options: HELP_OPTION,
  },
  inspect: {
    summary: 'summarise the draft: headline, words, sources, "Read also", problems, review',
    usage: 'copydesk inspect <draft.copydesk> [--json]',
    details: [
      'Options:',
      '  --json   print {headline, standfirst, words, sources, readAlso, problems, review}',
      '           as JSON',
      '',
      'Sources are listed in number order (order of first citation); uncited ones last,',
      'with number null. review lists the pending suggestions (id, author, time, kind,',
      'description, place) and the comment threads (id, quote, messages, detached,',
      'resolved, place), in document order; detached threads last.',
    ].join('\n'),
    options: { ...HELP_OPTION, json: { type: 'boolean' } },
  },
  import: {
    summary: 'make a draft from a text, Markdown, HTML or Word file, citations and "Read also" included',
    usage: 'copydesk import <file.txt|.md|.html|.docx> [-o draft.copydesk] [--from text|md|html|docx] [--force]',
    details: [
      'Options:',
      '  -o, --output FILE    write the draft to FILE (- for standard output); by default',
      '                       <file>.copydesk beside the input',
      '  --from text|md|html|docx',
      '                       the input format (by default from the extension: .txt .md',
      '                       .html .docx…)',
      '  --force              write over an existing output file (a regular file: never',
      '                       the input, a symbolic link, a pipe or a device)',
      '',
      'Prints what it recognised (sources, citations, "Read also" items), what it left out',
      'and the draft\'s problems (on standard error when the draft goes to standard output).',
      'An existing output file is never written over without --force.',
      'A Word file\'s images go to assets/<draft name>/ beside the draft, never over a file.',
    ].join('\n'),
    options: { ...HELP_OPTION, output: { type: 'string', short: 'o' }, from: { type: 'string' }, force: { type: 'boolean' } },
  },
  diff: {
    summary: 'compare two drafts: what changed from the old to the new, change by change',
    usage: 'copydesk diff <old.copydesk> <new.copydesk> [--json]',
    details: [
      'Options:',
      '  --json   print {summary, changes, coarse, pending} as JSON',
      '',
      'Prints a summary line ("7 changes: 4 text, 1 citation, 1 format, 1 block moved", or',
      '"No changes"), then one line per change: its place (¶4 is the 4th block, headline',
      'and standfirst included, in the new draft; "was ¶5" a block only in the old one;',
      '¶3 → ¶9 a block moved) and what it does. Blocks too long to compare word by word are',
      'said to be compared whole. Pending suggestions are compared as if accepted.',
      'In JSON, each change has kind, place, description, block {old, new} (null where',
      'the block is in one draft only), deleted and inserted (\'\' when none).',
    ].join('\n'),
    options: { ...HELP_OPTION, json: { type: 'boolean' } },
    exitStatus: DIFF_EXIT_STATUS,
  },
};

type CommandName = keyof typeof COMMANDS;

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

const EXIT_STATUS = 'Exit status: 0 done; 1 bad input (or check found errors); 2 wrong command line; 70 a bug in copydesk.';

/** The help of the whole command (`copydesk --help`). */
export function mainHelp(): string {
  const names = Object.keys(COMMANDS) as CommandName[];
  return [
    'copydesk: Copydesk drafts (.copydesk files) from a terminal.',
    '',
    'Usage:',
    ...names.flatMap((name) => [COMMANDS[name].usage, ...(COMMANDS[name].moreUsage ? [COMMANDS[name].moreUsage] : [])].map((usage) => `  ${usage}`)),
    '  copydesk <command> --help',
    '  copydesk --version',
    '',
    'Commands:',
    ...names.map((name) => `  ${name.padEnd(8)} ${COMMANDS[name].summary}`),
    '',
    EXIT_STATUS,
    `For diff, as for diff(1): ${DIFF_EXIT_STATUS.replace(/^Exit status: /u, '')}`,
    '',
  ].join('\n');
}

/** The help of one command (`copydesk export --help`). */
export function commandHelp(name: CommandName): string {
  const spec = COMMANDS[name];
  return [`Usage: ${spec.usage}`, ...(spec.moreUsage ? [`       ${spec.moreUsage}`] : []), '', `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}: ${spec.summary}.`, '', spec.details, '', spec.exitStatus ?? EXIT_STATUS, ''].join('\n');
}

/** The usage line of a command, for error hints. */
export function usageLine(name: string | undefined): string {
  return name !== undefined && isCommand(name) ? `usage: ${COMMANDS[name].usage}` : 'see copydesk --help';
}

/** Node's parseArgs messages, cut to their first sentence ("Unknown option '--foo'"). */
function shortParseMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\.\s/u)[0] ?? message;
  return first.replace(/\.$/u, '').replace(/^./u, (c) => c.toLowerCase());
}

interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

function parse(args: readonly string[], options: Options, command: string | undefined): Parsed {
  let result;
  try {
    result = parseArgs({ args: [...args], options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(shortParseMessage(error), command);
  }
  const seen = new Set<string>();
  for (const token of result.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`option '--${token.name}' is given more than once`, command);
    seen.add(token.name);
  }
  return result;
}

function onePositional(positionals: readonly string[], command: CommandName): string {
  const [draft, extra] = positionals;
  if (draft === undefined) throw new UsageError('missing the draft file', command);
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' (one draft at a time)`, command);
  if (draft === '') throw new UsageError('the draft file name is empty', command);
  return draft;
}

function importInvocation(values: Parsed['values'], positionals: readonly string[]): Invocation {
  const [input, extra] = positionals;
  if (input === undefined) throw new UsageError('missing the file to import', 'import');
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' (one file at a time)`, 'import');
  if (input === '') throw new UsageError('the file name is empty', 'import');
  const from = values.from as string | undefined;
  if (from !== undefined && !(IMPORT_KINDS as readonly string[]).includes(from)) throw new UsageError(`--from must be ${joinOr([...IMPORT_KINDS])}, not '${from}'`, 'import');
  const output = values.output as string | undefined;
  if (output === '') throw new UsageError('the output file name (-o) is empty', 'import');
  return { command: 'import', input, output, from: from as ImportKind | undefined, force: values.force === true };
}

function diffInvocation(values: Parsed['values'], positionals: readonly string[]): Invocation {
  const [older, newer, extra] = positionals;
  if (older === undefined || newer === undefined) throw new UsageError(older === undefined ? 'missing the two drafts to compare' : 'missing the new draft to compare with', 'diff');
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}' (two drafts: the old, then the new)`, 'diff');
  if (older === '' || newer === '') throw new UsageError('a draft file name is empty', 'diff');
  return { command: 'diff', old: older, new: newer, json: values.json === true };
}

function exportInvocation(values: Parsed['values'], positionals: readonly string[]): Invocation {
  const to = values.to as string | undefined;
  const outDir = values['out-dir'] as string | undefined;
  const output = values.output as string | undefined;
  if (outDir === undefined && positionals.length > 1) {
    throw new UsageError(`unexpected argument '${positionals[1] ?? ''}' (several drafts go with --out-dir DIR)`, 'export');
  }
  if (positionals.length === 0) throw new UsageError('missing the draft file', 'export');
  if (positionals.includes('')) throw new UsageError('the draft file name is empty', 'export');
  if (to === undefined) throw new UsageError(`missing ${toOptions(exportFormats())}`, 'export');
  const format = findExportFormat(to);
  if (format === undefined) throw new UsageError(`--to must be ${joinOr(exportFormats().map((entry) => entry.name))}, not '${to}'`, 'export');
  const fragment = values.fragment === true;
  if (fragment && format.fragment === null) throw new UsageError(`--fragment goes only with ${toOptions(fragmentFormats())}`, 'export');
  if (output === '') throw new UsageError('the output file name (-o) is empty', 'export');
  const review = values.review === true ? { review: true as const } : {};
  if (outDir !== undefined) {
    if (output !== undefined) throw new UsageError('-o and --out-dir go apart: -o names one output file, --out-dir a folder for several', 'export');
    if (outDir === '') throw new UsageError('the output folder name (--out-dir) is empty', 'export');
    return { command: 'export-batch', drafts: positionals, outDir, to: to as ExportFormat, fragment, ...review };
  }
  // `-o -` is standard output, as with most commands.
  return { command: 'export', draft: positionals[0] ?? '', to: to as ExportFormat, fragment, output: output === '-' ? undefined : output, ...review };
}

/** Parses the arguments after `copydesk` (that is, `process.argv.slice(2)`). */
export function parseCommandLine(argv: readonly string[]): Invocation {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing a command: export, check, inspect, import or diff');
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { command: 'help', text: mainHelp() };
    if (!isCommand(topic)) throw new UsageError(`unknown command '${topic}'`);
    return { command: 'help', text: commandHelp(topic) };
  }
  if (first.startsWith('-')) {
    const { values, positionals } = parse(argv, { ...HELP_OPTION, version: { type: 'boolean', short: 'V' } }, undefined);
    const [topic, extra] = positionals;
    if (values.help) {
      // `copydesk --help export` reads like `copydesk export --help`.
      if (topic !== undefined && isCommand(topic) && extra === undefined) return { command: 'help', text: commandHelp(topic) };
      if (topic === undefined) return { command: 'help', text: mainHelp() };
    }
    if (topic !== undefined) throw new UsageError(`unexpected argument '${topic}'; options go after the command, as in: copydesk check story.copydesk`);
    return { command: 'version' };
  }
  if (!isCommand(first)) throw new UsageError(`unknown command '${first}'; the commands are export, check, inspect, import and diff`);
  const { values, positionals } = parse(rest, COMMANDS[first].options, first);
  if (values.help) return { command: 'help', text: commandHelp(first) };
  if (first === 'import') return importInvocation(values, positionals);
  if (first === 'diff') return diffInvocation(values, positionals);
  if (first === 'export') return exportInvocation(values, positionals);
  const draft = onePositional(positionals, first);
  switch (first) {
    case 'check':
      return { command: 'check', draft };
    case 'inspect':
      return { command: 'inspect', draft, json: values.json === true };
  }
  throw new UsageError(`unknown command '${String(first)}'`);
}
