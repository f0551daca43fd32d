/**
 * Drafts the operating system asks to open: which arguments of a (second) launch are drafts, and
 * whether a draft lies in the workspace or elsewhere.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftPathsFromArgv, openTargetFor } from '../../electron/api/open-request';

describe('draftPathsFromArgv', () => {
  const cwd = path.resolve('/home/ana/news');

  it('finds .copydesk arguments, resolved against the launching folder', () => {
    const argv = ['/opt/Copydesk/copydesk', '--no-sandbox', 'story.copydesk', '/tmp/Other.COPYDESK', '../up.copydesk', 'notes.txt'];
    expect(draftPathsFromArgv(argv, cwd)).toEqual([path.join(cwd, 'story.copydesk'), path.resolve('/tmp/Other.COPYDESK'), path.resolve(cwd, '../up.copydesk')]);
  });

  it('skips the executable, switches (even ending in .copydesk) and duplicates', () => {
    expect(draftPathsFromArgv(['/x/y.copydesk', '--open=a.copydesk', '-a.copydesk', 'b.copydesk', 'b.copydesk'], cwd)).toEqual([path.join(cwd, 'b.copydesk')]);
    expect(draftPathsFromArgv([], cwd)).toEqual([]);
  });

  it('turns file:// URLs into paths and ignores other schemes', () => {
    expect(draftPathsFromArgv(['exe', 'file:///tmp/My%20Story.copydesk', 'https://evil.example/x.copydesk', 'copydesk://app/x.copydesk'], cwd)).toEqual([
      path.resolve('/tmp/My Story.copydesk'),
    ]);
  });
});

describe('openTargetFor', () => {
  const workspace = path.resolve('/home/ana/Documents/Copydesk');

  it('opens a draft of the workspace by name', () => {
    expect(openTargetFor(path.join(workspace, 'a.copydesk'), workspace)).toEqual({ kind: 'in-workspace', name: 'a.copydesk' });
    expect(openTargetFor(`${workspace}${path.sep}.${path.sep}a.copydesk`, `${workspace}${path.sep}`)).toEqual({ kind: 'in-workspace', name: 'a.copydesk' });
  });

  it('names the folder to switch to for a draft elsewhere, including a subfolder of the workspace', () => {
    expect(openTargetFor(path.resolve('/tmp/b.copydesk'), workspace)).toEqual({ kind: 'elsewhere', folder: path.resolve('/tmp'), name: 'b.copydesk' });
    expect(openTargetFor(path.join(workspace, 'sub', 'c.copydesk'), workspace)).toEqual({ kind: 'elsewhere', folder: path.join(workspace, 'sub'), name: 'c.copydesk' });
  });
});
