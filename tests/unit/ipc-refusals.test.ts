/**
 * The API door refuses what it must, before any service runs: malformed payloads on every
 * channel (wrong types, missing and extra keys, path-traversal and absolute names, broken
 * drafts), calls from frames that are not the app's page, and channels not in the map. Real
 * services on temporary folders sit behind the door; the test proves none of them was called
 * and nothing appeared on disk.
 */
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel, type RequestOf } from '../../shared/ipc/channels';
import { APP_URL, createHarness, draftJson, type Harness } from './helpers/ipc-harness';
import { MAX_DRAFT_TEXT } from '../../shared/ipc/fields';
import { DRAFT_VERSION } from '../../shared/draft/format';
import { MAX_DOCX_FILE_BYTES } from '../../shared/import/types';
import { deepDraftText } from './helpers/deep-draft';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.dispose();
});
beforeEach(() => {
  h.serviceCalls.length = 0;
  h.caller.asked.length = 0;
});

const HASH = 'a'.repeat(64);
const value = draftJson('Valid');
const draft = JSON.stringify(value);

/** A valid request for every channel; the malformed ones are made from these. */
const VALID: { [C in InvokeChannel]: RequestOf<C> } = {
  'settings.get': undefined,
  'settings.chooseWorkspace': undefined,
  'reviewer.get': undefined,
  'reviewer.set': { name: 'Ana García', initials: 'AG' },
  'system.accessibility': undefined,
  'workspace.list': undefined,
  'workspace.recent': undefined,
  'drafts.create': undefined,
  'drafts.open': { name: 'story.copydesk', access: 'take-over' },
  'drafts.release': { name: 'story.copydesk' },
  'drafts.save': { name: 'story.copydesk', draft, baseHash: HASH, force: false },
  'drafts.saveAs': { name: 'story.copydesk', draft, newName: 'other.copydesk' },
  'drafts.duplicate': { name: 'story.copydesk' },
  'drafts.rename': { name: 'story.copydesk', newName: 'other.copydesk' },
  'drafts.nameFromHeadline': { name: 'story.copydesk' },
  'drafts.trash': { name: 'story.copydesk' },
  'drafts.import': { from: 'md' },
  'drafts.importDropped': { fileName: 'story.md', bytes: new TextEncoder().encode('# Story') },
  'recovery.record': { key: 'k1', name: null, draft },
  'recovery.list': undefined,
  'recovery.take': { key: 'k1' },
  'recovery.discard': { key: 'k1' },
  'versions.list': { name: 'story.copydesk' },
  'versions.restore': { name: 'story.copydesk', id: '1767322800000-abcdefabcdef' },
  'versions.checkpoint': { name: 'story.copydesk', label: 'Before legal read' },
  'versions.label': { name: 'story.copydesk', id: '1767322800000-abcdefabcdef', label: 'Filed' },
  'export.write': { name: 'story.copydesk', format: 'html', fragment: true, draft },
  'figures.importImage': { draft: 'story.copydesk' },
  'assets.check': { srcs: ['assets/story/pic.png'] },
  'window.ready': undefined,
  'window.setDirty': { dirty: true },
  'window.close': undefined,
  'window.flushed': { id: 1, open: 'story.copydesk', saved: true },
};

/** Optional or nullable keys: removing them (or null) is fine. */
const OPTIONAL = new Set(['force', 'fragment', 'draft@export.write', 'from', 'access']);
const NULLABLE = new Set(['baseHash', 'name@recovery.record', 'name@drafts.saveAs', 'open@window.flushed']);

/** Names that must never reach the file system. */
const BAD_NAMES = [
  '../x.copydesk',
  '../../etc/passwd.copydesk',
  '..\\x.copydesk',
  '/etc/passwd.copydesk',
  '/tmp/x.copydesk',
  'C:\\Users\\x.copydesk',
  'C:x.copydesk',
  '\\\\server\\share\\x.copydesk',
  'a/b.copydesk',
  'a\\b.copydesk',
  './x.copydesk',
  'x.copydesk/',
  '..',
  '.copydesk',
  '.hidden.copydesk',
  'x.txt',
  'x.copydesk.txt',
  '',
  'x\u0000.copydesk',
  'x\n.copydesk',
  `${'a'.repeat(300)}.copydesk`,
];

const BAD_KEYS = ['', '../k', 'k/1', 'k.journal', 'a'.repeat(65), 'k\u0000', ' k'];

const meta = (value as { meta: Record<string, unknown> }).meta;
/** Drafts the main process must refuse: as JSON text (what the renderer sends), unless not text at all. */
const BAD_DRAFT_VALUES: [string, unknown][] = [
  ['null', null],
  ['an empty object', {}],
  ['an extra key', { ...value, extra: 1 }],
  ['another format', { ...value, format: 'other' }],
  ['a newer version', { ...value, version: DRAFT_VERSION + 1 }],
  ['a bad status', { ...value, meta: { ...meta, status: 'bogus' } }],
  ['an unknown meta key', { ...value, meta: { ...meta, owner: 'x' } }],
  ['no doc', { format: value.format, version: value.version, meta }],
  ['an empty doc', { ...value, doc: { type: 'doc', content: [] } }],
  ['an unknown node', { ...value, doc: { type: 'doc', content: [{ type: 'script' }] } }],
  [
    'a javascript: link',
    {
      ...value,
      doc: {
        type: 'doc',
        content: [
          { type: 'headline' },
          { type: 'standfirst' },
          { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
          { type: 'sources' },
        ],
      },
    },
  ],
];
const BAD_DRAFTS: [string, unknown][] = [
  ...BAD_DRAFT_VALUES.map(([what, bad]): [string, unknown] => [what, JSON.stringify(bad)]),
  ['the JSON value itself, not its text', value],
  ['text that is not JSON', '{"format": "copydesk-draft",'],
  ['text over the size limit', ' '.repeat(MAX_DRAFT_TEXT + 1)],
  ['lists nested one level over the limit', deepDraftText(123, 'link')],
  ['lists nested 5,000 deep', deepDraftText(5000)],
  ['a duplicate key', draft.replace('"version":2,', '"version":2,"version":2,')],
  ['a "constructor" attribute', draft.replace('{"type":"paragraph"}', '{"type":"paragraph","attrs":{"constructor":"x"}}')],
];

const WRONG_TYPES: unknown[] = [42, {}, [], true, 'text'];

/** Malformed variants of a channel's valid request, each with what it shows. */
function malformed(channel: InvokeChannel): [string, unknown][] {
  const valid = VALID[channel] as unknown;
  if (valid === undefined) return [['{}', {}], ['null', null], ['{x: 1}', { x: 1 }], ['0', 0], ['""', ''], ['[]', []]];
  const base = valid as Record<string, unknown>;
  const out: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'story.copydesk'],
    ['a number', 7],
    ['an array', [base]],
    ['an extra key', { ...base, extra: 1 }],
    ['an own __proto__ key', JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(base).slice(1)}`)],
  ];
  for (const key of Object.keys(base)) {
    const id = `${key}@${channel}`;
    if (!OPTIONAL.has(key) && !OPTIONAL.has(id)) {
      const rest = { ...base };
      delete rest[key];
      out.push([`no ${key}`, rest]);
    }
    for (const wrong of WRONG_TYPES) {
      if (typeof wrong === typeof base[key] && !Array.isArray(wrong) && typeof wrong !== 'object') continue;
      out.push([`${key} = ${JSON.stringify(wrong)}`, { ...base, [key]: wrong }]);
    }
    if (!NULLABLE.has(key) && !NULLABLE.has(id)) out.push([`${key} = null`, { ...base, [key]: null }]);
    // A reviewer's name is a person's, not a file's: checked below.
    if ((key === 'name' && channel !== 'reviewer.set') || key === 'newName' || (key === 'draft' && typeof base[key] === 'string')) for (const bad of BAD_NAMES) out.push([`${key} = ${JSON.stringify(bad.slice(0, 40))}`, { ...base, [key]: bad }]);
    if (key === 'key') for (const bad of BAD_KEYS) out.push([`key = ${JSON.stringify(bad)}`, { ...base, key: bad }]);
    if (key === 'draft') for (const [what, bad] of BAD_DRAFTS) out.push([`draft with ${what}`, { ...base, draft: bad }]);
    if (key === 'baseHash') out.push(['baseHash not hex', { ...base, baseHash: 'Z'.repeat(64) }], ['baseHash too short', { ...base, baseHash: 'ab' }]);
    if (key === 'from') out.push(['from = "pdf"', { ...base, from: 'pdf' }], ['from = "Markdown"', { ...base, from: 'Markdown' }]);
    if (key === 'format') out.push(['format = "pdf"', { ...base, format: 'pdf' }], ['format = "HTML"', { ...base, format: 'HTML' }]);
    if (channel === 'reviewer.set' && key === 'name') for (const bad of ['', '   ', 'x'.repeat(101), 'Ana\nGarcía', 'Ana\u2028García', 'A\u0000']) out.push([`name = ${JSON.stringify(bad.slice(0, 20))}`, { ...base, name: bad }]);
    if (channel === 'reviewer.set' && key === 'initials') for (const bad of ['', ' ', 'ABCDE', 'A G', 'A\tG']) out.push([`initials = ${JSON.stringify(bad)}`, { ...base, initials: bad }]);
    if (key === 'bytes') out.push(['bytes over 64 MB', { ...base, bytes: new Uint8Array(MAX_DOCX_FILE_BYTES + 1) }], ['bytes as numbers', { ...base, bytes: [35, 32, 83] }]);
    if (key === 'fileName') out.push(['fileName = ""', { ...base, fileName: '' }], ['fileName too long', { ...base, fileName: `${'a'.repeat(300)}.md` }]);
    if (key === 'id') out.push(['id = "../x"', { ...base, id: '../x' }], ['id = ""', { ...base, id: '' }]);
  }
  return out;
}

describe('every channel refuses malformed payloads before any service runs', () => {
  for (const channel of INVOKE_CHANNELS) {
    it(channel, async () => {
      const before = await fs.readdir(h.workspace());
      const cases = malformed(channel);
      expect(cases.length).toBeGreaterThan(4);
      for (const [what, payload] of cases) {
        const reply = await h.call(channel, payload);
        expect(reply, `${channel} with ${what}`).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
        if (!reply.ok) {
          expect(reply.error.message).toContain(channel);
          expect(reply.error.message).not.toMatch(/\n\s+at /u);
          expect(reply.error.message.length, `${channel} with ${what}`).toBeLessThan(600);
        }
      }
      expect(h.serviceCalls).toEqual([]);
      expect(h.caller.asked).toEqual([]);
      expect(await fs.readdir(h.workspace())).toEqual(before);
    });
  }

  it('names the offending field in the message', async () => {
    const reply = await h.call('drafts.open', { name: '../x.copydesk' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/name: .*\.\.\/x\.copydesk/u);
    const broken = await h.call('drafts.save', { ...VALID['drafts.save'], draft: BAD_DRAFTS.find(([what]) => what === 'an unknown node')?.[1] });
    if (!broken.ok) expect(broken.error.message).toMatch(/draft: .*document.*unknown node type "script"/u);
    else expect.unreachable('a draft with an unknown node was accepted');
  });
});

const BAD_SENDERS = [
  'file:///usr/share/copydesk/index.html',
  'https://evil.example/',
  'http://127.0.0.1:5173/',
  'copydesk://other-host/index.html',
  'copydesk://app.evil.example/index.html',
  'copydesk://user@app/index.html',
  'copydesk://app:8080/index.html',
  'COPYDESK://APP/index.html',
  'about:blank',
  'data:text/html,<script>1</script>',
  'javascript:alert(1)',
  'not a url',
  '',
];

describe('every channel refuses calls from frames other than the app', () => {
  it.each(BAD_SENDERS)('from %j', async (sender) => {
    for (const channel of INVOKE_CHANNELS) {
      const reply = await h.call(channel, VALID[channel], sender);
      expect(reply, `${channel} from ${sender}`).toEqual({ ok: false, error: { code: 'untrusted-sender', message: 'This page may not use Copydesk’s API.' } });
    }
    expect(h.serviceCalls).toEqual([]);
    expect(h.caller.asked).toEqual([]);
  });

  it('refuses a missing or non-string sender URL', async () => {
    for (const senderUrl of [undefined, null, 42]) {
      const reply = await h.dispatcher.dispatch('workspace.list', undefined, { senderUrl: senderUrl as unknown as string, caller: h.caller });
      expect(reply).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    }
    expect(h.serviceCalls).toEqual([]);
  });
});

describe('unknown channels', () => {
  it.each(['drafts.delete', 'drafts', 'fs.readFile', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'event.menu', ''])('refuses %j', async (channel) => {
    const reply = await h.call(channel, undefined);
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(h.serviceCalls).toEqual([]);
  });

  it('refuses channels that are not strings', async () => {
    for (const channel of [null, undefined, 42, {}, ['drafts.open']]) {
      expect(await h.call(channel, { name: 'x.copydesk' })).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
    expect(h.serviceCalls).toEqual([]);
  });

  it('checks the sender before the channel: an untrusted frame learns nothing about channels', async () => {
    expect(await h.call('no.such', undefined, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('logs each refusal for the main process, not for the page', () => {
    expect(h.logs.some((line) => line.includes('untrusted frame') && line.includes('https://evil.example/'))).toBe(true);
    expect(h.logs.some((line) => line.includes('unknown channel'))).toBe(true);
  });

  it('accepts the app page itself', async () => {
    expect(await h.call('settings.get', undefined, APP_URL)).toMatchObject({ ok: true });
  });
});
