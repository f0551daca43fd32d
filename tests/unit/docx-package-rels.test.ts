/**
 * The external relationships of a Word package (shared/import/docx/package-rels.ts): every one but
 * a hyperlink loses its target, however the .rels part is written, in every .rels part; a tag that
 * cannot be read makes the file refused rather than guessed at.
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cleanRels } from '../../shared/import/docx/package-rels';
import { openDocx } from '../../shared/import/docx/package';
import { DocxRefusal } from '../../shared/import/docx/types';
import { goodEntries, rezip, utf16le } from './helpers/hostile-docx';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rels = (body: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;

describe('cleanRels', () => {
  it('keeps internal relationships and external hyperlinks as they are', () => {
    const xml = rels(`<Relationship Id="rId1" Type="${R}/image" Target="media/image1.png"/><Relationship Id="rId2" Type="${R}/hyperlink" Target="https://example.org/a?b=1&amp;c=2" TargetMode="External"/>`);
    expect(cleanRels(xml)).toEqual({ xml, dropped: [] });
  });

  it('empties an external image however it is written: single quotes, a prefix, an end tag, lower case, spaces, character references', () => {
    const forms = [
      `<Relationship Id='rId7' Type='${R}/image' Target='http://evil.test/a.png' TargetMode='External'/>`,
      `<pr:Relationship xmlns:pr="http://schemas.openxmlformats.org/package/2006/relationships" Id="rId7" Type="${R}/image" Target="http://evil.test/a.png" TargetMode="External"></pr:Relationship>`,
      `<Relationship\n  Id = "rId7"\n  TargetMode = " external "\n  Type="${R}/image"\n  Target="http://evil.test/a.png"\n/>`,
      `<Relationship Id="rId7" Type="${R}/image" Target="http://evil.test/a.png" TargetMode="Exter&#110;al"/>`,
    ];
    for (const form of forms) {
      const cleaned = cleanRels(rels(form));
      expect(cleaned?.dropped).toEqual(['An image linked from http://evil.test/a.png was not fetched.']);
      expect(cleaned?.xml).not.toContain('evil.test');
      expect(cleaned?.xml).toMatch(/Id="rId7" Type="[^"]+\/image" Target=""\/>/u);
    }
  });

  it('says what each kind of link was, unescapes the address and shortens a long one', () => {
    const long = `https://example.org/${'x'.repeat(200)}`;
    const cleaned = cleanRels(rels([
      `<Relationship Id="a" Type="${R}/attachedTemplate" Target="file:///C:/Templates/Normal.dotm" TargetMode="External"/>`,
      `<Relationship Id="b" Type="${R}/oleObject" Target="\\\\server\\share\\sheet.xlsx" TargetMode="External"/>`,
      `<Relationship Id="c" Type="${R}/frame" Target="http://a.test/?x=1&amp;y=2" TargetMode="External"/>`,
      `<Relationship Id="d" Type="${R}/subDocument" Target="chapter2.docx" TargetMode="External"/>`,
      `<Relationship Id="e" Type="urn:made-up" Target="${long}" TargetMode="External"/>`,
      `<Relationship Type="${R}/image" Target="http://no-id.test/i.png" TargetMode="External"/>`,
      `<Relationship Id="g" Type="http://evil.test/hyperlink" Target="http://disguised.test/i.png" TargetMode="External"/>`,
    ].join('')));
    expect(cleaned?.dropped).toEqual([
      'The attached template file:///C:/Templates/Normal.dotm was not opened.',
      'An object linked from \\\\server\\share\\sheet.xlsx was not opened.',
      'A document linked from http://a.test/?x=1&y=2 was not opened.',
      'A document linked from chapter2.docx was not opened.',
      `A file linked from ${long.slice(0, 79)}… (urn:made-up) was not fetched.`,
      'An image linked from http://no-id.test/i.png was not fetched.',
      'A file linked from http://disguised.test/i.png (hyperlink) was not fetched.',
    ]);
    expect(cleaned?.xml).not.toMatch(/TargetMode|Normal\.dotm|no-id|disguised/u);
  });

  it('gives up (null) on a Relationship tag it cannot read, and on a UTF-16 part', () => {
    expect(cleanRels(rels(`<Relationship Id=rId1 Type="${R}/image" Target="http://evil.test/a.png" TargetMode="External"/>`))).toBeNull();
    expect(cleanRels(rels(`<Relationship Id="rId1" Target="a>b" TargetMode="External" Type="${R}/image"/>`))?.dropped).toHaveLength(1);
    expect(cleanRels(rels(`<Relationship Id="rId1" Type="${R}/image" Target="<x>" TargetMode="External"/>`))).toBeNull();
    expect(cleanRels(strFromU8(utf16le(rels('')), true))).toBeNull();
  });
});

describe('openDocx and .rels parts', () => {
  it('cleans every .rels part (the package, a footnotes part), lists each sentence once', async () => {
    const entries = await goodEntries();
    const external = `<Relationship Id="rIdX" Type="${R}/image" Target="http://evil.test/a.png" TargetMode="External"/>`;
    entries['_rels/.rels'] = strToU8(strFromU8(entries['_rels/.rels']!).replace('</Relationships>', `${external}</Relationships>`));
    entries['word/_rels/footnotes.xml.rels'] = strToU8(rels(external));
    const opened = await openDocx(rezip(entries), 'story.docx');
    expect(opened.dropped).toEqual(['An image linked from http://evil.test/a.png was not fetched.']);
    const out = unzipSync(opened.zip);
    for (const name of ['_rels/.rels', 'word/_rels/footnotes.xml.rels']) expect(strFromU8(out[name]!)).not.toContain('evil.test');
    expect(strFromU8(out['_rels/.rels']!)).toContain('officeDocument');
  });

  it('refuses a package whose .rels part it cannot read', async () => {
    const entries = await goodEntries();
    entries['word/_rels/document.xml.rels'] = strToU8(rels(`<Relationship Id=rId1 Type="${R}/image" Target="http://evil.test/a.png" TargetMode="External"/>`));
    await expect(openDocx(rezip(entries), 'story.docx')).rejects.toSatisfy((error) => error instanceof DocxRefusal && error.kind === 'not-zip' && error.message.startsWith('story.docx is damaged'));
  });
});
