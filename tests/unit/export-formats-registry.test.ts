/**
 * A format is one entry of shared/export/formats.ts and nothing else. This file adds a test-only
 * format to the real table (vi.mock of that one module; no product file is changed or
 * parameterised for it) and watches every consumer take it: the `export.write` validator, the
 * `copydesk export` command line (help, `--to`, messages, writing), the File menu and the
 * renderer's menu handlers, the Preview panel's buttons, the save dialog and the suggested file
 * name, and the service behind the API, which writes the format's bytes.
 *
 * The entry is written as bytes (as the Word export is) and has no fragment variant.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Formats from '../../shared/export/formats';
import type { ExportFormat } from '../../shared/export/formats';
import { exportButtons, exportDialog, exportFileName, exportMenuHandlers, exportMenuItems } from '../../shared/export/format-uses';
import { serializeDraft } from '../../shared/draft/format';
import { MENU_COMMANDS } from '../../shared/ipc/channels';
import { validateRequest } from '../../shared/ipc/validate';
import { commandHelp, parseCommandLine } from '../../electron/cli/args';
import { runExport } from '../../electron/cli/commands';
import { UsageError } from '../../electron/cli/errors';
import { menuSpec } from '../../electron/shell/menu-spec';
import { article, draftOf } from './helpers/build';
import { createHarness, type Harness } from './helpers/ipc-harness';
import { tempDir } from './helpers/services-fixtures';

vi.mock('../../shared/export/formats', async (importOriginal) => {
  const real = await importOriginal<typeof Formats>();
  const testFormat = {
    name: 'tbytes',
    label: 'Test Bytes',
    extensions: ['tbx', 'tb'],
    description: 'test bytes (no product format)',
    fragment: null,
    menuCommand: 'export-tbytes',
    output: 'bytes',
    // Bytes that are not UTF-8 text (0xff), then the headline.
    write: async (draft: { doc: { firstChild: { textContent: string } | null } }) =>
      new Uint8Array([0xff, 0x00, ...new TextEncoder().encode(draft.doc.firstChild?.textContent ?? '')]),
  };
  return { ...real, EXPORT_FORMATS: [...real.EXPORT_FORMATS, testFormat] };
});

const TEST = 'tbytes' as ExportFormat;
const expectedBytes = (headline: string): Uint8Array => new Uint8Array([0xff, 0x00, ...new TextEncoder().encode(headline)]);

describe('a format added to the table only', () => {
  it('is a format the export.write validator accepts (and an unknown one still is not)', () => {
    expect(validateRequest('export.write', { name: 'story.copydesk', format: 'tbytes' })).toEqual({ name: 'story.copydesk', format: 'tbytes' });
    expect(() => validateRequest('export.write', { name: 'story.copydesk', format: 'pdf' })).toThrow(/format/u);
  });

  it('is in copydesk export: help, --to, its messages', () => {
    const help = commandHelp('export');
    expect(help).toContain('Usage: copydesk export <draft.copydesk> --to html|md|docx|tbytes [--fragment] [--review] [-o FILE]');
    expect(help).toContain('Export: write the draft as HTML, Markdown, Word or Test Bytes.');
    expect(help).toContain('  --to html|md|docx|tbytes the format: standalone HTML, GitHub-flavoured Markdown, Word document, or test bytes (no product format)');
    expect(help).toContain('  --fragment        HTML only: just the <article>, for pasting into a CMS');
    expect(parseCommandLine(['export', 'a.copydesk', '--to', 'tbytes'])).toEqual({ command: 'export', draft: 'a.copydesk', to: 'tbytes', fragment: false, output: undefined });
    expect(() => parseCommandLine(['export', 'a.copydesk', '--to', 'pdf'])).toThrow("--to must be html, md, docx or tbytes, not 'pdf'");
    expect(() => parseCommandLine(['export', 'a.copydesk'])).toThrow('missing --to html, --to md, --to docx or --to tbytes');
    expect(() => parseCommandLine(['export', 'a.copydesk', '--to', 'tbytes', '--fragment'])).toThrow('--fragment goes only with --to html');
  });

  describe('copydesk export writes its bytes', () => {
    let dir: string;
    let draftFile: string;
    beforeAll(async () => {
      dir = await tempDir('formats');
      draftFile = path.join(dir, 'story.copydesk');
      await fs.writeFile(draftFile, serializeDraft(draftOf(article({ headline: 'Bytes headline' }))));
    });
    afterAll(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('to a file (-o) and to standard output, never to a terminal', async () => {
      const chunks: (string | Uint8Array)[] = [];
      const out = { write: (chunk: string | Uint8Array) => void chunks.push(chunk) };
      const target = path.join(dir, 'story.tbx');
      expect(await runExport({ draft: draftFile, to: TEST, fragment: false, output: target }, out)).toBe(0);
      expect(new Uint8Array(await fs.readFile(target))).toEqual(expectedBytes('Bytes headline'));
      expect(chunks).toEqual([]);
      expect(await runExport({ draft: draftFile, to: TEST, fragment: false, output: undefined }, out)).toBe(0);
      expect(chunks).toEqual([expectedBytes('Bytes headline')]);
      const terminal = { ...out, isTerminal: true };
      await expect(runExport({ draft: draftFile, to: TEST, fragment: false, output: undefined }, terminal)).rejects.toThrow(UsageError);
      await expect(runExport({ draft: draftFile, to: TEST, fragment: false, output: undefined }, terminal)).rejects.toThrow('--to tbytes writes a binary file: give -o FILE, or redirect standard output');
      expect(chunks).toHaveLength(1);
    });
  });

  it('is a File menu item (without a shortcut), and the renderer carries its command out', () => {
    for (const platform of ['darwin', 'linux', 'win32']) {
      const file = menuSpec({ platform, dev: false }).find((menu) => menu.label === 'File');
      const exports = file?.items.filter((item) => item.kind === 'command' && item.command.startsWith('export-'));
      expect(exports).toEqual([
        { kind: 'command', label: 'Export as HTML…', command: 'export-html', accelerator: 'CmdOrCtrl+E' },
        { kind: 'command', label: 'Export as Markdown…', command: 'export-markdown', accelerator: 'CmdOrCtrl+Shift+E' },
        { kind: 'command', label: 'Export as Word…', command: 'export-docx' },
        { kind: 'command', label: 'Export as Test Bytes…', command: 'export-tbytes' },
      ]);
    }
    expect(exportMenuItems().map((item) => item.command)).toEqual(['export-html', 'export-markdown', 'export-docx', 'export-tbytes']);
    // The menu commands the renderer carries out include it too.
    expect(MENU_COMMANDS).toContain('export-tbytes');
    const ran: string[] = [];
    const handlers = exportMenuHandlers((format) => ran.push(format));
    handlers['export-tbytes' as keyof typeof handlers]?.();
    handlers['export-markdown']?.();
    expect(ran).toEqual(['tbytes', 'md']);
  });

  it('is a Preview panel button, with its save dialog and suggested file name', () => {
    expect(exportButtons().map((button) => button.label)).toEqual(['Export HTML…', 'Export HTML fragment…', 'Export Markdown…', 'Export Word…', 'Export Test Bytes…']);
    expect(exportButtons().at(-1)).toEqual({ label: 'Export Test Bytes…', format: 'tbytes', fragment: false });
    expect(exportDialog(TEST)).toEqual({ title: 'Export as Test Bytes', filters: [{ name: 'Test Bytes', extensions: ['tbx', 'tb'] }] });
    expect(exportFileName('story.copydesk', TEST)).toBe('story.tbx');
  });

  describe('through the API', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness();
    });
    afterAll(async () => {
      await h.dispose();
    });

    it('export.write suggests its file name and the service writes its bytes', async () => {
      const { name } = await h.services.drafts.create();
      const target = path.join(h.root, 'chosen.tbx');
      h.caller.exportAnswer = target;
      expect(await h.call('export.write', { name, format: 'tbytes' })).toEqual({ ok: true, value: { ok: true, file: 'chosen.tbx' } });
      expect(h.caller.asked.at(-1)).toBe('export:untitled.tbx:tbytes');
      expect(new Uint8Array(await fs.readFile(target))).toEqual(expectedBytes(''));
      await expect(h.services.exports.write(name, TEST, {}, path.join(h.workspace(), 'x.copydesk'))).rejects.toThrow('Choose a .html, .md, .docx or .tbx file.');
    });
  });
});
