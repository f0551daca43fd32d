/**
 * Reading the Word export back for the tests: with pandoc (`-f docx -t json`, its AST reduced to
 * what the tests compare) and as the zip of XML it is (fflate).
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync, zlibSync } from 'fflate';

/** A pandoc AST node (`{t, c}`). */
export interface PandocNode {
  readonly t: string;
  readonly c?: unknown;
}

/** pandoc's JSON document. */
export interface PandocDoc {
  readonly meta: Record<string, { readonly t: string; readonly c: unknown }>;
  readonly blocks: readonly PandocNode[];
}

/** Writes `bytes` as `name` in `dir` and reads it with pandoc (`-f docx -t json` and `extra` options). */
export async function pandocDocx(bytes: Uint8Array, dir: string, name: string, extra: readonly string[] = []): Promise<PandocDoc> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  const result = spawnSync('pandoc', ['-f', 'docx', ...extra, '-t', 'json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as PandocDoc;
}

const isNode = (value: unknown): value is PandocNode => typeof value === 'object' && value !== null && typeof (value as { t?: unknown }).t === 'string';

/** The plain text of inlines (notes left out), white space collapsed. */
export function textOf(value: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (!isNode(v)) return;
    if (v.t === 'Str') out.push(v.c as string);
    else if (v.t === 'Space' || v.t === 'SoftBreak' || v.t === 'LineBreak') out.push(' ');
    else if (v.t === 'Note') return;
    else if (v.t === 'Link' || v.t === 'Span' || v.t === 'Image') walk((v.c as unknown[])[1]);
    else if (v.t === 'Quoted') walk((v.c as unknown[])[1]);
    else walk(v.c);
  };
  walk(value);
  return out.join('').replace(/\s+/gu, ' ').trim();
}

/** Every node of type `t` anywhere under `value`, in document order. */
export function nodesOf(value: unknown, t: string): PandocNode[] {
  const found: PandocNode[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isNode(v)) {
      if (v.t === t) found.push(v);
      walk(v.c);
    } else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

/** The text of each footnote under `value`, in order. */
export function notesOf(value: unknown): string[] {
  return nodesOf(value, 'Note').map((note) => textOf(note.c));
}

/** A pandoc Span's classes, attributes and text. */
export function spans(value: unknown): { classes: string[]; attrs: Record<string, string>; text: string; notes: string[] }[] {
  return nodesOf(value, 'Span').map((span) => {
    const [attr, inlines] = span.c as [[string, string[], [string, string][]], unknown[]];
    return { classes: attr[1], attrs: Object.fromEntries(attr[2]), text: textOf(inlines), notes: notesOf(inlines) };
  });
}

/** The parts of a .docx, by name, as text (binary parts as bytes under `media`). */
export function docxParts(bytes: Uint8Array): { text: Map<string, string>; media: Map<string, Uint8Array> } {
  const entries = unzipSync(bytes);
  const text = new Map<string, string>();
  const media = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    if (name.startsWith('word/media/')) media.set(name, data);
    else text.set(name, strFromU8(data));
  }
  return { text, media };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A real PNG of `width` × `height` pixels, filled with one RGB colour (and a darker lower half). */
export function solidPng(width: number, height: number, rgb: readonly [number, number, number] = [70, 110, 160]): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const shade = y < height / 2 ? 1 : 0.6;
    for (let x = 0; x < width; x++) raw.set(rgb.map((v) => Math.round(v * shade)), y * (1 + width * 3) + 1 + x * 3);
  }
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array())];
  const png = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    png.set(part, at);
    at += part.length;
  }
  return png;
}
