/** scanPart (shared/import/docx/package-scan.ts): DTD declarations found in any case and encoding, and nothing else; open tags counted. */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { scanPart } from '../../shared/import/docx/package-scan';
import { utf16be, utf16le } from './helpers/hostile-docx';

describe('scanPart', () => {
  it('finds <!DOCTYPE and <!ENTITY in UTF-8, UTF-16LE and UTF-16BE, in any case', () => {
    for (const text of ['<?xml version="1.0"?><!DOCTYPE a><a/>', '<a><!ENTITY x "y"></a>', '<!dOcTyPe a [ ]><a/>', '<!entity x SYSTEM "file:///etc/passwd">']) {
      for (const encode of [strToU8, utf16le, utf16be]) expect(scanPart(encode(text)).declaresDtd).toBe(true);
    }
  });

  it('finds nothing in escaped text, comments, other declarations, or a cut word', () => {
    for (const text of ['<a>&lt;!DOCTYPE a&gt;</a>', '<!-- DOCTYPE --><a/>', '<![CDATA[x]]><a/>', '<a>!DOCTYPE</a>', '<!DOCTYP', '<w:DOCTYPE/>', '< !DOCTYPE a>']) {
      for (const encode of [strToU8, utf16le, utf16be]) expect(scanPart(encode(text)).declaresDtd).toBe(false);
    }
  });

  it('counts start and empty tags, comments and processing instructions, not end tags', () => {
    expect(scanPart(strToU8('<?xml version="1.0"?><w:document><w:body><w:p/><!-- c --><w:p>a &lt; b</w:p></w:body></w:document>')).openTags).toBe(6);
    expect(scanPart(strToU8('no markup at all')).openTags).toBe(0);
  });
});
