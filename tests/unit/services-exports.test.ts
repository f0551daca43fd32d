/**
 * exports.write: renders a draft (saved, or the unsaved state the renderer passes) with the
 * format's writer (here the real HTML one and a stand-in for Markdown) and writes it atomically to
 * an absolute path; refuses to write over a draft, into a folder, or to a relative path.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportHtml } from '../../shared/export/html';
import type { Draft } from '../../shared/draft/format';
import { namesIn, sampleChecked, servicesFixture, withWriters, type ServicesFixture } from './helpers/services-fixtures';

let fx: ServicesFixture;
afterEach(async () => {
  await fx.cleanup();
});

const exportFormats = withWriters({
  html: (draft: Draft, options: { fragment?: boolean }) => exportHtml(draft, options),
  md: (draft: Draft) => `# ${draft.doc.firstChild?.textContent ?? ''}\n`,
});

describe('exports', () => {
  it('writes the saved draft, or the unsaved one given, as HTML or Markdown', async () => {
    fx = await servicesFixture({ exportFormats });
    const { name, hash } = await fx.services.drafts.create();
    await fx.services.drafts.save(name, sampleChecked('Saved headline'), hash);
    const out = path.join(fx.root, 'out');
    await fs.mkdir(out);
    await fx.services.exports.write(name, 'html', {}, path.join(out, 'page.html'));
    const page = await fs.readFile(path.join(out, 'page.html'), 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/iu);
    expect(page).toContain('Saved headline');
    await fx.services.exports.write(name, 'html', { fragment: true }, path.join(out, 'fragment.html'));
    expect(await fs.readFile(path.join(out, 'fragment.html'), 'utf8')).not.toMatch(/<!DOCTYPE/iu);
    await fx.services.exports.write(name, 'md', { draft: sampleChecked('Unsaved headline') }, path.join(out, 'story.md'));
    expect(await fs.readFile(path.join(out, 'story.md'), 'utf8')).toBe('# Unsaved headline\n');
    expect((await fs.readdir(out)).sort()).toEqual(['fragment.html', 'page.html', 'story.md']);
  });

  it('refuses a relative path, a draft file, a folder and an unknown format, writing nothing', async () => {
    fx = await servicesFixture({ exportFormats });
    const { name } = await fx.services.drafts.create();
    await expect(fx.services.exports.write(name, 'html', {}, 'page.html')).rejects.toMatchObject({ code: 'invalid-target' });
    await expect(fx.services.exports.write(name, 'md', {}, path.join(fx.workspace, name))).rejects.toMatchObject({ code: 'invalid-target' });
    await expect(fx.services.exports.write(name, 'html', {}, fx.root)).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(fx.services.exports.write(name, 'pdf' as 'html', {}, path.join(fx.root, 'x.pdf'))).rejects.toMatchObject({ code: 'invalid-format' });
    await expect(fx.services.exports.write('missing.copydesk', 'html', {}, path.join(fx.root, 'x.html'))).rejects.toMatchObject({ code: 'unreadable' });
    expect(await namesIn(fx.workspace)).toEqual([name]);
    await expect(fs.stat(path.join(fx.root, 'x.html'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
