/**
 * The preload script as the build writes it: one small CommonJS file that builds the API from the
 * channel map's names, written in at build time, without the map's validators (zod, the parser).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES, INVOKE_CHANNELS } from '../../shared/ipc/channels';

const out = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-preload-'));
afterAll(() => fs.rm(out, { recursive: true, force: true }));

describe('the preload bundle', () => {
  it('names every call and event of the channel map and carries no validator', async () => {
    await build({ configFile: 'build/vite.electron.config.mts', mode: 'preload', logLevel: 'silent', build: { outDir: out, sourcemap: false } });
    const code = await fs.readFile(path.join(out, 'preload.cjs'), 'utf8');
    for (const channel of INVOKE_CHANNELS) expect(code).toContain(JSON.stringify(channel));
    for (const name of EVENT_NAMES) expect(code).toContain(JSON.stringify(name));
    expect(code).not.toMatch(/zod|prosemirror|superRefine/u);
    expect(code).not.toContain('__COPYDESK_API_NAMES__');
    expect(code.length).toBeLessThan(20_000);
  }, 60_000);
});
