/**
 * One crash-recovery record: a header line and the draft's JSON.
 *
 *     COPYDESK-JOURNAL 1 {"key":"…","name":"story.copydesk"|null,"savedAt":"<ISO>","length":N,"sha256":"…"} <H>\n
 *     <N bytes: the draft file's text, UTF-8>
 *
 * where `sha256` is the body's SHA-256 and `<H>` the SHA-256 of the line before it (so that a
 * damaged name or time is caught too). Decoding checks everything and rejects the record on the
 * first problem: the magic, the header's checksum and fields (zod), the body's exact length, its
 * SHA-256, strict UTF-8, and `parseDraft`. So a record cut
 * short anywhere, or with a byte changed, is rejected with a reason and never becomes an empty
 * or partial draft (VS Code #78500 restored truncated backups as empty files).
 */
import * as z from 'zod';
import { parseDraft, type Draft } from '../../shared/draft/format';
import { sha256Hex } from '../node/draft-file';

/** The first bytes of every record. */
export const JOURNAL_MAGIC = 'COPYDESK-JOURNAL 1';

/** Keys are chosen by the renderer: short, and safe as a file name. */
export const JOURNAL_KEY = /^[A-Za-z0-9_-]{1,64}$/u;

const headerSchema = z.strictObject({
  key: z.string().regex(JOURNAL_KEY),
  name: z.string().min(1).max(255).nullable(),
  savedAt: z.iso.datetime({ offset: true }),
  length: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
});

/** The header of a record. */
export type JournalHeader = z.infer<typeof headerSchema>;

/** A record that passed every check. */
export interface JournalRecord {
  readonly header: JournalHeader;
  /** The draft file's text, as it would be saved. */
  readonly text: string;
  readonly draft: Draft;
}

/** A record that was rejected, and why (a sentence). */
export class JournalRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalRecordError';
  }
}

/** Encodes a record for `draftText` (a serialised draft) under `key`. */
export function encodeJournalRecord(key: string, name: string | null, savedAt: Date, draftText: string): Uint8Array {
  const body = Buffer.from(draftText, 'utf8');
  return encodeJournalRecordOf(key, name, savedAt, body, sha256Hex(body));
}

/** Encodes a record whose body (a serialised draft's UTF-8 bytes) and its SHA-256 were made elsewhere: the header is all this does. */
export function encodeJournalRecordOf(key: string, name: string | null, savedAt: Date, body: Uint8Array, bodySha256: string): Uint8Array {
  const header: JournalHeader = headerSchema.parse({ key, name, savedAt: savedAt.toISOString(), length: body.length, sha256: bodySha256 });
  const line = `${JOURNAL_MAGIC} ${JSON.stringify(header)}`;
  return Buffer.concat([Buffer.from(`${line} ${sha256Hex(line)}\n`, 'utf8'), body]);
}

/** Decodes and checks a record; throws `JournalRecordError` naming the first problem found. */
export function decodeJournalRecord(bytes: Uint8Array): JournalRecord {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = Buffer.from(`${JOURNAL_MAGIC} `, 'utf8');
  if (buffer.length < magic.length || !buffer.subarray(0, magic.length).equals(magic)) {
    throw new JournalRecordError(buffer.length === 0 ? 'The record is empty.' : 'The record does not start with the journal header.');
  }
  const newline = buffer.indexOf(0x0a, magic.length);
  if (newline < 0) throw new JournalRecordError('The record ends inside its header.');
  const line = buffer.subarray(0, newline).toString('utf8');
  const space = line.lastIndexOf(' ');
  if (space < magic.length || sha256Hex(line.slice(0, space)) !== line.slice(space + 1)) {
    throw new JournalRecordError('The record’s header is damaged (its checksum does not match).');
  }
  let header: JournalHeader;
  try {
    header = headerSchema.parse(JSON.parse(line.slice(magic.length, space)));
  } catch {
    throw new JournalRecordError('The record’s header is damaged.');
  }
  const body = buffer.subarray(newline + 1);
  if (body.length !== header.length) {
    throw new JournalRecordError(`The record is ${body.length < header.length ? 'cut short' : 'longer than it says'}: ${String(body.length)} of ${String(header.length)} bytes.`);
  }
  if (sha256Hex(body) !== header.sha256) throw new JournalRecordError('The record’s checksum does not match: its content is damaged.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new JournalRecordError('The record’s content is not UTF-8 text.');
  }
  let draft: Draft;
  try {
    draft = parseDraft(text);
  } catch (error) {
    throw new JournalRecordError(`The record’s content is not a valid draft: ${(error as Error).message}`);
  }
  return { header, text, draft };
}
