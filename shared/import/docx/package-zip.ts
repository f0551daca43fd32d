/**
 * Reading a zip written by someone else, within limits (for `openDocx`, package.ts):
 *
 * - the entries come from the central directory (ZIP64 included), each checked against its local
 *   header and the file's end;
 * - an entry is inflated in small slices with fflate's streaming `Inflate`, counting what comes out
 *   and stopping as soon as it passes the size the entry declares or the limits: a zip bomb lies
 *   about its sizes, so the declared ones are only an upper bound, never trusted as the truth; at
 *   most one slice's output (about 1 MB) is produced past a limit, and nothing is allocated from a
 *   declared size;
 * - each entry's CRC-32 is checked, so a damaged file is reported as damaged.
 *
 * Failures throw `ZipProblem`; package.ts turns them into `DocxRefusal`s that name the file.
 */
import { Inflate, strFromU8 } from 'fflate';

/** The limits a zip is read within. */
export interface ZipLimits {
  /** The most entries (files and folders) in the zip. */
  readonly entries: number;
  /** The largest expanded size of one entry, in bytes. */
  readonly entryBytes: number;
  /** The largest expanded size of all entries together, in bytes. */
  readonly totalBytes: number;
}

/** What is wrong with a zip: `damaged` (truncated, inconsistent, bad CRC), `too-many` entries, `too-large` once expanded, `lying` (expands past its declared size), `encrypted` (zip encryption), `method` (a compression other than store and deflate). */
export type ZipProblemKind = 'damaged' | 'too-many' | 'too-large' | 'lying' | 'encrypted' | 'method';

/** A zip that cannot be read within the limits. */
export class ZipProblem extends Error {
  /** What class of problem this is. */
  readonly kind: ZipProblemKind;
  /** The entry concerned, when there is one. */
  readonly entry: string | undefined;

  constructor(kind: ZipProblemKind, detail: string, entry?: string) {
    super(detail);
    this.name = 'ZipProblem';
    this.kind = kind;
    this.entry = entry;
  }
}

/** One file of a zip, expanded. */
export interface ZipEntry {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
/** Compressed bytes pushed into the inflater at a time: deflate expands at most ~1032×, so one push yields about 1 MB at most. */
const SLICE = 1024;

// Little-endian fields; a read past the end gives 0 (callers check bounds first).
const at = (b: Uint8Array, p: number): number => b[p] ?? 0;
const u16 = (b: Uint8Array, p: number): number => at(b, p) | (at(b, p + 1) << 8);
const u32 = (b: Uint8Array, p: number): number => (at(b, p) | (at(b, p + 1) << 8) | (at(b, p + 2) << 16) | (at(b, p + 3) << 24)) >>> 0;
// A 64-bit size as a number; anything past 2^53 is absurd here and fails the limits anyway.
const u64 = (b: Uint8Array, p: number): number => u32(b, p) + u32(b, p + 4) * 0x100000000;

function damaged(detail: string, entry?: string): ZipProblem {
  return new ZipProblem('damaged', detail, entry);
}

/** Whether `bytes` starts like a zip (a local file header, or the end record of an empty zip). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && (u32(bytes, 0) === SIG_LOCAL || u32(bytes, 0) === SIG_END);
}

interface CentralEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

interface Directory {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
}

function findDirectory(b: Uint8Array): Directory {
  let end = -1;
  for (let p = b.length - 22; p >= 0 && p >= b.length - 22 - 0xffff; p--) {
    if (u32(b, p) === SIG_END) {
      end = p;
      break;
    }
  }
  if (end < 0) throw damaged('no end of central directory');
  let count = u16(b, end + 10);
  let size = u32(b, end + 12);
  let offset = u32(b, end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(b, locator) !== SIG_LOCATOR64) throw damaged('no ZIP64 locator');
    const end64 = u64(b, locator + 8);
    if (end64 + 56 > b.length || u32(b, end64) !== SIG_END64) throw damaged('no ZIP64 end record');
    count = u64(b, end64 + 32);
    size = u64(b, end64 + 40);
    offset = u64(b, end64 + 48);
  }
  if (offset + size > b.length) throw damaged('central directory past the end');
  return { count, offset, size };
}

function readCentral(b: Uint8Array, dir: Directory, limits: ZipLimits): CentralEntry[] {
  if (dir.count > limits.entries) throw new ZipProblem('too-many', `${String(dir.count)} entries`);
  const entries: CentralEntry[] = [];
  let p = dir.offset;
  const stop = dir.offset + dir.size;
  for (let i = 0; i < dir.count; i++) {
    if (p + 46 > stop || u32(b, p) !== SIG_CENTRAL) throw damaged('central directory cut short');
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > stop) throw damaged('central directory cut short');
    const name = strFromU8(b.subarray(p + 46, p + 46 + nameLength), (u16(b, p + 8) & 0x800) === 0);
    let size = u32(b, p + 24);
    let compressedSize = u32(b, p + 20);
    let localOffset = u32(b, p + 42);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // The ZIP64 extra field holds, in this order, those of the three that are 0xFFFFFFFF.
      let q = p + 46 + nameLength;
      const extraEnd = q + extraLength;
      while (q + 4 <= extraEnd && u16(b, q) !== 0x0001) q += 4 + u16(b, q + 2);
      if (q + 4 > extraEnd) throw damaged('ZIP64 sizes missing', name);
      let r = q + 4;
      const take = (): number => {
        if (r + 8 > extraEnd) throw damaged('ZIP64 sizes cut short', name);
        r += 8;
        return u64(b, r - 8);
      };
      if (size === 0xffffffff) size = take();
      if (compressedSize === 0xffffffff) compressedSize = take();
      if (localOffset === 0xffffffff) localOffset = take();
    }
    entries.push({ name, flags: u16(b, p + 8), method: u16(b, p + 10), crc: u32(b, p + 16), compressedSize, size, localOffset });
    p = next;
  }
  return entries;
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

class Overflow extends Error {}

/** Inflates `data`, stopping once more than `max` bytes have come out (returns null then). */
function inflateAtMost(data: Uint8Array, max: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > max) throw new Overflow();
    if (chunk.length) chunks.push(chunk);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += SLICE) inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  } catch (error) {
    if (error instanceof Overflow) return null;
    throw error;
  }
  if (chunks.length === 1) return chunks[0] ?? null;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function expand(b: Uint8Array, entry: CentralEntry, budget: number, limits: ZipLimits): Uint8Array {
  const { name } = entry;
  const p = entry.localOffset;
  if (p + 30 > b.length || u32(b, p) !== SIG_LOCAL) throw damaged('local header missing', name);
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw damaged('entry past the end of the file', name);
  const data = b.subarray(start, end);
  let bytes: Uint8Array | null;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw damaged('stored entry with two sizes', name);
    bytes = data;
  } else if (entry.method === 8) {
    try {
      bytes = inflateAtMost(data, entry.size);
    } catch {
      throw damaged('deflate stream broken', name);
    }
    if (bytes === null) throw new ZipProblem('lying', 'expands past its declared size', name);
  } else {
    throw new ZipProblem('method', `compression method ${String(entry.method)}`, name);
  }
  // Checked before inflating too (see readZip); this holds even if the declared size was exact.
  if (bytes.length > limits.entryBytes || bytes.length > budget) throw new ZipProblem('too-large', 'expands past the limits', name);
  if (bytes.length !== entry.size || crc32(bytes) !== entry.crc) throw damaged('size or CRC does not match', name);
  return bytes;
}

/**
 * The entries of the zip `bytes` (folders left out), each expanded and checked within `limits`.
 * Throws `ZipProblem`.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const central = readCentral(bytes, findDirectory(bytes), limits);
  const seen = new Set<string>();
  let declared = 0;
  for (const entry of central) {
    if (seen.has(entry.name)) throw damaged('two entries with one name', entry.name);
    seen.add(entry.name);
    if (entry.flags & 1) throw new ZipProblem('encrypted', 'encrypted entry', entry.name);
    if (entry.size > limits.entryBytes) throw new ZipProblem('too-large', 'declares more than the entry limit', entry.name);
    declared += entry.size;
    if (declared > limits.totalBytes) throw new ZipProblem('too-large', 'declares more than the total limit');
  }
  const out: ZipEntry[] = [];
  let budget = limits.totalBytes;
  for (const entry of central) {
    if (entry.name.endsWith('/') && entry.size === 0) continue;
    const expanded = expand(bytes, entry, budget, limits);
    budget -= expanded.length;
    out.push({ name: entry.name, bytes: expanded });
  }
  return out;
}
