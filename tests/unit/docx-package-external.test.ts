/**
 * openDocx never fetches: a Word file that links an image and attaches a template on a local HTTP
 * server that counts requests is opened, read by mammoth, and the server has seen nothing; the
 * relationships are emptied and said in `dropped`, links of the text are kept; the whole import
 * (importDocx) likewise. Also: what mammoth's
 * own XML reader (@xmldom/xmldom 0.8) does with entities, were a DTD ever to reach it.
 */
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocx } from '../../shared/import/docx/index';
import { openDocx } from '../../shared/import/docx/package';
import { GOOD_DOCX_TEXT, externalDocx } from './helpers/hostile-docx';

let server: Server;
let requests: string[];
let base: string;

beforeAll(async () => {
  requests = [];
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'image/png' }).end('not really a png');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A request to the server itself, to show that it counts. */
async function probe(): Promise<void> {
  const response = await fetch(`${base}/probe`);
  await response.arrayBuffer();
}

describe('openDocx and external relationships', () => {
  it('fetches nothing, empties the linked image and the attached template, keeps the link, and mammoth reads the result', async () => {
    const bytes = await externalDocx(`${base}/linked.png`, `${base}/normal.dotm`);
    // The file as made does hold both relationships, external.
    const rawRels = strFromU8(unzipSync(bytes)['word/_rels/document.xml.rels']!);
    expect(rawRels).toContain(`${base}/linked.png`);

    const opened = await openDocx(bytes, 'linked.docx');
    expect(opened.dropped).toEqual([`An image linked from ${base}/linked.png was not fetched.`, `The attached template ${base}/normal.dotm was not opened.`]);
    const entries = unzipSync(opened.zip);
    const rels = Object.entries(entries).filter(([name]) => name.endsWith('.rels')).map(([, data]) => strFromU8(data)).join('\n');
    expect(rels).not.toContain(base);
    expect(rels).toContain('Id="rIdLinked"');
    expect(rels).toContain('https://example.org/port'); // the hyperlink, external too, is kept

    const result = await mammoth.convertToHtml({ buffer: Buffer.from(opened.zip) });
    expect(result.value).toContain(GOOD_DOCX_TEXT.body);
    expect(result.value).toContain('href="https://example.org/port"');
    expect(result.value).not.toContain('<img');
    expect(requests).toEqual([]);

    await probe();
    expect(requests).toEqual(['/probe']);
  });

  it('the whole import (importDocx) fetches nothing either, reports both, and keeps the text and the link', async () => {
    const { draft, report, assets } = await importDocx(await externalDocx(`${base}/linked.png`, `${base}/normal.dotm`), { fileName: 'linked.docx' });
    // Each said once, in the user's words (not again in the reader's).
    expect(report.dropped).toEqual([`An image linked from ${base}/linked.png was not fetched.`, `The attached template ${base}/normal.dotm was not opened.`]);
    const text = JSON.stringify(draft);
    expect(text).toContain(GOOD_DOCX_TEXT.body);
    expect(text).toContain('https://example.org/port');
    expect(text).not.toContain(base);
    expect(assets).toEqual([]);
    expect(requests.filter((url) => url !== '/probe')).toEqual([]);
  });
});

describe("mammoth's XML reader (@xmldom/xmldom 0.8) and entities", () => {
  // The DTD refusal makes this moot; it is checked here so that a change of xmldom is noticed.
  it('resolves no entity, internal or external: a reference to one is an error, and mammoth throws on it', () => {
    const { parseFromString } = createRequire(import.meta.url)('mammoth/lib/xml/xmldom.js') as { parseFromString: (xml: string) => unknown };
    expect(() => parseFromString(`<!DOCTYPE d [<!ENTITY xxe SYSTEM "${base}/xxe">]><d>&xxe;</d>`)).toThrow(/entity not found/u);
    expect(() => parseFromString('<!DOCTYPE d [<!ENTITY e "EXPANDED">]><d>&e;</d>')).toThrow(/entity not found/u);
    expect(requests.filter((url) => url === '/xxe')).toEqual([]);
  });
});
