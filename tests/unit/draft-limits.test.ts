/**
 * The limits a draft's JSON must keep before anything walks it: one nesting limit (MAX_DEPTH)
 * that is the same when a file is loaded, when the IPC door checks a draft and when a draft is
 * saved; duplicate keys; attribute and key names that Object.prototype holds; and refusal
 * messages that stay short whatever the draft holds.
 */
import { describe, expect, it } from 'vitest';
import { DraftError } from '../../shared/draft/errors';
import { parseDraft, serializeDraft } from '../../shared/draft/format';
import { MAX_DEPTH, nodeJsonDepth, scanJsonText } from '../../shared/draft/json-check';
import { exportHtml } from '../../shared/export/html';
import { exportMarkdown } from '../../shared/export/markdown';
import { importHtml } from '../../shared/import/html';
import { importMarkdown } from '../../shared/import/markdown';
import { checkDraftText } from '../../shared/ipc/checked-draft';
import { encodeDraftText } from '../../shared/ipc/draft-text';
import { draftTextSchema } from '../../shared/ipc/fields';
import { runDraftTask } from '../../electron/services/draft-tasks';
import { validateRequest } from '../../shared/ipc/validate';
import { article, draftOf, marked, p } from './helpers/build';
import { bracketDepth, deepDoc, deepDraftSaved, deepDraftText } from './helpers/deep-draft';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests mutate raw draft JSON freely
type Raw = any;

// List levels that put the innermost text's em mark at exactly MAX_DEPTH; a link mark's attributes go one level over.
const AT_LIMIT = (MAX_DEPTH - 8) / 4;

function refusal(run: () => unknown): DraftError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DraftError);
    return error as DraftError;
  }
  throw new Error('expected the draft to be refused');
}

// The API door's refusal of a draft: its validator only measures the text, then the services'
// worker threads read it (draft-tasks.ts's `check`, run here on this thread).
async function ipcRefusal(text: string): Promise<string> {
  expect(draftTextSchema.safeParse(text).success).toBe(true);
  const result = await runDraftTask({ kind: 'check', content: text });
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
}

const good = serializeDraft(draftOf(article({ headline: 'Headline', body: [p('Text ', marked('linked', ['link', { href: 'https://example.com' }]))] })));

function mutate(change: (raw: Raw) => void): string {
  const raw = JSON.parse(good) as Raw;
  change(raw);
  return JSON.stringify(raw);
}

describe('one nesting limit for load, IPC and save', () => {
  it('builds test drafts exactly at and one over the limit', () => {
    expect(Number.isInteger(AT_LIMIT)).toBe(true);
    expect(bracketDepth(deepDraftText(AT_LIMIT, 'em'))).toBe(MAX_DEPTH);
    expect(bracketDepth(deepDraftText(AT_LIMIT, 'link'))).toBe(MAX_DEPTH + 1);
    expect(nodeJsonDepth(deepDoc(AT_LIMIT, 'em')) + 1).toBe(MAX_DEPTH);
    expect(nodeJsonDepth(deepDoc(AT_LIMIT, 'link')) + 1).toBe(MAX_DEPTH + 1);
  });

  it('accepts, saves, exports and reloads a draft nested at the limit', () => {
    const draft = parseDraft(deepDraftText(AT_LIMIT, 'em'));
    const saved = serializeDraft(draft);
    expect(bracketDepth(saved)).toBe(MAX_DEPTH);
    expect(parseDraft(saved).doc.eq(draft.doc)).toBe(true);
    expect(saved).toBe(deepDraftSaved(AT_LIMIT, 'em'));
    const sent = encodeDraftText(draft.meta, draft.doc);
    const checked = draftTextSchema.safeParse(sent);
    expect(checked.success).toBe(true);
    // The wire text reads back as the same draft, in the renderer (parseDraft) and at the API door (checkDraftText).
    expect(parseDraft(sent).doc.eq(draft.doc)).toBe(true);
    expect(checkDraftText(sent).doc.eq(draft.doc)).toBe(true);
    expect(exportHtml(draft).match(/<ul>/gu)).toHaveLength(AT_LIMIT);
    expect(exportMarkdown(draft)).toContain('deep');
  });

  it('refuses a draft one level over, with the same short message on load, on IPC and on save', async () => {
    const text = deepDraftText(AT_LIMIT, 'link');
    const loaded = refusal(() => parseDraft(text));
    expect(loaded.kind).toBe('invalid-document');
    expect(loaded.message).toMatch(/^The draft is nested too deeply .* up to 500 levels\.$/u);
    expect(loaded.message.length).toBeLessThan(200);
    expect(await ipcRefusal(text)).toBe(loaded.message);
    expect(() => checkDraftText(text)).toThrow(loaded.message);
    const saved = refusal(() => serializeDraft(draftOf(deepDoc(AT_LIMIT, 'link'))));
    expect(saved.message).toBe(loaded.message);
    // The renderer's encoder refuses it before ProseMirror's toJSON and JSON.stringify recurse.
    expect(refusal(() => encodeDraftText(draftOf(deepDoc(AT_LIMIT)).meta, deepDoc(AT_LIMIT, 'link'))).message).toBe(loaded.message);
    expect(refusal(() => encodeDraftText(draftOf(deepDoc(AT_LIMIT)).meta, deepDoc(5000))).message).toBe(loaded.message);
  });

  it.each([1000, 5000, 100_000])('refuses %i levels fast, with a short message and no stack overflow', async (levels) => {
    const text = deepDraftText(levels);
    const started = performance.now();
    const error = refusal(() => parseDraft(text));
    expect(error.message).toMatch(/^The draft is nested too deeply/u);
    expect(await ipcRefusal(text)).toBe(error.message);
    expect(() => validateRequest('recovery.record', { key: 'k', name: null, draft: text })).toThrow(/nested too deeply/u);
    expect(() => checkDraftText(text)).toThrow(error.message);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses a deep value hidden where no node is (an attribute, the metadata)', () => {
    const deep = `${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`;
    expect(refusal(() => parseDraft(good.replace('"tags": []', `"tags": ${deep}`))).message).toMatch(/nested too deeply/u);
    expect(refusal(() => parseDraft(good.replace('"href": "https://example.com"', `"href": ${deep}`))).message).toMatch(/nested too deeply/u);
  });
});

describe('importers never make a draft over the limit', () => {
  it.each([
    ['HTML lists', (): string => serializeDraft(importHtml(`<h1>T</h1>${'<ul><li>x'.repeat(5000)}${'</li></ul>'.repeat(5000)}`).draft)],
    ['HTML lists in quotes', (): string => serializeDraft(importHtml(`<h1>T</h1>${'<blockquote><ol><li>x'.repeat(3000)}`).draft)],
    ['Markdown lists', (): string => serializeDraft(importMarkdown(`# T\n\n${Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')}\n`).draft)],
  ])('%s nested 3,000 to 5,000 deep', (_what, save) => {
    const text = save();
    expect(bracketDepth(text)).toBeLessThanOrEqual(MAX_DEPTH);
    expect(parseDraft(text).doc.textContent).toContain('x');
  });
});

describe('duplicate keys', () => {
  it.each([
    ['the envelope', good.replace('"version": 2,', '"version": 2,\n  "version": 2,'), 'version', 4],
    ['the metadata', good.replace('"status": "draft",', '"status": "draft",\n    "status": "approved",'), 'status', 10],
    ['an attribute', good.replace('"href": "https://example.com"', '"href": "https://example.com", "href": "https://evil.example"'), 'href', 0],
    ['an escaped spelling of the same key', good.replace('"format": "copydesk-draft",', '"format": "copydesk-draft",\n  "\\u0066ormat": "copydesk-draft",'), 'format', 3],
  ])('are refused in %s, with the key and its line', async (_where, text, key, line) => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    const error = refusal(() => parseDraft(text));
    expect(error.message).toContain(`duplicate key "${key}" at line`);
    if (line > 0) expect(error.message).toContain(`at line ${String(line)}, column`);
    expect(await ipcRefusal(text)).toContain(`duplicate key "${key}"`);
  });

  it('leaves alone keys repeated in different objects and quotes or brackets inside strings', () => {
    expect(scanJsonText('{"a":{"a":1},"b":[{"a":"\\"a\\":{"},{"a":2}]}')).toBeNull();
    expect(scanJsonText('{"a":"x\\\\","a":1}')).toMatchObject({ kind: 'duplicate-key', key: 'a', line: 1, column: 12 });
    expect(parseDraft(good).doc.firstChild?.textContent).toBe('Headline');
  });
});

describe('names that Object.prototype holds', () => {
  const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];
  it.each(names)('refuses "%s" as a node or mark attribute, a node or mark type and a metadata key', async (name) => {
    const key = JSON.stringify(name);
    const cases = [
      good.replace('"type": "paragraph"', `"type": "paragraph", "attrs": {${key}: "x"}`),
      good.replace('"href": "https://example.com"', `"href": "https://example.com", ${key}: "x"`),
      good.replace('"type": "paragraph"', `"type": ${key}`),
      good.replace('"type": "link"', `"type": ${key}`),
      good.replace('"slug": "",', `"slug": "", ${key}: "x",`),
    ];
    for (const text of cases) {
      const error = refusal(() => parseDraft(text));
      expect(error.message).toContain(name);
      expect(await ipcRefusal(text)).toContain(name);
    }
  });
});

describe('refusal messages stay short', () => {
  const huge = 'x'.repeat(500_000);
  it.each([
    ['an unknown top-level key', mutate((raw) => (raw[huge] = 1))],
    ['an unknown metadata key', mutate((raw) => (raw.meta[huge] = 1))],
    ['a huge version', mutate((raw) => (raw.version = [huge]))],
    ['a huge node type', mutate((raw) => (raw.doc.content[2].type = huge))],
    ['a huge mark type', mutate((raw) => (raw.doc.content[2].content[1].marks[0].type = huge))],
    ['a huge node key', mutate((raw) => (raw.doc.content[2][huge] = 1))],
    ['a huge attribute name', mutate((raw) => (raw.doc.content[2].attrs = { [huge]: 1 }))],
    ['a huge bad URL', mutate((raw) => (raw.doc.content[2].content[1].marks[0].attrs.href = `javascript:${huge}`))],
    ['a huge invalid status', mutate((raw) => (raw.meta.status = huge))],
    ['not JSON after a huge string', `{"format": "${huge}", x`],
  ])('for %s', async (_what, text) => {
    const message = refusal(() => parseDraft(text)).message;
    expect(message.length).toBeLessThan(600);
    expect(message).not.toContain('x'.repeat(100));
    expect((await ipcRefusal(text)).length).toBeLessThan(600);
  });

  it('never quotes the bytes of a file that is not JSON', () => {
    const message = refusal(() => parseDraft('{"format": "copydesk-draft", secret-words-here }')).message;
    expect(message).toMatch(/^This file is not valid JSON/u);
    expect(message).not.toContain('secret');
    expect(refusal(() => parseDraft('{"a": 1,\n  "b": 2,\n  ]')).message).toContain('line 3, column 3');
  });
});
